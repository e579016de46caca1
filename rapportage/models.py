from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce

from finintegriteit.referentie.models import JAAR_VALIDATORS


class Reeks(models.Model):
    """All reports of one year requested at once: the ministry's and one per onderdeel.

    Each report stays its own row (and its own task); the reeks only groups them, so the page can say
    how far the whole is and sum up when every report is done.
    """

    jaar = models.PositiveSmallIntegerField("jaar")
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="aangevraagd door"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    klaar_op = models.DateTimeField(
        "klaar op",
        null=True,
        blank=True,
        help_text="Gezet zodra elk rapport van de reeks klaar of mislukt is.",
    )

    class Meta:
        verbose_name = "reeks rapporten"
        verbose_name_plural = "reeksen rapporten"
        ordering = ["-aangevraagd_op", "-pk"]

    def __str__(self):
        return f"Alle jaarrapportages {self.jaar}"


class Rapport(models.Model):
    """One requested jaarrapportage: a run is a row (status, progress, file, checksum)."""

    class Soort(models.TextChoices):
        RAPPORT = "rapport", "Rapport"
        VASTSTELLING = "vaststelling", "Vaststelling"

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", "In de wachtrij"
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Mislukt"

    jaar = models.PositiveSmallIntegerField("jaar")
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="onderdeel",
        help_text="Leeg: het hele ministerie.",
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="aangevraagd door"
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    reden = models.CharField("reden", max_length=500, blank=True, help_text="Waarom het mislukte, leesbaar.")
    voortgang = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    bestand = models.CharField("bestand", max_length=200, blank=True, help_text="Pad binnen RAPPORT_ROOT.")
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(
        "pogingen",
        default=0,
        help_text="Hoe vaak een worker het maken begon; na te veel afgebroken pogingen geeft het systeem op.",
    )
    hartslag_op = models.DateTimeField(
        "laatste teken van leven",
        null=True,
        blank=True,
        help_text="De worker die het rapport maakt, werkt dit bij; "
        "blijft het uit, dan neemt een andere het over.",
    )
    aangeboden_op = models.DateTimeField(
        "aan de wachtrij aangeboden op",
        null=True,
        blank=True,
        help_text="Leeg: de wachtrij heeft de aanvraag (nog) niet aangenomen.",
    )
    soort = models.CharField(
        "soort",
        max_length=12,
        choices=Soort.choices,
        default=Soort.RAPPORT,
        help_text="Een vaststelling maakt het rapport en bevriest het (zie Vaststelling).",
    )
    reeks = models.ForeignKey(
        Reeks,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapporten",
        verbose_name="reeks",
        help_text="Leeg: los aangevraagd.",
    )
    vaststelling = models.OneToOneField(
        "rapportage.Vaststelling",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vaststelling",
        help_text="Bij een vaststelling die klaar is: het vastgestelde rapport.",
    )

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporten"
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            # One report of a year and scope in the making at a time; the ministry-wide scope has no
            # onderdeel, hence Coalesce (NULLs never collide in a unique index).
            models.UniqueConstraint(
                "jaar",
                Coalesce("onderdeel", 0),
                "soort",
                condition=models.Q(status__in=["wachtrij", "bezig"]),
                name="rapport_een_actief_per_jaar_scope_soort",
            ),
            models.CheckConstraint(condition=models.Q(voortgang__lte=100), name="rapport_voortgang_tot_100"),
        ]

    def __str__(self):
        scope = self.onderdeel.label if self.onderdeel_id else "ministerie"
        return f"Jaarrapportage {self.jaar} ({scope})"


# --- Kerncijfers: figures from outside the system, entered per year by the functioneel beheerder --------


