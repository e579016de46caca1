"""Random, huge, badly encoded and malicious input: a message or a refusal, never a 500, never half saved.

The Django test client re-raises any unhandled exception of a view, so a crash fails the example
instead of hiding behind a 500 page. Each example counts the rows before and after: a refusal leaves
them as they were, a success adds the whole input and nothing less.
"""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from afdoeningen.importeren import KOLOMMEN as REGISTERKOLOMMEN
from afdoeningen.models import Afdoening
from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, Melding
from tests.vertrouwenspersonen.bestanden import GELDIG, csv_bytes
from vertrouwenspersonen.importeren.controle import KOLOMMEN as TELLIJSTKOLOMMEN
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db

VOORBEELDEN = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

KWAADAARDIG = [
    "<script>alert(1)</script>",
    "'; DROP TABLE meldingen_melding; --",
    '=HYPERLINK("http://x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "9" * 400,
    "-1",
    "0",
    "1e309",
    "NaN",
    "2025-02-30",
    "31-02-2025",
    "\u202e\u0644\u0627",
    "🙈" * 50,
    "",
    " ",
]

# Text the browser could send: anything but lone surrogates, which cannot be UTF-8 encoded at all.
TEKST = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
HUGE = st.builds(lambda t, n: (t or "x") * n, TEKST, st.integers(1000, 20000))
WAARDE = st.one_of(TEKST, st.sampled_from(KWAADAARDIG), HUGE, st.integers(-(10**20), 10**20).map(str))


def _pk(model, code):
    return str(model.objects.get(code=code).pk)


def _tellijst_invoer():
    return {
        "jaar": "2025",
        "kwartaal": "1",
        "onderdeel": _pk(ref.Onderdeel, "belastingdienst"),
        "hoofdcategorie": _pk(ref.Hoofdcategorie, "problematiek-personeel-en-organisatie"),
        "subcategorie": _pk(ref.Subcategorie, "8-arbeidsconflict"),
        "wie_betreft": _pk(ref.WieBetreft, "direct-leidinggevende"),
        "wijze_van_afdoening": _pk(ref.WijzeVanAfdoening, "loopt-nog"),
        "situatie": _pk(ref.SituatieNaInterventie, "loopt-nog"),
        "melder_is_beklaagde": "nee",
        "evaluatielink": "niet_aangegeven",
    }


def _melding_invoer():
    return {
        "ontvangen_op": "03-03-2025",
        "melder_type": _pk(ref.MelderType, "management"),
        "onderwerp": _pk(ref.SchendingSoort, "lekken-misbruik-informatie"),
        "dienstonderdeel": _pk(ref.Onderdeel, "douane"),
        "omschrijving": "Collega deelt klantgegevens.",
    }


def _verknoeid(data, geldig: dict) -> dict:
    """The valid input with some fields replaced by random or malicious values (at least one)."""
    velden = data.draw(st.lists(st.sampled_from(sorted(geldig)), min_size=1, unique=True))
    return geldig | {veld: data.draw(WAARDE, label=veld) for veld in velden}


def _zegt_waarom(antwoord) -> bool:
    """A refused form shows its errors; a form too large to read (413) gets the page that says so."""
    pagina = antwoord.content.decode()
    if antwoord.status_code == 413:
        return "Te groot om te versturen" in pagina and "Maak de tekst dan korter." in pagina
    return "is-invalid" in pagina or "alert" in pagina


@pytest.fixture
def vandaag(time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 10, 0), tick=False)


@VOORBEELDEN
@given(data=st.data())
def test_tellijst_formulier_overleeft_elke_invoer(vp_client, vandaag, data):
    invoer = _verknoeid(data, _tellijst_invoer())
    voor = Adviesvraag.objects.count()
    antwoord = vp_client.post(reverse("vertrouwenspersonen:invoeren"), invoer)
    assert antwoord.status_code in (200, 302, 413, 422)
    na = Adviesvraag.objects.count()
    if antwoord.status_code == 302:
        assert na == voor + 1
    else:
        assert na == voor, "een geweigerde invoer liet toch een rij achter"
        assert _zegt_waarom(antwoord)


