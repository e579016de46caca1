"""Timing and printing shared by the benchmark commands: median of N runs, a small table, a ratio."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand


def mediaan(functie: Callable[[], object], *, herhalingen: int) -> float:
    """Median wall time in seconds of `herhalingen` calls (one warm-up call first, not counted)."""
    functie()
    tijden = []
    for _ in range(max(herhalingen, 1)):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


@dataclass
class Runs:
    """Wall time and CPU time of each run of one side of a paired measurement."""

    wand: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def mediaan(self) -> float:
        return statistics.median(self.wand)

    @property
    def cpu_mediaan(self) -> float:
        return statistics.median(self.cpu)

    def als_tekst(self) -> str:
        return " ".join(f"{t:.2f}" for t in self.wand)


def gepaard(
    a: Callable[[], object],
    b: Callable[[], object],
    *,
    herhalingen: int,
    cpu_a: Callable[[], float] = time.process_time,
    cpu_b: Callable[[], float] = time.process_time,
) -> tuple[Runs, Runs]:
    """`a` and `b` called in turns, a, b, a, b, ... (one warm-up call of each first, not counted).

    On a machine shared with other work, load comes and goes within seconds; taking all runs of
    one side first and then all of the other lets that drift decide the ratio. Alternating puts it
    on both sides alike. CPU time (`cpu_a`/`cpu_b` read the process that does the work) is hardly
    touched by other load at all, so it is recorded as well.
    """
    a()
    b()
    runs_a, runs_b = Runs(), Runs()
    for _ in range(max(herhalingen, 1)):
        for functie, cpu, runs in ((a, cpu_a, runs_a), (b, cpu_b, runs_b)):
            cpu_begin = cpu()
            begin = time.perf_counter()
            uitkomst = functie()
            duur = time.perf_counter() - begin
            # A function that measures itself (the task: request to `klaar_op`) returns its seconds.
            runs.wand.append(uitkomst if isinstance(uitkomst, float) else duur)
            runs.cpu.append(cpu() - cpu_begin)
    return runs_a, runs_b


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


def ter_vergelijking(stdout, a: Runs, b: Runs) -> None:
    """Two more ratios that noise from other processes moves less than the medians of wall time."""
    stdout.write(
        f"ter vergelijking: snelste ÷ snelste {verhouding(min(a.wand), min(b.wand)):.2f}, "
        f"CPU-tijd ÷ CPU-tijd {verhouding(a.cpu_mediaan, b.cpu_mediaan):.2f} "
        "(het doel geldt voor de medianen van de wandkloktijd)"
    )


class BenchmarkCommand(BaseCommand):
    """The options every report benchmark shares: the year measured and how often each side runs."""

    herhalingen = 3

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, default=2024)
        parser.add_argument("--herhalingen", type=int, default=self.herhalingen)
