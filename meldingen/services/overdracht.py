"""Handing a case over: the new behandelaar hears of it by e-mail, with a link and nothing else."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

ONDERWERP = "FinIntegriteit: er is een melding aan u toegewezen"
TEKST = (
    "Er is een melding aan u toegewezen. U vindt haar na het inloggen via:\n\n{url}\n\n"
    "Deze e-mail bevat bewust geen gegevens over de melding."
)


def behandelaar_informeren(*, melding, behandelaar, door) -> None:
    """After the commit (a rolled-back assignment sends nothing); not when someone assigns themselves."""
    if behandelaar is None or behandelaar == door or not behandelaar.email:
        return
    url = settings.BASIS_URL.rstrip("/") + reverse("meldingen:detail", args=[melding.pk])
    transaction.on_commit(lambda: send_mail(ONDERWERP, TEKST.format(url=url), None, [behandelaar.email]))
