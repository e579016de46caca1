import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from finintegriteit.referentie.models import Onderdeel
from finintegriteit.referentie.selectors import LabelZoeker
from rapportage.selectors import exporteer_cijfers

ONBEKEND_ONDERDEEL = "Onbekend onderdeel '{naam}'. Kies uit: {opties}."


class Command(BaseCommand):
    help = "Drukt de cijfers van de jaarrapportage af als JSON (dezelfde code als het rapport)."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, required=True, help="Verslagjaar, bijv. 2024.")
        parser.add_argument(
            "--onderdeel", help="Alleen dit onderdeel (label, andere spelling of code), bijv. Douane."
        )

    def handle(self, *args, jaar, onderdeel=None, **options):
        gekozen = None
        if onderdeel:
            gekozen = Onderdeel.objects.filter(code=onderdeel).first() or LabelZoeker(Onderdeel).zoek(
                onderdeel
            )
            if gekozen is None:
                opties = ", ".join(Onderdeel.objects.values_list("label", flat=True))
                raise CommandError(ONBEKEND_ONDERDEEL.format(naam=onderdeel, opties=opties))
        cijfers = exporteer_cijfers(jaar=jaar, onderdeel=gekozen)
        # Only the JSON on stdout, so that the output can be piped into another program.
        self.stdout.write(json.dumps(cijfers, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder))
