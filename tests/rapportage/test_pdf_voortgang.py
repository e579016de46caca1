"""While WeasyPrint renders, the report's progress moves: the user sees more than 30 % and then 100 %."""

import logging

from weasyprint.logger import PROGRESS_LOGGER

from rapportage import pdf

PAGINAS = "".join(f'<h1 style="break-before: page">Pagina {n}</h1><p>Tekst.</p>' for n in range(1, 6))
HTML = f'<!DOCTYPE html><html lang="nl"><head><title>Voortgang</title></head><body>{PAGINAS}</body></html>'


def test_voortgang_loopt_op_tijdens_het_renderen_met_de_logging_van_het_project():
    # The project's settings keep WeasyPrint's loggers at WARNING; progress must get through anyway.
    assert not PROGRESS_LOGGER.isEnabledFor(logging.INFO)
    gemeld: list[int] = []

    pdf.html_naar_pdf(HTML, voortgang=gemeld.append, voortgang_van=30, voortgang_tot=90, verwachte_paginas=5)

    assert len(gemeld) >= 3, gemeld
    assert gemeld == sorted(set(gemeld))
    assert 30 < gemeld[0] and gemeld[-1] <= 90
    # Opened for that one render only.
    assert not PROGRESS_LOGGER.isEnabledFor(logging.INFO)
    assert PROGRESS_LOGGER.propagate