class Kerncijfers(models.Model):
    """The figures of one report year that the system does not register itself.

    The annual report gives the number of medewerkers only for the whole ministry (41.069 in 2024), so
    the total is a field; a split per onderdeel is optional (MedewerkersPerOnderdeel).
    """

    jaar = models.PositiveSmallIntegerField(
        "jaar",
        unique=True,
        validators=JAAR_VALIDATORS,
        error_messages={
            "unique": "Voor dit jaar zijn er al kerncijfers: open dat jaar in de lijst om ze te wijzigen."
        },
    )
    medewerkers_totaal = models.PositiveIntegerField(
        "medewerkers (totaal)", null=True, blank=True, help_text="Alle medewerkers van het ministerie."
    )
    peildatum_register = models.DateField(
        "peildatum register vertrouwenspersonen",
        null=True,
        blank=True,
        help_text="Het overzicht van vertrouwenspersonen in het jaarverslag wordt op deze datum geteld "
        "(voor 2024: 25-02-2025).",
    )
    klachten_ontvangen = models.PositiveIntegerField(
        "Klachtencommissie: klachten ontvangen", null=True, blank=True
    )
    klachten_ontvankelijk = models.PositiveIntegerField(
        "Klachtencommissie: ontvankelijk verklaard", null=True, blank=True
    )
    cif_meldingen = models.PositiveIntegerField(
        "Commissie sociale veiligheid en integriteit: meldingen",
        null=True,
        blank=True,
        help_text="Het totaal; de verdeling over categorieën staat hieronder, voor zover bekend.",
    )
    toelichting = models.TextField(
        "toelichting", blank=True, help_text="Bron of bijzonderheden; verschijnt niet in het rapport."
    )

    class Meta:
        verbose_name = "jaar met kerncijfers"
        verbose_name_plural = "kerncijfers"
        ordering = ["-jaar"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(klachten_ontvankelijk__isnull=True)
                | models.Q(
                    klachten_ontvangen__isnull=False,
                    klachten_ontvankelijk__lte=models.F("klachten_ontvangen"),
                ),
                name="kerncijfers_ontvankelijk_niet_meer_dan_ontvangen",
                violation_error_message="Er zijn meer klachten ontvankelijk dan ontvangen.",
            ),
        ]

    def __str__(self):
        return f"Kerncijfers {self.jaar}"


class _KerncijferRegel(models.Model):
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        abstract = True
        ordering = ["volgorde", "pk"]


class MedewerkersPerOnderdeel(_KerncijferRegel):
    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="medewerkers", verbose_name="kerncijfers"
    )
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel", on_delete=models.PROTECT, related_name="+", verbose_name="onderdeel"
    )
    aantal = models.PositiveIntegerField("medewerkers")

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "aantal medewerkers van een onderdeel"
        verbose_name_plural = "medewerkers per onderdeel"
        constraints = [
            models.UniqueConstraint(fields=["kerncijfers", "onderdeel"], name="medewerkers_een_per_onderdeel")
        ]

    def __str__(self):
        return f"{self.onderdeel}: {self.aantal}"


class Nevenwerkzaamheden(_KerncijferRegel):
    """One row of the table 'Aantallen geregistreerde nevenwerkzaamheden' (hoofdstuk 10)."""

    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="nevenwerkzaamheden", verbose_name="kerncijfers"
    )
    organisatie = models.CharField(
        "organisatie", max_length=100, help_text="Zoals het verslag de rij noemt, bijv. 'DG Douane'."
    )
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="onderdeel",
        help_text="Leeg voor een organisatie die geen onderdeel is (bijv. Inspectie BTD).",
    )
    aantal = models.PositiveIntegerField("geregistreerde nevenwerkzaamheden")

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "aantal nevenwerkzaamheden van een organisatie"
        verbose_name_plural = "nevenwerkzaamheden"
        constraints = [
            models.UniqueConstraint(
                fields=["kerncijfers", "organisatie"], name="nevenwerkzaamheden_een_per_rij"
            )
        ]

    def __str__(self):
        return f"{self.organisatie}: {self.aantal}"


class KlachtOnderwerp(_KerncijferRegel):
    """A topic of the ontvankelijke klachten; one klacht can have several topics."""

    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="klachtonderwerpen", verbose_name="kerncijfers"
    )
    onderwerp = models.CharField("onderwerp", max_length=150)
    aantal = models.PositiveIntegerField("aantal klachten")

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "onderwerp van ontvankelijke klachten"
        verbose_name_plural = "Klachtencommissie: onderwerpen"
        constraints = [
            models.UniqueConstraint(fields=["kerncijfers", "onderwerp"], name="klachtonderwerp_uniek")
        ]

    def __str__(self):
        return f"{self.onderwerp}: {self.aantal}"


