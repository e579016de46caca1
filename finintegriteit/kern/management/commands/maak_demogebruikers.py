import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import Profiel
from finintegriteit.kern.tweestaps import tweestaps_vereist
from finintegriteit.referentie.models import Onderdeel

# (user name, role, onderdeel code of a coordinator tied to one onderdeel)
DEMOGEBRUIKERS = [
    ("analist", r.OIF_ANALIST, None),
    ("vertrouwenspersoon", r.VERTROUWENSPERSOON, None),
    ("coordinator", r.COORDINATOR, None),
    ("coordinator-douane", r.COORDINATOR, "douane"),
    ("beheerder", r.BEHEERDER, None),
]


class Command(BaseCommand):
    help = "Maakt één demogebruiker per rol (alleen met DEBUG aan) en toont de wachtwoorden eenmalig."

    def add_arguments(self, parser):
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Geef bestaande demogebruikers een nieuw wachtwoord en ontkoppel hun authenticator-app.",
        )

    @transaction.atomic
    def handle(self, *args, opnieuw=False, **options):
        if not settings.DEBUG:
            raise CommandError("Demogebruikers alleen in ontwikkeling (DEBUG=1).")
        User = get_user_model()
        met_tweede_stap = []
        for naam, rol, onderdeel_code in DEMOGEBRUIKERS:
            gebruiker, nieuw = User.objects.get_or_create(username=naam)
            gebruiker.groups.set([Group.objects.get(name=rol)])
            if rol == r.BEHEERDER:
                gebruiker.is_staff = True
            if onderdeel_code:
                Profiel.objects.update_or_create(
                    gebruiker=gebruiker, defaults={"onderdeel": Onderdeel.objects.get(code=onderdeel_code)}
                )
            if nieuw or opnieuw:
                wachtwoord = secrets.token_urlsafe(12)
                gebruiker.set_password(wachtwoord)
                TOTPDevice.objects.filter(user=gebruiker).delete()
                self.stdout.write(f"{naam:22} {rol:26} wachtwoord: {wachtwoord}")
            else:
                self.stdout.write(
                    f"{naam:22} {rol:26} bestaat al (wachtwoord ongewijzigd; --opnieuw geeft een nieuw)"
                )
            gebruiker.save()
            if tweestaps_vereist(gebruiker):
                met_tweede_stap.append(naam)
        self.stdout.write(
            f"Let op: {' en '.join(met_tweede_stap)} koppelen bij de eerste keer inloggen in de browser een "
            "authenticator-app (TOTP-code, QR-code op de pagina); daarna vraagt elke login om een code."
        )
