"""Timing and printing shared by the benchmark commands: median of N runs, a small table, a ratio."""

import statistics
import time
from collections.abc import Callable


def mediaan(functie: Callable[[], object], *, herhalingen: int) -> float:
    """Median wall time in seconds of `herhalingen` calls (one warm-up call first, not counted)."""
    functie()
    tijden = []
    for _ in range(max(herhalingen, 1)):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def verhouding(teller: float, noemer: float) -> float:
    return teller / noemer if noemer else float("inf")


def oordeel(ratio: float, doel: float) -> str:
    return "gehaald" if ratio <= doel else "NIET gehaald"


def tabel(stdout, kop: list[str], rijen: list[list]) -> None:
    tekst = [[str(c) for c in kop]] + [[_cel(c) for c in rij] for rij in rijen]
    breedte = [max(len(rij[i]) for rij in tekst) for i in range(len(kop))]
    for n, rij in enumerate(tekst):
        stdout.write("  ".join(c.ljust(b) for c, b in zip(rij, breedte, strict=True)))
        if n == 0:
            stdout.write("  ".join("-" * b for b in breedte))


def _cel(waarde) -> str:
    if isinstance(waarde, float):
        return f"{waarde:.4f}"
    return str(waarde)


def regel_doel(stdout, naam: str, ratio: float, doel: float) -> None:
    stdout.write(f"{naam}: verhouding {ratio:.2f} (doel <= {doel}) -> {oordeel(ratio, doel)}")
