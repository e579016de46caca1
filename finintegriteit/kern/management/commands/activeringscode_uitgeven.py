import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from finintegriteit.kern import rollen as r
from finintegriteit.kern import services
from finintegriteit.kern.models import Profiel


class Command(BaseCommand):
    help = (
        "Geeft een activeringscode uit voor één account en toont hem eenmalig. Bedoeld voor de eerste "
        "functioneel beheerder van een nieuwe installatie (--nieuwe-beheerder maakt dat account), en de "
        "eerste teamleider en coördinator van het hele ministerie; daarna geven de beheerder ('Gebruikers "
        "en rollen'), de teamleider en de coördinatoren ('Activeringscodes') de codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument(
            "--nieuwe-beheerder",
            action="store_true",
            help=(
                "Maak het account eerst aan als functioneel beheerder, met een startwachtwoord dat "
                "eenmalig getoond wordt."
            ),
        )

    @transaction.atomic
    def handle(self, *args, gebruikersnaam, nieuwe_beheerder=False, **options):
        User = get_user_model()
        if nieuwe_beheerder:
            if User.objects.filter(username=gebruikersnaam).exists():
                raise CommandError(f"Er is al een account met gebruikersnaam {gebruikersnaam!r}.")
            wachtwoord = secrets.token_urlsafe(15)
            gebruiker = User.objects.create_user(gebruikersnaam, password=wachtwoord, is_staff=True)
            gebruiker.groups.add(Group.objects.get(name=r.BEHEERDER))
            Profiel.objects.create(gebruiker=gebruiker, wachtwoord_wijzigen=True)
            self.stdout.write(
                f"Account {gebruikersnaam} (functioneel beheerder), startwachtwoord: {wachtwoord}"
            )
        try:
            gebruiker = User.objects.get(username=gebruikersnaam)
        except User.DoesNotExist:
            raise CommandError(f"Er is geen account met gebruikersnaam {gebruikersnaam!r}.") from None
        if not gebruiker.is_active:
            raise CommandError(f"Het account {gebruikersnaam!r} is gedeactiveerd.")
        code = services.activeringscode_uitgeven(door=None, gebruiker=gebruiker)
        self.stdout.write(
            f"Activeringscode voor {gebruikersnaam}: {code}\n"
            "Geef hem buiten FinIntegriteit door; hij werkt één keer en wordt nergens anders getoond."
        )
