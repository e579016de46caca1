"""Meldkanaal builders: what a melder posts, a melding sent through the loket, a return with the code."""

import re

from django.urls import reverse

from finintegriteit.referentie.models import Onderdeel, SchendingSoort


def gegevens(**extra):
    return {
        "onderwerp": SchendingSoort.objects.get(code="misbruik-bedrijfsmiddelen-interne-regels").pk,
        "omschrijving": "Mijn teamleider neemt elke week kantoorspullen mee naar huis.",
        "dienstonderdeel": Onderdeel.objects.get(code="belastingdienst").pk,
        "betrokkenen": "",
        "wijze": "anoniem",
        **extra,
    }


def melden(client, **extra):
    antwoord = client.post(reverse("meldkanaal:melden"), gegevens(**extra))
    assert antwoord.status_code == 200
    code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", antwoord.content.decode())
    return antwoord, code and code.group(0)


def terug(client, code, **extra):
    return client.post(reverse("meldkanaal:terug"), {"code": code}, follow=True, **extra)