class KlachtUitkomst(_KerncijferRegel):
    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="klachtuitkomsten", verbose_name="kerncijfers"
    )
    uitkomst = models.CharField("uitkomst", max_length=150, help_text="Bijv. 'ongegrond verklaard'.")
    aantal = models.PositiveIntegerField("aantal klachten")

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "uitkomst van ontvankelijke klachten"
        verbose_name_plural = "Klachtencommissie: uitkomsten"
        constraints = [
            models.UniqueConstraint(fields=["kerncijfers", "uitkomst"], name="klachtuitkomst_uniek")
        ]

    def __str__(self):
        return f"{self.uitkomst}: {self.aantal}"


class CifCategorie(_KerncijferRegel):
    """A category of the Commissie sociale veiligheid en integriteit; the count may be unknown."""

    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="cif_categorieen", verbose_name="kerncijfers"
    )
    categorie = models.CharField("categorie", max_length=200)
    aantal = models.PositiveIntegerField(
        "aantal meldingen",
        null=True,
        blank=True,
        help_text="Leeg: niet bekend (het rapport toont dan alleen het totaal).",
    )

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "categorie van de Commissie sociale veiligheid en integriteit"
        verbose_name_plural = "Commissie sociale veiligheid en integriteit: categorieën"
        constraints = [
            models.UniqueConstraint(fields=["kerncijfers", "categorie"], name="cif_categorie_uniek")
        ]

    def __str__(self):
        return self.categorie


class BenoemdKerncijfer(_KerncijferRegel):
    """A figure of the year that the system does not register and that has no field of its own.

    For instance the score of the medewerkersonderzoek or the number of medewerkers trained. Texts of the
    report refer to it as `{{ benoemd.<naam> }}`; the section 'Overige kerncijfers' lists them all.
    """

    kerncijfers = models.ForeignKey(
        Kerncijfers, on_delete=models.CASCADE, related_name="benoemde_cijfers", verbose_name="kerncijfers"
    )
    naam = models.SlugField(
        "naam",
        max_length=60,
        allow_unicode=False,
        help_text="Kleine letters, cijfers en _, bijv. 'score_sociale_veiligheid'; "
        "in een tekst: {{ benoemd.score_sociale_veiligheid }}.",
    )
    omschrijving = models.CharField("omschrijving", max_length=200, help_text="Zoals het rapport het noemt.")
    waarde = models.DecimalField("waarde", max_digits=12, decimal_places=2)
    eenheid = models.CharField(
        "eenheid", max_length=40, blank=True, help_text="Bijv. 'medewerkers', '%' of 'rapportcijfer'."
    )

    class Meta(_KerncijferRegel.Meta):
        verbose_name = "benoemd kerncijfer"
        verbose_name_plural = "benoemde kerncijfers"
        constraints = [
            models.UniqueConstraint(fields=["kerncijfers", "naam"], name="benoemd_kerncijfer_uniek"),
            models.CheckConstraint(
                condition=models.Q(naam__regex=r"^[a-z][a-z0-9_]*$"),
                name="benoemd_kerncijfer_naam_vorm",
                violation_error_message="Een naam bestaat uit kleine letters, cijfers en _ en begint met "
                "een letter.",
            ),
        ]

    def __str__(self):
        return f"{self.omschrijving}: {self.waarde} {self.eenheid}".strip()


# --- The report's structure and texts, per report year, edited by the coordinator ------------------


