"""The import pages: upload, preview with counts and every error, then one confirmed commit."""

import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from afdoeningen.importeren import KOLOMMEN
from afdoeningen.importeren.rijcontrole import NUMMER_BESTAAT, ONBEKENDE_WAARDE, VOORBEELD_INHOUD
from finintegriteit.kern.importeren.berichten import LEEG, ONBEKEND_FORMAAT, VOORBEELDREGEL
from finintegriteit.kern.models import Importbestand
from meldingen.models import Melding
from tests.bouwstenen.importrecord import kolommen

from .registerbestanden import als_csv, als_xlsx, open_regel, regel

pytestmark = pytest.mark.django_db


def uploaden(client, inhoud: bytes, naam="register.csv"):
    return client.post(reverse("afdoeningen:importeren"), {"bestand": SimpleUploadedFile(naam, inhoud)})


def test_uploaden_toont_voorbeeld_en_bevestigen_importeert(analist_client):
    inhoud = als_xlsx(
        [regel(meldingsnummer="OIF-2024-0001"), open_regel(meldingsnummer="OIF-2024-0001"), regel()]
    )
    antwoord = uploaden(analist_client, inhoud, "register.xlsx")
    assert antwoord.status_code == 302
    voorbeeld = analist_client.get(antwoord["Location"])
    assert voorbeeld.status_code == 200
    samenvatting = voorbeeld.context["samenvatting"]
    assert (samenvatting.meldingen, samenvatting.betrokkenen, samenvatting.afdoeningen) == (2, 3, 2)
    assert "Importeren" in voorbeeld.content.decode()
    assert Melding.objects.count() == 0  # the preview writes nothing

    registerimport = Importbestand.objects.get()
    antwoord = analist_client.post(reverse("afdoeningen:bevestigen", kwargs={"pk": registerimport.pk}))
    assert antwoord.status_code == 302
    assert Melding.objects.count() == 2
    registerimport.refresh_from_db()
    assert registerimport.status == Importbestand.Status.GEIMPORTEERD
    assert bytes(registerimport.bestand) == b""  # no second copy of the register
    assert registerimport.aantallen["afdoeningen"] == 2
    pagina = analist_client.get(antwoord["Location"]).content.decode()
    assert "Het register is geïmporteerd: 2 meldingen, 3 betrokkenen en 2 afdoeningen." in pagina
    assert "Regels zonder meldingsnummer kregen: OIF-2024-0002." in pagina, "het nieuwe nummer"

    # A second click imports nothing twice.
    analist_client.post(reverse("afdoeningen:bevestigen", kwargs={"pk": registerimport.pk}))
    assert Melding.objects.count() == 2


def test_voorbeeld_toont_elke_fout_met_regel_kolom_waarde_en_toegestane_waarden(analist_client):
    antwoord = uploaden(analist_client, als_csv([regel(), regel(melder="Collega"), regel(afdoening="Boete")]))
    voorbeeld = analist_client.get(antwoord["Location"])
    html = voorbeeld.content.decode()
    assert [(f.regel, f.kolom, f.waarde) for f in voorbeeld.context["fouten"]] == [
        (3, "melder", "Collega"),
        (4, "afdoening", "Boete"),
    ]
    assert ONBEKENDE_WAARDE.format(kolom="melder") in html
    assert "Decentrale meldpunten" in html  # the allowed values
    assert "2 fouten op 2 regels: er is niets geïmporteerd" in html
    assert "bevestigen" not in html


def test_bevestigen_controleert_opnieuw(analist_client, maak_melding):
    antwoord = uploaden(analist_client, als_csv([regel(meldingsnummer="OIF-2024-0001")]))
    registerimport = Importbestand.objects.get()
    maak_melding()  # meanwhile, OIF-2024-0001 is registered in the browser
    antwoord = analist_client.post(reverse("afdoeningen:bevestigen", kwargs={"pk": registerimport.pk}))
    assert antwoord.status_code == 422
    assert NUMMER_BESTAAT.format(nummer="OIF-2024-0001") in antwoord.content.decode()
    assert Melding.objects.count() == 1


@pytest.mark.parametrize(
    ("inhoud", "naam", "melding"),
    [
        (b"", "leeg.csv", LEEG),
        (b"   \n", "leeg.csv", LEEG),
        (b"%PDF-1.7\x00binary", "register.xlsx", ONBEKEND_FORMAAT),
        ("kop\nDouane é\n".encode("latin-1"), "register.csv", "regel 2"),
        (als_csv([]), "register.csv", "geen regels onder de kopregel"),
    ],
)
def test_onbruikbaar_bestand_krijgt_een_melding_bij_het_veld(analist_client, inhoud, naam, melding):
    antwoord = uploaden(analist_client, inhoud, naam)
    assert antwoord.status_code == 200
    assert melding in " ".join(antwoord.context["form"].errors["bestand"])
    assert not Importbestand.objects.exists()


def test_upload_van_een_ander_is_niet_te_zien(analist_client, client, maak_gebruiker):
    from finintegriteit.kern import rollen as r

    uploaden(analist_client, als_csv([regel()]))
    registerimport = Importbestand.objects.get()
    client.force_login(maak_gebruiker("collega", r.OIF_ANALIST))
    assert client.get(reverse("afdoeningen:voorbeeld", kwargs={"pk": registerimport.pk})).status_code == 404
    assert client.post(reverse("afdoeningen:bevestigen", kwargs={"pk": registerimport.pk})).status_code == 404
    assert Melding.objects.count() == 0


