from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from finintegriteit.kern.services.audit import audittrail_controleren


class Command(BaseCommand):
    help = (
        "Controleer de keten van de audittrail: stopt met een foutcode en noemt de eerste regel die is "
        "gewijzigd, verwijderd of tussengevoegd. Noteer het anker dat het commando toont buiten de "
        "database; geef het een volgende keer mee met --anker, dan valt ook een herschreven keten op."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--anker",
            metavar="REGEL:CONTROLEWAARDE",
            help="Een eerder genoteerd anker (regelnummer:controlewaarde) waar de keten langs moet komen.",
        )

    def handle(self, *args, anker=None, **options):
        controle = audittrail_controleren(anker=_anker(anker) if anker else None)
        breuk = controle.breuk
        if breuk is not None:
            tijdstip = f" ({timezone.localtime(breuk.op):%d-%m-%Y %H:%M:%S})" if breuk.op else ""
            raise CommandError(
                f"Audittrail niet in orde: regel {breuk.regel_id}{tijdstip} {breuk.uitleg}. "
                f"De {controle.aantal} regel(s) ervoor zijn in orde."
            )
        self.stdout.write(f"Audittrail in orde: {controle.aantal} regel(s) gecontroleerd.\n")
        if controle.laatste_id is not None:
            self.stdout.write(f"Anker: {controle.laatste_id}:{controle.laatste_hash}\n")


def _anker(tekst: str) -> tuple[int, str]:
    regel, _, waarde = tekst.partition(":")
    if not regel.isdigit() or len(waarde) != 64:
        raise CommandError("Geef het anker als regelnummer:controlewaarde, zoals het commando het toonde.")
    return int(regel), waarde