class Rapportdeel(models.Model):
    """A chapter or section of the jaarrapportage of one year: title, place, text and generated content.

    The chapters and sections of a year, in `volgorde`, are the report; numbers (1, 1.1, Bijlage 2) follow
    from the order. A section belongs to the chapter before it.
    """

    class Niveau(models.TextChoices):
        HOOFDSTUK = "hoofdstuk", "Hoofdstuk"
        PARAGRAAF = "paragraaf", "Paragraaf"

    class Inhoud(models.TextChoices):
        GEEN = "", "Alleen tekst"
        KERNCIJFERS = "kerncijfers", "Kerncijfers (tegels en tabel)"
        OIF = "oif", "Meldingen bij het OIF (tabellen en grafieken)"
        VERTROUWENSPERSONEN = "vertrouwenspersonen", "Adviesvragen bij vertrouwenspersonen"
        KLACHTENCOMMISSIE = "klachtencommissie", "Klachtencommissie (cijfers)"
        CIF = "cif", "Commissie sociale veiligheid en integriteit (cijfers)"
        NEVENWERKZAAMHEDEN = "nevenwerkzaamheden", "Geregistreerde nevenwerkzaamheden"
        BENOEMDE_KERNCIJFERS = "benoemde_kerncijfers", "Overige kerncijfers van het jaar (tabel)"
        INFOGRAPHIC = "infographic", "Infographic (alleen als hoofdstuk)"
        BIJLAGE2 = "bijlage2", "Overzicht schendingen en afdoeningen (alleen als hoofdstuk)"
        PER_ONDERDEEL = "per_onderdeel", "Tellijst per onderdeel"

    jaar = models.PositiveSmallIntegerField("verslagjaar")
    volgorde = models.PositiveSmallIntegerField("volgorde", help_text="Lager staat eerder in het rapport.")
    niveau = models.CharField("niveau", max_length=10, choices=Niveau.choices, default=Niveau.HOOFDSTUK)
    bijlage = models.BooleanField("bijlage", default=False, help_text="Alleen voor een hoofdstuk.")
    titel = models.CharField("titel", max_length=200)
    inhoud = models.CharField(
        "gegenereerde inhoud",
        max_length=30,
        choices=Inhoud.choices,
        blank=True,
        help_text="Tabellen, grafieken of kerncijfers die het systeem na de tekst invoegt.",
    )
    tekst = models.TextField(
        "tekst",
        blank=True,
        help_text="Markdown. Cijfers met hun naam uit de cijferexport, bijv. {{ oif.meldingen }} of "
        "{{ benoemd.score_sociale_veiligheid }}.",
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "deel van de jaarrapportage"
        verbose_name_plural = "delen van de jaarrapportage"
        ordering = ["jaar", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(niveau="hoofdstuk") | models.Q(bijlage=False),
                name="rapportdeel_bijlage_is_hoofdstuk",
                violation_error_message="Alleen een hoofdstuk kan een bijlage zijn.",
            ),
            models.CheckConstraint(
                condition=models.Q(niveau="hoofdstuk") | ~models.Q(inhoud__in=["infographic", "bijlage2"]),
                name="rapportdeel_eigen_opmaak_is_hoofdstuk",
                violation_error_message="De infographic en het overzicht van schendingen zijn altijd een "
                "eigen hoofdstuk.",
            ),
        ]

    def __str__(self):
        return f"{self.jaar}: {self.titel}"


class GepubliceerdCijfer(models.Model):
    """A figure as a published report printed it, where it differs from what the system counts.

    The report prints the system's figure and, in a footnote of the chapter, the published one: a
    correction is never silent.
    """

    jaar = models.PositiveSmallIntegerField("verslagjaar")
    inhoud = models.CharField(
        "in het hoofdstuk met",
        max_length=30,
        choices=[c for c in Rapportdeel.Inhoud.choices if c[0]],
        help_text="De gegenereerde inhoud waar de voetnoot onder komt.",
    )
    omschrijving = models.CharField(
        "welk cijfer", max_length=200, help_text="Bijv. 'Berisping (infographic)'."
    )
    gepubliceerd = models.CharField(
        "gepubliceerd als", max_length=60, help_text="Zoals gedrukt, bijv. '6' of 'zeven'."
    )
    naam = models.CharField(
        "naam in de cijferexport",
        max_length=300,
        blank=True,
        help_text="Bijv. 'oif.afdoening.Schriftelijke berisping'; leeg als het systeem dit cijfer niet "
        "als één getal kent.",
    )
    toelichting = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "gepubliceerd cijfer"
        verbose_name_plural = "gepubliceerde cijfers die afwijken"
        ordering = ["jaar", "inhoud", "pk"]

    def __str__(self):
        return f"{self.jaar}: {self.omschrijving} = {self.gepubliceerd}"


