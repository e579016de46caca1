"""The meldkanaal in a browser. The melder's browser runs without JavaScript; the analist's is an ordinary
one. Every page of the channel is axe-clean and has no sideways scrolling at 1280 and 390 pixels."""

import datetime
import re

import pytest
from PIL import Image

from finintegriteit.referentie.models import Onderdeel
from meldingen.models import Bericht, Document, Melding, Opschoning
from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD
from tests.factories import VertrouwenspersoonProfielFactory

pytestmark = pytest.mark.django_db(transaction=True)
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")
BREEDTES = (1280, 390)


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"


def foto(tmp_path):
    exif = Image.Exif()
    exif[0x013B] = "Jan Melder"
    pad = tmp_path / "kantine.jpg"
    Image.new("RGB", (60, 40), "green").save(pad, format="JPEG", exif=exif)
    return pad


def past(pagina, naam):
    assert pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), naam
    screenshot(pagina, naam)


def axe_schoon(nieuwe_context, live_server, paden, *, cookies=()):
    """axe needs script; the melder's own browser above ran without it."""
    for breedte in BREEDTES:
        context = nieuwe_context(viewport={"width": breedte, "height": 900})
        context.add_cookies(list(cookies))
        pagina = context.new_page()
        for pad in paden:
            pagina.goto(f"{live_server.url}{pad}")
            assert toegankelijkheidsfouten(pagina) == [], (pad, breedte)
            breed = pagina.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not breed, (pad, breedte)


