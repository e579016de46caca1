from django.core.management.base import BaseCommand, CommandError

from rapportage.demodata import DemodataFout, demodata_laden


class Command(BaseCommand):
    help = (
        "Laadt demodata die de gepubliceerde Jaarrapportage integriteit 2024 reproduceren: "
        "Tellijst 2022-2024, "
        "OIF-meldingen en afdoeningen 2024, kerncijfers en het register van vertrouwenspersonen. "
        "Twee keer laden geeft dezelfde database."
    )

    def handle(self, *args, **options):
        try:
            aantallen = demodata_laden()
        except DemodataFout as fout:
            raise CommandError(str(fout)) from fout
        regels = [
            f"{aantallen['adviesvragen']} adviesvragen (Tellijst 2022-2024)",
            f"{aantallen['meldingen']} OIF-meldingen 2024",
            f"kerncijfers van {aantallen['kerncijfers']} jaar",
            f"{aantallen['rapportdelen']} hoofdstukken met tekst (2024)",
        ]
        if aantallen["vertrouwenspersonen"] is not None:
            regels.append(f"{aantallen['vertrouwenspersonen']} vertrouwenspersonen in het register")
        self.stdout.write("Demodata geladen: " + ", ".join(regels) + ".")
