from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .versleuteling import VersleuteldeTekst


class Melding(models.Model):
    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", "Ontvangen"
        IN_BEOORDELING = "in_beoordeling", "In beoordeling"
        GEEN_ONDERZOEK = "geen_onderzoek", "Geen onderzoek"
        ORIENTEREND_ONDERZOEK = "orienterend_onderzoek", "Oriënterend onderzoek"
        VOLLEDIG_FEITENONDERZOEK = "volledig_feitenonderzoek", "Volledig feitenonderzoek"
        AFGEDAAN = "afgedaan", "Afgedaan"

    class Kanaal(models.TextChoices):
        REGISTRATIE = "registratie", "Geregistreerd door OIF"
        MELDKANAAL = "meldkanaal", "Meldkanaal"

    nummer = models.CharField("meldingsnummer", max_length=16, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField("jaar", editable=False)
    volgnummer = models.PositiveIntegerField("volgnummer", editable=False)
    ontvangen_op = models.DateField("ontvangen op")
    melder_type = models.ForeignKey("referentie.MelderType", on_delete=models.PROTECT, verbose_name="melder")
    onderwerp = models.ForeignKey(
        "referentie.SchendingSoort",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="onderwerp",
        help_text="De soort schending zoals gemeld; de afdoening kan een andere vaststellen.",
    )
    klokkenluidersmelding = models.BooleanField(
        "melding van een misstand (Klokkenluidersregeling)", default=False
    )
    omschrijving = models.TextField("omschrijving", blank=True, help_text="Vertrouwelijk.")
    dienstonderdeel = models.ForeignKey(
        "referentie.Onderdeel", on_delete=models.PROTECT, related_name="+", verbose_name="dienstonderdeel"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen_in_behandeling",
        verbose_name="behandelaar",
    )
    status = models.CharField("status", max_length=30, choices=Status.choices, default=Status.ONTVANGEN)
    onderzoek_type = models.ForeignKey(
        "referentie.OnderzoekType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="type onderzoek",
        help_text="Geldt voor elke betrokkene van de melding.",
    )
    ontvangstbevestiging_op = models.DateField("ontvangstbevestiging verstuurd op", null=True, blank=True)
    terugkoppeling_op = models.DateField("terugkoppeling gegeven op", null=True, blank=True)
    # Stored rather than computed in SQL: "three months later" has no portable SQL form, and the
    # werkvoorraad and the Termijnen overview filter and sort on these dates.
    ontvangstbevestiging_uiterlijk = models.DateField(
        "ontvangstbevestiging uiterlijk", null=True, blank=True, editable=False
    )
    terugkoppeling_uiterlijk = models.DateField(
        "terugkoppeling uiterlijk", null=True, blank=True, editable=False
    )
    afgedaan_op = models.DateField("afgedaan op", null=True, blank=True)
    niet_vernietigen = models.BooleanField(
        "niet vernietigen", default=False, help_text="Hold: de bewaartermijn wist deze zaak niet."
    )
    niet_vernietigen_reden = models.CharField("reden niet vernietigen", max_length=300, blank=True)
    persoonsgegevens_gewist_op = models.DateField("persoonsgegevens gewist op", null=True, blank=True)
    kanaal = models.CharField(
        "binnengekomen via", max_length=20, choices=Kanaal.choices, default=Kanaal.REGISTRATIE, editable=False
    )
    duplicaat_van = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicaten",
        verbose_name="duplicaat van",
        help_text="Een duplicaat is afgedaan en telt in geen enkel cijfer als aparte melding.",
    )
    afgeschermd = models.BooleanField(
        "afgeschermd",
        default=False,
        help_text="Alleen de behandelaar en wie afgeschermde meldingen mag inzien (de teamleider) zien haar.",
    )
    versie = models.PositiveIntegerField("versie", default=1, editable=False)
    # Not auto_now_add, which ignores a given value: the meldkanaal inserts the day (00:00), so that no
    # version of the row, not even a dead one in the table's pages or the WAL, holds the time.
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-jaar", "-volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="melding_volgnummer_per_jaar"),
            models.CheckConstraint(condition=models.Q(volgnummer__gte=1), name="melding_volgnummer_vanaf_1"),
            # The report counts afgedane meldingen by afgedaan_op: a date without the status, or the
            # status without a date, would count a case in the wrong year or not at all.
            models.CheckConstraint(
                condition=models.Q(status="afgedaan", afgedaan_op__isnull=False)
                | (~models.Q(status="afgedaan") & models.Q(afgedaan_op__isnull=True)),
                name="melding_afgedaan_op_alleen_bij_afgedaan",
            ),
            models.CheckConstraint(
                condition=models.Q(niet_vernietigen=False) | ~models.Q(niet_vernietigen_reden=""),
                name="melding_niet_vernietigen_met_reden",
            ),
            # The figures leave a duplicate out because it is closed and can take no afdoening; an open
            # duplicate would be work that no figure shows.
            models.CheckConstraint(
                condition=models.Q(duplicaat_van__isnull=True) | models.Q(status="afgedaan"),
                name="melding_duplicaat_is_afgedaan",
            ),
            models.CheckConstraint(
                condition=~models.Q(duplicaat_van=models.F("pk")), name="melding_geen_duplicaat_van_zichzelf"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "jaar"], name="melding_status_jaar"),
            models.Index(fields=["ontvangen_op"], name="melding_ontvangen_op"),
            models.Index(fields=["behandelaar", "status"], name="melding_behandelaar_status"),
            # Full-text search of the omschrijving: a stored column with its own index, on PostgreSQL
            # only (migration 0015).
        ]
        permissions = [
            ("melder_identiteit_inzien", "Identiteit van de melder inzien"),
            ("melding_heropenen", "Afgedane melding heropenen"),
            ("afgeschermde_meldingen_inzien", "Afgeschermde meldingen inzien (teamleider)"),
        ]

    def __str__(self):
        return self.nummer

    def get_absolute_url(self):
        return reverse("meldingen:detail", args=[self.pk])

    @property
    def is_afgedaan(self) -> bool:
        return self.status == self.Status.AFGEDAAN


