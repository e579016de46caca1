import uuid

from django.conf import settings
from django.db import models


class Profiel(models.Model):
    """What a role needs beyond group membership: a coordinator may be tied to one onderdeel."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel", verbose_name="gebruiker"
    )
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="onderdeel",
        help_text="Alleen voor een integriteitscoördinator van één onderdeel; leeg = het hele ministerie.",
    )
    wachtwoord_wijzigen = models.BooleanField(
        "moet wachtwoord wijzigen",
        default=False,
        help_text="Het account heeft nog het startwachtwoord dat de beheerder zag.",
    )

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self):
        return f"Profiel van {self.gebruiker}"


class Activeringscode(models.Model):
    """A one-time code that lets one person link an authenticator app, issued by the functioneel beheerder.

    Only the SHA-256 of the code is stored: the code itself is shown once to the beheerder, who hands it
    over outside the system. The codes are random (60 bits), so an unsalted hash is enough; nobody can
    try them all. A code is used up when the link is confirmed, and is void after `verloopt_op` or after
    too many wrong attempts.
    """

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activeringscodes",
        verbose_name="gebruiker",
    )
    code_hash = models.CharField("SHA-256 van de code", max_length=64, unique=True)
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgegeven door",
    )
    uitgegeven_op = models.DateTimeField("uitgegeven op", auto_now_add=True)
    verloopt_op = models.DateTimeField("verloopt op")
    gebruikt_op = models.DateTimeField("gebruikt op", null=True, blank=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    mislukte_pogingen = models.PositiveSmallIntegerField("mislukte pogingen", default=0)

    class Meta:
        verbose_name = "activeringscode"
        verbose_name_plural = "activeringscodes"
        ordering = ["-uitgegeven_op", "-pk"]

    def __str__(self):
        return f"Activeringscode voor {self.gebruiker}"


class Importbestand(models.Model):
    """One uploaded spreadsheet on its way through an import: checked, previewed, confirmed, imported.

    The same row is the preview (kept in the database, so any web container can show and confirm it),
    the run (claimed by one worker with a conditional update, progress on the row, the page polls it)
    and, once imported, the record that tells a second upload of the same content (sha256). The file
    itself is erased when the import finishes and when nobody confirms the preview in time.
    """

    class Soort(models.TextChoices):
        OIF_REGISTER = "oif_register", "OIF-register"
        TELLIJST = "tellijst", "Tellijst"

    class Status(models.TextChoices):
        CONTROLE = "controle", "Wordt gecontroleerd"
        VOORBEELD = "voorbeeld", "Voorbeeld"
        WACHTRIJ = "wachtrij", "In de wachtrij"
        BEZIG = "bezig", "Wordt geïmporteerd"
        GEIMPORTEERD = "geimporteerd", "Geïmporteerd"
        MISLUKT = "mislukt", "Niet geïmporteerd"

    # Random ids: the address of a preview tells nothing about other people's uploads.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geüpload door",
        help_text=(
            "Bij een Tellijst leeggemaakt zodra de import klaar is: de rijen worden niet aan een "
            "persoon gekoppeld."
        ),
    )
    eigenaar = models.CharField(
        "eigenaar (pseudoniem)",
        max_length=64,
        db_index=True,
        help_text="Sleutel-afhankelijk pseudoniem van wie uploadde; hiermee worden eerdere imports herkend.",
    )
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    formaat = models.CharField("formaat", max_length=4)
    bestand = models.BinaryField("bestand", blank=True)
    sha256 = models.CharField("sha256 van de inhoud", max_length=64, db_index=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.CONTROLE)
    opnieuw = models.BooleanField(
        "bewust opnieuw",
        default=False,
        help_text="De gebruiker bevestigde dat dit bestand nogmaals moet worden geïmporteerd.",
    )
    voortgang = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    aantallen = models.JSONField("aantallen", default=dict, blank=True)
    fouten = models.JSONField("fouten", default=list, blank=True)
    aantal_fouten = models.PositiveIntegerField("aantal fouten", default=0)
    reden = models.TextField("reden", blank=True)
    aangemaakt_op = models.DateTimeField("geüpload op", auto_now_add=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    hartslag_op = models.DateTimeField("laatste teken van leven", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)

    class Meta:
        verbose_name = "importbestand"
        verbose_name_plural = "importbestanden"
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["status", "aangemaakt_op"], name="kern_import_status_idx")]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.bestandsnaam} ({self.get_status_display()})"

    @property
    def actief(self) -> bool:
        return self.status in (self.Status.CONTROLE, self.Status.WACHTRIJ, self.Status.BEZIG)
