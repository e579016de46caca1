"""Fast entry of a Tellijst row: keyboard order, defaults, server-side rules and a fresh form after saving."""

import re

import pytest
import time_machine
from django.urls import reverse

from finintegriteit.referentie import models as ref
from tests.bouwstenen.tellijst import TELLIJST_OPEN, formulier, geldige_invoer, pk
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van

pytestmark = pytest.mark.django_db

URL = reverse("vertrouwenspersonen:invoeren")
VELDVOLGORDE = [
    "jaar",
    "kwartaal",
    "onderdeel",
    "hoofdcategorie",
    "subcategorie",
    "wie_betreft",
    "wijze_van_afdoening",
    "situatie",
    "melder_is_beklaagde",
    "evaluatielink",
]


@time_machine.travel("2025-06-15 10:00 +0200")
def test_velden_staan_in_de_volgorde_van_het_toetsenbord_met_autofocus_op_het_eerste_lege(vp_client):
    html = formulier(vp_client.get(URL).content.decode())
    namen = re.findall(r'<(?:select|input)[^>]*name="(\w+)"', html)
    namen = [n for n in namen if n != "csrfmiddlewaretoken"]
    assert namen == VELDVOLGORDE, "de tabvolgorde volgt de volgorde in de pagina"
    # Jaar is filled in and kwartaal may stay empty: typing starts at the onderdeel.
    eerste = re.search(r"<(select|input)[^>]*name=\"onderdeel\"[^>]*>", html).group(0)
    assert "autofocus" in eerste
    assert html.count("autofocus") == 1
    assert "tabindex" not in html, "geen eigen tabvolgorde die afwijkt van de pagina"


@time_machine.travel("2025-06-15 10:00 +0200")
def test_elk_veld_heeft_een_label(vp_client):
    html = formulier(vp_client.get(URL).content.decode())
    ids = re.findall(r'<select[^>]*id="(id_\w+)"', html)
    assert len(ids) == len(VELDVOLGORDE)
    for veld_id in ids:
        assert re.search(rf'<label[^>]*for="{veld_id}"[^>]*>\s*\w', html), f"{veld_id} heeft geen label"


@time_machine.travel("2025-06-15 10:00 +0200")
def test_zegt_op_het_formulier_dat_de_registratie_anoniem_is(vp_client):
    html = vp_client.get(URL).content.decode()
    assert "Deze registratie is anoniem: geen namen, geen vrije tekst" in html
    assert "<textarea" not in html
    assert not re.search(r'<input[^>]*type="text"', html), "geen vrije-tekstvelden"


@time_machine.travel("2025-06-15 10:00 +0200")
def test_standaarden_huidig_jaar_en_twee_keer_loopt_nog(vp_client):
    form = vp_client.get(URL).context["form"]
    assert form["jaar"].value() == 2025
    assert form["wijze_van_afdoening"].value() == pk(ref.WijzeVanAfdoening, "loopt-nog")
    assert form["situatie"].value() == pk(ref.SituatieNaInterventie, "loopt-nog")


@time_machine.travel("2025-06-15 10:00 +0200")
def test_alleen_opties_van_het_jaar_worden_aangeboden(vp_client):
    html = vp_client.get(URL).content.decode()
    assert ">Direct leidinggevende<" in html
    assert ">Leidinggevende<" not in html, "beëindigd na 2023"
    assert (
        ">Ontslag genomen<"
        not in formulier(html).split('name="situatie"')[0].split('name="wijze_van_afdoening"')[1]
    )