class Vaststelling(models.Model):
    """An adopted jaarrapportage: its figures, texts and PDF, frozen with who adopted it and when.

    Nothing changes an adoption once made (no service updates it). `cijfers_json` is exactly the output of
    `exporteer_cijfers` at that moment; `grondslag_json` all figures the report was built from, so a later
    PDF of the year shows the adopted figures.
    """

    class Bron(models.TextChoices):
        VASTSTELLING = "vaststelling", "Vastgesteld in het systeem"
        IMPORT = "import", "Ingelezen uit een gepubliceerd verslag"

    jaar = models.PositiveSmallIntegerField("verslagjaar")
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="onderdeel",
        help_text="Leeg: het hele ministerie.",
    )
    bron = models.CharField(
        "bron",
        max_length=12,
        choices=Bron.choices,
        default=Bron.VASTSTELLING,
        help_text="Een ingelezen jaar heeft alleen cijfers: geen teksten, grondslag of PDF.",
    )
    versie = models.PositiveSmallIntegerField("versie", default=1)
    cijfers_json = models.TextField("cijfers (JSON van exporteer_cijfers)")
    cijfers_sha256 = models.CharField("SHA-256 van de cijfers", max_length=64)
    grondslag_json = models.TextField("alle cijfers van het rapport (JSON)", blank=True)
    teksten_json = models.TextField("indeling, teksten en benoemde kerncijfers (JSON)", blank=True)
    bestand = models.CharField("PDF", max_length=200, blank=True, help_text="Pad binnen RAPPORT_ROOT.")
    sha256 = models.CharField("SHA-256 van de PDF", max_length=64, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgesteld door"
    )
    vastgesteld_op = models.DateTimeField("vastgesteld op")

    class Meta:
        verbose_name = "vastgesteld rapport"
        verbose_name_plural = "vastgestelde rapporten"
        ordering = ["-jaar", "onderdeel__volgorde"]
        permissions = [("rapport_vaststellen", "Jaarrapportage vaststellen")]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar"],
                condition=models.Q(onderdeel__isnull=True),
                name="een_vaststelling_ministerie",
            ),
            models.UniqueConstraint(
                fields=["jaar", "onderdeel"],
                condition=models.Q(onderdeel__isnull=False),
                name="een_vaststelling_per_onderdeel",
            ),
        ]

    def __str__(self):
        scope = self.onderdeel.label if self.onderdeel_id else "ministerie"
        return f"Vastgestelde jaarrapportage {self.jaar} ({scope})"


# --- Publication of the Tellijst figures ----------------------------------------------------------------


class Publicatie(models.Model):
    """The Tellijst figures as published at one fixed moment; every page shows the latest one.

    Pages never count the Tellijst itself: a figure that changed the moment a row was saved would tell
    whoever knows when someone visited a vertrouwenspersoon what that visit was about. The beat task
    'tellijst-publiceren' makes one at fixed moments (TELLIJST_PUBLICATIE_DAGEN), whatever is saved.
    """

    gepubliceerd_op = models.DateTimeField("gepubliceerd op")

    class Meta:
        verbose_name = "publicatie van de Tellijst"
        verbose_name_plural = "publicaties van de Tellijst"
        ordering = ["-gepubliceerd_op", "-pk"]

    def __str__(self):
        return f"Publicatie Tellijst {self.gepubliceerd_op:%d-%m-%Y}"