class StatusOvergang(models.Model):
    """One step in the timeline of a melding: who moved it from which status to which, when and why."""

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="statusovergangen", verbose_name="melding"
    )
    van = models.CharField("van", max_length=30, choices=Melding.Status.choices, blank=True)
    naar = models.CharField("naar", max_length=30, choices=Melding.Status.choices)
    heropend = models.BooleanField("heropening", default=False)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name="door"
    )
    # A default, not auto_now_add: the meldkanaal inserts the day (see Melding.aangemaakt_op).
    op = models.DateTimeField("op", default=timezone.now, editable=False)
    reden = models.TextField("reden", blank=True)

    class Meta:
        verbose_name = "statusovergang"
        verbose_name_plural = "statusovergangen"
        ordering = ["melding", "op", "pk"]

    def __str__(self):
        return f"{self.melding_id}: {self.van or '—'} → {self.naar}"


class MelderIdentiteit(models.Model):
    """Who reported, kept apart from the melding: the Wet bescherming klokkenluiders protects it.

    Only users with the permission melder_identiteit_inzien see or change it, and each opening is
    written to the audit trail with the stated reason.
    """

    class Kanaal(models.TextChoices):
        WEB = "web", "Web"
        EMAIL = "email", "E-mail"
        TELEFOON = "telefoon", "Telefoon"
        PERSOONLIJK = "persoonlijk", "Persoonlijk gesprek"
        DECENTRAAL = "decentraal", "Decentraal meldpunt"
        MELDKANAAL = "meldkanaal", "Meldkanaal"

    melding = models.OneToOneField(
        Melding, on_delete=models.CASCADE, related_name="melder_identiteit", verbose_name="melding"
    )
    # Sealed in the database (versleuteling): a dump without MELDER_SLEUTEL names no melder.
    naam = VersleuteldeTekst("naam melder", max_length=200, blank=True)
    contact = VersleuteldeTekst(
        "contactgegevens", max_length=300, blank=True, help_text="E-mailadres, telefoonnummer of adres."
    )
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    bericht_per_email = models.BooleanField(
        "e-mail bij een bericht",
        default=False,
        help_text="De melder wil een e-mail (zonder inhoud) als OIF via het meldkanaal een bericht stuurt.",
    )
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        verbose_name = "identiteit melder"
        verbose_name_plural = "identiteiten melder"

    def __str__(self):
        return f"Identiteit melder van {self.melding_id}"


