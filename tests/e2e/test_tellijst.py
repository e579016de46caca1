"""In a real browser: a Tellijst row with the keyboard alone, and pages without accessibility errors."""

import pytest

from tests.conftest import WACHTWOORD
from tests.e2e import conftest as e2e
from tests.e2e.conftest import inloggen, screenshot
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def rollen_en_taxonomie():
    """A transactional test before this one flushed what the data migrations made: roles and options."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    from finintegriteit.kern.rollen import ALLE_ROLLEN

    for rol in ALLE_ROLLEN:
        Group.objects.get_or_create(name=rol)
    importlib.import_module("finintegriteit.referentie.migrations.0002_taxonomie_2024").laad(apps, None)


def toegankelijkheidsfouten(page) -> list[str]:
    """axe-core's WCAG A/AA violations in the page's own content (the <main> element).

    The shared header is left out: its light nav links fall short of 4.5:1 on the dark blue bar, which
    belongs to templates/base.html, not to these pages (reported there).
    """
    if not e2e.AXE.exists():
        pytest.skip("axe-core ontbreekt: `make test` installeert het met npm")
    page.add_script_tag(content=e2e.AXE.read_text(encoding="utf-8"))
    resultaat = page.evaluate(
        "tags => axe.run({include: [['main']]}, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        e2e.WCAG_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in resultaat["violations"]
    ]


def actief(page) -> str:
    return page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()")


def test_een_adviesvraag_met_alleen_het_toetsenbord(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")
    assert actief(pagina) == "jaar", "de cursor staat meteen in het eerste veld"
    toetsen = pagina.keyboard
    toetsen.press("Tab")  # kwartaal: laten staan
    toetsen.press("Tab")
    assert actief(pagina) == "onderdeel"
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
    toetsen.press("Tab")
    assert actief(pagina) == "Opslaan"
    with pagina.expect_navigation():
        toetsen.press("Enter")
    assert pagina.get_by_text("Adviesvraag opgeslagen").is_visible()
    assert actief(pagina) == "jaar", "een vers formulier, klaar voor de volgende"
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
    assert vraag.geregistreerd_door == vertrouwenspersoon
    assert pagina.locator("#id_onderdeel").input_value() == str(vraag.onderdeel_id), "onderdeel blijft staan"
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-invoeren")


def test_importvoorbeeld_met_fouten_is_toegankelijk(pagina, live_server, vertrouwenspersoon, tmp_path):
    bestand = tmp_path / "tellijst.csv"
    bestand.write_bytes(
        csv_bytes([rij(), rij(onderdeel="Belastingdienstt", wie_betreft_de_melding="Leidinggevende")])
    )
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/importeren/")
    pagina.set_input_files("#id_bestand", str(bestand))
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Controleren").click()
    assert pagina.get_by_text("Het bestand is niet geïmporteerd").is_visible()
    assert pagina.locator("table.importfouten tbody tr").count() == 2
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "tellijst-import-fouten")
    assert Adviesvraag.objects.count() == 0


def test_snel_bijwerken_in_de_lijst_houdt_de_focus_vast(pagina, live_server, vertrouwenspersoon):
    from tests.vertrouwenspersonen.fabrieken import AdviesvraagFactory

    vraag = AdviesvraagFactory(geregistreerd_door=vertrouwenspersoon)
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
