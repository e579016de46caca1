from django.conf import settings
from django.db import models


class Rapport(models.Model):
    """One requested jaarrapportage: a run is a row (status, progress, file, checksum)."""

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

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporten"
        ordering = ["-aangevraagd_op", "-pk"]

    def __str__(self):
        scope = self.onderdeel.label if self.onderdeel_id else "ministerie"
        return f"Jaarrapportage {self.jaar} ({scope})"