@VOORBEELDEN
@given(data=st.data())
def test_meldingformulier_overleeft_elke_invoer(analist_client, vandaag, data):
    invoer = _verknoeid(data, _melding_invoer())
    voor = Melding.objects.count()
    antwoord = analist_client.post(reverse("meldingen:nieuw"), invoer)
    assert antwoord.status_code in (200, 302, 413, 422)
    na = Melding.objects.count()
    if antwoord.status_code == 302:
        assert na == voor + 1
    else:
        assert na == voor, "een geweigerde melding liet toch een rij achter"
        assert _zegt_waarom(antwoord)


def _xlsx(rijen, *, kop) -> bytes:
    """Cells as text, without the characters a worksheet cannot hold (Excel could not send them)."""
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.append(list(kop))
    for rij in rijen:
        blad.append([ILLEGAL_CHARACTERS_RE.sub("", w)[:30000] or None for w in rij])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def _bestand(data, kolommen, geldig_rij):
    """Random bytes, or a CSV/XLSX with the right header and cells that are partly random."""
    soort = data.draw(st.sampled_from(["bytes", "csv", "xlsx", "latin1"]))
    if soort == "bytes":
        naam = data.draw(st.sampled_from(["register.csv", "register.xlsx", "x.exe", "geen-extensie"]))
        return data.draw(st.binary(max_size=3000)), naam, 0
    rijen = [
        [data.draw(st.one_of(st.just(w), WAARDE)) for w in geldig_rij]
        for _ in range(data.draw(st.integers(0, 4)))
    ]
    if soort == "xlsx":
        return _xlsx(rijen, kop=kolommen), "bestand.xlsx", len(rijen)
    inhoud = csv_bytes(rijen, kop=kolommen)
    if soort == "latin1":
        inhoud = inhoud.decode("utf-8").encode("latin-1", errors="replace")
    return inhoud, "bestand.csv", len(rijen)


@VOORBEELDEN
@given(data=st.data())
def test_tellijst_import_overleeft_elk_bestand(vp_client, vandaag, data):
    inhoud, naam, aantal = _bestand(data, TELLIJSTKOLOMMEN, [GELDIG[k] for k in TELLIJSTKOLOMMEN])
    voor = Adviesvraag.objects.count()
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:importeren"), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )
    assert antwoord.status_code in (200, 302, 400, 413, 422)
    assert Adviesvraag.objects.count() == voor, "de controle alleen slaat nog niets op"
    antwoord = vp_client.post(reverse("vertrouwenspersonen:importeren_bevestigen"))
    assert antwoord.status_code in (200, 302, 400, 409, 422)
    assert Adviesvraag.objects.count() in (voor, voor + aantal), "een import slaat alles of niets op"


REGISTER_RIJ = [
    "OIF-2024-0001",
    "03-03-2024",
    "Medewerker",
    "Ongewenste omgangsvormen",
    "nee",
    "Intern onderzoek",
    "Douane",
    "ja",
    "Medewerker heeft zich ongepast uitgelaten.",
    "Corrigerend gesprek",
    "01-06-2024",
]


def _tellingen():
    return Melding.objects.count(), Betrokkene.objects.count(), Afdoening.objects.count()


@VOORBEELDEN
@given(data=st.data())
def test_registerimport_overleeft_elk_bestand(analist_client, vandaag, data):
    inhoud, naam, _aantal = _bestand(data, REGISTERKOLOMMEN, REGISTER_RIJ)
    voor = _tellingen()
    antwoord = analist_client.post(
        reverse("afdoeningen:importeren"), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )
    assert antwoord.status_code in (200, 302, 400, 413, 422)
    assert _tellingen() == voor, "een voorbeeld slaat nog geen meldingen op"
    if antwoord.status_code == 302:
        voorbeeld = antwoord["Location"]
        assert analist_client.get(voorbeeld).status_code in (200, 302)
        antwoord = analist_client.post(voorbeeld + "bevestigen/")
        assert antwoord.status_code in (200, 302, 422)
        na = _tellingen()
        if na[0] == voor[0]:
            assert na == voor, "een geweigerde import liet toch betrokkenen of afdoeningen achter"
