"""Shared by the PDF and queue benchmarks: a coordinator, timing a report through the service, cleanup."""

import datetime
import io
import os
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from finintegriteit.kern import rollen as r
from rapportage import inhoud, opslag, pdf, services
from rapportage.models import Rapport

COORDINATOR = "benchmark-coordinator"
MAX_WACHTEN = 600
POLLEN = 0.25


def coordinator():
    gebruiker, _ = get_user_model().objects.get_or_create(
        username=COORDINATOR, defaults={"is_active": False, "password": "!"}
    )
    gebruiker.groups.add(Group.objects.get(name=r.COORDINATOR))
    return gebruiker


def opruimen(rapport_pk: int) -> None:
    rapport = Rapport.objects.filter(pk=rapport_pk).first()
    if rapport is None:
        return
    pad = opslag.rapport_pad(rapport)
    if pad is not None:
        pad.unlink(missing_ok=True)
    rapport.delete()


def via_taak(*, jaar: int, door) -> float:
    """Seconds from the request (enqueue) until the row is klaar with its file stored.

    The end is the row's `klaar_op`, stamped by the run that finished it, so the polling here can be
    slow: polling every few milliseconds would take CPU from the worker on a small machine.
    """
    begin = timezone.now()
    rapport = services.rapport_aanvragen(door=door, jaar=jaar)
    deadline = time.monotonic() + MAX_WACHTEN
    while True:
        status, reden, klaar_op = (
            Rapport.objects.filter(pk=rapport.pk).values_list("status", "reden", "klaar_op").get()
        )
        if status == Rapport.Status.KLAAR:
            break
        if status == Rapport.Status.MISLUKT or time.monotonic() > deadline:
            opruimen(rapport.pk)
            raise RuntimeError(f"Rapport niet klaar ({status}): {reden}")
        time.sleep(POLLEN)
    opruimen(rapport.pk)
    return (klaar_op - begin).total_seconds()


def inline(*, jaar: int, door) -> float:
    """The same work without a queue: create the row and call the generation service directly."""
    begin = time.perf_counter()
    rapport = Rapport.objects.create(jaar=jaar, aangevraagd_door=door)
    services.rapport_genereren(rapport_pk=rapport.pk)
    duur = time.perf_counter() - begin
    opruimen(rapport.pk)
    return duur


def kaal_write_pdf(html: str) -> bytes:
    """Plain WeasyPrint on the very same HTML, with the same resources (fonts, CSS) and PDF variant."""
    from weasyprint import HTML

    return HTML(string=html, base_url=pdf.BASIS_URL, url_fetcher=pdf._url_fetcher()).write_pdf(
        pdf_variant=pdf.PDF_VARIANT
    )


def proces_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by another process (Linux /proc)."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def paginas(inhoud_pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(inhoud_pdf)).pages)


def html_met_bijlage2(*, jaar: int, rijen: int) -> str:
    """The report's HTML with Bijlage 2 stretched or shrunk to `rijen` rows (order kept)."""
    from rapportage.selectors import jaarcijfers

    cijfers = jaarcijfers(jaar=jaar)
    bron = cijfers["oif"].get("bijlage2") or [_voorbeeldrij()]
    cijfers["oif"]["bijlage2"] = [dict(bron[i * len(bron) // rijen]) for i in range(rijen)]
    return pdf.rapport_html(inhoud.rapport_context(jaar=jaar, cijfers=cijfers))


def _voorbeeldrij() -> dict:
    return {
        "dienstonderdeel": "Belastingdienst",
        "schending": "Misbruik van bevoegdheden",
        "inhoud": "Medewerker heeft zich niet gehouden aan interne regels.",
        "afdoening": "Corrigerend gesprek",
        "klasse": "niet-disciplinair",
        "datum": datetime.date(2024, 6, 1),
    }


def _reeks_opruimen(reeks) -> None:
    for pk in Rapport.objects.filter(reeks=reeks).values_list("pk", flat=True):
        opruimen(pk)
    reeks.delete()


def reeks_via_workers(*, jaar: int, door, onderdelen: list) -> float:
    """Seconds from requesting all reports of a year until the last of them is klaar (its `klaar_op`)."""
    from rapportage.models import Reeks
    from rapportage.services.reeks import reeks_aanvragen

    reeks = reeks_aanvragen(door=door, jaar=jaar, onderdelen=onderdelen)
    rapporten = Rapport.objects.filter(reeks=reeks)
    deadline = time.monotonic() + MAX_WACHTEN
    while rapporten.filter(status__in=services.ACTIEF).exists():
        if time.monotonic() > deadline:
            _reeks_opruimen(reeks)
            raise RuntimeError("Reeks niet klaar binnen de wachttijd")
        time.sleep(POLLEN)
    mislukt = list(rapporten.filter(status=Rapport.Status.MISLUKT).values_list("reden", flat=True))
    laatste = max(rapporten.values_list("klaar_op", flat=True))
    begin = Reeks.objects.get(pk=reeks.pk).aangevraagd_op
    _reeks_opruimen(reeks)
    if mislukt:
        raise RuntimeError(f"Rapport van de reeks mislukt: {mislukt[0]}")
    return (laatste - begin).total_seconds()


def reeks_inline(*, jaar: int, door, onderdelen: list) -> float:
    """The same reports one after another in this process, without a queue."""
    begin = time.perf_counter()
    gemaakt = []
    for onderdeel in [None, *onderdelen]:
        rapport = Rapport.objects.create(jaar=jaar, onderdeel=onderdeel, aangevraagd_door=door)
        services.rapport_genereren(rapport_pk=rapport.pk)
        gemaakt.append(rapport.pk)
    duur = time.perf_counter() - begin
    for pk in gemaakt:
        opruimen(pk)
    return duur
