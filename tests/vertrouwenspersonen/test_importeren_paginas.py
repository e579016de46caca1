"""The import in the browser: preview first, then one commit; and the same import as a command."""

import html
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.importeren.berichten import GEANNULEERD, LEEG, ONBEKEND_FORMAAT, VOORBEELDREGEL
from finintegriteit.kern.models import Importbestand
from finintegriteit.referentie.models import WieBetreft
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload, xlsx_bytes
from vertrouwenspersonen.importeren.controle import KOLOMMEN
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.selectors import adviesvragen_van
from vertrouwenspersonen.views.importeren import GEIMPORTEERD, NIETS_TE_IMPORTEREN

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

URL = reverse("vertrouwenspersonen:importeren")
BEVESTIGEN = reverse("vertrouwenspersonen:importeren_bevestigen")


def test_voorbeeld_eerst_daarna_alles_in_een_keer(vp_client, vertrouwenspersoon):
    antwoord = vp_client.post(
        URL,
        {"bestand": upload(csv_bytes([rij(), rij(jaar="2025", kwartaal="1", melder_is_beklaagde="nee")]))},
    )
    pagina = antwoord.content.decode()
    assert "Het bestand is in orde" in pagina and "2 adviesvragen importeren" in pagina
    assert Adviesvraag.objects.count() == 0, "het voorbeeld slaat niets op"
    antwoord = vp_client.post(BEVESTIGEN, follow=True)
    assert GEIMPORTEERD.format(aantal=2) in antwoord.content.decode()
    assert adviesvragen_van(gebruiker=vertrouwenspersoon).count() == 2


def test_xlsx_via_de_pagina(vp_client):
    vp_client.post(URL, {"bestand": upload(xlsx_bytes([rij()] * 5), "tellijst.xlsx")})
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 5


def _werkmap(*bladen: tuple[str, list, str]) -> bytes:
    """An .xlsx with sheets of (name, rows, 'visible' or 'hidden'), each under the Tellijst header."""
    werkmap = openpyxl.Workbook()
    werkmap.remove(werkmap.active)
    for naam, rijen, zichtbaarheid in bladen:
        blad = werkmap.create_sheet(naam)
        blad.sheet_state = zichtbaarheid
        for r in [list(KOLOMMEN), *rijen]:
            blad.append(r)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def test_een_tweede_werkblad_met_rijen_wordt_geweigerd_in_plaats_van_overgeslagen(vp_client):
    """A tab per year: the preview counted the first tab, said nothing of the second, and its rows were
    never imported."""
    bestand = _werkmap(
        ("2024", [rij()], "visible"), ("2025", [rij(jaar="2025", kwartaal="1")] * 3, "visible")
    )
    antwoord = vp_client.post(URL, {"bestand": upload(bestand, "tellijst.xlsx")})
    pagina = html.unescape(antwoord.content.decode())
    assert "meer dan één werkblad met deze kolommen (‘2024’, ‘2025’)" in pagina
    assert Adviesvraag.objects.count() == 0 and not Importbestand.objects.filter(status="voorbeeld").exists()


def test_een_verborgen_werkblad_wordt_niet_gelezen(vp_client):
    """An old copy hidden in front of the sheet the vertrouwenspersoon sees and filled in."""
    bestand = _werkmap(("oud", [rij()] * 7, "hidden"), ("Tellijst", [rij()] * 2, "visible"))
    vp_client.post(URL, {"bestand": upload(bestand, "tellijst.xlsx")})
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 2


def test_een_label_dat_als_formule_begint_komt_terug_zoals_het_sjabloon_het_schreef(vp_client):
    """The template writes '-Douane' with an apostrophe, so that Excel shows text and not a formula;
    the Tellijst import then answered 'Onbekende waarde' for the value it offered itself."""
    from finintegriteit.referentie.models import Onderdeel

    Onderdeel.objects.filter(code="douane").update(label="-Douane")
    for bestand, naam in (
        (csv_bytes([rij(onderdeel="'-Douane")]), "t.csv"),
        (_werkmap(("Tellijst", [rij(onderdeel="'-Douane")], "visible")), "t.xlsx"),
    ):
        antwoord = vp_client.post(URL, {"bestand": upload(bestand, naam)})
        assert "Het bestand is in orde" in antwoord.content.decode(), naam
        vp_client.post(BEVESTIGEN)
    assert list(Adviesvraag.objects.values_list("onderdeel__label", flat=True)) == ["-Douane", "-Douane"]


