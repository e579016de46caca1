"""Afdoening per betrokkene: class from the type, read-only after Afgedaan, no silent overwrite, audit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse

from afdoeningen.anonimisering import BEVAT_EMAIL, BEVAT_NAAM
from afdoeningen.models import Afdoening
from afdoeningen.services import (
    ALLEEN_LEZEN,
    DATUM_VOOR_ONTVANGST,
    AfdoeningAlleenLezen,
    afdoening_vastleggen,
)
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT, VersieConflict
from finintegriteit.referentie.models import AfdoeningType, SchendingSoort
from meldingen.models import Melding
from tests.factories import optie

pytestmark = pytest.mark.django_db


def gegevens(**anders):
    basis = {
        "schending": optie(SchendingSoort, "ongewenste-omgangsvormen"),
        "aangetoond": True,
        "type": optie(AfdoeningType, "corrigerend-gesprek"),
        "datum": datetime.date(2024, 5, 1),
        "inhoud": "Ongewenste omgangsvormen medewerker.",
    }
    return basis | anders


def post_gegevens(versie=0, **anders):
    basis = {
        "type": optie(AfdoeningType, "schriftelijke-berisping").pk,
        "schending": optie(SchendingSoort, "ongepaste-communicatie").pk,
        "aangetoond": "ja",
        "datum": "2024-06-01",
        "inhoud": "Betrokkene heeft zich ongepast geuit.",
        "versie": versie,
    }
    return basis | anders


# --- class per type --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "klasse"),
    [
        ("geen-afdoening", "geen afdoening"),
        ("corrigerend-gesprek", "niet-disciplinair"),
        ("ontslag-initiatief-medewerker", "niet-disciplinair"),
        ("beeindiging-tijdelijke-arbeidsovereenkomst", "niet-disciplinair"),
        ("schriftelijke-berisping", "disciplinair"),
        ("vermindering-ikb-uren", "disciplinair"),
        ("verplaatsing", "disciplinair"),
        ("beeindiging-dienstverband", "disciplinair"),
        ("financiele-afdoening", "disciplinair"),
    ],
)
def test_klasse_volgt_uit_het_type(betrokkene, analist, code, klasse):
    afdoening = afdoening_vastleggen(
        betrokkene=betrokkene, door=analist, versie=0, **gegevens(type=optie(AfdoeningType, code))
    )
    assert Afdoening.objects.get(pk=afdoening.pk).klasse == klasse


def test_klasse_verandert_mee_als_het_type_wordt_gewijzigd(betrokkene, analist):
    afdoening = afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    assert afdoening.klasse == "niet-disciplinair"
    afdoening = afdoening_vastleggen(
        betrokkene=betrokkene, door=analist, versie=1, **gegevens(type=optie(AfdoeningType, "verplaatsing"))
    )
    assert afdoening.klasse == "disciplinair"
    assert afdoening.versie == 2


def test_schending_mag_afwijken_van_het_onderwerp(betrokkene, analist):
    afdoening = afdoening_vastleggen(
        betrokkene=betrokkene,
        door=analist,
        versie=0,
        **gegevens(schending=optie(SchendingSoort, "misbruik-bevoegdheden")),
    )
    assert afdoening.schending.code != betrokkene.melding.onderwerp.code


# --- rules -----------------------------------------------------------------------------------------


def test_inhoud_met_naam_van_de_betrokkene_wordt_geweigerd(betrokkene, analist):
    with pytest.raises(ValidationError) as fout:
        afdoening_vastleggen(
            betrokkene=betrokkene, door=analist, versie=0, **gegevens(inhoud="De Vries heeft gescholden.")
        )
    assert fout.value.message_dict["inhoud"] == [BEVAT_NAAM.format(woord="De Vries")]
    assert not Afdoening.objects.exists()


def test_datum_voor_ontvangst_wordt_geweigerd(betrokkene, analist):
    with pytest.raises(ValidationError) as fout:
        afdoening_vastleggen(
            betrokkene=betrokkene, door=analist, versie=0, **gegevens(datum=datetime.date(2024, 1, 1))
        )
    assert fout.value.message_dict["datum"] == [DATUM_VOOR_ONTVANGST.format(datum="01-03-2024")]


def test_afgedane_melding_kan_niet_gewijzigd_worden(betrokkene, analist):
    afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    Melding.objects.filter(pk=betrokkene.melding_id).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    with pytest.raises(AfdoeningAlleenLezen):
        afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=1, **gegevens(aangetoond=False))
    assert Afdoening.objects.get().aangetoond is True


def test_tweede_gelijktijdige_opslag_wordt_geweigerd(betrokkene, analist, maak_gebruiker):
    from finintegriteit.kern import rollen as r

    collega = maak_gebruiker("collega", r.OIF_ANALIST)
    afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    # Both opened version 1; the colleague saves first.
    afdoening_vastleggen(betrokkene=betrokkene, door=collega, versie=1, **gegevens(aangetoond=False))
    with pytest.raises(VersieConflict):
        afdoening_vastleggen(
            betrokkene=betrokkene, door=analist, versie=1, **gegevens(inhoud="Ongewenste omgangsvormen.")
        )
    afdoening = Afdoening.objects.get()
    assert (afdoening.aangetoond, afdoening.inhoud, afdoening.versie) == (
        False,
        "Ongewenste omgangsvormen medewerker.",
        2,
    )


def test_twee_keer_een_nieuwe_afdoening_aanmaken_geeft_een_conflict(betrokkene, analist):
    afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    with pytest.raises(VersieConflict):
        afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens(aangetoond=False))


def test_wijziging_schrijft_alleen_veldnamen_in_de_audittrail(betrokkene, analist):
    afdoening = afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    afdoening_vastleggen(
        betrokkene=betrokkene, door=analist, versie=1, **gegevens(inhoud="Ongewenste omgangsvormen.")
    )
    regels = AuditRegel.objects.filter(object_type="afdoening", object_id=str(afdoening.pk)).order_by("pk")
    assert [(r.actie, r.velden, r.gebruiker) for r in regels] == [
        ("aangemaakt", ["aangetoond", "datum", "inhoud", "schending", "type"], analist),
        # A standard phrase replaced by an own text now waits for the check against the melder.
        ("gewijzigd", ["controle_melder_open", "inhoud"], analist),
    ]
    assert "omgangsvormen" not in str(list(regels.values()))


def test_opslaan_zonder_wijziging_schrijft_niets(betrokkene, analist):
    afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **gegevens())
    afdoening = afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=1, **gegevens())
    assert afdoening.versie == 1
    assert AuditRegel.objects.filter(object_type="afdoening").count() == 1


# --- the page ----------------------------------------------------------------------------------------


def url(betrokkene):
    return reverse("afdoeningen:vastleggen", kwargs={"betrokkene_pk": betrokkene.pk})


def test_formulier_biedt_standaardomschrijvingen_en_bijlage_2_lijst(client, analist, betrokkene):
    client.force_login(analist)
    antwoord = client.get(url(betrokkene))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'list="standaard-inhoud"' in html
    assert '<option value="Medewerker heeft zich niet gehouden aan interne regels."></option>' in html
    assert "Schriftelijke berisping (disciplinair)" in html
    assert "autofocus" in html
    assert (
        AuditRegel.objects.filter(actie="bekeken", object_type="betrokkene", gebruiker=analist).count() == 1
    )


def test_formulier_zegt_in_gewone_woorden_waar_keuze_en_tekst_terechtkomen(client, analist, betrokkene):
    client.force_login(analist)
    html = client.get(url(betrokkene)).content.decode()
    assert "De lijst van Bijlage 2" not in html
    assert (
        "Dezelfde keuzes als in de bijlage van het jaarverslag waarin elke afdoening staat. De klasse (geen "
        "afdoening, niet-disciplinair of disciplinair) volgt uit de gekozen afdoening."
    ) in html
    assert "Deze tekst komt letterlijk in de bijlage van het jaarverslag waarin elke afdoening staat." in html


def test_afdoening_vastleggen_via_het_formulier(client, analist, betrokkene):
    client.force_login(analist)
    antwoord = client.post(url(betrokkene), post_gegevens())
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("meldingen:detail", kwargs={"pk": betrokkene.melding_id})
    afdoening = Afdoening.objects.get()
    assert (afdoening.klasse, afdoening.aangetoond, afdoening.datum) == (
        "disciplinair",
        True,
        datetime.date(2024, 6, 1),
    )


def test_formulier_toont_weigering_bij_het_veld(client, analist, betrokkene):
    client.force_login(analist)
    antwoord = client.post(url(betrokkene), post_gegevens(inhoud="Mail aan jan@example.org gestuurd."))
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["inhoud"] == [BEVAT_EMAIL.format(adres="jan@example.org")]
    assert not Afdoening.objects.exists()


def test_conflict_op_de_pagina_met_herlaadlink(client, analist, betrokkene):
    client.force_login(analist)
    client.post(url(betrokkene), post_gegevens())
    client.post(url(betrokkene), post_gegevens(versie=1, aangetoond="nee"))  # someone else, first
    antwoord = client.post(url(betrokkene), post_gegevens(versie=1, inhoud="Ongepaste communicatie."))
    html = antwoord.content.decode()
    assert antwoord.status_code == 409
    assert VERSIE_CONFLICT in html.replace("&#x27;", "'")
    assert f'href="{url(betrokkene)}"' in html
    assert "Ongepaste communicatie." in html  # the user's input is still on screen
    assert Afdoening.objects.get().aangetoond is False


def test_afgedane_melding_toont_de_afdoening_alleen_lezen(client, analist, betrokkene):
    client.force_login(analist)
    client.post(url(betrokkene), post_gegevens())
    Melding.objects.filter(pk=betrokkene.melding_id).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    antwoord = client.get(url(betrokkene))
    assert antwoord.status_code == 200
    assert 'name="inhoud"' not in antwoord.content.decode()
    assert "Schriftelijke berisping" in antwoord.content.decode()
    antwoord = client.post(url(betrokkene), post_gegevens(versie=1, aangetoond="nee"))
    assert antwoord.status_code == 403
    assert ALLEEN_LEZEN in antwoord.content.decode()
    assert Afdoening.objects.get().aangetoond is True
    # The GET and the refused POST both showed the afdoening: one row per time the page was shown.
    bekeken = AuditRegel.objects.filter(actie="bekeken", object_type="betrokkene").order_by("pk")
    getoond = [f"afdoening:{Afdoening.objects.get().pk}"]
    assert [regel.velden for regel in bekeken] == [getoond, getoond], "één regel per keer bekijken"


@pytest.mark.parametrize("persona", ["vertrouwenspersoon", "coordinator", "beheerder", "buitenstaander"])
def test_alleen_oif_analisten(client, request, betrokkene, persona):
    gebruiker = request.getfixturevalue(persona)
    client.force_login(gebruiker)
    for methode in (client.get, client.post):
        antwoord = methode(url(betrokkene), post_gegevens())
        # Would leak: the betrokkene's name and the afdoening of a case.
        assert antwoord.status_code in (403, 404)
        assert "Vries" not in antwoord.content.decode()
    assert not Afdoening.objects.exists()
    assert (
        AuditRegel.objects.filter(
            actie="geweigerd", gebruiker=gebruiker, object_id=str(betrokkene.pk)
        ).count()
        == 2
    )


def test_onbekende_betrokkene_is_404_en_wordt_vastgelegd(client, analist):
    client.force_login(analist)
    assert client.get(reverse("afdoeningen:vastleggen", kwargs={"betrokkene_pk": 999})).status_code == 404
    assert AuditRegel.objects.filter(actie="geweigerd", object_type="betrokkene", object_id="999").exists()


def test_een_geweigerde_post_toont_de_naam_en_is_een_bekeken_regel(client, analist, betrokkene):
    """The attack: a POST that fails validation shows the page with the name, without a 'bekeken' row."""
    client.force_login(analist)
    voor = AuditRegel.objects.count()
    antwoord = client.post(url(betrokkene), post_gegevens(versie="abc"))
    assert antwoord.status_code == 200
    assert betrokkene.naam in antwoord.content.decode()
    nieuw = AuditRegel.objects.order_by("pk")[voor:]
    assert [(r.actie, r.object_type, r.object_id) for r in nieuw] == [
        (AuditRegel.Actie.BEKEKEN, "betrokkene", str(betrokkene.pk))
    ]


def test_opslaan_via_het_formulier_schrijft_geen_extra_bekeken_regel(client, analist, betrokkene):
    client.force_login(analist)
    voor = AuditRegel.objects.count()
    assert client.post(url(betrokkene), post_gegevens()).status_code == 302
    assert AuditRegel.Actie.BEKEKEN not in set(
        AuditRegel.objects.order_by("pk")[voor:].values_list("actie", flat=True)
    )
