"""Two analysts edit the same melding or betrokkene: the second save is refused, nothing is overwritten."""

import pytest
from django.urls import reverse

from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT
from meldingen.models import Betrokkene, Melding, StatusOvergang
from meldingen.services import VersieConflict, betrokkene_wijzigen, melding_status_wijzigen, melding_wijzigen
from tests.bouwstenen.meldingen import formulier

pytestmark = pytest.mark.django_db


def test_de_tweede_wijziging_met_een_oude_versie_wordt_geweigerd(maak_melding, analist, maak_gebruiker):
    collega = maak_gebruiker("collega", "OIF-analist")
    melding = maak_melding()
    gezien = melding.versie
    eerste = Melding.objects.get(pk=melding.pk)
    tweede = Melding.objects.get(pk=melding.pk)
    melding_wijzigen(melding=eerste, door=analist, versie=gezien, gegevens={"omschrijving": "Versie van A."})
    with pytest.raises(VersieConflict):
        melding_wijzigen(
            melding=tweede, door=collega, versie=gezien, gegevens={"omschrijving": "Versie van B."}
        )
    melding.refresh_from_db()
    assert melding.omschrijving == "Versie van A." and melding.versie == gezien + 1


def test_ook_een_statuswijziging_op_een_oude_versie_wordt_geweigerd(maak_melding, analist):
    melding = maak_melding()
    oud = melding.versie
    melding_wijzigen(melding=melding, door=analist, versie=oud, gegevens={"omschrijving": "Nieuw."})
    with pytest.raises(VersieConflict):
        melding_status_wijzigen(melding=melding, door=analist, naar="in_beoordeling", reden="x", versie=oud)
    melding.refresh_from_db()
    assert melding.status == Melding.Status.ONTVANGEN


def test_betrokkene_met_een_oude_versie_wordt_geweigerd(maak_melding, maak_betrokkene, analist):
    betrokkene = maak_betrokkene(maak_melding())
    betrokkene_wijzigen(betrokkene=betrokkene, door=analist, versie=1, gegevens={"naam": "A"})
    with pytest.raises(VersieConflict):
        betrokkene_wijzigen(
            betrokkene=Betrokkene.objects.get(pk=betrokkene.pk),
            door=analist,
            versie=1,
            gegevens={"naam": "B"},
        )
    assert Betrokkene.objects.get(pk=betrokkene.pk).naam == "A"


def test_in_de_browser_krijgt_de_tweede_een_duidelijke_melding_en_een_herlaadlink(
    client, maak_melding, analist
):
    melding = maak_melding()
    url = reverse("meldingen:wijzigen", args=[melding.pk])
    client.force_login(analist)
    assert client.post(url, formulier(omschrijving="Van A.", versie=melding.versie)).status_code == 302
    antwoord = client.post(url, formulier(omschrijving="Van B.", versie=melding.versie))
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert VERSIE_CONFLICT in html
    assert f'href="{url}"' in html and "Pagina opnieuw laden" in html
    melding.refresh_from_db()
    assert melding.omschrijving == "Van A."
    # Reloading gives the form with the current data and version.
    html = client.get(url).content.decode()
    assert "Van A." in html and f'name="versie" value="{melding.versie}"' in html


def test_betrokkene_in_de_browser(client, maak_melding, maak_betrokkene, analist):
    betrokkene = maak_betrokkene(maak_melding())
    url = reverse("meldingen:betrokkene_wijzigen", args=[betrokkene.pk])
    client.force_login(analist)
    gegevens = {"naam": "A", "dienstonderdeel": betrokkene.dienstonderdeel_id, "versie": 1}
    assert client.post(url, gegevens).status_code == 302
    antwoord = client.post(url, gegevens | {"naam": "B"})
    assert antwoord.status_code == 409 and VERSIE_CONFLICT in antwoord.content.decode()
    assert Betrokkene.objects.get(pk=betrokkene.pk).naam == "A"


def test_status_in_de_browser_op_een_oude_versie(client, maak_melding, analist):
    melding = maak_melding()
    oud = melding.versie
    melding_wijzigen(melding=melding, door=analist, versie=oud, gegevens={"omschrijving": "Nieuw."})
    client.force_login(analist)
    antwoord = client.post(
        reverse("meldingen:status", args=[melding.pk]),
        {"naar": "in_beoordeling", "reden": "x", "versie": oud},
    )
    assert antwoord.status_code == 409 and VERSIE_CONFLICT in antwoord.content.decode()
    assert "Pagina opnieuw laden" in antwoord.content.decode()


def test_status_die_door_een_collega_al_gekozen_is_geeft_het_conflict_niet_alleen_een_weigering(
    client, maak_melding, analist
):
    melding = maak_melding()
    oud = melding.versie
    melding_status_wijzigen(
        melding=melding, door=analist, naar="in_beoordeling", reden="Collega.", versie=oud
    )
    client.force_login(analist)

    # The old page still offered 'In beoordeling'; from the new status it is no longer a choice.
    antwoord = client.post(
        reverse("meldingen:status", args=[melding.pk]),
        {"naar": "in_beoordeling", "reden": "Ik ook.", "versie": oud},
    )

    assert antwoord.status_code == 409 and VERSIE_CONFLICT in antwoord.content.decode()
    assert StatusOvergang.objects.filter(melding=melding, naar="in_beoordeling").count() == 1
