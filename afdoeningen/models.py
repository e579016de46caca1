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
    # Null means 'not recorded': the historical register that the import reads has no such column.
    aangetoond = models.BooleanField(
        "aangetoond",
        null=True,
        default=None,
        help_text="Leeg: niet vastgelegd (geïmporteerd uit het register).",
    )
    type = models.ForeignKey("referentie.AfdoeningType", on_delete=models.PROTECT, verbose_name="afdoening")
    datum = models.DateField("datum afdoening", db_index=True)
    inhoud = models.CharField(
        "inhoud (vermoedelijke) schending",
        max_length=300,
        help_text="Geanonimiseerde omschrijving voor het jaaroverzicht (Bijlage 2): geen namen, "
        "personeelsnummers of e-mailadressen.",
    )
    versie = models.PositiveIntegerField("versie", default=1, editable=False)
    # Set when someone without the right to see the melder's identity wrote the inhoud: that user's
    # check could not compare it with the identity (it would answer guesses), so a colleague with the
    # right does, and the melding cannot be afgedaan before.
    controle_melder_open = models.BooleanField(
        "wacht op controle tegen de melder",
        default=False,
        editable=False,
        help_text="De omschrijving is nog niet vergeleken met de naam en contactgegevens van de melder.",
    )

    class Meta:
        verbose_name = "afdoening"
        verbose_name_plural = "afdoeningen"

    def __str__(self):
        return f"Afdoening van betrokkene {self.betrokkene_id}"

    @property
    def klasse(self) -> str:
        return self.type.klasse


class StandaardInhoud(models.Model):
    """A generic, anonymous phrase for 'Inhoud (vermoedelijke) schending', as the annual report uses them.

    Offered as suggestions on the afdoening form; analysts may still write a new text.
    """

    tekst = models.CharField("tekst", max_length=300, unique=True)
    volgorde = models.PositiveIntegerField("volgorde", default=0)
    actief = models.BooleanField("aanbieden", default=True, help_text="Uit: niet meer als suggestie tonen.")

    class Meta:
        verbose_name = "standaardomschrijving"
        verbose_name_plural = "standaardomschrijvingen"
        ordering = ["volgorde", "tekst"]

    def __str__(self):
        return self.tekst
