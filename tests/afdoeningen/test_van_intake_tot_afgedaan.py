"""The afdoening in the life of a melding, through the services and pages of the meldingen app."""

import datetime

import pytest
from django.urls import reverse

from finintegriteit.referentie.models import AfdoeningType, MelderType, Onderdeel, SchendingSoort
from meldingen import services as meldingen_services
from meldingen.models import Melding
from tests.factories import optie

pytestmark = pytest.mark.django_db


def test_melding_van_intake_tot_afgedaan_met_afdoening(client, analist):
    melding = meldingen_services.melding_registreren(
        door=analist,
        ontvangen_op=datetime.date(2024, 3, 1),
        melder_type=optie(MelderType, "management"),
        onderwerp=optie(SchendingSoort, "ongewenste-omgangsvormen"),
        klokkenluidersmelding=False,
        omschrijving="",
        dienstonderdeel=optie(Onderdeel, "douane"),
    )
    betrokkene = meldingen_services.betrokkene_toevoegen(
        melding=melding,
        door=analist,
        naam="Sanne Bos",
        personeelsnummer="7654321",
        dienstonderdeel=optie(Onderdeel, "douane"),
        leidinggevende=True,
    )
    for naar in (Melding.Status.IN_BEOORDELING, Melding.Status.GEEN_ONDERZOEK):
        melding.refresh_from_db()
        meldingen_services.melding_status_wijzigen(
            melding=melding, door=analist, naar=naar, reden="beoordeeld", versie=melding.versie
        )

    client.force_login(analist)
    afdoening_url = reverse("afdoeningen:vastleggen", kwargs={"betrokkene_pk": betrokkene.pk})
    assert (
        afdoening_url in client.get(reverse("meldingen:detail", kwargs={"pk": melding.pk})).content.decode()
    )
    antwoord = client.post(
        afdoening_url,
        {
            "type": optie(AfdoeningType, "geen-afdoening").pk,
            "schending": optie(SchendingSoort, "ongepaste-communicatie").pk,
            "aangetoond": "nee",
            "datum": "2024-04-02",
            "inhoud": "Ongepaste meningsuitingen medewerker.",
            "versie": 0,
        },
    )
    assert antwoord.status_code == 302

    melding.refresh_from_db()
    meldingen_services.melding_status_wijzigen(
        melding=melding, door=analist, naar=Melding.Status.AFGEDAAN, reden="afgedaan", versie=melding.versie
    )
    pagina = client.get(afdoening_url)
    assert pagina.context["alleen_lezen"] is True
    assert "Ongepaste meningsuitingen medewerker." in pagina.content.decode()
