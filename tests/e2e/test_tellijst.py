"""In a real browser: a Tellijst row with the keyboard alone, and pages without accessibility errors."""

import re

import pytest
from django.utils import timezone

from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.selectors import adviesvragen_van

pytestmark = pytest.mark.django_db(transaction=True)
OPGESLAGEN = re.compile(r"Adviesvraag [0-9A-F]{8} opgeslagen")


def actief(page) -> str:
    return page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()")


def test_een_adviesvraag_met_alleen_het_toetsenbord(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")
    # Jaar is filled in already and kwartaal may stay 'Niet bekend': the cursor starts at the onderdeel.
    assert actief(pagina) == "onderdeel", "de cursor staat meteen in het eerste lege veld"
    toetsen = pagina.keyboard
    toetsen.type("Dou")
    toetsen.press("Tab")
    assert actief(pagina) == "hoofdcategorie"
    toetsen.type("Ongew")
    # The subcategorieën follow the hoofdcategorie without a page load.
    pagina.wait_for_function("document.querySelectorAll('#id_subcategorie option').length === 7")
    toetsen.press("Tab")
    assert actief(pagina) == "subcategorie"
    toetsen.type("Int")
    toetsen.press("Tab")
    assert actief(pagina) == "wie_betreft"
    toetsen.type("Coll")
    for verwacht in ("wijze_van_afdoening", "situatie", "melder_is_beklaagde", "evaluatielink"):
        toetsen.press("Tab")
        assert actief(pagina) == verwacht
    with pagina.expect_navigation():
        toetsen.press("Enter")  # from the last list, not from the button
    assert pagina.get_by_text(OPGESLAGEN).is_visible()
    assert actief(pagina) == "hoofdcategorie", "een vers formulier, klaar voor de volgende"
    vraag = Adviesvraag.objects.get()
    assert (
        vraag.onderdeel.code,
        vraag.subcategorie.code,
        vraag.wie_betreft.code,
        vraag.wijze_van_afdoening.code,
    ) == (
        "douane",
        "5-intimidatie",
        "collega-eigen-organisatieonderdeel",
        "loopt-nog",
    )
    assert vraag.pseudoniem == pseudoniem_van(vertrouwenspersoon)
    assert pagina.locator("#id_onderdeel").input_value() == str(vraag.onderdeel_id), "onderdeel blijft staan"
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-invoeren")

    # Later: the same adviesvraag under 'Mijn adviesvragen', closed with its afdoening and situatie.
    pagina.get_by_role("navigation").get_by_role("link", name="Mijn adviesvragen").click()
    pagina.wait_for_url("**/tellijst/mijn/")
    rij = pagina.locator(f"#adviesvraag-{vraag.pk}")
    assert "Douane" in rij.inner_text() and "Open" in rij.inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    rij.get_by_label("Wijze van afdoening").select_option(
        label="(Drie)gesprek met betrokkenen / leidinggevende / manager"
    )
    rij.get_by_label("Situatie na interventie").select_option(label="Genormaliseerd en geschil opgelost")
    pagina.locator(f"#actie-{vraag.pk}").focus()
    toetsen.press("Enter")
    pagina.wait_for_function(
        f"document.querySelector('#adviesvraag-{vraag.pk} .badge').textContent === 'Gesloten'"
    )
    vraag.refresh_from_db()
    assert (vraag.wijze_van_afdoening.loopt_nog, vraag.situatie.code) == (
        False,
        "genormaliseerd-en-geschil-opgelost",
    )
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-mijn-adviesvragen")


def test_import_met_een_foute_regel_bewaart_niets_en_daarna_een_goed_bestand(
    pagina, live_server, vertrouwenspersoon, tmp_path
):
    # Rows of this year's first quarter: open for the Tellijst whatever the real date.
    open_jaar = {"jaar": str(timezone.localdate().year), "kwartaal": "1", "melder_is_beklaagde": ""}
    fout = tmp_path / "tellijst-fout.csv"
    fout.write_bytes(
        csv_bytes([rij(**open_jaar), rij(**open_jaar, onderdeel="Belastingdienstt"), rij(**open_jaar)])
    )
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.get_by_role("navigation").get_by_role("link", name="Tellijst importeren").click()
    pagina.wait_for_url("**/tellijst/importeren/")
    assert toegankelijkheidsfouten(pagina) == []
    pagina.set_input_files("#id_bestand", str(fout))
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Controleren").click()
    assert pagina.get_by_text("Het bestand is niet geïmporteerd").is_visible()
    [foutregel] = pagina.locator("table.importfouten tbody tr").all()
    # The header is line 1, so the second adviesvraag is on line 3.
    assert foutregel.locator("td").nth(0).inner_text() == "3"
    assert "Belastingdienstt" in foutregel.inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-import-fouten")
    assert Adviesvraag.objects.count() == 0
    # On a phone the table scrolls in its own box, which the keyboard can reach to scroll it.
    pagina.set_viewport_size({"width": 360, "height": 740})
    vak = pagina.get_by_role("region", name="Fouten per regel, zijwaarts te scrollen")
    assert vak.evaluate("e => e.scrollWidth > e.clientWidth"), "de tabel is breder dan het scherm"
    vak.focus()
    pagina.keyboard.press("ArrowRight")
    pagina.wait_for_function("document.activeElement.scrollLeft > 0")  # scrolls smoothly, not at once
    assert toegankelijkheidsfouten(pagina) == []

    goed = tmp_path / "tellijst-goed.csv"
    goed.write_bytes(
        csv_bytes([rij(**open_jaar), rij(**open_jaar, onderdeel="Belastingdienst"), rij(**open_jaar)])
    )
    pagina.set_input_files("#id_bestand", str(goed))
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Controleren").click()
    assert pagina.get_by_text("Het bestand is in orde").is_visible()
    assert Adviesvraag.objects.count() == 0, "controleren slaat nog niets op"
    assert toegankelijkheidsfouten(pagina) == []
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="3 adviesvragen importeren").click()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-import-klaar")
    assert adviesvragen_van(gebruiker=vertrouwenspersoon).count() == 3


