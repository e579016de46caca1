from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Toont de huidige TOTP-code van een demogebruiker, voor wie zonder telefoon test "
        "(alleen met DEBUG aan)."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam, **options):
        # A code generator for any account would make the second factor worthless outside development.
        if not settings.DEBUG:
            raise CommandError("demo_totp_code werkt alleen in ontwikkeling (DEBUG=1).")
        apparaat = TOTPDevice.objects.filter(user__username=gebruikersnaam, confirmed=True).first()
        if apparaat is None:
            raise CommandError(f"{gebruikersnaam!r} heeft geen gekoppelde authenticator-app.")
        totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
        self.stdout.write(f"{totp.token():0{apparaat.digits}d}")