def test_anoniem_melden_met_bijlage_antwoord_aanvulling_en_afdoening(
    nieuwe_context, live_server, analist, tmp_path
):
    melder_context = nieuwe_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    melder = melder_context.new_page()
    melder.goto(f"{live_server.url}/melden/")
    assert melder_context.cookies() == []
    past(melder, "meldkanaal-loket-390")
    melder.get_by_role("link", name="Melding doen bij OIF").click()
    melder.get_by_label("Waar gaat uw melding over?").select_option(label="Ongewenste omgangsvormen")
    melder.get_by_label("Wat is er gebeurd?").fill("In de kantine wordt een collega steeds uitgelachen.")
    melder.get_by_label("Bij welk dienstonderdeel speelt het?").select_option(index=1)
    melder.get_by_label("Bestanden meesturen").set_input_files(str(foto(tmp_path)))
    past(melder, "meldkanaal-formulier-390")
    melder.get_by_role("button", name="Melding versturen").click()
    code = CODE.search(melder.content()).group(0)
    assert "Van foto's en afbeeldingen" in melder.content()
    past(melder, "meldkanaal-ontvangen-390")
    regels = "e => { const r = new Range(); r.selectNodeContents(e); return r.getClientRects().length; }"
    assert melder.locator(".ontvangstcode").evaluate(regels) == 1, "de code op één regel, ook op een telefoon"
    assert {c["name"] for c in melder_context.cookies()} == {"csrftoken"}

    melding = Melding.objects.get()
    document = Document.objects.get()
    assert document.opschoning == Opschoning.VERWIJDERD and document.door is None

    analist_pagina = nieuwe_context(viewport={"width": 1280, "height": 900}).new_page()
    inloggen(analist_pagina, live_server, "analist", WACHTWOORD)
    analist_pagina.goto(f"{live_server.url}{melding.get_absolute_url()}")
    assert analist_pagina.get_by_role("link", name="bijlage-1.jpg").is_visible()
    analist_pagina.get_by_label("Bericht aan de melder").fill(
        "Dank voor uw melding. Wij hebben haar ontvangen. Weet u op welke dagen dit gebeurt?"
    )
    analist_pagina.get_by_label("Ontvangstbevestiging").check()
    analist_pagina.get_by_role("button", name="Bericht versturen").click()
    analist_pagina.wait_for_url(re.compile(r"#kop-gesprek$"))
    assert toegankelijkheidsfouten(analist_pagina) == []
    screenshot(analist_pagina, "meldkanaal-zaak-gesprek-1280")
    melding.refresh_from_db()
    assert melding.ontvangstbevestiging_op == datetime.date.today()
    analist_pagina.goto(f"{live_server.url}/meldingen/termijnen/")
    assert f"verstuurd {datetime.date.today():%d-%m-%Y}" in analist_pagina.content()

    melder.goto(f"{live_server.url}/melden/terug/")
    melder.get_by_label("Uw ontvangstcode").fill(code.lower())
    melder.get_by_role("button", name="Bekijken").click()
    assert melder.get_by_text("Weet u op welke dagen dit gebeurt?").is_visible()
    assert "ontvangstbevestiging" in melder.content()
    past(melder, "meldkanaal-dossier-390")
    melder.get_by_label("Uw aanvulling of antwoord").fill("Vooral op maandag en donderdag.")
    melder.get_by_label("Bestanden meesturen").set_input_files(str(foto(tmp_path)))
    melder.get_by_role("button", name="Versturen").click()
    assert melder.get_by_text("Uw aanvulling is ontvangen.").is_visible()
    assert "bijlage-2.jpg</span>: verborgen gegevens (auteur, camera, tijdstip, locatie) verwijderd" in (
        melder.content()
    )
    past(melder, "meldkanaal-aangevuld-390")
    axe_schoon(nieuwe_context, live_server, ["/melden/terug/"], cookies=melder_context.cookies())

    analist_pagina.goto(f"{live_server.url}{melding.get_absolute_url()}")
    assert analist_pagina.get_by_text("Vooral op maandag en donderdag.").is_visible()
    for status, reden in (
        ("In beoordeling", "Eerste beoordeling."),
        ("Geen onderzoek", "Geen aanwijzingen voor een schending."),
        ("Afgedaan", "Afgedaan na terugkoppeling."),
    ):
        if status == "Afgedaan":
            analist_pagina.get_by_label("Bericht aan de melder").fill(
                "Wij hebben uw melding beoordeeld en doen geen onderzoek. Dank voor uw melding."
            )
            analist_pagina.get_by_label("Terugkoppeling").check()
            analist_pagina.get_by_role("button", name="Bericht versturen").click()
            analist_pagina.wait_for_url(re.compile(r"#kop-gesprek$"))
        analist_pagina.get_by_label(status, exact=True).check()
        analist_pagina.get_by_label("Reden").fill(reden)
        analist_pagina.get_by_role("button", name="Status wijzigen").click()
        analist_pagina.wait_for_load_state()
    melding.refresh_from_db()
    assert melding.status == Melding.Status.AFGEDAAN
    assert melding.terugkoppeling_op == datetime.date.today()
    assert Bericht.objects.filter(richting=Bericht.Richting.VAN_MELDER).count() == 1

    melder.goto(f"{live_server.url}/melden/terug/")
    assert melder.get_by_role("heading", name="Stand van zaken: Afgedaan").is_visible()
    assert "u kunt niets meer toevoegen" in melder.content()
    melder.get_by_role("button", name="Klaar: verlaat deze pagina").click()
    assert "meldkanaal" not in {c["name"] for c in melder_context.cookies()}


