import time

from finintegriteit.prestaties import meting
from finintegriteit.prestaties import rapport as r
from rapportage import inhoud, pdf

DOEL_TAAK = 1.2
DOEL_BIJLAGE2 = 1.5
DOEL_SECONDEN = 10.0


class Command(meting.BenchmarkCommand):
    help = "Meet het rapport via de taak tegen kale WeasyPrint write_pdf, en Bijlage 2 bij veel rijen."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--veel", type=int, default=5000, help="Rijen in Bijlage 2 (groot).")
        parser.add_argument("--weinig", type=int, default=186, help="Rijen in Bijlage 2 (klein).")

    def handle(self, *args, jaar, herhalingen, veel, weinig, **options):
        door = r.coordinator()
        html = pdf.rapport_html(inhoud.rapport_context(jaar=jaar))
        # Task and plain render in turns, so that load from elsewhere hits both sides alike.
        taak, kaal = meting.gepaard(
            lambda: r.via_taak(jaar=jaar, door=door), lambda: r.kaal_write_pdf(html), herhalingen=herhalingen
        )
        meting.tabel(
            self.stdout,
            ["meting", "mediaan (s)", "snelste (s)", "CPU mediaan (s)", "alle runs (s)"],
            [
                [
                    "rapport via taak (aanvraag tot bestand)",
                    taak.mediaan,
                    min(taak.wand),
                    taak.cpu_mediaan,
                    taak.als_tekst(),
                ],
                [
                    "kale write_pdf, zelfde HTML",
                    kaal.mediaan,
                    min(kaal.wand),
                    kaal.cpu_mediaan,
                    kaal.als_tekst(),
                ],
            ],
        )
        self._uitsplitsing(jaar=jaar, herhalingen=herhalingen)
        meting.regel_doel(
            self.stdout, "pdf via taak", meting.verhouding(taak.mediaan, kaal.mediaan), DOEL_TAAK
        )
        meting.ter_vergelijking(self.stdout, taak, kaal)
        self.stdout.write(
            f"rapport {jaar}: {taak.mediaan:.1f} s (doel < {DOEL_SECONDEN:.0f} s) -> "
            f"{meting.oordeel(taak.mediaan, DOEL_SECONDEN)}"
        )
        rijen = []
        for aantal in (weinig, veel):
            html_b2 = r.html_met_bijlage2(jaar=jaar, rijen=aantal)
            begin = time.perf_counter()
            inhoud_pdf = r.kaal_write_pdf(html_b2)
            duur = time.perf_counter() - begin
            n = r.paginas(inhoud_pdf)
            rijen.append([f"Bijlage 2 met {aantal} rijen", duur, n, duur / n])
        meting.tabel(self.stdout, ["meting", "seconden", "pagina's", "s/pagina"], rijen)
        meting.regel_doel(self.stdout, "bijlage 2 per pagina", rijen[1][3] / rijen[0][3], DOEL_BIJLAGE2)

    def _uitsplitsing(self, *, jaar: int, herhalingen: int) -> None:
        """What the report itself does before rendering: the part the ratio is meant to keep small."""
        context = inhoud.rapport_context(jaar=jaar)
        cijfers = meting.mediaan(lambda: inhoud.rapport_context(jaar=jaar), herhalingen=herhalingen)
        html = meting.mediaan(lambda: pdf.rapport_html(context), herhalingen=herhalingen)
        meting.tabel(
            self.stdout,
            ["eigen werk van het rapport", "mediaan (s)"],
            [["cijfers en hoofdstukken (rapport_context)", cijfers], ["HTML (rapport_html)", html]],
        )