def test_sjabloon_heeft_de_kopregel_en_een_toelichting(analist_client):
    antwoord = analist_client.get(reverse("afdoeningen:sjabloon"))
    werkmap = openpyxl.load_workbook(io.BytesIO(antwoord.content))
    assert [c.value for c in werkmap.worksheets[0][1]] == list(KOLOMMEN)
    toelichting = {r[0]: r[1] for r in werkmap["Toelichting"].iter_rows(min_row=2, values_only=True)}
    assert "Schriftelijke berisping" in toelichting["afdoening"]
    csv = analist_client.get(reverse("afdoeningen:sjabloon") + "?formaat=csv")
    kop, voorbeeld = csv.content.decode("utf-8-sig").splitlines()
    assert kop == ";".join(KOLOMMEN) and VOORBEELD_INHOUD in voorbeeld


def test_sjabloon_heeft_keuzelijsten_met_de_labels_van_het_jaar(analist_client):
    werkmap = openpyxl.load_workbook(io.BytesIO(analist_client.get(reverse("afdoeningen:sjabloon")).content))
    blad = werkmap.worksheets[0]
    regels = {str(v.sqref): v.formula1 for v in blad.data_validations.dataValidation}
    letter = openpyxl.utils.get_column_letter(KOLOMMEN.index("afdoening") + 1)
    bron = regels[f"{letter}2:{letter}10000"]
    lijst_kolom = bron.split("!$")[1][0]
    labels = [c.value for c in werkmap["Keuzelijsten"][lijst_kolom][1:] if c.value]
    assert "Schriftelijke berisping" in labels
    assert werkmap["Keuzelijsten"].sheet_state == "hidden"


def test_het_sjabloon_met_de_voorbeeldregel_importeert_niets(analist_client):
    sjabloon = analist_client.get(reverse("afdoeningen:sjabloon") + "?formaat=csv").content
    antwoord = uploaden(analist_client, sjabloon, "sjabloon.csv")
    voorbeeld = analist_client.get(antwoord["Location"])
    assert voorbeeld.context["aantal_fouten"] == 1
    assert VOORBEELDREGEL in voorbeeld.content.decode()


def test_een_leeg_ingevuld_sjabloon_met_een_regel_importeert(analist_client):
    sjabloon = analist_client.get(reverse("afdoeningen:sjabloon")).content
    werkmap = openpyxl.load_workbook(io.BytesIO(sjabloon))
    werkmap.worksheets[0].delete_rows(2)  # the example row
    werkmap.worksheets[0].append(regel())
    buffer = io.BytesIO()
    werkmap.save(buffer)
    antwoord = uploaden(analist_client, buffer.getvalue(), "ingevuld.xlsx")
    assert analist_client.get(antwoord["Location"]).context["aantal_fouten"] == 0


@pytest.mark.parametrize("persona", ["vertrouwenspersoon", "coordinator", "beheerder", "buitenstaander"])
def test_importpaginas_alleen_voor_oif_analisten(client, request, persona, analist):
    client.force_login(analist)
    uploaden(client, als_csv([regel()]))
    pk = Importbestand.objects.get().pk
    client.force_login(request.getfixturevalue(persona))
    for naam, kwargs in (("importeren", {}), ("sjabloon", {}), ("voorbeeld", {"pk": pk})):
        assert client.get(reverse(f"afdoeningen:{naam}", kwargs=kwargs)).status_code == 403
    assert client.post(reverse("afdoeningen:bevestigen", kwargs={"pk": pk})).status_code == 403
    assert uploaden(client, als_csv([regel()])).status_code == 403
    assert Melding.objects.count() == 0


def test_voorbeeld_met_fouten_telt_wat_er_in_het_bestand_staat(analist_client):
    rijen = [
        regel(meldingsnummer="OIF-2024-0001"),
        open_regel(meldingsnummer="OIF-2024-0001"),
        regel(melder="x"),
    ]
    antwoord = uploaden(analist_client, als_csv(rijen))
    samenvatting = analist_client.get(antwoord["Location"]).context["samenvatting"]
    assert (samenvatting.meldingen, samenvatting.betrokkenen, samenvatting.afdoeningen) == (2, 3, 2)
    assert (samenvatting.open_betrokkenen, samenvatting.met_nummer, samenvatting.per_jaar) == (
        1,
        1,
        {2024: 2},
    )


def test_het_importrecord_van_het_register_houdt_naam_importeur_en_tijdstip(analist_client, analist):
    """Not anonymous, unlike the Tellijst: the register's import list names file, importer and moment."""
    moment = datetime.datetime(2026, 3, 10, 14, 37, 12, 345678, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        uploaden(analist_client, als_csv([regel()]), "register 2024.csv")
        rij = Importbestand.objects.get()
        analist_client.post(reverse("afdoeningen:bevestigen", args=[rij.pk]))
    record = kolommen(rij.pk)
    assert record["status"] == Importbestand.Status.GEIMPORTEERD
    assert record["bestandsnaam"] == "register 2024.csv" and record["door_id"] == analist.pk
    assert timezone.localtime(record["klaar_op"]) == moment
    assert (
        record["eigenaar"]
        == salted_hmac("finintegriteit.importbestand.eigenaar", str(analist.pk)).hexdigest()
    )