class GepubliceerdeTelling(models.Model):
    """How many Tellijst rows had these values at the publication: the Tellijst grouped by every field
    the figures count. The figures of a publication are counted from these rows alone."""

    publicatie = models.ForeignKey(Publicatie, on_delete=models.CASCADE, related_name="tellingen")
    jaar = models.PositiveSmallIntegerField("jaar")
    onderdeel = models.ForeignKey("referentie.Onderdeel", on_delete=models.PROTECT, related_name="+")
    hoofdcategorie = models.ForeignKey(
        "referentie.Hoofdcategorie", on_delete=models.PROTECT, related_name="+"
    )
    subcategorie = models.ForeignKey("referentie.Subcategorie", on_delete=models.PROTECT, related_name="+")
    wie_betreft = models.ForeignKey("referentie.WieBetreft", on_delete=models.PROTECT, related_name="+")
    wijze_van_afdoening = models.ForeignKey(
        "referentie.WijzeVanAfdoening", on_delete=models.PROTECT, related_name="+"
    )
    situatie = models.ForeignKey(
        "referentie.SituatieNaInterventie", on_delete=models.PROTECT, related_name="+"
    )
    aantal = models.PositiveIntegerField("aantal")

    class Meta:
        verbose_name = "gepubliceerde telling"
        verbose_name_plural = "gepubliceerde tellingen"
        indexes = [models.Index(fields=["publicatie", "jaar"], name="telling_publicatie_jaar")]
        constraints = [
            models.CheckConstraint(condition=models.Q(aantal__gte=1), name="telling_aantal_positief")
        ]

    def __str__(self):
        return f"{self.aantal} × {self.jaar}"


class GepubliceerdJaartotaal(models.Model):
    """How many Tellijst rows a year had at a publication: the sum of its GepubliceerdeTelling rows.

    Kept after those detailed counts are removed (BEWAARDE_PUBLICATIES), so that the current-year view
    can tell how much the Tellijst grew between the publications of a month. A total holds nothing the
    published figures did not show already: no category, no onderdeel, and it is written only when a
    publication is made, never when a row is saved. Each publication also has a row for the year it was
    made in (0 when that year has no rows yet): a publication without that row predates these totals,
    its total is unknown rather than 0.
    """

    publicatie = models.ForeignKey(Publicatie, on_delete=models.CASCADE, related_name="jaartotalen")
    jaar = models.PositiveSmallIntegerField("jaar")
    aantal = models.PositiveIntegerField("aantal rijen", help_text="Rijen van dit jaar in de publicatie.")

    class Meta:
        verbose_name = "gepubliceerd jaartotaal van de Tellijst"
        verbose_name_plural = "gepubliceerde jaartotalen van de Tellijst"
        constraints = [
            models.UniqueConstraint(fields=["publicatie", "jaar"], name="jaartotaal_een_per_jaar"),
            models.CheckConstraint(condition=models.Q(aantal__gte=0), name="jaartotaal_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.aantal} rijen van {self.jaar}"


class GepubliceerdPatroon(models.Model):
    """Which Tellijst cells of a year a publication hides in every view, decided when it was made, and
    each count that year's publications showed so far, with the values shown.

    The next publication reads it: what was shown stays known, what was hidden and did not change stays
    hidden (rapportage.selectors.afscherming_verloop). A year that closed keeps the pattern of its closing
    publication; later ones copy it, its counts no longer change. `getoond` holds only what pages showed.
    """

    publicatie = models.ForeignKey(Publicatie, on_delete=models.CASCADE, related_name="patronen")
    jaar = models.PositiveSmallIntegerField("jaar")
    drempel = models.PositiveSmallIntegerField(
        "drempel", help_text="TELLIJST_DREMPEL toen het patroon ontstond."
    )
    vorm = models.PositiveSmallIntegerField(
        "vorm van de celnamen", help_text="rapportage.selectors.afscherming_verloop.PATROONVORM."
    )
    verborgen = models.JSONField("verborgen cellen per weergave")
    getoond = models.JSONField("getoonde aantallen van het jaar", default=list)
    # Every count of the year at this publication, so the next one need not count these again. As
    # sensitive as the publication's counts, and removed with them (BEWAARDE_PUBLICATIES).
    waarden = models.JSONField("aantallen bij deze publicatie", default=list)

    class Meta:
        verbose_name = "gepubliceerd patroon van de Tellijst"
        verbose_name_plural = "gepubliceerde patronen van de Tellijst"
        constraints = [models.UniqueConstraint(fields=["publicatie", "jaar"], name="patroon_een_per_jaar")]

    def __str__(self):
        return f"Patroon {self.jaar} van {self.publicatie}"
