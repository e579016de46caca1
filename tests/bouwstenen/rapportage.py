"""Report builders: the dashboard as a user opens it, a small hand-built report, the text of a PDF, the
wait for a real worker."""

import html
import io
import re
import time

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from rapportage import inhoud
from rapportage.models import Rapport
from rapportage.tabellen import Hoofdstuk, Paragraaf, Rij, Tabel


def dashboard_met_tabellen(client, **params):
    """The coordinator's dashboard as a user sees it with every chapter's tables opened (they load when
    opened): the page's response, its content followed by those of the tables."""
    antwoord = client.get(reverse("rapportage:dashboard"), params)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    for pad in re.findall(r'<details[^>]* hx-get="([^"]+)"', tekst):
        tekst += client.get(html.unescape(pad), HTTP_HX_REQUEST="true").content.decode()
    antwoord.content = tekst.encode()
    return antwoord


def klein_context(*, jaar, onderdeel=None, cijfers=None, tellijst=None):
    """A one-table report in place of `inhoud.rapport_context`: the job's path without the real figures."""
    tabel = Tabel(
        "proef",
        "Meldingen per onderdeel",
        "Onderdeel",
        [str(jaar)],
        [Rij("Belastingdienst", [818]), Rij("Douane", [224]), Rij("Totaal", [1042], "totaal")],
    )
    hoofdstuk = Hoofdstuk("h-proef", "1 Proefhoofdstuk", [Paragraaf("p-proef", "1.1 Proef", [tabel])])
    return {
        "titel": inhoud.titel(jaar),
        "jaar": jaar,
        "scope": onderdeel.label if onderdeel else "Ministerie van Financiën",
        "onderdeel": onderdeel,
        "drempel": None,
        "gegenereerd_op": timezone.now(),
        "hoofdstukken": [hoofdstuk],
        "verwachte_paginas": 3,
    }


def pdf_tekst(inhoud_pdf: bytes) -> str:
    lezer = PdfReader(io.BytesIO(inhoud_pdf))
    return "\n".join(pagina.extract_text() for pagina in lezer.pages)


def wacht_tot_afgerond(rapport_pk: int, *, seconden: float = 120) -> Rapport:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        rapport = Rapport.objects.get(pk=rapport_pk)
        if rapport.status in (Rapport.Status.KLAAR, Rapport.Status.MISLUKT):
            return rapport
        # A short look at one row: the test ends as soon as the worker does.
        time.sleep(0.05)
    raise AssertionError(f"rapport {rapport_pk} niet afgerond binnen {seconden} s (status {rapport.status})")
