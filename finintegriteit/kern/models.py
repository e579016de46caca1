import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


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


class ActiveringscodeQuerySet(models.QuerySet):
    def open(self):
        """The codes that still work: not used, not withdrawn, not expired, not guessed at too often."""
        return self.filter(
            gebruikt_op=None,
            ingetrokken_op=None,
            verloopt_op__gt=timezone.now(),
            mislukte_pogingen__lt=self.model.MAX_POGINGEN,
        )


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

    MAX_POGINGEN = 5

    objects = ActiveringscodeQuerySet.as_manager()

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


class AuditRegel(models.Model):
    """One security-relevant event: a read, change or refused attempt on a case, a login, a change of
    rights or of reference data.

    Holds which fields changed, never their values: the audit trail must not become a second copy of
    the personal data. Rows are only ever inserted: the runtime database role may not UPDATE, DELETE
    or TRUNCATE the table (kern/databaserollen.py), a trigger refuses UPDATE and DELETE on PostgreSQL,
    and each row's `hash` chains it to the previous one (kern/auditketen.py), so a change made by whoever
    does hold those rights is found by `manage.py controleer_audittrail`.
    """

    # Read by kern/databaserollen.py: the runtime role gets INSERT and SELECT on this table only.
    ALLEEN_TOEVOEGEN = True

    class Actie(models.TextChoices):
        BEKEKEN = "bekeken", "Bekeken"
        AANGEMAAKT = "aangemaakt", "Aangemaakt"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        VERWIJDERD = "verwijderd", "Verwijderd"
        STATUS = "status", "Status gewijzigd"
        GEWEIGERD = "geweigerd", "Toegang geweigerd"
        IDENTITEIT = "identiteit", "Identiteit melder ingezien"
        GEWIST = "gewist", "Persoonsgegevens gewist"
        GEEXPORTEERD = "geexporteerd", "Geëxporteerd"
        INGELOGD = "ingelogd", "Ingelogd"
        INLOGGEN_MISLUKT = "inloggen_mislukt", "Inloggen mislukt"
        GEBLOKKEERD = "geblokkeerd", "Inloggen geblokkeerd"
        TWEEDE_FACTOR = "tweede_factor", "Tweede factor gewijzigd"
        RECHTEN = "rechten", "Rollen of rechten gewijzigd"

    op = models.DateTimeField("tijdstip", default=timezone.now, editable=False, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="gebruiker",
    )
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    object_type = models.CharField("soort object", max_length=40)
    object_id = models.CharField("object", max_length=40, blank=True)
    velden = models.JSONField("gewijzigde velden", default=list, blank=True)
    reden_hash = models.CharField("controlewaarde reden", max_length=64, blank=True, editable=False)
    hash = models.CharField("controlewaarde", max_length=64, blank=True, editable=False)

    class Meta:
        # The table kept its name when the audit trail moved here from meldingen: the database roles,
        # the append-only trigger and the hash chain all refer to it, and no row had to move.
        db_table = "meldingen_auditregel"
        verbose_name = "auditregel"
        verbose_name_plural = "auditregels"
        ordering = ["-op", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        return f"{self.get_actie_display()} {self.object_type} {self.object_id}"

    @property
    def reden(self) -> str:
        """The free-text reason, '' when there was none or the bewaartermijn erased it."""
        try:
            return self.reden_tekst.tekst
        except AuditReden.DoesNotExist:
            return ""

    @property
    def reden_gewist(self) -> bool:
        return bool(self.reden_hash) and not self.reden


class AuditReden(models.Model):
    """The free text of an audit row (a status reason, why someone opened the melder's identity).

    Case content, so kept apart from the append-only row: only OIF roles see it, and the bewaartermijn
    deletes it with the case's personal data. The row keeps a salted digest (`AuditRegel.reden_hash`),
    so a text that was changed afterwards is found by the check, and the chain holds after erasure.
    """

    regel = models.OneToOneField(
        AuditRegel, on_delete=models.CASCADE, primary_key=True, related_name="reden_tekst"
    )
    # The case the text belongs to, so that the bewaartermijn erases it with the case. Named as text,
    # not imported: kern imports no app, and only this key ties the audit trail to meldingen.
    melding = models.ForeignKey(
        "meldingen.Melding", on_delete=models.CASCADE, null=True, related_name="+", verbose_name="melding"
    )
    tekst = models.TextField("reden")
    zout = models.CharField("zout", max_length=32)

    class Meta:
        db_table = "meldingen_auditreden"
        verbose_name = "reden bij auditregel"
        verbose_name_plural = "redenen bij auditregels"

    def __str__(self):
        return f"Reden bij auditregel {self.regel_id}"
