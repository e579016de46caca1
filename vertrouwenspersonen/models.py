"""The Tellijst: one anonymous row per adviesvraag.

Anonymity by design: no names, no free text and no exact dates (jaar and optional kwartaal only).
A row does not store who registered it: only a keyed pseudonym (pseudoniem.py) that the application
can match against the logged-in user for 'Mijn adviesvragen' and edit rights, and that maps to nobody
without the key. The id is random, so ids say nothing about the order or the number of rows.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from finintegriteit.referentie import models as ref

JAAR_MELDER_IS_BEKLAAGDE = 2025  # From this year on the Tellijst records whether the melder is the beklaagde.

# The six fields of a row that point to a taxonomy, with their table, in the order of the form, the
# import template and the report. Written once so that the form, the rules, the import, the
# publication and the benchmark cannot drift apart when a field is added.
OPTIEMODELLEN = {
    "onderdeel": ref.Onderdeel,
    "hoofdcategorie": ref.Hoofdcategorie,
    "subcategorie": ref.Subcategorie,
    "wie_betreft": ref.WieBetreft,
    "wijze_van_afdoening": ref.WijzeVanAfdoening,
    "situatie": ref.SituatieNaInterventie,
}
OPTIEVELDEN = tuple(OPTIEMODELLEN)
# What the Tellijst is counted and published by: the year and the six options.
TELVELDEN = ("jaar", *OPTIEVELDEN)
# Everything a vertrouwenspersoon fills in for a row; the form shows them, the services accept them.
INVULVELDEN = ("jaar", "kwartaal", *OPTIEVELDEN, "melder_is_beklaagde", "evaluatielink")


class Adviesvraag(models.Model):
    class Evaluatielink(models.TextChoices):
        VERSTUURD = "verstuurd", "Verstuurd"
        NIET_VERSTUURD = "niet_verstuurd", "Niet verstuurd"
        NIET_AANGEGEVEN = "niet_aangegeven", "Niet aangegeven"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, verbose_name="id")

    jaar = models.PositiveSmallIntegerField(
        "jaar", validators=[MinValueValidator(2000), MaxValueValidator(2100)], db_index=True
    )
    kwartaal = models.PositiveSmallIntegerField(
        "kwartaal van eerste contact",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel",
        on_delete=models.PROTECT,
        verbose_name="onderdeel",
        help_text="Waar degene werkt op wie de melding betrekking heeft.",
    )
    hoofdcategorie = models.ForeignKey(
        "referentie.Hoofdcategorie", on_delete=models.PROTECT, verbose_name="hoofdcategorie"
    )
    subcategorie = models.ForeignKey(
        "referentie.Subcategorie", on_delete=models.PROTECT, verbose_name="subcategorie"
    )
    wie_betreft = models.ForeignKey(
        "referentie.WieBetreft", on_delete=models.PROTECT, verbose_name="wie betreft de melding"
    )
    wijze_van_afdoening = models.ForeignKey(
        "referentie.WijzeVanAfdoening",
        on_delete=models.PROTECT,
        verbose_name="wijze van afdoening",
        help_text="De hoogste mate van escalatie.",
    )
    situatie = models.ForeignKey(
        "referentie.SituatieNaInterventie", on_delete=models.PROTECT, verbose_name="situatie na interventie"
    )
    melder_is_beklaagde = models.BooleanField("melder is zelf beklaagde", null=True, blank=True)
    evaluatielink = models.CharField(
        "evaluatielink", max_length=20, choices=Evaluatielink.choices, default=Evaluatielink.NIET_AANGEGEVEN
    )
    # Optimistic locking (finintegriteit/kern/vergrendeling.py): a save from a stale page is refused.
    versie = models.PositiveIntegerField("versie", default=1, editable=False)
    pseudoniem = models.CharField(
        "pseudoniem van de vertrouwenspersoon",
        max_length=64,
        help_text="Sleutel-HMAC van het gebruikers-id; zonder de sleutel van niemand.",
    )
    # False from a row's save until the nightly mix; every save rewrites all such rows (mengen.py).
    gemengd = models.BooleanField("gemengd", default=False, editable=False)

    class Meta:
        verbose_name = "adviesvraag"
        verbose_name_plural = "adviesvragen"
        permissions = [("tellijst_importeren", "Tellijst importeren uit een spreadsheet")]
        indexes = [
            models.Index(fields=["pseudoniem", "jaar"], name="adviesvraag_pseudoniem_jaar"),
            models.Index(fields=["jaar", "onderdeel"], name="adviesvraag_jaar_onderdeel"),
            # Each save finds the day's rows without reading the whole table.
            models.Index(fields=["id"], condition=Q(gemengd=False), name="adviesvraag_ongemengd"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kwartaal__isnull=True) | Q(kwartaal__gte=1, kwartaal__lte=4),
                name="adviesvraag_kwartaal_1_tot_4",
            ),
            models.CheckConstraint(
                condition=Q(melder_is_beklaagde__isnull=True) | Q(jaar__gte=JAAR_MELDER_IS_BEKLAAGDE),
                name="adviesvraag_beklaagde_vanaf_2025",
            ),
        ]

    def __str__(self):
        return f"Adviesvraag {self.kenmerk} ({self.jaar})"

    @property
    def kenmerk(self) -> str:
        """A short reference the vertrouwenspersoon can tell rows apart by: random, like the id."""
        return self.pk.hex[:8].upper()


# --- Register van vertrouwenspersonen ---------------------------------------------------------------
#
# The register is administration about the vertrouwenspersonen themselves, kept by the functioneel
# beheerder. It never links to Tellijst rows: no count of adviesvragen per person is stored or shown.


class VertrouwenspersoonProfiel(models.Model):
    """One vertrouwenspersoon in the register, with or without a login account.

    Being in function is a period (in_functie_sinds .. uit_functie_per) rather than a flag, so the
    overview on an earlier peildatum still counts someone who has stopped since.
    """

    naam = models.CharField("naam", max_length=200)
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vertrouwenspersoon_profiel",
        verbose_name="gebruiker",
        help_text="Het account waarmee deze vertrouwenspersoon inlogt; leeg zolang er geen account is.",
    )
    onderdeel = models.ForeignKey(
        "referentie.Onderdeel", on_delete=models.PROTECT, related_name="+", verbose_name="onderdeel"
    )
    in_functie_sinds = models.DateField("in functie sinds")
    uit_functie_per = models.DateField(
        "uit functie per", null=True, blank=True, help_text="Leeg: nog actief als vertrouwenspersoon."
    )
    coordinerend = models.BooleanField("coördinerend vertrouwenspersoon", default=False)
    coordinerend_sinds = models.DateField("coördinerend sinds", null=True, blank=True)
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        verbose_name = "vertrouwenspersoon in het register"
        verbose_name_plural = "register van vertrouwenspersonen"
        ordering = ["naam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uit_functie_per__isnull=True)
                | Q(uit_functie_per__gt=models.F("in_functie_sinds")),
                name="vp_profiel_uit_functie_na_in_functie",
            ),
            models.CheckConstraint(
                condition=Q(coordinerend=True) | Q(coordinerend_sinds__isnull=True),
                name="vp_profiel_coordinerend_sinds_alleen_als_coordinerend",
            ),
        ]

    def __str__(self):
        return self.naam

    def actief_op(self, peildatum) -> bool:
        return self.in_functie_sinds <= peildatum and (
            self.uit_functie_per is None or peildatum < self.uit_functie_per
        )


# What the functioneel beheerder fills in for a profile; the form shows them, the services accept them.
PROFIELVELDEN = (
    "naam",
    "gebruiker",
    "onderdeel",
    "in_functie_sinds",
    "uit_functie_per",
    "coordinerend",
    "coordinerend_sinds",
)


class Certificeringsstatus(models.Model):
    """A status of a vertrouwenspersoon from a date on; the latest row on or before a date is the status then.

    For 'LVV-registervertrouwenspersoon' `vanaf` is the certification date: the certification expires
    four years later, and a recertification is a new row with the new date.
    """

    class Status(models.TextChoices):
        # Labels exactly as the table in the annual report of the vertrouwenspersonen.
        LVV_REGISTER = "lvv_register", "LVV-registervertrouwenspersoon"
        BEZIG = "bezig_met_certificering", "Bezig met certificering"
        BASISOPLEIDING = "gestart_basisopleiding", "Gestart met de basisopleiding"
        GEEN_VOORNEMEN = "geen_voornemen", "Geen voornemen tot certificering"

    vertrouwenspersoon = models.ForeignKey(
        VertrouwenspersoonProfiel,
        on_delete=models.CASCADE,
        related_name="statussen",
        verbose_name="vertrouwenspersoon",
    )
    status = models.CharField("certificeringsstatus", max_length=30, choices=Status.choices)
    vanaf = models.DateField(
        "vanaf", help_text="Bij LVV-registervertrouwenspersoon: de datum van (her)certificering."
    )

    class Meta:
        verbose_name = "certificeringsstatus"
        verbose_name_plural = "certificeringsstatussen"
        ordering = ["vertrouwenspersoon", "-vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["vertrouwenspersoon", "vanaf"], name="certificeringsstatus_een_per_datum"
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} vanaf {self.vanaf:%d-%m-%Y}"
