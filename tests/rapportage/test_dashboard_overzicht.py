"""The coordinator's dashboard as a coordinator uses it: it opens on the latest year with figures, shows
the trend and the current year so far (within the coordinator's scope, small counts hidden), and never
reports zeros as findings."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Melding
from rapportage import inhoud
from rapportage.hoofdstukken.oif import _samenvatting
from rapportage.secties import Oif
from rapportage.selectors import gepubliceerd
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.selectors.overzicht import lopend_jaar, verloop
from tests.bouwstenen import dashboard_met_tabellen, melding
from tests.bouwstenen.tellijst import tellijst, tellijst_gepubliceerd

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("rapportage:dashboard")
VANDAAG = timezone.localdate()


@pytest.fixture
def ingelogd(client, coordinator):
    client.force_login(coordinator)
    return client


def pagina(client, **params) -> str:
    antwoord = client.get(DASHBOARD, params)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_opent_op_het_laatste_afgesloten_jaar_met_cijfers_en_zegt_dat(ingelogd):
    tellijst_gepubliceerd(6, jaar=VANDAAG.year - 3)
    melding(ontvangen_op=datetime.date(VANDAAG.year - 2, 5, 1))

    html = pagina(ingelogd)

    assert f"Jaarcijfers {VANDAAG.year - 2}" in html
    assert 'id="standaardjaar"' in html
    assert 'id="standaardjaar"' not in pagina(ingelogd, jaar=VANDAAG.year - 3), (
        "een gekozen jaar is geen standaard"
    )


def test_jaarrapportages_begint_bij_hetzelfde_jaar_en_onthoudt_het_gekozen_jaar(ingelogd, settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path
    tellijst_gepubliceerd(6, jaar=VANDAAG.year - 3)
    form = ingelogd.get(reverse("rapportage:rapporten")).context["form"]
    assert form["jaar"].value() == VANDAAG.year - 3

    antwoord = ingelogd.post(reverse("rapportage:rapporten"), {"jaar": VANDAAG.year - 2})

    assert antwoord.status_code == 302
    assert ingelogd.get(antwoord.url).context["form"]["jaar"].value() == VANDAAG.year - 2


def test_een_leeg_jaar_zegt_dat_er_geen_gegevens_zijn_in_plaats_van_nullen(ingelogd):
    melding(ontvangen_op=datetime.date(VANDAAG.year - 2, 5, 1))

    html = pagina(ingelogd, jaar=VANDAAG.year - 1)

    assert "zijn in het systeem geen gegevens geregistreerd van het Onderzoeksbureau" in html
    assert "(OIF) kreeg in" not in html  # no opening sentence made of zeros


class Weergave:
    def a(self, n):
        return n


@pytest.mark.parametrize(
    ("cijfers", "klassen", "verwacht"),
    [
        (
            {"meldingen": 3, "betrokkenen": 2, "maatregelen": 0},
            {"geen": 2, "nd": 0, "dis": 0},
            "Het Onderzoeksbureau Integriteit Financiën (OIF) kreeg in 2025 3 meldingen binnen. Dat jaar "
            "zijn 2 (vermoedelijke) integriteitsschendingen afgedaan. Bij 2 daarvan was een formele "
            "afdoening niet nodig.",
        ),
        (
            {"meldingen": 4, "betrokkenen": 3, "maatregelen": 3},
            {"geen": 0, "nd": 3, "dis": 0},
            "Het Onderzoeksbureau Integriteit Financiën (OIF) kreeg in 2025 4 meldingen binnen. Dat jaar "
            "zijn 3 (vermoedelijke) integriteitsschendingen afgedaan. Elk daarvan kreeg een maatregel: "
            "3 niet-disciplinair.",
        ),
        (
            {"meldingen": 1, "betrokkenen": 0, "maatregelen": 0},
            {"geen": 0, "nd": 0, "dis": 0},
            "Het Onderzoeksbureau Integriteit Financiën (OIF) kreeg in 2025 1 melding binnen. Er is dat "
            "jaar geen (vermoedelijke) integriteitsschending afgedaan.",
        ),
    ],
)
def test_de_samenvatting_meldt_geen_nullen_als_bevinding(cijfers, klassen, verwacht):
    zin = _samenvatting(2025, Weergave(), Oif.uit({"oif": cijfers}), **klassen)
    assert zin == verwacht
    assert not re.search(r"\b0\b", zin)


def test_het_verloop_laat_jaren_zonder_rijen_weg(ingelogd):
    tellijst_gepubliceerd(6, jaar=2022)
    tellijst_gepubliceerd(8, jaar=2024)
    melding(ontvangen_op=datetime.date(2024, 2, 1))

    reeksen = verloop(tot=2024, onderdeel=None, tellijst=gepubliceerd())

    assert reeksen["adviesvragen"] == {2022: 6, 2024: 8}, "2023 had geen rijen: geen 0"
    assert reeksen["meldingen"] == {2024: 1}
    html = pagina(ingelogd, jaar=2024)
    assert 'aria-label="Adviesvragen bij vertrouwenspersonen per jaar"' in html
    assert "Meldingen bij het OIF per jaar" not in html, "één jaar is geen verloop"


def test_het_lopende_jaar_per_maand_open_en_te_laat_per_onderdeel(coordinator_douane, client):
    jaar = VANDAAG.year
    eerste = melding(ontvangen_op=datetime.date(jaar, 1, 10), onderdeel="douane")
    melding(ontvangen_op=datetime.date(jaar, 1, 20), onderdeel="douane")
    melding(ontvangen_op=datetime.date(jaar, 1, 5), onderdeel="belastingdienst")
    Melding.objects.filter(pk=eerste.pk).update(
        ontvangstbevestiging_uiterlijk=VANDAAG - datetime.timedelta(days=1)
    )

    douane = coordinator_douane.profiel.onderdeel
    lopend = lopend_jaar(vandaag=VANDAAG, onderdeel=douane, tellijst=gepubliceerd())

    assert lopend["meldingen_per_maand"][0] == [1, 2], "alleen de eigen meldingen van januari"
    assert len(lopend["meldingen_per_maand"]) == VANDAAG.month
    assert lopend["open_per_onderdeel"] == [["Douane", 2, 1]]
    client.force_login(coordinator_douane)
    html = pagina(client)
    assert "Belastingdienst</th><td" not in html.split('id="lopend-kop"')[1].split("</section>")[0]


def test_gepubliceerde_adviesvragen_van_dit_jaar_met_kleine_aantallen_verborgen():
    jaar = VANDAAG.year
    tellijst(9, jaar=jaar, onderdeel="belastingdienst")
    tellijst(7, jaar=jaar, onderdeel="toeslagen")
    tellijst_gepubliceerd(2, jaar=jaar, onderdeel="douane")

    lopend = inhoud.overzicht(jaar=jaar, onderdeel=None, vandaag=VANDAAG)["lopend"]
    rijen = dict(map(tuple, lopend["adviesvragen_per_onderdeel"]))

    assert rijen["Douane"] == VERBORGEN
    assert VERBORGEN in (rijen["Toeslagen"], rijen["Belastingdienst"]), "anders volgt Douane uit het totaal"
    assert rijen["Totaal"] == 18


def test_het_lopende_jaar_toont_geen_aantal_dat_de_tabellen_ernaast_verbergen(
    ingelogd, coordinator_douane, client
):
    """The attack: the table per onderdeel hides Douane's 6 and Toeslagen's 7, so that the one
    arbeidsconflict of the Belastingdienst cannot be worked back from the row and column totals. The
    overview beside it showed both, and with them the hidden cells followed again."""
    jaar = VANDAAG.year
    tellijst(9, jaar=jaar, onderdeel="belastingdienst")
    tellijst(1, jaar=jaar, onderdeel="belastingdienst", sub="8-arbeidsconflict")
    tellijst(7, jaar=jaar, onderdeel="toeslagen")
    tellijst_gepubliceerd(6, jaar=jaar, onderdeel="douane")

    html = dashboard_met_tabellen(ingelogd, jaar=jaar).content.decode()
    tabel = html.split(f"Adviesvragen bij vertrouwenspersonen per onderdeel {jaar}")[-1]
    overzicht = html.split('id="lopend-kop"')[1].split("</section>")[0]
    for onderdeel in ("Douane", "Toeslagen"):
        assert re.search(rf"{onderdeel}</th>\s*<td[^>]*>\s*×", tabel), f"de tabel verbergt {onderdeel}"
        assert f'{onderdeel}</th><td class="getal">×</td>' in overzicht, onderdeel

    # The Douane coordinator: her year total stands hidden in her tables, so in the trend and the panel too.
    client.force_login(coordinator_douane)
    douane = coordinator_douane.profiel.onderdeel
    assert inhoud.dashboardcijfers(jaar=jaar, onderdeel=douane)["vertrouwenspersonen"]["totaal"] == VERBORGEN
    eigen = inhoud.overzicht(jaar=jaar, onderdeel=douane, vandaag=VANDAAG)
    assert dict(map(tuple, eigen["verloop"]["adviesvragen"]))[jaar] == VERBORGEN
    assert eigen["lopend"]["adviesvragen_per_onderdeel"] == [["Douane", VERBORGEN], ["Totaal", VERBORGEN]]
    assert 'Douane</th><td class="getal">6' not in pagina(client, jaar=jaar)


def test_een_afgesloten_jaar_van_een_onderdeel_staat_in_het_verloop_zoals_in_zijn_tabellen(
    coordinator_douane,
):
    """A closed year's total of one onderdeel is public: the ministry's exact table per onderdeel has it.
    The trend hid a small one by a rule of its own, while the year's tables beside it showed it."""
    jaar = VANDAAG.year - 2
    tellijst_gepubliceerd(3, jaar=jaar, onderdeel="douane")
    douane = coordinator_douane.profiel.onderdeel

    tabellen = inhoud.dashboardcijfers(jaar=jaar, onderdeel=douane)["vertrouwenspersonen"]["totaal"]
    verloop_douane = inhoud.overzicht(jaar=jaar, onderdeel=douane, vandaag=VANDAAG)["verloop"]
    assert tabellen == 3
    assert dict(map(tuple, verloop_douane["adviesvragen"]))[jaar] == 3


