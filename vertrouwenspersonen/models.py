"""The Tellijst: one anonymous row per adviesvraag.

Anonymity by design: no names, no free text and no exact dates (jaar and optional kwartaal only).
`geregistreerd_door` exists solely for 'Mijn adviesvragen' and edit rights; no report, export or log
line may show it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

JAAR_MELDER_IS_BEKLAAGDE = 2025  # From this year on the Tellijst records whether the melder is the beklaagde.


class Adviesvraag(models.Model):
    class Evaluatielink(models.TextChoices):
        VERSTUURD = "verstuurd", "Verstuurd"
        NIET_VERSTUURD = "niet_verstuurd", "Niet verstuurd"
        NIET_AANGEGEVEN = "niet_aangegeven", "Niet aangegeven"

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
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="geregistreerd door",
    )

    class Meta:
        verbose_name = "adviesvraag"
        verbose_name_plural = "adviesvragen"
        indexes = [
            models.Index(fields=["geregistreerd_door", "jaar"], name="adviesvraag_door_jaar"),
            models.Index(fields=["jaar", "onderdeel"], name="adviesvraag_jaar_onderdeel"),
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
        return f"Adviesvraag {self.pk} ({self.jaar})"
