"""Adopting a year's report: figures, texts and PDF frozen with who and when, never changing afterwards."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from finintegriteit.referentie.models import Onderdeel
from rapportage import inhoud, pdf
from rapportage.models import Rapport, Rapportdeel, Vaststelling
from rapportage.vaststelling import services
from tests.bouwstenen.tellijst import tellijst_gepubliceerd
from tests.factories import RapportdeelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    return settings.RAPPORT_ROOT


def uitvoer(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_vaststellen_bevriest_cijfers_teksten_en_pdf_en_latere_rijen_veranderen_niets(coordinator, opslag):
    tellijst_gepubliceerd(3, jaar=2024)
    RapportdeelFactory(
        jaar=2024, titel="Voorwoord", tekst="Er waren {{ vertrouwenspersonen.totaal }} vragen."
    )
    live_voor = uitvoer("exporteer_cijfers", "--jaar", "2024")

    regel = uitvoer("stel_rapport_vast", "--jaar", "2024", "--door", coordinator.username)

    vaststelling = Vaststelling.objects.get(jaar=2024, onderdeel=None)
    assert vaststelling.vastgesteld_door == coordinator and "vastgesteld door coordinator" in regel
    bestand = Path(opslag) / vaststelling.bestand
    assert hashlib.sha256(bestand.read_bytes()).hexdigest() == vaststelling.sha256
    assert uitvoer("exporteer_cijfers", "--jaar", "2024", "--vastgesteld") == live_voor

    # A late Tellijst row and a changed text after adoption.
    tellijst_gepubliceerd(2, jaar=2024)
    Rapportdeel.objects.filter(jaar=2024).update(tekst="Andere tekst.")

    assert uitvoer("exporteer_cijfers", "--jaar", "2024", "--vastgesteld") == live_voor
    assert uitvoer("exporteer_cijfers", "--jaar", "2024") != live_voor
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    assert "Er waren 3 vragen." in html and "Andere tekst." not in html
    wijzigingen = html.split('id="wijzigingen-na-vaststelling"', 1)[1].split('id="voorwoord"', 1)[0]
    assert ">vertrouwenspersonen.totaal</th>" in wijzigingen
    assert '<td class="getal">3</td><td class="getal">5</td>' in wijzigingen
    assert vaststelling.cijfers_sha256 in html  # the colophon on the cover


def test_een_vastgesteld_rapport_wordt_niet_nog_eens_vastgesteld(coordinator):
    services.rapport_vaststellen(jaar=2024, door=coordinator)
    with pytest.raises(ValidationError, match="al vastgesteld"):
        services.rapport_vaststellen(jaar=2024, door=coordinator)
    with pytest.raises(CommandError, match="al vastgesteld"):
        call_command("stel_rapport_vast", "--jaar", "2024", "--door", coordinator.username)
    assert Vaststelling.objects.count() == 1


def test_zonder_het_recht_of_buiten_het_eigen_onderdeel_geen_vaststelling(
    coordinator, coordinator_douane, analist
):
    with pytest.raises(PermissionDenied):
        services.rapport_vaststellen(jaar=2024, door=analist)
    with pytest.raises(PermissionDenied):
        services.rapport_vaststellen(jaar=2024, door=coordinator_douane)  # the ministry's report
    toeslagen = Onderdeel.objects.get(code="toeslagen")
    with pytest.raises(PermissionDenied):
        services.rapport_vaststellen(jaar=2024, onderdeel=toeslagen, door=coordinator_douane)
    douane = Onderdeel.objects.get(code="douane")
    assert (
        services.rapport_vaststellen(jaar=2024, onderdeel=douane, door=coordinator_douane).onderdeel == douane
    )
    assert Vaststelling.objects.count() == 1


def test_een_jaar_dat_niet_voorbij_is_wordt_niet_vastgesteld(coordinator):
    from django.utils import timezone

    with pytest.raises(ValidationError, match="niet voorbij"):
        services.rapport_vaststellen(jaar=timezone.localdate().year, door=coordinator)


def test_niet_vastgesteld_jaar_bij_vastgesteld_exporteren_geeft_een_nette_fout():
    with pytest.raises(CommandError, match="niet vastgesteld"):
        call_command("exporteer_cijfers", "--jaar", "2021", "--vastgesteld")


def test_vaststellen_in_de_browser_vraagt_eerst_bevestiging_en_maakt_de_pdf_in_een_taak(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = reverse("rapportage:vaststellen")
    bevestiging = client.post(url, {"jaar": 2024, "onderdeel": ""})
    assert (
        bevestiging.status_code == 200 and "kan niet ongedaan worden gemaakt" in bevestiging.content.decode()
    )
    assert not Vaststelling.objects.exists()

    with django_capture_on_commit_callbacks() as taken:
        aangevraagd = client.post(url, {"jaar": 2024, "onderdeel": "", "bevestigd": "ja"})

    # The request only queued the adoption: no PDF rendered, nothing frozen yet, progress on the page.
    assert aangevraagd.status_code == 302
    assert not Vaststelling.objects.exists()
    aanvraag = Rapport.objects.get(soort=Rapport.Soort.VASTSTELLING)
    lijst = client.get(reverse("rapportage:rapporten")).content.decode()
    assert f'hx-get="{reverse("rapportage:status", args=[aanvraag.pk])}"' in lijst
    assert "vaststelling" in lijst

    for taak in taken:  # what the worker does once the request is committed
        taak()

    aanvraag.refresh_from_db()
    vaststelling = Vaststelling.objects.get()
    assert aanvraag.status == Rapport.Status.KLAAR and aanvraag.vaststelling == vaststelling
    download = client.get(reverse("rapportage:vaststelling_download", args=[vaststelling.pk]))
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == vaststelling.sha256
    via_lijst = client.get(reverse("rapportage:download", args=[aanvraag.pk]))
    assert hashlib.sha256(b"".join(via_lijst.streaming_content)).hexdigest() == vaststelling.sha256


def test_een_tweede_vaststelling_in_de_taak_mislukt_met_reden_en_laat_de_eerste_ongemoeid(
    coordinator, django_capture_on_commit_callbacks
):
    from rapportage.services import rapport_genereren

    with django_capture_on_commit_callbacks():
        aanvraag = services.vaststelling_aanvragen(jaar=2024, door=coordinator)
    eerste = services.rapport_vaststellen(jaar=2024, door=coordinator)  # meanwhile, by the command

    rapport_genereren(rapport_pk=aanvraag.pk)

    aanvraag.refresh_from_db()
    assert aanvraag.status == Rapport.Status.MISLUKT
    assert "is al vastgesteld" in aanvraag.reden
    assert Vaststelling.objects.get() == eerste
    assert Path(opslag_pad(eerste)).is_file()


def opslag_pad(vaststelling) -> Path:
    from django.conf import settings

    return Path(settings.RAPPORT_ROOT) / vaststelling.bestand


def test_de_bevestiging_stelt_het_jaar_vast_dat_de_knop_noemt(client, coordinator):
    """The confirmation step had the year list above the red button: choosing another year there
    adopted that year, while the button still named the first."""
    client.force_login(coordinator)
    html = client.get(reverse("rapportage:vaststellen"), {"jaar": 2024}).content.decode()
    begin = html.index('<form method="post" data-eenmaal-versturen>')
    formulier = html[begin : html.index("</form>", begin)]
    assert "Rapport 2024 (hele ministerie) vaststellen" in formulier
    assert '<input type="hidden" name="jaar" value="2024">' in formulier
    assert "<select" not in formulier, "in de bevestiging valt niets meer te kiezen"


def test_een_jaar_dat_niet_voorbij_is_krijgt_de_reden_in_plaats_van_de_knop(client, coordinator):
    from django.utils import timezone

    client.force_login(coordinator)
    jaar = timezone.localdate().year
    html = client.get(reverse("rapportage:vaststellen"), {"jaar": jaar}).content.decode()
    assert "niet voorbij" in html
    assert "vaststellen</button>" not in html and "kan niet ongedaan worden gemaakt" not in html