class MelderContact(models.Model):
    """How the ontvangstbevestiging or the terugkoppeling reached the melder.

    The date lives on the melding (it drives the deadlines); the way and the note say something about
    who the melder is, so they are kept here with the same protection as MelderIdentiteit: only users
    with the right melder_identiteit_inzien read this table, and the bewaartermijn erases the note.
    """

    class Soort(models.TextChoices):
        ONTVANGSTBEVESTIGING = "ontvangstbevestiging", "Ontvangstbevestiging"
        TERUGKOPPELING = "terugkoppeling", "Terugkoppeling"

    class Wijze(models.TextChoices):
        EMAIL = "email", "E-mail"
        TELEFOON = "telefoon", "Telefoon"
        BRIEF = "brief", "Brief"
        PERSOONLIJK = "persoonlijk", "Persoonlijk gesprek"
        MELDKANAAL = "meldkanaal", "Bericht in het meldkanaal"

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="melder_contacten", verbose_name="melding"
    )
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    wijze = models.CharField("hoe", max_length=20, choices=Wijze.choices)
    toelichting = VersleuteldeTekst(
        "toelichting",
        max_length=300,
        blank=True,
        help_text="Bijvoorbeeld met wie u sprak of naar welk adres u schreef. Alleen zichtbaar met het recht "
        "om de identiteit van de melder in te zien.",
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    gewijzigd_op = models.DateTimeField("vastgelegd op", auto_now=True)

    class Meta:
        verbose_name = "contact met de melder"
        verbose_name_plural = "contacten met de melder"
        constraints = [
            models.UniqueConstraint(fields=["melding", "soort"], name="meldercontact_een_per_soort"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} bij {self.melding_id}"


class Ontvangstcode(models.Model):
    """The melder's way back into a melding made through the meldkanaal, without an account.

    The code itself is never stored. `sleutel` is an HMAC of the code under a server key, so that a code
    can be found with one indexed lookup; `hash` is a slow, salted argon2 hash that a stolen database and
    stolen key together still make expensive to guess (docs/beveiliging.md, 'Meldkanaal').
    """

    melding = models.OneToOneField(
        Melding, on_delete=models.CASCADE, related_name="ontvangstcode", verbose_name="melding"
    )
    sleutel = models.CharField("opzoeksleutel", max_length=64, unique=True, editable=False)
    hash = models.CharField("controlewaarde", max_length=200, editable=False)

    class Meta:
        verbose_name = "ontvangstcode"
        verbose_name_plural = "ontvangstcodes"

    def __str__(self):
        return f"Ontvangstcode van {self.melding_id}"


class Betrokkene(models.Model):
    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="betrokkenen", verbose_name="melding"
    )
    naam = models.CharField("naam", max_length=200, blank=True)
    personeelsnummer = models.CharField("personeelsnummer", max_length=30, blank=True)
    dienstonderdeel = models.ForeignKey(
        "referentie.Onderdeel", on_delete=models.PROTECT, related_name="+", verbose_name="dienstonderdeel"
    )
    leidinggevende = models.BooleanField("leidinggevende", default=False)
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        verbose_name = "betrokkene"
        verbose_name_plural = "betrokkenen"
        ordering = ["melding", "pk"]
        indexes = [models.Index(fields=["personeelsnummer"], name="betrokkene_personeelsnummer")]

    def __str__(self):
        return f"Betrokkene {self.pk} bij {self.melding_id}"


class Meldingsteller(models.Model):
    """The last volgnummer handed out per year; locked row by row so numbers stay gap-free."""

    jaar = models.PositiveSmallIntegerField("jaar", primary_key=True)
    laatste = models.PositiveIntegerField("laatste volgnummer", default=0)

    class Meta:
        verbose_name = "meldingsteller"
        verbose_name_plural = "meldingstellers"

    def __str__(self):
        return f"{self.jaar}: {self.laatste}"


class Aantekening(models.Model):
    """A note of an analist on a case. Append-only: a mistake is corrected by a new note that refers to
    the one it corrects, so the timeline shows what was known when. The bewaartermijn erases the text."""

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="aantekeningen", verbose_name="melding"
    )
    tekst = models.TextField("aantekening")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="door"
    )
    op = models.DateTimeField("op", auto_now_add=True)
    corrigeert = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correcties",
        verbose_name="corrigeert",
    )

    class Meta:
        verbose_name = "aantekening"
        verbose_name_plural = "aantekeningen"
        ordering = ["melding", "op", "pk"]
        indexes = [
            GinIndex(SearchVector("tekst", config="dutch"), name="aantekening_zoeken"),
        ]

    def __str__(self):
        return f"Aantekening {self.pk} bij {self.melding_id}"


