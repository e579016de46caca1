"""A melding marked as a duplicate of another: closed, linked to the original, counted in no figure."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditRegel
from meldingen.models import Melding, StatusOvergang
from meldingen.services import fouten, melding_heropenen
from meldingen.services.afscherming import melding_afscherming_wijzigen
from meldingen.services.correcties import melding_als_duplicaat_markeren
from rapportage.selectors import exporteer_cijfers
from tests.bouwstenen.meldingen import recht

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee(maak_melding, maak_betrokkene):
    origineel = maak_melding(omschrijving="Declaraties van een teamleider kloppen niet.")
    maak_betrokkene(origineel)
    duplicaat = maak_melding(omschrijving="Dezelfde declaraties, nu via de vertrouwenspersoon.")
    maak_betrokkene(duplicaat)
    return origineel, duplicaat


def _markeren(duplicaat, origineel, door, reden="Zelfde declaraties."):
    duplicaat.refresh_from_db()
    return melding_als_duplicaat_markeren(
        melding=duplicaat, door=door, versie=duplicaat.versie, origineel=origineel, reden=reden
    )


def _afscherming(melding, door, *, afgeschermd=True, reden="Collega van OIF."):
    melding.refresh_from_db()
    return melding_afscherming_wijzigen(
        melding=melding, door=door, afgeschermd=afgeschermd, reden=reden, versie=melding.versie
    )


def test_markeren_in_de_browser(analist_client, analist, twee):
    origineel, duplicaat = twee
    url = reverse("meldingen:duplicaat", args=[duplicaat.pk])
    antwoord = analist_client.post(
        url, {"origineel": "2025-1", "reden": "Zelfde declaraties.", "versie": duplicaat.versie}
    )
    assert antwoord.status_code == 302
    duplicaat.refresh_from_db()
    assert (duplicaat.status, duplicaat.duplicaat_van, duplicaat.afgedaan_op) == (
        Melding.Status.AFGEDAAN,
        origineel,
        datetime.date.today(),
    )
    html = analist_client.get(reverse("meldingen:detail", args=[duplicaat.pk])).content.decode()
    assert f'Duplicaat van <a href="/meldingen/{origineel.pk}/">{origineel.nummer}</a>' in html
    lijst = analist_client.get(reverse("meldingen:werkvoorraad"), {"status": "alle"}).content.decode()
    assert lijst.count('<span class="small text-body-secondary">duplicaat</span>') == 1
    stap = StatusOvergang.objects.filter(melding=duplicaat).latest("pk")
    assert stap.reden == f"Duplicaat van {origineel.nummer}: Zelfde declaraties."
    regel = AuditRegel.objects.get(
        object_type="melding", object_id=str(duplicaat.pk), actie=AuditRegel.Actie.STATUS
    )
    assert (regel.actie, regel.velden, regel.reden) == (
        AuditRegel.Actie.STATUS,
        ["afgedaan_op", "duplicaat_van", "status"],
        "Zelfde declaraties.",
    )


@pytest.mark.parametrize(
    ("invoer", "fout"),
    [
        ({"origineel": "OIF-2025-0099"}, fouten.DUPLICAAT_ONBEKEND),
        ({"origineel": "geen nummer"}, fouten.DUPLICAAT_ONBEKEND),
        ({"origineel": "OIF-2025-0002"}, fouten.DUPLICAAT_VAN_ZICHZELF),
        ({"origineel": "OIF-2025-0001", "reden": ""}, "Geef een reden op."),
    ],
)
def test_foute_invoer_verandert_niets(analist_client, twee, invoer, fout):
    _, duplicaat = twee
    post = {"origineel": "OIF-2025-0001", "reden": "Zelfde zaak.", "versie": duplicaat.versie} | invoer
    antwoord = analist_client.post(reverse("meldingen:duplicaat", args=[duplicaat.pk]), post)
    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()
    duplicaat.refresh_from_db()
    assert (duplicaat.status, duplicaat.duplicaat_van) == (Melding.Status.ONTVANGEN, None)


def test_niet_met_een_afdoening_en_niet_van_een_duplicaat(analist, maak_melding, twee, maak_afdoening):
    origineel, duplicaat = twee
    maak_afdoening(duplicaat.betrokkenen.get())
    with pytest.raises(ValidationError) as fout:
        _markeren(duplicaat, origineel, analist)
    assert fout.value.messages == [fouten.DUPLICAAT_HEEFT_AFDOENING]

    derde = maak_melding()
    _markeren(derde, origineel, analist)
    vierde = maak_melding()
    with pytest.raises(ValidationError) as fout:
        _markeren(vierde, derde, analist)
    assert fout.value.message_dict["origineel"] == [
        fouten.DUPLICAAT_VAN_DUPLICAAT.format(nummer=derde.nummer, origineel=origineel.nummer)
    ]
    # The original of a duplicate cannot become a duplicate itself: the link would lead nowhere.
    with pytest.raises(ValidationError) as fout:
        _markeren(origineel, vierde, analist)
    assert fout.value.messages == [fouten.DUPLICAAT_HEEFT_DUPLICATEN]


def test_de_jaarcijfers_tellen_een_duplicaat_niet_en_na_heropenen_weer_wel(analist, twee, maak_afdoening):
    origineel, duplicaat = twee
    maak_afdoening(origineel.betrokkenen.get())
    voor = exporteer_cijfers(jaar=2025)["oif"]
    assert (voor["meldingen"], voor["melder"]["Medewerker"], voor["betrokkenen"]) == (2, 2, 1)

    _markeren(duplicaat, origineel, analist)
    na = exporteer_cijfers(jaar=2025)["oif"]
    assert (na["meldingen"], na["melder"]["Medewerker"], na["onderwerp"]["Ongewenste omgangsvormen"]) == (
        1,
        1,
        1,
    )
    # The original's betrokkene still counts; the duplicate's has no afdoening and cannot get one now.
    assert na["betrokkenen"] == 1
    assert {k: v for k, v in na.items() if k not in ("meldingen", "melder", "onderwerp")} == {
        k: v for k, v in voor.items() if k not in ("meldingen", "melder", "onderwerp")
    }

    teamleider = recht(analist, "melding_heropenen")
    duplicaat.refresh_from_db()
    melding_heropenen(
        melding=duplicaat, door=teamleider, reden="Toch een andere zaak.", versie=duplicaat.versie
    )
    duplicaat.refresh_from_db()
    assert duplicaat.duplicaat_van is None and not duplicaat.is_afgedaan
    assert exporteer_cijfers(jaar=2025)["oif"]["meldingen"] == 2


def test_duplicaat_van_een_afgeschermde_melding_is_zelf_afgeschermd(teamleider, twee):
    origineel, duplicaat = twee
    _afscherming(origineel, teamleider)
    _markeren(duplicaat, origineel, teamleider)
    duplicaat.refresh_from_db()
    assert duplicaat.afgeschermd


def test_de_behandelaar_van_een_duplicaat_heft_de_afscherming_niet_op_zolang_het_origineel_afgeschermd_is(
    client, analist, maak_gebruiker, maak_melding, teamleider
):
    """The attack: the behandelaar of the duplicate lifts its shield, and every analist reads the shielded
    original's number and matter on the duplicate's page."""
    behandelaar = maak_gebruiker("behandelaar-duplicaat", r.OIF_ANALIST)
    origineel = maak_melding(omschrijving="Kasgeld verdwijnt bij een OIF-collega.")
    duplicaat = maak_melding(behandelaar=behandelaar, omschrijving="Opnieuw: kasgeld bij een OIF-collega.")
    _afscherming(origineel, teamleider)
    _markeren(duplicaat, origineel, teamleider)
    duplicaat.refresh_from_db()

    client.force_login(behandelaar)
    weigering = f"een duplicaat van {origineel.nummer}, en die is afgeschermd"
    assert weigering in client.get(reverse("meldingen:afschermen", args=[duplicaat.pk])).content.decode(), (
        "de pagina zegt het voordat de behandelaar een reden typt"
    )
    antwoord = client.post(
        reverse("meldingen:afschermen", args=[duplicaat.pk]),
        {"reden": "Mijn zaak, iedereen mag meekijken.", "versie": duplicaat.versie},
    )

    assert antwoord.status_code == 200
    assert weigering in antwoord.content.decode()
    assert Melding.objects.get(pk=duplicaat.pk).afgeschermd
    client.force_login(analist)
    assert client.get(reverse("meldingen:detail", args=[duplicaat.pk])).status_code == 404

    # Once the teamleider lifts the original's shield, the duplicate's can be lifted too.
    _afscherming(origineel, teamleider, afgeschermd=False, reden="Geen collega.")
    _afscherming(duplicaat, behandelaar, afgeschermd=False, reden="Geen collega.")
    assert client.get(reverse("meldingen:detail", args=[duplicaat.pk])).status_code == 200
