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

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self):
        return f"Profiel van {self.gebruiker}"