@pytest.mark.parametrize("breedte", BREEDTES)
def test_een_foute_code_geeft_geen_toegang_en_geen_cookie(nieuwe_context, live_server, breedte):
    context = nieuwe_context(viewport={"width": breedte, "height": 900}, java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(f"{live_server.url}/melden/terug/")
    pagina.get_by_label("Uw ontvangstcode").fill("ABCD-EFGH-JKMN-PQRS-TVWX")
    pagina.get_by_role("button", name="Bekijken").click()
    assert pagina.get_by_role("alert").inner_text().startswith("Met deze code vinden we geen melding.")
    assert pagina.get_by_label("Uw ontvangstcode").input_value() == ""
    assert {c["name"] for c in context.cookies()} == {"csrftoken"}
    past(pagina, f"meldkanaal-foute-code-{breedte}")
    axe_schoon(nieuwe_context, live_server, ["/melden/", "/melden/oif/", "/melden/terug/"])


def test_de_route_naar_een_vertrouwenspersoon_maakt_niets_aan(
    nieuwe_context, live_server, vertrouwenspersoon
):
    vertrouwenspersoon.email = "vp.douane@example.org"
    vertrouwenspersoon.save()
    VertrouwenspersoonProfielFactory(
        naam="Marieke de Wit", gebruiker=vertrouwenspersoon, onderdeel=Onderdeel.objects.get(code="douane")
    )
    context = nieuwe_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(f"{live_server.url}/melden/")
    pagina.get_by_role("link", name="Vertrouwenspersonen bekijken").click()
    assert pagina.get_by_role("heading", name="Douane").is_visible()
    assert pagina.get_by_role("link", name="vp.douane@example.org").is_visible()
    assert pagina.get_by_text("Marieke de Wit").is_visible()
    past(pagina, "meldkanaal-vertrouwenspersonen-390")
    assert context.cookies() == [] and not Melding.objects.exists()
    axe_schoon(nieuwe_context, live_server, ["/melden/vertrouwenspersonen/"])


@pytest.mark.parametrize("breedte", BREEDTES)
def test_de_bevestiging_met_de_code_is_axe_schoon(nieuwe_context, live_server, breedte):
    """The page with the code is the answer to a POST, so axe runs on it in a browser with script."""
    pagina = nieuwe_context(viewport={"width": breedte, "height": 900}).new_page()
    pagina.goto(f"{live_server.url}/melden/oif/")
    pagina.get_by_label("Waar gaat uw melding over?").select_option(label="Ongewenste omgangsvormen")
    pagina.get_by_label("Wat is er gebeurd?").fill("Er verdwijnen laptops uit de kast.")
    pagina.get_by_label("Bij welk dienstonderdeel speelt het?").select_option(index=1)
    pagina.get_by_role("button", name="Melding versturen").click()
    assert CODE.search(pagina.content())
    assert toegankelijkheidsfouten(pagina) == []
    past(pagina, f"meldkanaal-ontvangen-{breedte}")


@pytest.mark.parametrize("breedte", BREEDTES)
def test_boven_de_grens_toont_een_korte_pagina_met_de_tekst_axe_schoon(
    nieuwe_context, live_server, settings, breedte
):
    """The answer beyond the limit is short (cheap under a flood) and keeps what the melder wrote."""
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 0
    pagina = nieuwe_context(viewport={"width": breedte, "height": 900}).new_page()
    pagina.goto(f"{live_server.url}/melden/oif/")
    pagina.get_by_label("Waar gaat uw melding over?").select_option(label="Ongewenste omgangsvormen")
    pagina.get_by_label("Wat is er gebeurd?").fill("Mijn chef schreeuwt elke ochtend.")
    pagina.get_by_label("Bij welk dienstonderdeel speelt het?").select_option(index=1)
    pagina.get_by_role("button", name="Melding versturen").click()
    assert pagina.get_by_role("heading", name="Even wachten").is_visible()
    assert (
        pagina.get_by_label(re.compile("Wat u schreef")).input_value() == "Mijn chef schreeuwt elke ochtend."
    )
    assert not Melding.objects.exists()
    assert toegankelijkheidsfouten(pagina) == []
    past(pagina, f"meldkanaal-te-veel-{breedte}")


def test_wie_zonder_account_het_systeem_opent_vindt_het_meldloket(pagina, live_server):
    """The system's address leads to the login page; a melder has no account and used to stop there."""
    pagina.goto(f"{live_server.url}/")
    pagina.get_by_role("link", name="meldloket").click()
    pagina.wait_for_url(re.compile(r"/melden/$"))
    assert pagina.get_by_role("link", name="Melding doen bij OIF").is_visible()


def test_een_onvolledige_melding_opent_bij_wat_er_te_verbeteren_is(nieuwe_context, live_server):
    """Also without JavaScript: the overview above the form has the focus; its links lead to the fields."""
    melder = nieuwe_context(viewport={"width": 390, "height": 900}, java_script_enabled=False).new_page()
    melder.goto(f"{live_server.url}/melden/oif/")
    melder.get_by_role("button", name="Melding versturen").click()
    melder.wait_for_load_state()
    assert melder.evaluate("document.activeElement.id") == "foutoverzicht"
    past(melder, "meldkanaal-foutoverzicht-390")
    melder.get_by_role("link", name="Wat is er gebeurd?").click()
    assert melder.evaluate("document.activeElement.id") == "id_omschrijving"