def test_voorbeeld_met_fouten_noemt_regel_kolom_waarde_en_toegestane_waarden(vp_client):
    antwoord = vp_client.post(URL, {"bestand": upload(csv_bytes([rij(), rij(onderdeel="Belastingdienstt")]))})
    pagina = html.unescape(antwoord.content.decode())
    assert "Het bestand is niet geïmporteerd" in pagina
    regel = pagina[pagina.index("<td>3</td>") :].split("</tr>")[0]
    assert "onderdeel" in regel and "Belastingdienstt" in regel and "Onbekende waarde." in regel
    assert "Belastingdienst · Douane · Toeslagen · Beleidsdepartement · Anders" in regel
    assert "importeren</button>" not in pagina, "geen knop om een bestand met fouten te importeren"
    assert vp_client.post(BEVESTIGEN).status_code == 302
    assert Adviesvraag.objects.count() == 0


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [(b"", LEEG), (b"%PDF-1.4\x00\x00binary", ONBEKEND_FORMAAT)],
)
def test_verkeerd_of_leeg_bestand_melding_bij_het_veld(vp_client, inhoud, melding):
    antwoord = vp_client.post(URL, {"bestand": upload(inhoud, "tellijst.xlsx")})
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bestand"] == [melding]
    assert 'id="id_bestand_error"' in antwoord.content.decode()


def test_kapotte_codering_via_de_pagina_noemt_de_regel(vp_client):
    kapot = csv_bytes([rij()]) + "2024;Financi\xeble".encode("latin-1")
    antwoord = vp_client.post(URL, {"bestand": upload(kapot)})
    assert "regel 3" in antwoord.context["form"].errors["bestand"][0]


def test_bij_het_bevestigen_wordt_opnieuw_gecontroleerd(vp_client):
    vp_client.post(URL, {"bestand": upload(csv_bytes([rij()]))})
    # Between preview and commit the beheerder ends the option the file uses.
    WieBetreft.objects.filter(code="direct-leidinggevende").update(eerste_jaar=2025)
    antwoord = vp_client.post(BEVESTIGEN)
    assert antwoord.status_code == 200
    assert "Het bestand is niet geïmporteerd" in html.unescape(antwoord.content.decode())
    assert Adviesvraag.objects.count() == 0


def test_twee_keer_bevestigen_importeert_een_keer(vp_client):
    vp_client.post(URL, {"bestand": upload(csv_bytes([rij()] * 3))})
    vp_client.post(BEVESTIGEN)
    antwoord = vp_client.post(BEVESTIGEN, follow=True)
    assert NIETS_TE_IMPORTEREN in antwoord.content.decode()
    assert Adviesvraag.objects.count() == 3


def test_het_bestand_van_een_ander_is_niet_te_bevestigen(
    client, vertrouwenspersoon, andere_vertrouwenspersoon
):
    client.force_login(vertrouwenspersoon)
    client.post(URL, {"bestand": upload(csv_bytes([rij()]))})
    client.force_login(andere_vertrouwenspersoon)
    client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 0


def test_annuleren_ruimt_het_bestand_op(vp_client):
    vp_client.post(URL, {"bestand": upload(csv_bytes([rij()]))})
    assert Importbestand.objects.count() == 1
    antwoord = vp_client.post(reverse("vertrouwenspersonen:importeren_annuleren"), follow=True)
    assert GEANNULEERD in antwoord.content.decode()
    assert not Importbestand.objects.exists(), "het bestand is weg, niet alleen vergeten"
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 0


def test_sjablonen_hebben_de_kopregel_en_een_voorbeeldregel(vp_client):
    kop, voorbeeld = (
        vp_client.get(reverse("vertrouwenspersonen:sjabloon_csv")).content.decode("utf-8-sig").splitlines()
    )
    assert kop == ";".join(KOLOMMEN) and voorbeeld.startswith(f"{timezone.localdate().year};1;")
    antwoord = vp_client.get(reverse("vertrouwenspersonen:sjabloon_xlsx"))
    assert "attachment" in antwoord["Content-Disposition"]
    werkmap = openpyxl.load_workbook(io.BytesIO(antwoord.content))
    assert [c.value for c in werkmap.worksheets[0][1]] == list(KOLOMMEN)
    assert werkmap.worksheets[0].max_row == 2
    toegestaan = [c.value for c in werkmap[f"Toegestaan {timezone.localdate().year}"]["C"]]
    assert "Belastingdienst" in toegestaan
    keuzes = {str(v.sqref) for v in werkmap.worksheets[0].data_validations.dataValidation}
    assert "C2:C10000" in keuzes, "onderdeel krijgt een keuzelijst"


def test_het_sjabloon_met_alleen_de_voorbeeldregel_importeert_niets(vp_client):
    for url, naam in (("sjabloon_xlsx", "s.xlsx"), ("sjabloon_csv", "s.csv")):
        inhoud = vp_client.get(reverse(f"vertrouwenspersonen:{url}")).content
        antwoord = vp_client.post(URL, {"bestand": upload(inhoud, naam)})
        assert VOORBEELDREGEL in antwoord.content.decode()
        assert vp_client.post(BEVESTIGEN).status_code == 302
    assert Adviesvraag.objects.count() == 0