@time_machine.travel("2025-06-15 10:00 +0200")
def test_opslaan_geeft_een_bevestiging_en_een_vers_formulier_met_jaar_en_onderdeel(
    vp_client, vertrouwenspersoon
):
    antwoord = vp_client.post(URL, geldige_invoer(), follow=True)
    vraag = Adviesvraag.objects.get()
    assert vraag.pseudoniem == pseudoniem_van(vertrouwenspersoon)
    assert vraag.jaar == 2025 and vraag.melder_is_beklaagde is False
    html = antwoord.content.decode()
    assert (
        f"Adviesvraag {vraag.kenmerk} opgeslagen: 2025, Problematiek personeel en organisatie – "
        "Arbeidsconflict (loopt nog). Terugvinden kan met dit kenmerk in ‘Mijn adviesvragen’."
    ) in html
    form = antwoord.context["form"]
    assert not form.is_bound
    assert form["onderdeel"].value() == pk(ref.Onderdeel, "belastingdienst")
    assert form["kwartaal"].value() == 1
    assert form["hoofdcategorie"].value() in (None, "")
    hoofd = re.search(r'<select name="hoofdcategorie"[^>]*>', html).group(0)
    assert "autofocus" in hoofd, "na opslaan begint het typen bij wat per rij verschilt, niet bij Jaar"


@time_machine.travel("2025-06-15 10:00 +0200")
def test_subcategorie_moet_bij_de_hoofdcategorie_horen(vp_client):
    antwoord = vp_client.post(URL, geldige_invoer(subcategorie=pk(ref.Subcategorie, "1-overig")))
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["subcategorie"] == [
        regels.SUBCATEGORIE_ANDERE_HOOFDCATEGORIE.format(
            subcategorie="Overig", hoofdcategorie="Problematiek personeel en organisatie"
        )
    ]
    assert 'id="id_subcategorie_error"' in antwoord.content.decode(), "de melding staat bij het veld"
    assert Adviesvraag.objects.count() == 0


@time_machine.travel("2025-06-15 10:00 +0200")
def test_optie_die_in_het_jaar_niet_in_gebruik_is(vp_client):
    antwoord = vp_client.post(URL, geldige_invoer(wie_betreft=pk(ref.WieBetreft, "leidinggevende")))
    assert antwoord.context["form"].errors["wie_betreft"] == [
        regels.NIET_IN_GEBRUIK.format(label="Leidinggevende", jaar=2025)
    ]
    assert Adviesvraag.objects.count() == 0


@time_machine.travel("2025-06-15 10:00 +0200")
def test_verplichte_velden(vp_client):
    antwoord = vp_client.post(URL, geldige_invoer(onderdeel="", subcategorie=""))
    fouten = antwoord.context["form"].errors
    assert fouten["onderdeel"] == [regels.VERPLICHT] and fouten["subcategorie"] == [regels.VERPLICHT]
    assert 'aria-invalid="true"' in antwoord.content.decode()


@time_machine.travel(TELLIJST_OPEN)
@pytest.mark.parametrize(
    ("anders", "veld", "melding"),
    [
        ({"jaar": "2019"}, "jaar", regels.JAAR_BUITEN_BEREIK.format(eerste=2022, laatste=2025)),
        ({"jaar": "2026"}, "jaar", regels.JAAR_BUITEN_BEREIK.format(eerste=2022, laatste=2025)),
        ({"kwartaal": "4"}, "kwartaal", regels.KWARTAAL_IN_TOEKOMST.format(kwartaal=4, jaar=2025)),
        (
            {"jaar": "2024", "melder_is_beklaagde": "ja"},
            "melder_is_beklaagde",
            regels.BEKLAAGDE_TE_VROEG.format(jaar=2024),
        ),
    ],
)
def test_overige_regels_met_de_melding_bij_het_veld(vp_client, anders, veld, melding):
    antwoord = vp_client.post(URL, geldige_invoer(**anders))
    assert antwoord.context["form"].errors[veld] == [melding]
    assert Adviesvraag.objects.count() == 0


@time_machine.travel("2025-06-15 10:00 +0200")
def test_onzin_in_de_post_geeft_geen_500(vp_client):
    antwoord = vp_client.post(
        URL, {"jaar": "x", "onderdeel": "99999", "hoofdcategorie": "abc", "kwartaal": "9"}
    )
    assert antwoord.status_code == 200
    assert Adviesvraag.objects.count() == 0


