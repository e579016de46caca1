"""The coordinator's dashboard: the report's tables as HTML, each as .xlsx, scoped to the user's onderdeel."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rapportage import inhoud, views
from tests.bouwstenen import dashboard_met_tabellen
from tests.bouwstenen.cijfers import klein_cijfers

pytestmark = pytest.mark.django_db


# The current year, and last year until its Tellijst closes (1 February).
OPEN_JAREN = (timezone.localdate().year - 1, timezone.localdate().year)


@pytest.fixture
def cijfers(monkeypatch):
    """Hand-built figures in place of those of pages and reports (inhoud.paginacijfers); records with
    which scope the dashboard asked for them."""
    gevraagd = []

    def nep(*, jaar, onderdeel=None, tellijst=None):
        gevraagd.append((jaar, onderdeel.code if onderdeel else None))
        c = klein_cijfers()
        if onderdeel is not None:
            c.update(onderdeel=onderdeel.label, onderdeel_code=onderdeel.code, drempel=5)
        return c

    monkeypatch.setattr(inhoud, "paginacijfers", nep)
    return gevraagd


def test_coordinator_ziet_de_tabellen_van_het_rapport(
    client, coordinator, cijfers, django_assert_max_num_queries
):
    client.force_login(coordinator)
    # A first visit: the page (9), the default year (4) and the current-year overview (8, one of them
    # the Tellijst per month), all counted in the database; the figures themselves are faked here.
    with django_assert_max_num_queries(21):
        antwoord = client.get(reverse("rapportage:dashboard"), {"jaar": 2024})
    pagina = dashboard_met_tabellen(client, jaar=2024).content.decode()
    assert antwoord.status_code == 200
    # The year asked for, and the years not closed yet: the overview hides what their tables hide.
    assert cijfers[0] == (2024, None)
    assert set(cijfers[1:]) <= {(jaar, None) for jaar in OPEN_JAREN}
    for titel in ["Melders van (vermoedelijke) schendingen 2024", "Wie betreft de melding", "Klachten 2024"]:
        assert titel in pagina
    assert '<td class="getal">146</td>' in pagina
    assert reverse("rapportage:xlsx", args=["oif-melder"]) + "?jaar=2024" in pagina
    assert "<svg" in pagina and "style=" not in pagina.split("<main", 1)[1], "geen inline style (CSP)"


@pytest.mark.parametrize("persona", ["analist", "vertrouwenspersoon", "beheerder"])
def test_andere_rollen_zien_het_dashboard_niet(client, request, cijfers, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("rapportage:dashboard")).status_code == 403
    assert client.get(reverse("rapportage:xlsx", args=["oif-melder"])).status_code == 403
    assert cijfers == [], "de cijfers mogen niet eens worden berekend"


def test_coordinator_van_een_onderdeel_ziet_alleen_zijn_onderdeel_met_drempel(
    client, coordinator_douane, cijfers
):
    client.force_login(coordinator_douane)
    pagina = dashboard_met_tabellen(client, jaar=2024).content.decode()
    assert cijfers[0] == (2024, "douane")
    assert set(cijfers[1:]) <= {(jaar, "douane") for jaar in OPEN_JAREN}, "alleen het eigen onderdeel"
    assert "Douane" in pagina and "aantallen onder 5 staan als" in pagina
    assert '<td class="getal">&lt;5</td>' in pagina, "kleine aantallen worden '<5'"
    assert '<td class="getal">146</td>' in pagina, "grote aantallen blijven exact"


def test_elke_tabel_als_xlsx_met_getallen_en_veilige_tekst(client, coordinator, cijfers):
    client.force_login(coordinator)
    antwoord = client.get(reverse("rapportage:xlsx", args=["oif-melder"]), {"jaar": 2024})
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="oif-melder-2024-ministerie.xlsx"' in antwoord["Content-Disposition"]
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[2][:4] == ("Melder", "2024", "%", "2023")
    assert rijen[3][:4] == ("Decentrale meldpunten", 146, 0.68, 120)

    assert rijen[0][0].count("2024") == 1, rijen[0][0]

    lijst = client.get(reverse("rapportage:xlsx", args=["bijlage2"]), {"jaar": 2024})
    kop = next(load_workbook(io.BytesIO(lijst.content)).active.iter_rows(values_only=True))[0]
    assert kop.count("2024") == 1, f"het jaar één keer in de titel: {kop}"
    waarden = [
        c for r in load_workbook(io.BytesIO(lijst.content)).active.iter_rows(values_only=True) for c in r
    ]
    assert '\'=HYPERLINK("x") is tekst, geen formule.' in waarden, (
        "tekst die met = begint, wordt geen formule"
    )


def test_xlsx_van_een_onderdeel_toont_de_drempel(client, coordinator_douane, cijfers):
    client.force_login(coordinator_douane)
    antwoord = client.get(reverse("rapportage:xlsx", args=["oif-feitenonderzoek"]), {"jaar": 2024})
    waarden = [
        c for r in load_workbook(io.BytesIO(antwoord.content)).active.iter_rows(values_only=True) for c in r
    ]
    assert "douane" in antwoord["Content-Disposition"]
    assert 16 in waarden


def test_onbekende_tabel_geeft_404(client, coordinator, cijfers):
    client.force_login(coordinator)
    assert client.get(reverse("rapportage:xlsx", args=["bestaat-niet"])).status_code == 404


def test_voorbeeld_toont_precies_de_html_van_de_pdf(client, coordinator, cijfers):
    client.force_login(coordinator)
    antwoord = client.get(reverse("rapportage:voorbeeld"), {"jaar": 2024})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert html.startswith("<!doctype html>") and '<html lang="nl">' in html
    assert "rapport-pdf.css" in html and "bootstrap" not in html


def test_voorbeeld_is_alleen_voor_coordinatoren(client, analist, cijfers):
    client.force_login(analist)
    assert client.get(reverse("rapportage:voorbeeld")).status_code == 403


def test_niet_beschikbaar_tekst_is_een_constante():
    assert "niet beschikbaar" in views.NIET_BESCHIKBAAR


def test_bijlage2_staat_op_het_dashboard_als_download_niet_als_lange_tabel(client, coordinator, cijfers):
    client.force_login(coordinator)
    pagina = dashboard_met_tabellen(client, jaar=2024).content.decode()
    assert reverse("rapportage:xlsx", args=["bijlage2"]) in pagina
    assert "Overzicht (vermoedelijke) schendingen en afdoeningen 2024 downloaden (.xlsx)" in pagina
    assert "Afgedane schendingen per dienstonderdeel 2024" in pagina
    assert "Medewerker heeft zich grensoverschrijdend gedragen." not in pagina
