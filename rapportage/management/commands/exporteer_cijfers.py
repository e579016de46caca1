import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from rapportage.management.opties import jaar_en_onderdeel_opties, onderdeel_uit_optie
from rapportage.selectors import exporteer_cijfers
from rapportage.toegang import scope_naam
from rapportage.vaststelling.selectors import vaststelling_van

NIET_VASTGESTELD = "Het rapport over {jaar} ({scope}) is niet vastgesteld."


class Command(BaseCommand):
    help = "Drukt de cijfers van de jaarrapportage af als JSON (dezelfde code als het rapport)."

    def add_arguments(self, parser):
        jaar_en_onderdeel_opties(parser)
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
                scope = scope_naam(gekozen)
                raise CommandError(NIET_VASTGESTELD.format(jaar=jaar, scope=scope))
            # The frozen text itself, not a re-encoding of it.
            self.stdout.write(vaststelling.cijfers_json)
            return
        cijfers = exporteer_cijfers(jaar=jaar, onderdeel=gekozen)
        # Only the JSON on stdout, so that the output can be piped into another program.
        self.stdout.write(json.dumps(cijfers, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder))