class Opschoning(models.TextChoices):
    """What happened to the metadata of a file the melder sent (meldingen/metadata.py)."""

    VERWIJDERD = "verwijderd", "Metadata verwijderd"
    NIET_MOGELIJK = "niet_mogelijk", "Metadata niet verwijderd"


class Document(models.Model):
    """A file kept with a case (letter, e-mail, report, photo). The file lives in DOCUMENT_ROOT under a
    random name, outside every public URL; this row holds what the user may see of it. The bewaartermijn
    removes the file and its name, the row (who added what kind of file, when) stays in the timeline."""

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="documenten", verbose_name="melding"
    )
    bestandsnaam = models.CharField("bestandsnaam", max_length=255, blank=True)
    soort = models.CharField("soort", max_length=20, help_text="Vastgesteld uit de inhoud, niet uit de naam.")
    content_type = models.CharField("content-type", max_length=100)
    grootte = models.PositiveBigIntegerField("grootte (bytes)")
    sha256 = models.CharField("sha256", max_length=64)
    pad = models.CharField("pad", max_length=100, blank=True, help_text="Binnen DOCUMENT_ROOT.")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="door",
        help_text="Leeg: meegestuurd door de melder via het meldkanaal.",
    )
    # A default, not auto_now_add: a melder's file is inserted with the day (see Melding.aangemaakt_op).
    op = models.DateTimeField("op", default=timezone.now, editable=False)
    opschoning = models.CharField(
        "metadata",
        max_length=20,
        choices=Opschoning.choices,
        blank=True,
        help_text="Alleen bij bijlagen van de melder: zijn de metadata (auteur, camera, plaats) verwijderd?",
    )

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["melding", "op", "pk"]

    def __str__(self):
        return f"Document {self.pk} bij {self.melding_id}"


class Bericht(models.Model):
    """A message between OIF and the melder of a melding from the meldkanaal, read by the melder with the
    receipt code. Case content: the bewaartermijn erases the text with the case's personal data.

    A message of the melder carries only the day (00:00), not the time: an exact time would record when
    the melder visited (docs/beveiliging.md, 'Meldkanaal').
    """

    class Richting(models.TextChoices):
        AAN_MELDER = "aan_melder", "Van OIF aan de melder"
        VAN_MELDER = "van_melder", "Van de melder"

    class Soort(models.TextChoices):
        BERICHT = "bericht", "Bericht"
        ONTVANGSTBEVESTIGING = "ontvangstbevestiging", "Ontvangstbevestiging"
        TERUGKOPPELING = "terugkoppeling", "Terugkoppeling"

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="berichten", verbose_name="melding"
    )
    richting = models.CharField("richting", max_length=20, choices=Richting.choices)
    soort = models.CharField("soort", max_length=30, choices=Soort.choices, default=Soort.BERICHT)
    tekst = models.TextField("tekst")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
        help_text="De analist die het bericht stuurde; leeg bij een bericht van de melder.",
    )
    op = models.DateTimeField("op")

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["melding", "op", "pk"]
        constraints = [
            # OIF's messages have an author; the melder's have none and are never a legal step.
            models.CheckConstraint(
                condition=models.Q(richting="aan_melder", door__isnull=False)
                | models.Q(richting="van_melder", door__isnull=True, soort="bericht"),
                name="bericht_afzender_past_bij_richting",
            ),
        ]

    def __str__(self):
        return f"Bericht {self.pk} bij {self.melding_id}"
