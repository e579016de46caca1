from django.db import models


class Afdoening(models.Model):
    """The decision about one betrokkene; one row of Bijlage 2 of the annual report."""

    betrokkene = models.OneToOneField(
        "meldingen.Betrokkene", on_delete=models.CASCADE, related_name="afdoening", verbose_name="betrokkene"
    )
    schending = models.ForeignKey(
        "referentie.SchendingSoort",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="schending",
        help_text="De uiteindelijk vastgestelde soort schending.",
    )
    aangetoond = models.BooleanField("aangetoond", default=False)
    type = models.ForeignKey("referentie.AfdoeningType", on_delete=models.PROTECT, verbose_name="afdoening")
    datum = models.DateField("datum afdoening", db_index=True)
    inhoud = models.CharField(
        "inhoud (vermoedelijke) schending",
        max_length=300,
        help_text="Geanonimiseerde omschrijving voor het jaaroverzicht (Bijlage 2): geen namen, "
        "personeelsnummers of e-mailadressen.",
    )
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        verbose_name = "afdoening"
        verbose_name_plural = "afdoeningen"

    def __str__(self):
        return f"Afdoening van betrokkene {self.betrokkene_id}"

    @property
    def klasse(self) -> str:
        return self.type.klasse
