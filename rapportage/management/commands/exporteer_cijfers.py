import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from rapportage.management.opties import onderdeel_uit_optie
from rapportage.selectors import exporteer_cijfers
from rapportage.vaststelling.selectors import vaststelling_van

NIET_VASTGESTELD = "Het rapport over {jaar} ({scope}) is niet vastgesteld."


class Command(BaseCommand):
    help = "Drukt de cijfers van de jaarrapportage af als JSON (dezelfde code als het rapport)."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, required=True, help="Verslagjaar, bijv. 2024.")
        parser.add_argument(
            "--onderdeel", help="Alleen dit onderdeel (label, andere spelling of code), bijv. Douane."
        )
        parser.add_argument(
            "--vastgesteld",
            action="store_true",
            help="De cijfers zoals ze bij de vaststelling zijn bevroren, teken voor teken.",
        )

    def handle(self, *args, jaar, onderdeel=None, vastgesteld=False, **options):
        gekozen = onderdeel_uit_optie(onderdeel)
        if vastgesteld:
            vaststelling = vaststelling_van(jaar=jaar, onderdeel=gekozen)
            if vaststelling is None:
                scope = gekozen.label if gekozen else "hele ministerie"
                raise CommandError(NIET_VASTGESTELD.format(jaar=jaar, scope=scope))
            # The frozen text itself, not a re-encoding of it.
            self.stdout.write(vaststelling.cijfers_json)
            return
        cijfers = exporteer_cijfers(jaar=jaar, onderdeel=gekozen)
        # Only the JSON on stdout, so that the output can be piped into another program.
        self.stdout.write(json.dumps(cijfers, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder))
