"""The report's structure and texts: Markdown with figure references, checked on save, edited in a page."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from rapportage import inhoud, pdf
from rapportage.models import Rapportdeel
from rapportage.teksten import markdown, selectors, services
from rapportage.teksten.standaard import HOOFDSTUKKEN
from tests.factories import (
    BenoemdKerncijferFactory,
    GepubliceerdCijferFactory,
    KerncijfersFactory,
    RapportdeelFactory,
)

pytestmark = pytest.mark.django_db

WAARDEN = {
    "jaar": 2024,
    "oif": {"meldingen": 1214, "afdoening": {"Overig (bijv. mediation)": 5}},
    "benoemd": {"score": Decimal("7.90")},
}


def test_een_verwijzing_wordt_het_cijfer_in_nederlandse_notatie():
    html = markdown.naar_html(
        "In {{ jaar }}: {{oif.meldingen}} meldingen, score {{ benoemd.score }}, "
        "{{ oif.afdoening.Overig (bijv. mediation) }} overig.",
        WAARDEN,
    )
    assert html == "<p>In 2024: 1.214 meldingen, score 7,9, 5 overig.</p>\n"


def test_html_en_gevaarlijke_links_in_een_tekst_komen_niet_in_het_rapport():
    html = markdown.naar_html(
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) "
        '<b style="x">b</b>',
        WAARDEN,
    )
    assert "<script" not in html and "<img" not in html and "<b " not in html and "href" not in html
    assert "&lt;script&gt;" in html  # shown as text, harmless


def test_alleen_veilige_links_blijven_links():
    assert 'href="https://www.rijksoverheid.nl"' in markdown.naar_html(
        "[r](https://www.rijksoverheid.nl)", {}
    )
    assert "href" not in markdown.naar_html("[r](http://x.invalid) [d](data:text/html,x)", {})


def test_koppen_in_een_tekst_beginnen_onder_hoofdstuk_en_paragraaf():
    assert markdown.naar_html("# Kop", WAARDEN).startswith("<h3>Kop</h3>")


def test_een_cijfer_met_een_drempel_toont_de_drempel():
    html = markdown.naar_html("{{ oif.meldingen }}", {"oif": {"meldingen": 3}}, toon_aantal=lambda n: "<5")
    assert html == "<p>&lt;5</p>\n"


def test_onbekende_verwijzingen_en_groepen_geven_een_nederlandse_fout_met_de_naam():
    fouten = markdown.controleer("{{ oif.meldngen }} en {{ oif.afdoening }}", WAARDEN)
    assert fouten == [
        markdown.FOUT_ONBEKEND.format(naam="oif.meldngen"),
        markdown.FOUT_GROEP.format(naam="oif.afdoening", voorbeeld="Overig (bijv. mediation)"),
    ]
    assert "{{ oif.meldngen }}" in fouten[0]


def test_opslaan_met_een_onbekende_verwijzing_wordt_geweigerd_en_verandert_niets(coordinator):
    deel = RapportdeelFactory(jaar=2024, tekst="oud")
    with pytest.raises(ValidationError) as fout:
        services.rapportdeel_opslaan(deel=deel, door=coordinator, tekst="{{ oif.bestaat_niet }}")
    assert "{{ oif.bestaat_niet }}" in fout.value.message_dict["tekst"][0]
    deel.refresh_from_db()
    assert deel.tekst == "oud"


def test_een_benoemd_kerncijfer_is_bruikbaar_in_tekst_en_tabel(coordinator):
    BenoemdKerncijferFactory(
        kerncijfers=KerncijfersFactory(jaar=2024),
        naam="getraind",
        omschrijving="Getrainde medewerkers",
        waarde=25000,
        eenheid="medewerkers",
    )
    deel = RapportdeelFactory(jaar=2024, titel="Preventie", inhoud="benoemde_kerncijfers")
    services.rapportdeel_opslaan(deel=deel, door=coordinator, tekst="Getraind: {{ benoemd.getraind }}.")
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    assert "Getraind: 25.000." in html
    assert "Getrainde medewerkers" in html and "25.000 medewerkers" in html


def test_alleen_een_coordinator_van_het_hele_ministerie_wijzigt_teksten(coordinator_douane):
    deel = RapportdeelFactory(jaar=2024)
    with pytest.raises(PermissionDenied):
        services.rapportdeel_opslaan(deel=deel, door=coordinator_douane, tekst="Gewijzigd")
    with pytest.raises(PermissionDenied):
        services.structuur_aanmaken(jaar=2025, door=coordinator_douane)


def test_het_eerste_jaar_krijgt_de_gepubliceerde_indeling_en_een_nieuw_jaar_een_kopie_van_het_vorige(
    coordinator,
):
    assert [d.titel for d in selectors.rapportdelen(jaar=2023)] == [t for t, _i, _b in HOOFDSTUKKEN]
    services.structuur_aanmaken(jaar=2023, door=coordinator)
    voorwoord = Rapportdeel.objects.get(jaar=2023, titel="Voorwoord")
    services.rapportdeel_opslaan(deel=voorwoord, door=coordinator, tekst="Tekst van {{ jaar }}.")
    RapportdeelFactory(jaar=2023, volgorde=15, niveau=Rapportdeel.Niveau.PARAGRAAF, titel="Dank")

    delen = services.structuur_aanmaken(jaar=2024, door=coordinator)

    assert [d.titel for d in delen][:3] == ["Voorwoord", "Dank", "Jaar in vogelvlucht"]
    assert Rapportdeel.objects.get(jaar=2024, titel="Voorwoord").tekst == "Tekst van {{ jaar }}."
    assert Rapportdeel.objects.get(jaar=2023, titel="Voorwoord").tekst == "Tekst van {{ jaar }}."
    with pytest.raises(ValidationError):
        services.structuur_aanmaken(jaar=2024, door=coordinator)


def test_nummers_volgen_uit_de_volgorde_en_paragrafen_sluiten_aan_op_gegenereerde(coordinator):
    from tests.bouwstenen import melding

    melding(ontvangen_op=datetime.date(2024, 3, 1))
    services.structuur_aanmaken(jaar=2024, door=coordinator)
    oif = Rapportdeel.objects.get(jaar=2024, inhoud="oif")
    RapportdeelFactory(
        jaar=2024,
        volgorde=oif.volgorde + 1,
        niveau=Rapportdeel.Niveau.PARAGRAAF,
        titel="Casus",
        tekst="Een casus.",
    )
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    assert ">4 Melden van (vermoedelijke) integriteitsschendingen (OIF)<" in html
    assert ">4.1 Meldingen<" in html and ">4.4 Casus<" in html
    assert ">Bijlage 2 Overzicht schendingen en afdoeningen<" in html


def test_bewerken_voorbeeld_en_het_hele_rapport_tonen_dezelfde_tekst(client, coordinator):
    client.force_login(coordinator)
    antwoord = client.post(reverse("rapportage:teksten_aanmaken"), {"jaar": 2024})
    assert antwoord.status_code == 302
    deel = Rapportdeel.objects.get(jaar=2024, titel="Voorwoord")
    url = reverse("rapportage:deel_wijzigen", args=[deel.pk])
    velden = {
        "titel": "Voorwoord",
        "niveau": "hoofdstuk",
        "volgorde": deel.volgorde,
        "inhoud": "",
        "tekst": "",
    }

    fout = client.post(url, {**velden, "tekst": "Er waren {{ oif.meldngen }} meldingen."})
    assert fout.status_code == 200
    assert "Onbekende verwijzing naar een cijfer: {{ oif.meldngen }}" in fout.content.decode()

    client.post(url, {**velden, "tekst": "Er waren **{{ oif.meldingen }}** meldingen in {{ jaar }}."})
    bewerkpagina = client.get(url).content.decode()
    rapport = client.get(reverse("rapportage:voorbeeld") + "?jaar=2024").content.decode()
    # No OIF rows in 2024 here: the preview says so, exactly as the report does.
    verwacht = "<p>Er waren <strong>geen gegevens geregistreerd</strong> meldingen in 2024.</p>"
    assert verwacht in bewerkpagina and verwacht in rapport


def test_een_afwijkend_gepubliceerd_cijfer_staat_als_voetnoot_naast_het_cijfer_van_het_systeem(coordinator):
    services.structuur_aanmaken(jaar=2024, door=coordinator)
    GepubliceerdCijferFactory(
        jaar=2024, inhoud="oif", omschrijving="Meldingen", gepubliceerd="12", naam="oif.meldingen"
    )
    GepubliceerdCijferFactory(
        jaar=2024, inhoud="infographic", omschrijving="Niet betrokken", gepubliceerd="40.846"
    )
    GepubliceerdCijferFactory(jaar=2023, inhoud="oif", omschrijving="Ander jaar")
    from tests.bouwstenen import melding

    melding(ontvangen_op=datetime.date(2024, 3, 1))

    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))

    oif = html.split('id="oif"', 1)[1].split('id="vertrouwenspersonen"', 1)[0]
    assert (
        "Meldingen: het gepubliceerde verslag over 2024 vermeldde 12; dit rapport toont het cijfer uit de "
        "registraties (1)." in oif
    )
    assert "Niet betrokken: het gepubliceerde verslag over 2024 vermeldde 40.846; dat wijkt af" in html
    assert "Ander jaar" not in html


def test_een_onderdeelrapport_noemt_ministeriebrede_cijfers_en_zijn_eigen_totalen(coordinator):
    from finintegriteit.referentie.models import Onderdeel
    from tests.bouwstenen.tellijst import tellijst_gepubliceerd

    tellijst_gepubliceerd(2, jaar=2024)
    KerncijfersFactory(
        jaar=2024, klachten_ontvangen=4, cif_meldingen=2, peildatum_register=datetime.date(2025, 2, 25)
    )
    douane = Onderdeel.objects.get(code="douane")
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024, onderdeel=douane))
    assert "Klachten bij de Klachtencommissie Ongewenste Omgangsvormen (hele ministerie)" in html
    assert "Meldingen bij de Commissie sociale veiligheid en integriteit (hele ministerie)" in html
    assert "In dit rapport van Douane gelden deze cijfers voor het hele ministerie" in html
    assert "<h3>Totaal aantal adviesvragen Douane</h3>" in html  # the infographic's caption follows the scope
    assert "Totaal adviesvragen Douane naar aard" in html and "Totaal adviesvragen ministerie" not in html
    assert "Register van vertrouwenspersonen, peildatum 25-02-2025 (hele ministerie)" in html

    ministerie = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    assert "(hele ministerie)" not in ministerie


def test_de_coordinator_legt_een_gepubliceerd_cijfer_vast_en_een_onbekende_naam_wordt_geweigerd(
    client, coordinator, coordinator_douane
):
    from rapportage.models import GepubliceerdCijfer

    url = reverse("rapportage:gepubliceerde_cijfers")
    velden = {
        "jaar": 2023,
        "inhoud": "oif",
        "omschrijving": "Meldingen",
        "gepubliceerd": "12",
        "toelichting": "",
    }
    client.force_login(coordinator_douane)
    assert client.post(url, {**velden, "naam": ""}).status_code == 403

    client.force_login(coordinator)
    fout = client.post(url, {**velden, "naam": "oif.meldngen"})
    assert "Onbekende verwijzing naar een cijfer: {{ oif.meldngen }}" in fout.content.decode()
    assert not GepubliceerdCijfer.objects.exists()

    assert client.post(url, {**velden, "naam": "oif.meldingen"}).status_code == 302
    assert GepubliceerdCijfer.objects.get().naam == "oif.meldingen"


def test_de_titel_van_een_paragraaf_in_een_eigen_opmaak_komt_als_tekst_niet_als_opmaak_in_het_rapport():
    from rapportage.models import Rapportdeel
    from rapportage.tabellen import Hoofdstuk
    from rapportage.teksten.opbouw import hoofdstukken_uit_structuur

    delen = [
        Rapportdeel(
            jaar=2024, volgorde=1, niveau=Rapportdeel.Niveau.HOOFDSTUK, titel="Infographic", inhoud="x"
        ),
        Rapportdeel(
            jaar=2024, volgorde=2, niveau=Rapportdeel.Niveau.PARAGRAAF, titel='<img src=x onerror="alert(1)">'
        ),
    ]
    eigen_opmaak = Hoofdstuk("infographic", "", [], sjabloon="rapportage/pdf/_infographic.html")

    (hoofdstuk,) = hoofdstukken_uit_structuur(delen, gegenereerd={"x": lambda nr: eigen_opmaak}, waarden={})

    assert "<img" not in hoofdstuk.tekst_html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in hoofdstuk.tekst_html