def test_een_ingevuld_sjabloon_importeert(vp_client):
    werkmap = openpyxl.load_workbook(
        io.BytesIO(vp_client.get(reverse("vertrouwenspersonen:sjabloon_xlsx")).content)
    )
    werkmap.worksheets[0].delete_rows(2)  # the example row
    werkmap.worksheets[0].append(rij())
    buffer = io.BytesIO()
    werkmap.save(buffer)
    vp_client.post(URL, {"bestand": upload(buffer.getvalue(), "ingevuld.xlsx")})
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 1


def test_het_sjabloon_noemt_alleen_de_jaren_die_nog_open_zijn(vp_client, vertrouwenspersoon, time_machine):
    """'2022 of later, niet in de toekomst' invited a closed year, which the upload then refused."""

    def jaren_in_het_sjabloon() -> str:
        inhoud = vp_client.get(reverse("vertrouwenspersonen:sjabloon_xlsx")).content
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud))
        toegestaan = next(blad for blad in werkmap.worksheets if blad.title.startswith("Toegestaan"))
        return toegestaan.cell(row=3, column=KOLOMMEN.index("jaar") + 1).value

    assert jaren_in_het_sjabloon() == "2024 of 2025 (de Tellijst van eerdere jaren is gesloten)", "in januari"
    time_machine.move_to("2025-03-03 10:00 +0100")
    vp_client.force_login(vertrouwenspersoon)  # weeks later: a new session
    assert jaren_in_het_sjabloon() == "2025 (de Tellijst van eerdere jaren is gesloten)"


# --- The command ----------------------------------------------------------------------------------


def test_opdracht_importeert_en_drukt_de_tellingen_af(tmp_path, vertrouwenspersoon, capsys):
    pad = tmp_path / "tellijst.csv"
    pad.write_bytes(
        csv_bytes(
            [
                rij(),
                rij(
                    jaar="2025",
                    kwartaal="1",
                    melder_is_beklaagde="nee",
                    wijze_van_afdoening="Klankbordgesprek/advies",
                ),
            ]
        )
    )
    call_command("importeer_tellijst", str(pad), "--door", "vp")
    uitvoer = capsys.readouterr().out
    assert "2 adviesvragen geïmporteerd (2024: 1, 2025: 1); open: 1, gesloten: 1." in uitvoer
    assert adviesvragen_van(gebruiker=vertrouwenspersoon).count() == 2


def test_opdracht_met_een_fout_stopt_zonder_iets_te_wijzigen(tmp_path, vertrouwenspersoon, capsys):
    pad = tmp_path / "tellijst.xlsx"
    pad.write_bytes(xlsx_bytes([rij(), rij(), rij(subcategorie="Fraude")]))
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("importeer_tellijst", str(pad), "--door", "vp")
    fouten = capsys.readouterr().err
    assert "regel 4, kolom subcategorie, waarde 'Fraude'" in fouten
    assert Adviesvraag.objects.count() == 0


def test_opdracht_eindigt_met_een_foutcode(tmp_path, vertrouwenspersoon, capsys):
    from vertrouwenspersonen.management.commands.importeer_tellijst import Command

    pad = tmp_path / "leeg.csv"
    pad.write_bytes(b"")
    with pytest.raises(SystemExit) as afsluiting:
        Command().run_from_argv(["manage.py", "importeer_tellijst", str(pad), "--door", "vp"])
    assert afsluiting.value.code != 0
    assert LEEG in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--door", "niemand"], "bestaat niet"),
        (["--door", "analist"], "rol Vertrouwenspersoon niet"),
    ],
)
def test_opdracht_weigert_een_verkeerde_gebruiker(tmp_path, vertrouwenspersoon, analist, argumenten, melding):
    pad = tmp_path / "t.csv"
    pad.write_bytes(csv_bytes([rij()]))
    with pytest.raises(CommandError, match=melding):
        call_command("importeer_tellijst", str(pad), *argumenten)
    assert Adviesvraag.objects.count() == 0


def test_opdracht_alleen_controleren_slaat_niets_op(tmp_path, vertrouwenspersoon, capsys):
    pad = tmp_path / "t.csv"
    pad.write_bytes(csv_bytes([rij()]))
    call_command("importeer_tellijst", str(pad), "--door", "vp", "--alleen-controleren")
    assert "niets opgeslagen" in capsys.readouterr().out
    assert Adviesvraag.objects.count() == 0


def test_een_echte_rij_met_dezelfde_waarden_als_de_voorbeeldregel_telt(vp_client):
    """Only the marker makes the example row: a real row may well use the first option everywhere."""
    kop, voorbeeld = (
        vp_client.get(reverse("vertrouwenspersonen:sjabloon_csv")).content.decode("utf-8-sig").splitlines()
    )
    echt = voorbeeld.rsplit(";", 1)[0] + ";Niet aangegeven"
    inhoud = ("\n".join([kop, echt]) + "\n").encode()
    vp_client.post(URL, {"bestand": upload(inhoud)})
    vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 1
