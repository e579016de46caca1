"""`manage.py genereer_jaarrapportage --jaar 2024 [--onderdeel NAAM] --uitvoer rapport.pdf`

Runs the same code as the Celery task (services.rapport_pdf_maken), without a Rapport row: for
scripts, checks and layout work. `--html` writes exactly the HTML that the PDF is made from. Unlike the
pages it counts the live Tellijst, not the last publication: whoever runs it holds the database already.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from rapportage import inhoud, pdf, services
from rapportage.management.opties import jaar_en_onderdeel_opties, onderdeel_uit_optie
from rapportage.opslag import atomair_schrijven
from rapportage.selectors import live
from rapportage.toegang import scope_naam


class Command(BaseCommand):
    help = "Maakt de jaarrapportage integriteit als PDF (dezelfde code als de achtergrondtaak)."

    def add_arguments(self, parser):
        jaar_en_onderdeel_opties(parser)
        parser.add_argument("--uitvoer", required=True, help="Pad van het PDF-bestand dat wordt geschreven.")
        parser.add_argument(
            "--html", action="store_true", help="Schrijf de HTML waaruit de PDF wordt gemaakt."
        )

    def handle(self, *args, jaar, onderdeel=None, uitvoer, html=False, **options):
        gekozen = onderdeel_uit_optie(onderdeel)
        if html:
            inhoud_bytes = pdf.rapport_html(
                inhoud.rapport_context(jaar=jaar, onderdeel=gekozen, tellijst=live())
            ).encode()
        else:
            inhoud_bytes = services.rapport_pdf_maken(jaar=jaar, onderdeel=gekozen, tellijst=live())
        doel = Path(uitvoer)
        atomair_schrijven(doel.resolve(), inhoud_bytes, prefix=f".{doel.name}-")
        scope = scope_naam(gekozen)
        self.stdout.write(
            f"Jaarrapportage {jaar} ({scope}) geschreven naar {doel} ({len(inhoud_bytes):,} bytes)."
        )
