"""The shared import flow: a file counts once, large files go through a worker, previews expire."""

import datetime
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.importeren import berichten
from finintegriteit.kern.importeren.services import importbestanden_opruimen
from finintegriteit.kern.models import Importbestand
from meldingen.models import Melding
from tests.afdoeningen.registerbestanden import als_csv, regel
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij
from vertrouwenspersonen.models import Adviesvraag

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

TELLIJST = reverse("vertrouwenspersonen:importeren")
BEVESTIGEN = reverse("vertrouwenspersonen:importeren_bevestigen")


def test_een_tellijst_die_al_geimporteerd_is_telt_niet_nog_eens(vp_client):
    bestand = csv_bytes([rij(), rij(kwartaal="3")])
    vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", bestand)})
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 2

    antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("kopie.csv", bestand)})
    pagina = antwoord.content.decode()
    assert "al eerder geïmporteerd" in pagina and "2 regels" in pagina
    antwoord = vp_client.post(BEVESTIGEN)
    assert antwoord.status_code == 409
    assert "Bevestig alleen als u dat echt bedoelt" in antwoord.content.decode()
    assert Adviesvraag.objects.count() == 2, "zonder bevestiging telt niets dubbel"

    vp_client.post(BEVESTIGEN, {"opnieuw": "on"})
    assert Adviesvraag.objects.count() == 4


def test_dezelfde_tellijst_van_een_collega_is_geen_herhaling(
    client, vertrouwenspersoon, andere_vertrouwenspersoon
):
    """Earlier imports are recognised per person: nobody learns what a colleague imported."""
    bestand = csv_bytes([rij()])
    for persoon in (vertrouwenspersoon, andere_vertrouwenspersoon):
        client.force_login(persoon)
        antwoord = client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", bestand)})
        assert "al eerder geïmporteerd" not in antwoord.content.decode()
        client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 2


def test_het_importrecord_van_een_tellijst_noemt_niemand(vp_client):
    vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()]))})
    vp_client.post(BEVESTIGEN)
    record = Importbestand.objects.get()
    assert record.status == Importbestand.Status.GEIMPORTEERD
    assert record.door is None and bytes(record.bestand) == b""


def test_register_opnieuw_alleen_met_opnieuw(tmp_path, capsys):
    pad = tmp_path / "register.csv"
    pad.write_bytes(als_csv([regel(), regel(dienstonderdeel="Douane")]))
    call_command("importeer_oif", str(pad))
    assert Melding.objects.count() == 2
    with pytest.raises(CommandError, match="al eerder geïmporteerd: op .*, 2 regels.*--opnieuw"):
        call_command("importeer_oif", str(pad))
    assert Melding.objects.count() == 2
    call_command("importeer_oif", str(pad), "--opnieuw")
    assert Melding.objects.count() == 4


def test_tellijst_opdracht_kent_opnieuw(tmp_path, vertrouwenspersoon):
    pad = tmp_path / "t.csv"
    pad.write_bytes(csv_bytes([rij()]))
    call_command("importeer_tellijst", str(pad), "--door", "vp")
    with pytest.raises(CommandError, match="--opnieuw"):
        call_command("importeer_tellijst", str(pad), "--door", "vp")
    call_command("importeer_tellijst", str(pad), "--door", "vp", "--opnieuw")
    assert Adviesvraag.objects.count() == 2


def test_een_tikfout_krijgt_een_suggestie(client, vertrouwenspersoon, analist):
    client.force_login(vertrouwenspersoon)
    antwoord = client.post(
        TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij(onderdeel="Douanne")]))}
    )
    assert berichten.BEDOELDE_U.format(label="Douane") in html.unescape(antwoord.content.decode())
    client.force_login(analist)
    antwoord = client.post(
        reverse("afdoeningen:importeren"),
        {"bestand": SimpleUploadedFile("r.csv", als_csv([regel(dienstonderdeel="Belastingdients")]))},
        follow=True,
    )
    assert berichten.BEDOELDE_U.format(label="Belastingdienst") in html.unescape(antwoord.content.decode())


def test_annuleren_zegt_dat_niets_is_opgeslagen(analist_client):
    antwoord = analist_client.post(
        reverse("afdoeningen:importeren"), {"bestand": SimpleUploadedFile("r.csv", als_csv([regel()]))}
    )
    rij_ = Importbestand.objects.get()
    antwoord = analist_client.post(reverse("afdoeningen:annuleren", kwargs={"pk": rij_.pk}), follow=True)
    assert berichten.GEANNULEERD in antwoord.content.decode()
    assert not Importbestand.objects.exists() and Melding.objects.count() == 0


def test_een_groot_bestand_gaat_door_een_worker_met_voortgang(
    vp_client, settings, django_capture_on_commit_callbacks
):
    """Above IMPORT_DIRECT_MAX_BYTES no request checks or imports: the page polls the row."""
    settings.IMPORT_DIRECT_MAX_BYTES = 0
    with django_capture_on_commit_callbacks() as taken:
        antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()] * 30))})
    assert antwoord.status_code == 302
    rij_ = Importbestand.objects.get()
    assert rij_.status == Importbestand.Status.CONTROLE
    pagina = vp_client.get(TELLIJST).content.decode()
    assert "Het bestand wordt gecontroleerd" in pagina and 'hx-get="/tellijst/importeren/"' in pagina

    for taak in taken:
        taak()  # the worker (eager Celery) checks the file
    poll = vp_client.get(TELLIJST, HTTP_HX_REQUEST="true")
    assert poll.status_code == 204 and poll["HX-Refresh"] == "true"
    assert "30 adviesvragen importeren" in vp_client.get(TELLIJST).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = vp_client.post(BEVESTIGEN)
    assert antwoord.status_code == 302
    assert Adviesvraag.objects.count() == 30
    antwoord = vp_client.get(TELLIJST, follow=True)
    assert "30 adviesvragen geïmporteerd." in antwoord.content.decode()


def test_onbevestigde_uploads_worden_op_tijd_gewist(client, analist, vertrouwenspersoon):
    client.force_login(analist)
    client.post(
        reverse("afdoeningen:importeren"), {"bestand": SimpleUploadedFile("r.csv", als_csv([regel()]))}
    )
    client.force_login(vertrouwenspersoon)
    client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()]))})
    assert Importbestand.objects.count() == 2
    nu = timezone.now()
    assert importbestanden_opruimen(nu=nu + datetime.timedelta(hours=1))["verwijderd"] == 0
    # The Tellijst preview waits six hours, the register a day.
    assert importbestanden_opruimen(nu=nu + datetime.timedelta(hours=7))["verwijderd"] == 1
    assert Importbestand.objects.get().soort == Importbestand.Soort.OIF_REGISTER
    assert importbestanden_opruimen(nu=nu + datetime.timedelta(hours=25))["verwijderd"] == 1
    assert not Importbestand.objects.exists()


def test_een_import_van_een_gestopte_worker_wordt_afgesloten(vp_client, settings):
    vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()]))})
    Importbestand.objects.update(status=Importbestand.Status.BEZIG, hartslag_op=timezone.now())
    later = timezone.now() + datetime.timedelta(seconds=settings.IMPORT_OVERNAME_SECONDEN + 1)
    assert importbestanden_opruimen(nu=later)["afgebroken"] == 1
    rij_ = Importbestand.objects.get()
    assert rij_.status == Importbestand.Status.MISLUKT and bytes(rij_.bestand) == b""
    assert rij_.reden == berichten.VERLOPEN
