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

    class Meta:
        verbose_name = "activeringscode"
        verbose_name_plural = "activeringscodes"
        ordering = ["-uitgegeven_op", "-pk"]

    def __str__(self):
        return f"Activeringscode voor {self.gebruiker}"