@time_machine.travel("2025-06-15 10:00 +0200")
def test_zonder_javascript_staan_subcategorieen_gegroepeerd_per_hoofdcategorie(vp_client):
    html = vp_client.get(URL).content.decode()
    keuzelijst = html[html.index('name="subcategorie"') :].split("</select>")[0]
    assert keuzelijst.count("<optgroup") == 8
    assert '<optgroup label="Financiële schendingen">' in keuzelijst


@time_machine.travel("2025-06-15 10:00 +0200")
def test_subcategorieen_volgen_de_hoofdcategorie_via_htmx(vp_client):
    html = vp_client.get(URL).content.decode()
    hoofd = re.search(r'<select name="hoofdcategorie"[^>]*>', html).group(0)
    assert f'hx-get="{reverse("vertrouwenspersonen:subcategorieen")}"' in hoofd
    assert 'hx-target="#id_subcategorie"' in hoofd
    antwoord = vp_client.get(
        reverse("vertrouwenspersonen:subcategorieen"),
        {"hoofdcategorie": pk(ref.Hoofdcategorie, "financiele-schendingen"), "jaar": "2025"},
    )
    opties = re.findall(r"<option[^>]*>([^<]*)</option>", antwoord.content.decode())
    assert opties == ["— kies —", "Diefstal / verduistering", "Fraude", "Overig"]


@pytest.mark.parametrize(
    ("hoofdcategorie", "jaar"), [("x", "y"), ("9" * 30, "9" * 30), ("-1", "-2024"), ("", "")]
)
def test_subcategorieen_met_onzin_geeft_geen_500(vp_client, hoofdcategorie, jaar):
    antwoord = vp_client.get(
        reverse("vertrouwenspersonen:subcategorieen"), {"hoofdcategorie": hoofdcategorie, "jaar": jaar}
    )
    assert antwoord.status_code == 200 and "<option" in antwoord.content.decode()


def test_velden_met_onzin_geeft_geen_500(vp_client):
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:velden"), {"jaar": "9" * 30, "hoofdcategorie": "9" * 30}
    )
    assert antwoord.status_code == 200


@time_machine.travel(TELLIJST_OPEN)
def test_ander_jaar_kiezen_ververst_de_opties_van_dat_jaar(vp_client):
    """In January the year before is still open (TELLIJST_OPEN): choosing it asks its own questions."""
    antwoord = vp_client.post(reverse("vertrouwenspersonen:velden"), geldige_invoer(jaar="2024"))
    html = antwoord.content.decode()
    assert html.startswith('<div id="tellijst-velden">')
    beklaagde = html[html.index('name="melder_is_beklaagde"') :].split("</select>")[0]
    assert re.findall(r"<option[^>]*>([^<]*)</option>", beklaagde) == ["Niet van toepassing vóór 2025"], (
        "de vraag blijft op haar plaats, zonder iets te kiezen vóór 2025"
    )
    assert 'name="jaar"' not in html, "het jaarveld zelf wordt niet vervangen (focus blijft staan)"


@time_machine.travel("2025-06-15 10:00 +0200")
def test_de_service_weigert_ook_zonder_formulier(vertrouwenspersoon):
    from django.core.exceptions import ValidationError

    from vertrouwenspersonen.services import adviesvraag_toevoegen

    with pytest.raises(ValidationError) as fout:
        adviesvraag_toevoegen(
            vertrouwenspersoon=vertrouwenspersoon,
            jaar=2025,
            onderdeel=ref.Onderdeel.objects.get(code="douane"),
            hoofdcategorie=ref.Hoofdcategorie.objects.get(code="financiele-schendingen"),
            subcategorie=ref.Subcategorie.objects.get(code="5-intimidatie"),
            wie_betreft=ref.WieBetreft.objects.get(code="onbekend"),
            wijze_van_afdoening=ref.WijzeVanAfdoening.objects.get(code="loopt-nog"),
            situatie=ref.SituatieNaInterventie.objects.get(code="loopt-nog"),
        )
    assert set(fout.value.message_dict) == {"subcategorie", "wie_betreft"}
    assert Adviesvraag.objects.count() == 0
