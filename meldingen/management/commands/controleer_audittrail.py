from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from meldingen.audit import audittrail_controleren


class Command(BaseCommand):
    help = (
        "Controleer de keten van de audittrail: stopt met een foutcode en noemt de eerste regel die is "
        "gewijzigd, verwijderd of tussengevoegd."
    )

    def handle(self, *args, **options):
        aantal, breuk = audittrail_controleren()
        if breuk is not None:
            tijdstip = timezone.localtime(breuk.op).strftime("%d-%m-%Y %H:%M:%S")
            raise CommandError(
                f"Audittrail niet in orde: regel {breuk.regel_id} ({tijdstip}) {breuk.uitleg}. "
                f"De {aantal} regel(s) ervoor zijn in orde."
            )
        self.stdout.write(f"Audittrail in orde: {aantal} regel(s) gecontroleerd.")
