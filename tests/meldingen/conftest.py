"""Fixtures for the meldingen tests: options by code, a melding factory going through the services."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from afdoeningen.models import Afdoening
from finintegriteit.referentie.models import AfdoeningType, MelderType, Onderdeel, SchendingSoort
from meldingen.services import betrokkene_toevoegen, melding_registreren

VANDAAG = datetime.date(2025, 3, 10)


def recht(gebruiker, codename: str):
    """Give a user one of the meldingen permissions (a fresh object, so the permission cache is empty)."""
    gebruiker.user_permissions.add(
        Permission.objects.get(content_type__app_label="meldingen", codename=codename)
    )
    return type(gebruiker).objects.get(pk=gebruiker.pk)


@pytest.fixture
def lege_tellers():
    """The meldkanaal counts attempts per address in the cache: its tests start and end with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def teamleider(maak_gebruiker):
    """An OIF analist with every special right, as the demo's teamleider."""
    from finintegriteit.kern import rollen as r

    gebruiker = maak_gebruiker("teamleider", r.OIF_ANALIST)
    for naam in r.BIJZONDERE_RECHTEN:
        gebruiker = recht(gebruiker, naam.split(".", 1)[1])
    return gebruiker


@pytest.fixture
def vandaag(time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 10, 0), tick=False)
    return VANDAAG


@pytest.fixture
def maak_melding(db, analist):
    def maak(
        *,
        door=None,
        ontvangen_op=None,
        klokkenluidersmelding=False,
        onderwerp="ongewenste-omgangsvormen",
        dienstonderdeel="belastingdienst",
        behandelaar=None,
        omschrijving="Vertrouwelijke omschrijving.",
        **extra,
    ):
        return melding_registreren(
            door=door or analist,
            ontvangen_op=ontvangen_op or datetime.date(2025, 3, 3),
            melder_type=MelderType.objects.get(code="medewerker"),
            onderwerp=SchendingSoort.objects.get(code=onderwerp),
            klokkenluidersmelding=klokkenluidersmelding,
            omschrijving=omschrijving,
            dienstonderdeel=Onderdeel.objects.get(code=dienstonderdeel),
            behandelaar=behandelaar,
            **extra,
        )

    return maak


@pytest.fixture
def maak_betrokkene(analist):
    def maak(melding, *, naam="Jan Jansen", personeelsnummer="123456", door=None):
        return betrokkene_toevoegen(
            melding=melding,
            door=door or analist,
            naam=naam,
            personeelsnummer=personeelsnummer,
            dienstonderdeel=melding.dienstonderdeel,
            leidinggevende=False,
        )

    return maak


@pytest.fixture
def maak_afdoening():
    """An afdoening straight in the table: the afdoeningen app has its own service and tests."""

    def maak(betrokkene, *, type="corrigerend-gesprek"):
        return Afdoening.objects.create(
            betrokkene=betrokkene,
            schending=betrokkene.melding.onderwerp,
            aangetoond=True,
            type=AfdoeningType.objects.get(code=type),
            datum=betrokkene.melding.ontvangen_op,
            inhoud="Medewerker heeft zich ongepast uitgelaten tegen een collega.",
        )

    return maak
