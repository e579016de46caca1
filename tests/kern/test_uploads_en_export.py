import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from finintegriteit.kern.export import veilige_cel, veilige_rij
from finintegriteit.kern.importeren import BestandFout, lees_upload
from finintegriteit.kern.importeren.berichten import LEEG, ONBEKEND_FORMAAT


def xlsx_bytes() -> bytes:
    werkmap = openpyxl.Workbook()
    werkmap.active.append(["jaar"])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def test_xlsx_wordt_herkend_aan_de_inhoud_niet_aan_de_naam():
    assert lees_upload(SimpleUploadedFile("tellijst.csv", xlsx_bytes())).soort == "xlsx"


def test_csv_met_bom_is_tekst():
    assert lees_upload(SimpleUploadedFile("a.xlsx", "\ufeffjaar;kwartaal\n2024;1\n".encode())).soort == "csv"


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", LEEG),
        (b"   \n", LEEG),
        (b"%PDF-1.7 binary\x00\x01", ONBEKEND_FORMAAT),
        (b"PK\x03\x04 not really a zip", ONBEKEND_FORMAAT),
    ],
)
def test_onbruikbare_bestanden_worden_geweigerd(inhoud, melding):
    with pytest.raises(BestandFout, match=melding[:20]):
        lees_upload(SimpleUploadedFile("x.xlsx", inhoud))


def test_verkeerde_codering_noemt_de_regel():
    with pytest.raises(BestandFout, match="regel 2"):
        lees_upload(SimpleUploadedFile("x.csv", "jaar\nDouane é\n".encode("latin-1")))


def test_te_groot_bestand_wordt_geweigerd_met_de_grens_erbij():
    with pytest.raises(BestandFout, match="maximum is 0,0 MB"):
        lees_upload(SimpleUploadedFile("x.csv", b"jaar\n" * 100), max_bytes=10)


@pytest.mark.parametrize("gevaarlijk", ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", '=HYPERLINK("http://x")'])
def test_formules_worden_geneutraliseerd(gevaarlijk):
    assert veilige_cel(gevaarlijk) == "'" + gevaarlijk


def test_gewone_waarden_blijven_gelijk():
    assert veilige_rij(["Douane", 12, None, 3.5, "Loopt nog"]) == ["Douane", 12, None, 3.5, "Loopt nog"]