def test_de_tabellen_van_een_hoofdstuk_komen_pas_bij_openen(ingelogd):
    tellijst_gepubliceerd(6, jaar=2024)
    html = pagina(ingelogd, jaar=2024)
    assert "<table" not in html.split('id="jaar-kop"')[1].split('id="verloop-kop"')[0]
    url = reverse("rapportage:hoofdstuk_tabellen", args=["vertrouwenspersonen"])

    los = ingelogd.get(url, {"jaar": 2024}, HTTP_HX_REQUEST="true")
    heel = ingelogd.get(url, {"jaar": 2024})

    assert "<table" in los.content.decode() and "<html" not in los.content.decode()
    assert "<html" in heel.content.decode() and "Terug naar het dashboard" in heel.content.decode()
    assert ingelogd.get(reverse("rapportage:hoofdstuk_tabellen", args=["bestaat-niet"])).status_code == 404


def test_de_vergelijkingskolom_van_vorig_jaar_heeft_ook_een_totaal(ingelogd):
    melding(ontvangen_op=datetime.date(2023, 4, 1), melder="medewerker")
    melding(ontvangen_op=datetime.date(2023, 5, 1), melder="extern")
    melding(ontvangen_op=datetime.date(2024, 4, 1), melder="medewerker")

    html = dashboard_met_tabellen(ingelogd, jaar=2024).content.decode()

    tabel = html.split("Melders van (vermoedelijke) schendingen 2024</caption>")[1].split("</table>")[0]
    kop = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', tabel)
    totaal = re.search(r'<th scope="row"[^>]*>Totaal</th>((?:<td[^>]*>[^<]*</td>)+)', tabel).group(1)
    assert kop == ["Melder", "2024", "%", "2023"]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", totaal) == ["1", "", "2"]
