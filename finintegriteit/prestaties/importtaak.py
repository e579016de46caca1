"""A large import end to end through a real Celery worker: upload, check, confirm, import.

The worker's peak memory is the high-water mark of its resident set (VmHWM) after the import: with
the solo pool the task runs in the worker's main process, so that is the memory one import needs.
"""

import time
from pathlib import Path

from finintegriteit.kern.importeren import Upload
from finintegriteit.kern.importeren import services as importservices
from finintegriteit.kern.models import Importbestand

MAX_WACHTEN = 30 * 60


def piekgeheugen_mb(pid: int) -> float:
    """The process's peak resident memory in MB (Linux /proc), or 0 where that is not available."""
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith("VmHWM:"):
                return int(regel.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _wacht(pk, *, tot: set[str]) -> Importbestand:
    begin = time.monotonic()
    while time.monotonic() - begin < MAX_WACHTEN:
        rij = Importbestand.objects.get(pk=pk)
        if rij.status in tot:
            return rij
        time.sleep(0.2)
    raise TimeoutError(f"Import {pk} niet klaar binnen {MAX_WACHTEN} s")


def via_taak(*, door, upload: Upload, naam: str) -> dict[str, float]:
    """Seconds for the check and for the import, each from the request until the worker is done.

    Runs outside a transaction: the worker must see the row, and its import really commits.
    """
    S = Importbestand.Status
    begin = time.perf_counter()
    rij = importservices.importbestand_klaarzetten(
        soort=Importbestand.Soort.TELLIJST, door=door, bestandsnaam=naam, upload=upload, in_proces=False
    )
    rij = _wacht(rij.pk, tot={S.VOORBEELD, S.MISLUKT})
    gecontroleerd = time.perf_counter()
    if rij.status != S.VOORBEELD or rij.aantal_fouten:
        raise RuntimeError(f"De controle vond fouten: {rij.reden or rij.fouten[:3]}")
    importservices.importbestand_bevestigen(importbestand=rij, door=door, opnieuw=True, in_proces=False)
    rij = _wacht(rij.pk, tot={S.GEIMPORTEERD, S.MISLUKT})
    if rij.status != S.GEIMPORTEERD:
        raise RuntimeError(f"De import mislukte: {rij.reden or rij.fouten[:3]}")
    klaar = time.perf_counter()
    return {
        "controle": gecontroleerd - begin,
        "import": klaar - gecontroleerd,
        "totaal": klaar - begin,
        "pk": rij.pk,
    }