def test_snel_bijwerken_in_de_lijst_houdt_de_focus_vast(pagina, live_server, vertrouwenspersoon):
    from tests.factories import AdviesvraagFactory

    # A row of this year: a closed year's row has no quick update.
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=timezone.localdate().year, kwartaal=1)
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/mijn/")
    pagina.locator(f"#id_a{vraag.pk}-wijze_van_afdoening").select_option(
        label="(Drie)gesprek met betrokkenen / leidinggevende / manager"
    )
    pagina.locator(f"#actie-{vraag.pk}").focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_function(
        f"document.querySelector('#adviesvraag-{vraag.pk} .badge').textContent === 'Gesloten'"
    )
    assert "bijgewerkt" in pagina.locator("#tellijst-status").inner_text()
    assert pagina.evaluate("document.activeElement.id") == f"actie-{vraag.pk}", "de focus verdwijnt niet"
    assert toegankelijkheidsfouten(pagina) == []
    vraag.refresh_from_db()
    assert not vraag.wijze_van_afdoening.loopt_nog


class Toetsenbord:
    """The keyboard, counting every key pressed: a typed letter is one key, as for the user."""

    def __init__(self, page):
        self.page = page
        self.aantal = 0

    def druk(self, *toetsen: str) -> None:
        for toets in toetsen:
            self.page.keyboard.press(toets)
            self.aantal += 1


def eerste_rij_opslaan(pagina) -> None:
    pagina.locator("#id_onderdeel").select_option(label="Douane")
    pagina.locator("#id_hoofdcategorie").select_option(label="Financiële schendingen")
    pagina.wait_for_function("document.querySelectorAll('#id_subcategorie option').length === 4")
    pagina.locator("#id_subcategorie").select_option(label="Fraude")
    pagina.locator("#id_wie_betreft").select_option(label="Melder zelf")
    with pagina.expect_navigation():
        pagina.locator("#id_wie_betreft").press("Enter")
    assert pagina.get_by_text(OPGESLAGEN).is_visible()


