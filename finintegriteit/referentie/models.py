"""Versioned taxonomies: every option the annual report counts is a row with the years it was in use.

Options are ended (laatste_jaar), never deleted: records point at them with on_delete=PROTECT, and
the year-on-year tables still need the old options to show earlier years.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from .normalisatie import normaliseer


class OptieQuerySet(models.QuerySet):
    def in_jaar(self, jaar: int):
        return self.filter(Q(eerste_jaar__lte=jaar), Q(laatste_jaar__isnull=True) | Q(laatste_jaar__gte=jaar))


# A year as a beheerder types it: four digits. A typo like 20250 is refused instead of being kept as a
# year that no list, figure or report will ever reach. Also for the key figures (rapportage).
JAAR_VAN_VIER_CIJFERS = "Vul een jaar van vier cijfers in, bijvoorbeeld 2027."
JAAR_VALIDATORS = [
    MinValueValidator(2000, JAAR_VAN_VIER_CIJFERS),
    MaxValueValidator(2099, JAAR_VAN_VIER_CIJFERS),
]


class Optie(models.Model):
    code = models.SlugField("code", max_length=80, unique=True)
    label = models.CharField("label", max_length=200, help_text="Precies zoals het jaarverslag het spelt.")
    varianten = models.JSONField(
        "andere spellingen",
        default=list,
        blank=True,
        help_text="Spellingen uit tabellen, infographics en tekst; imports herkennen ze ook.",
    )
    volgorde = models.PositiveIntegerField("volgorde", default=0)
    eerste_jaar = models.PositiveIntegerField("eerste jaar in gebruik", validators=JAAR_VALIDATORS)
    laatste_jaar = models.PositiveIntegerField(
        "laatste jaar in gebruik",
        null=True,
        blank=True,
        validators=JAAR_VALIDATORS,
        help_text="Leeg: nog in gebruik. Zo beëindigt u een optie; verwijderen kan alleen vóór het eerste "
        "jaar.",
    )
    vergelijkingsgroep = models.CharField(
        "vergelijkingsgroep",
        max_length=80,
        blank=True,
        help_text="Opties met dezelfde groep worden in meerjarentabellen opgeteld (bijv. Leidinggevende).",
    )

    objects = OptieQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["volgorde", "label"]

    def __str__(self):
        return self.label

    def clean(self):
        if self.laatste_jaar is not None and self.laatste_jaar < self.eerste_jaar:
            raise ValidationError({"laatste_jaar": "Het laatste jaar ligt vóór het eerste jaar."})

    def in_gebruik(self, jaar: int) -> bool:
        return self.eerste_jaar <= jaar and (self.laatste_jaar is None or jaar <= self.laatste_jaar)

    def alle_spellingen(self) -> list[str]:
        return [self.label, *self.varianten]

    def sleutels(self) -> set[str]:
        """Normalised spellings, for matching labels in imports."""
        return {normaliseer(s) for s in self.alle_spellingen()}


def _geldigheid_constraint(naam: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(laatste_jaar__isnull=True) | Q(laatste_jaar__gte=models.F("eerste_jaar")),
        name=naam,
        violation_error_message="Het laatste jaar ligt vóór het eerste jaar.",
    )


class Onderdeel(Optie):
    class Meta(Optie.Meta):
        verbose_name = "organisatieonderdeel"
        verbose_name_plural = "organisatieonderdelen"
        constraints = [_geldigheid_constraint("onderdeel_geldigheid")]


# --- Tellijst van de vertrouwenspersonen ---------------------------------------------------------


class Hoofdcategorie(Optie):
    nummer = models.PositiveSmallIntegerField("nummer")
    uitsplitsen = models.BooleanField(
        "in het rapport uitgesplitst",
        default=False,
        help_text=(
            "Het rapport geeft deze hoofdcategorie een eigen paragraaf met haar subcategorieën, toont ze "
            "in de infographic per subcategorie en splitst ze uit naar beklaagde."
        ),
    )

    class Meta(Optie.Meta):
        verbose_name = "hoofdcategorie"
        verbose_name_plural = "hoofdcategorieën"
        constraints = [_geldigheid_constraint("hoofdcategorie_geldigheid")]


class Subcategorie(Optie):
    hoofdcategorie = models.ForeignKey(
        Hoofdcategorie, on_delete=models.PROTECT, related_name="subcategorieen", verbose_name="hoofdcategorie"
    )

    class Meta(Optie.Meta):
        verbose_name = "subcategorie"
        verbose_name_plural = "subcategorieën"
        ordering = ["hoofdcategorie__volgorde", "volgorde", "label"]
        constraints = [_geldigheid_constraint("subcategorie_geldigheid")]


class WieBetreft(Optie):
    class Beklaagdengroep(models.TextChoices):
        LEIDINGGEVENDE = "leidinggevende", "Leidinggevende"
        COLLEGA = "collega", "Collega of medewerker van een ander organisatieonderdeel"

    beklaagdengroep = models.CharField(
        "beklaagdengroep",
        max_length=20,
        choices=Beklaagdengroep.choices,
        blank=True,
        help_text=(
            "Het rapport toont de aard van de adviesvragen per groep van beklaagden; leeg: in geen groep "
            "(bijv. Melder zelf)."
        ),
    )

    class Meta(Optie.Meta):
        verbose_name = "wie betreft de melding"
        verbose_name_plural = "wie betreft de melding"
        constraints = [_geldigheid_constraint("wiebetreft_geldigheid")]


class WijzeVanAfdoening(Optie):
    loopt_nog = models.BooleanField(
        "loopt nog", default=False, help_text="Een adviesvraag met deze afdoening staat nog open."
    )

    class Meta(Optie.Meta):
        verbose_name = "wijze van afdoening"
        verbose_name_plural = "wijzen van afdoening"
        constraints = [_geldigheid_constraint("wijzevanafdoening_geldigheid")]


class SituatieNaInterventie(Optie):
    class Uitkomst(models.TextChoices):
        GENORMALISEERD = "genormaliseerd", "Genormaliseerd"
        NIET_GENORMALISEERD = "niet_genormaliseerd", "Niet genormaliseerd"
        ONBEKEND = "onbekend", "Onbekend"
        LOOPT_DOOR = "loopt_door", "Loopt door"

    uitkomst = models.CharField(
        "uitkomst",
        max_length=20,
        choices=Uitkomst.choices,
        help_text="Hoe hoofdstuk 3 van het jaarverslag van de vertrouwenspersonen deze situatie telt.",
    )

    class Meta(Optie.Meta):
        verbose_name = "situatie na interventie"
        verbose_name_plural = "situaties na interventie"
        constraints = [_geldigheid_constraint("situatie_geldigheid")]


# --- OIF -------------------------------------------------------------------------------------------


class MelderType(Optie):
    class Meta(Optie.Meta):
        verbose_name = "type melder"
        verbose_name_plural = "typen melder"
        constraints = [_geldigheid_constraint("meldertype_geldigheid")]


class SchendingSoort(Optie):
    is_misstand = models.BooleanField(
        "misstand (Klokkenluidersregeling)",
        default=False,
        help_text="Een vermoeden van een misstand in de zin van de Wet bescherming klokkenluiders.",
    )

    class Meta(Optie.Meta):
        verbose_name = "soort schending"
        verbose_name_plural = "soorten schending"
        constraints = [_geldigheid_constraint("schendingsoort_geldigheid")]


class OnderzoekType(Optie):
    class Meta(Optie.Meta):
        verbose_name = "type onderzoek"
        verbose_name_plural = "typen onderzoek"
        constraints = [_geldigheid_constraint("onderzoektype_geldigheid")]


class AfdoeningType(Optie):
    class Klasse(models.TextChoices):
        GEEN = "geen afdoening", "Geen afdoening"
        NIET_DISCIPLINAIR = "niet-disciplinair", "Niet-disciplinair"
        DISCIPLINAIR = "disciplinair", "Disciplinair"

    klasse = models.CharField("klasse", max_length=20, choices=Klasse.choices)

    class Meta(Optie.Meta):
        verbose_name = "type afdoening"
        verbose_name_plural = "typen afdoening"
        constraints = [_geldigheid_constraint("afdoeningtype_geldigheid")]


TAXONOMIEEN = {
    "onderdeel": Onderdeel,
    "hoofdcategorie": Hoofdcategorie,
    "subcategorie": Subcategorie,
    "wie_betreft": WieBetreft,
    "wijze_van_afdoening": WijzeVanAfdoening,
    "situatie_na_interventie": SituatieNaInterventie,
    "melder_type": MelderType,
    "schending_soort": SchendingSoort,
    "onderzoek_type": OnderzoekType,
    "afdoening_type": AfdoeningType,
}
