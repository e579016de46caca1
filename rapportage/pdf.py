"""HTML to PDF with WeasyPrint: the only module that knows WeasyPrint.

WeasyPrint is imported inside the functions so that web processes which never render a PDF do not
pay for loading it (Pango, HarfBuzz, fontTools) at start-up.

Resources are read from disk, never over the network: the HTML and CSS refer to static files under a
fixed, non-resolvable origin (`BASIS_URL`) and the URL fetcher maps those URLs to files found by
Django's staticfiles machinery. Every other URL (file://, http(s) elsewhere, data:) is refused and
stops the rendering, so a report cannot silently miss its fonts or leak a request.
"""

import logging
import mimetypes
import threading
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

# `.invalid` never resolves (RFC 2606): even a fetcher bug cannot reach a real host.
BASIS_URL = "https://rapport.finintegriteit.invalid/"
PDF_VARIANT = "pdf/ua-1"
SJABLOON = "rapportage/pdf/rapport.html"

FOUT_URL_GEWEIGERD = "Alleen statische bestanden van de applicatie mogen in het rapport: {url}"
FOUT_BESTAND_ONTBREEKT = "Statisch bestand ontbreekt: {pad}"


class GeweigerdeURL(ValueError):
    pass


def statisch_bestand(url: str) -> Path:
    """The file on disk behind a static URL of the report, or GeweigerdeURL.

    Only `BASIS_URL + STATIC_URL + <relative path>` is accepted; `..` and absolute paths are refused.
    """
    voorvoegsel = BASIS_URL.rstrip("/") + "/" + settings.STATIC_URL.strip("/") + "/"
    if not url.startswith(voorvoegsel):
        raise GeweigerdeURL(FOUT_URL_GEWEIGERD.format(url=url))
    relatief = PurePosixPath(unquote(urlsplit(url[len(voorvoegsel) :]).path))
    if relatief.is_absolute() or ".." in relatief.parts or not relatief.parts:
        raise GeweigerdeURL(FOUT_URL_GEWEIGERD.format(url=url))
    gevonden = finders.find(str(relatief))
    if gevonden:
        return Path(gevonden)
    # Production: hashed names written by collectstatic into STATIC_ROOT.
    if staticfiles_storage.exists(str(relatief)):
        return Path(staticfiles_storage.path(str(relatief)))
    raise GeweigerdeURL(FOUT_BESTAND_ONTBREEKT.format(pad=relatief))


def _url_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeBestanden(URLFetcher):
        def fetch(self, url, headers=None):
            pad = statisch_bestand(url)
            soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            if pad.suffix == ".woff2":
                soort = "font/woff2"
            return URLFetcherResponse(url, body=pad.read_bytes(), headers={"Content-Type": soort})

    # A refused or missing resource must fail the report, not give a PDF without its fonts.
    return StatischeBestanden(fail_on_errors=True)


def opwarmen() -> None:
    """Load WeasyPrint and its native libraries now, in a worker that is starting, not in its first task.

    Measured: loading costs about 0.4 s of CPU once per process; the first render after it is no
    slower than later ones, so importing is all the warming there is to do. Kept this short on
    purpose: a prefork child that does not report ready within a few seconds is replaced.
    """
    import weasyprint  # noqa: F401


def rapport_html(context: dict) -> str:
    """Exactly the HTML that becomes the PDF (the debug view and the command show the same)."""
    return render_to_string(SJABLOON, context)


class _Voortgang(logging.Handler):
    """Turns WeasyPrint's progress log into percentages for the Rapport row.

    Only messages of the rendering thread count; `verwachte_paginas` spreads the layout phase, by far
    the longest, over the range between `van` and `tot`.
    """

    def __init__(self, melden: Callable[[int], None], *, van: int, tot: int, verwachte_paginas: int):
        super().__init__(level=logging.INFO)
        self.melden = melden
        self.van, self.tot = van, tot
        self.verwachte_paginas = max(verwachte_paginas, 1)
        self.draad = threading.get_ident()
        self.hoogste = van

    def _meld(self, procent: int):
        # Repagination (for the page numbers in the table of contents) restarts the page count;
        # progress shown to the user must never go back.
        if procent > self.hoogste:
            self.hoogste = procent
            self.melden(procent)

    def emit(self, record):
        if threading.get_ident() != self.draad:
            return
        bericht = record.getMessage()
        bereik = self.tot - self.van
        if bericht.startswith("Step 5") and record.args:
            pagina = record.args[0]
            deel = min(pagina / self.verwachte_paginas, 1.0)
            self._meld(self.van + int(bereik * 0.1) + int(bereik * 0.8 * deel))
        elif bericht.startswith("Step 6"):
            self._meld(self.van + int(bereik * 0.9))


def html_naar_pdf(
    html: str,
    *,
    voortgang: Callable[[int], None] | None = None,
    voortgang_van: int = 0,
    voortgang_tot: int = 100,
    verwachte_paginas: int = 40,
) -> bytes:
    """Render the report HTML to a tagged PDF (PDF/UA-1) and return its bytes."""
    from weasyprint import HTML
    from weasyprint.logger import PROGRESS_LOGGER

    handler = None
    vorige = (PROGRESS_LOGGER.level, PROGRESS_LOGGER.propagate)
    if voortgang is not None:
        handler = _Voortgang(
            voortgang, van=voortgang_van, tot=voortgang_tot, verwachte_paginas=verwachte_paginas
        )
        PROGRESS_LOGGER.addHandler(handler)
        # The settings hold the 'weasyprint' loggers at WARNING (else a log line per page), and the
        # progress messages are INFO: without this they never reach the handler and the progress
        # bar jumps from 30 to 100. Opened for this render only, and kept out of the log.
        PROGRESS_LOGGER.setLevel(logging.INFO)
        PROGRESS_LOGGER.propagate = False
    try:
        document = HTML(string=html, base_url=BASIS_URL, url_fetcher=_url_fetcher())
        return document.write_pdf(pdf_variant=PDF_VARIANT)
    finally:
        if handler is not None:
            PROGRESS_LOGGER.removeHandler(handler)
            PROGRESS_LOGGER.setLevel(vorige[0])
            PROGRESS_LOGGER.propagate = vorige[1]