def test_een_gewone_volgende_rij_kost_hoogstens_12_toetsaanslagen(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")
    eerste_rij_opslaan(pagina)
    # The next row: same year, kwartaal and onderdeel; another kind of question.
    toetsen = Toetsenbord(pagina)
    assert actief(pagina) == "hoofdcategorie"
    toetsen.druk("O")  # Ongewenste omgangsvormen
    pagina.wait_for_function("document.querySelectorAll('#id_subcategorie option').length === 7")
    toetsen.druk("Tab", "P")  # Pesten, treiteren, roddelen, buitensluiten
    toetsen.druk("Tab", "C")  # Collega eigen organisatieonderdeel
    with pagina.expect_navigation():
        toetsen.druk("Enter")
    assert toetsen.aantal <= 12, f"{toetsen.aantal} toetsaanslagen"
    tweede = Adviesvraag.objects.exclude(subcategorie__label="Fraude").get()
    assert (
        Adviesvraag.objects.count(),
        tweede.onderdeel.code,
        tweede.subcategorie.label,
        tweede.wie_betreft.label,
    ) == (2, "douane", "Pesten, treiteren, roddelen, buitensluiten", "Collega eigen organisatieonderdeel")
    assert pagina.get_by_text(OPGESLAGEN).is_visible()
    screenshot(pagina, "tellijst-volgende-rij")


def test_fouten_van_de_server_in_het_nederlands_zonder_oude_opgeslagen_melding(
    pagina, live_server, vertrouwenspersoon
):
    dialogen = []
    pagina.on("dialog", lambda dialoog: (dialogen.append(dialoog.type), dialoog.dismiss()))
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")
    eerste_rij_opslaan(pagina)

    # Only a hoofdcategorie, then Enter: the server answers, not a browser popup in English.
    pagina.keyboard.press("L")
    pagina.wait_for_function("document.querySelectorAll('#id_subcategorie option').length === 6")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.locator("#id_subcategorie_error").inner_text() == regels.VERPLICHT
    assert pagina.locator("#id_wie_betreft_error").is_visible()
    assert pagina.get_by_text(OPGESLAGEN).count() == 0, "geen groene melding naast fouten"
    assert actief(pagina) == "subcategorie", "de cursor staat bij de eerste fout"
    assert Adviesvraag.objects.count() == 1
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-fouten")

    # Leaving the unsaved row asks first; staying keeps it.
    pagina.get_by_role("link", name="Mijn adviesvragen", exact=True).last.click()
    pagina.wait_for_timeout(300)
    assert dialogen == ["beforeunload"]
    assert pagina.url.endswith("/tellijst/")
    assert pagina.locator("#id_hoofdcategorie option:checked").inner_text().startswith("Lekken")
    assert Adviesvraag.objects.count() == 1


def test_een_snelle_tweede_enter_slaat_de_rij_niet_nog_eens_op(pagina, live_server, vertrouwenspersoon):
    """Enter pressed again while the first save was under way sent the form twice: the anonymous row
    counted twice, and nobody could tell which one to delete."""
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")
    pagina.locator("#id_onderdeel").select_option(label="Douane")
    pagina.locator("#id_hoofdcategorie").select_option(label="Financiële schendingen")
    pagina.wait_for_function("document.querySelectorAll('#id_subcategorie option').length === 4")
    pagina.locator("#id_subcategorie").select_option(label="Fraude")
    pagina.locator("#id_wie_betreft").select_option(label="Melder zelf")
    # The server answers only once all Enters are pressed, as on a busy day.
    verstuurd, vastgehouden = [], []
    pagina.on("request", lambda verzoek: verstuurd.append(verzoek) if verzoek.method == "POST" else None)
    pagina.route(
        "**/tellijst/",
        lambda route: vastgehouden.append(route) if route.request.method == "POST" else route.continue_(),
    )
    pagina.locator("#id_wie_betreft").focus()
    for _ in range(3):
        pagina.keyboard.press("Enter")
        pagina.wait_for_timeout(120)
    assert len(verstuurd) == 1, "het formulier ging meer dan eens weg"
    with pagina.expect_navigation():
        for route in vastgehouden:
            route.continue_()
    assert pagina.get_by_text(OPGESLAGEN).count() == 1
    assert Adviesvraag.objects.count() == 1


# In January the year before is still open (TELLIJST_OPEN); later in the year there is no other year.
@pytest.mark.time_machine(TELLIJST_OPEN)
def test_een_ander_jaar_laat_de_velden_op_hun_plaats(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")

    def velden():
        return pagina.evaluate(
            """() => [...document.querySelectorAll('form.tellijst-formulier select')].map(
                v => [v.name, Math.round(v.getBoundingClientRect().top)])"""
        )

    nu = velden()
    pagina.locator("#id_jaar").focus()
    pagina.locator("#id_jaar").select_option("2024")
    pagina.wait_for_function(
        "document.querySelector('#id_melder_is_beklaagde option').textContent.includes('vóór')"
    )
    assert velden() == nu, "geen veld verdwijnt of verschuift"
    assert actief(pagina) == "jaar"
    screenshot(pagina, "tellijst-ouder-jaar")
