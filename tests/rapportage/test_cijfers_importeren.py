"""History from published reports, and earlier years compared by their adopted figures."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from rapportage import inhoud, pdf
from rapportage.models import Vaststelling
from rapportage.vaststelling import services
from tests.bouwstenen.tellijst import TELLIJST_OPEN, tellijst, tellijst_gepubliceerd
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"


def uitvoer(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def tekst_van(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def gepubliceerd_2023(tmp_path):
    """The 2023 figures as a published report would give them, for a system without 2023 rows."""
    tellijst(7, jaar=2023)
    tekst = uitvoer("exporteer_cijfers", "--jaar", "2023")
    Adviesvraag.objects.filter(jaar=2023).delete()
    pad = tmp_path / "cijfers-2023.json"
    pad.write_text(tekst, encoding="utf-8")
    return pad, tekst


def test_ingelezen_cijfers_zijn_de_vergelijking_van_het_volgende_jaar(coordinator, gepubliceerd_2023):
    pad, tekst = gepubliceerd_2023
    regel = uitvoer("importeer_cijfers", str(pad), "--door", coordinator.username)
    assert "Cijfers van 2023 (hele ministerie) ingelezen" in regel
    assert uitvoer("exporteer_cijfers", "--jaar", "2023", "--vastgesteld") == tekst

    tellijst_gepubliceerd(4, jaar=2024)
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))

    vp = tekst_van(html.split('id="vertrouwenspersonen"', 1)[1].split('id="klachtencommissie"', 1)[0])
    assert re.search(r"Intimidatie 7 4", vp), "de kolom 2023 komt uit het ingelezen verslag"
    assert "De cijfers van 2023 in de vergelijkingen zijn de ingelezen uit het gepubliceerde verslag" in vp
    infographic = tekst_van(html.split('id="infographic-vp"', 1)[1].split("</section>", 1)[0])
    assert "vorig jaar ↓ 7" in infographic


def test_een_jaar_met_rijen_weigert_het_inlezen_en_er_verandert_niets(coordinator, gepubliceerd_2023):
    pad, _tekst = gepubliceerd_2023
    tellijst(1, jaar=2023)
    with pytest.raises(CommandError, match="Over 2023 staan al rijen in het systeem \\(Tellijst\\)"):
        call_command("importeer_cijfers", str(pad), "--door", coordinator.username)
    assert not Vaststelling.objects.exists()


@pytest.mark.time_machine(TELLIJST_OPEN)
@pytest.mark.parametrize("jaar", [2024, 2025], ids=["vorig jaar voor de sluitdag", "dit jaar"])
def test_de_weigering_verandert_niet_als_een_vertrouwenspersoon_een_rij_opslaat(coordinator, jaar):
    """A coordinator who offers a file again and again must not see the moment a year of the Tellijst
    gets a row: that dates the row. A year whose Tellijst is open is refused before rows are looked at."""
    bestand = f'{{"jaar": {jaar}, "vertrouwenspersonen": {{}}, "oif": {{}}, "kerncijfers": {{}}}}'

    def weigering() -> str:
        with pytest.raises(ValidationError) as fout:
            services.cijfers_importeren(tekst=bestand, door=coordinator)
        return " ".join(fout.value.messages)

    voor = weigering()
    tellijst(1, jaar=jaar)
    na = weigering()

    assert na == voor
    assert "Tellijst" not in na.replace(f"de Tellijst van {jaar} sluit", "")
    assert not Vaststelling.objects.exists()


def test_geen_cijferexport_geeft_een_nette_fout(coordinator, tmp_path):
    pad = tmp_path / "x.json"
    pad.write_text('{"jaar": 2023}', encoding="utf-8")
    with pytest.raises(CommandError, match="mist ‘vertrouwenspersonen’"):
        call_command("importeer_cijfers", str(pad), "--door", coordinator.username)


def test_inlezen_in_de_browser(client, coordinator, gepubliceerd_2023):
    pad, _tekst = gepubliceerd_2023
    client.force_login(coordinator)
    with pad.open("rb") as bestand:
        antwoord = client.post(
            reverse("rapportage:cijfers_importeren"), {"bestand": bestand, "bevestigd": "on"}
        )
    assert antwoord.status_code == 302
    assert Vaststelling.objects.get().bron == Vaststelling.Bron.IMPORT


def test_een_laat_gewijzigd_vastgesteld_jaar_wordt_vergeleken_met_de_vastgestelde_cijfers(coordinator):
    tellijst_gepubliceerd(5, jaar=2023)
    services.rapport_vaststellen(jaar=2023, door=coordinator)
    tellijst(2, jaar=2023)  # late rows of 2023, after its adoption
    tellijst_gepubliceerd(3, jaar=2024)  # published with the late rows

    vp = tekst_van(pdf.rapport_html(inhoud.rapport_context(jaar=2024)))

    assert re.search(r"Intimidatie 5 3", vp)
    assert "Sinds de vaststelling telt het systeem voor 2023 anders bij: Totaal adviesvragen: 5 (nu 7)" in vp
