import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import Profiel
from finintegriteit.kern.tweestaps import geheim_als_tekst
from finintegriteit.referentie.models import Onderdeel

# (user name, role, onderdeel code of a coordinator tied to one onderdeel, rights of the person)
DEMOGEBRUIKERS = [
    ("analist", r.OIF_ANALIST, None, []),
    ("teamleider", r.OIF_ANALIST, None, list(r.BIJZONDERE_RECHTEN)),
    ("vertrouwenspersoon", r.VERTROUWENSPERSOON, None, []),
    ("coordinator", r.COORDINATOR, None, []),
    ("coordinator-douane", r.COORDINATOR, "douane", []),
    ("beheerder", r.BEHEERDER, None, []),
]


def _recht(naam: str) -> Permission:
    app_label, codename = naam.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Command(BaseCommand):
    help = (
        "Maakt één demogebruiker per rol (alleen met DEBUG aan) en toont eenmalig hun wachtwoord en de "
        "sleutel van hun authenticator-app."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Geef bestaande demogebruikers een nieuw wachtwoord en een nieuwe authenticator-sleutel.",
        )

    @transaction.atomic
    def handle(self, *args, opnieuw=False, **options):
        if not settings.DEBUG:
            raise CommandError("Demogebruikers alleen in ontwikkeling (DEBUG=1).")
        User = get_user_model()
        for naam, rol, onderdeel_code, rechten in DEMOGEBRUIKERS:
            gebruiker, nieuw = User.objects.get_or_create(username=naam)
            gebruiker.groups.set([Group.objects.get(name=rol)])
            gebruiker.user_permissions.set([_recht(recht) for recht in rechten])
            # The beheeromgeving (/beheer/) lets in staff accounts only.
            gebruiker.is_staff = rol == r.BEHEERDER
            if onderdeel_code:
                Profiel.objects.update_or_create(
                    gebruiker=gebruiker, defaults={"onderdeel": Onderdeel.objects.get(code=onderdeel_code)}
                )
            if nieuw or opnieuw:
                wachtwoord = secrets.token_urlsafe(12)
                gebruiker.set_password(wachtwoord)
                # Demo accounts skip the activation code: their app is linked here, the key shown once.
                TOTPDevice.objects.filter(user=gebruiker).delete()
                apparaat = TOTPDevice.objects.create(user=gebruiker, name="Demo", confirmed=True)
                self.stdout.write(
                    f"{naam:20} {rol:24} wachtwoord: {wachtwoord}   "
                    f"authenticator-sleutel: {geheim_als_tekst(apparaat)}"
                )
            else:
                self.stdout.write(
                    f"{naam:20} {rol:24} bestaat al (wachtwoord en sleutel ongewijzigd; "
                    "--opnieuw geeft nieuwe)"
                )
            gebruiker.save()
        self.stdout.write(
            "Elke login vraagt na het wachtwoord een code. Zet de sleutel in een authenticator-app "
            "(handmatig invoeren, op tijd gebaseerd), of vraag zonder telefoon de huidige code op met "
            "'DEBUG=1 .venv/bin/python manage.py demo_totp_code <gebruikersnaam>'."
        )
