"""In a real browser: an analist puts a closed case on 'niet vernietigen' and sees when its data would go."""

import datetime

import pytest

from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from meldingen.models import Melding
from meldingen.services import melding_registreren
from meldingen.services.fouten import BEWAREN_REDEN_VERPLICHT
from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_een_afgedane_zaak_op_niet_vernietigen_zetten(pagina, live_server, analist):
    melding = melding_registreren(
        door=analist,
        ontvangen_op=datetime.date(2021, 2, 1),
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
        klokkenluidersmelding=False,
        omschrijving="Vertrouwelijke omschrijving.",
        dienstonderdeel=Onderdeel.objects.get(code="douane"),
        behandelaar=analist,
    )
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=datetime.date(2021, 6, 30)
    )
    inloggen(pagina, live_server, "analist", WACHTWOORD)

    pagina.goto(f"{live_server.url}/meldingen/{melding.pk}/")
    assert pagina.get_by_text("Persoonsgegevens worden gewist vanaf 30-06-2026").is_visible()
    pagina.get_by_role("link", name="Niet vernietigen…").click()
    pagina.wait_for_url(f"**/meldingen/{melding.pk}/bewaren/")
    assert toegankelijkheidsfouten(pagina) == []

    pagina.get_by_label("Niet vernietigen").check()
    pagina.get_by_role("button", name="Opslaan").click()
    assert pagina.get_by_text(BEWAREN_REDEN_VERPLICHT).is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-bewaren-fout")

    pagina.get_by_label("Reden").fill("Bezwaarprocedure loopt nog.")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url(f"**/meldingen/{melding.pk}/")
    assert pagina.get_by_text("De zaak staat op niet vernietigen.").is_visible()
    assert pagina.get_by_text("Bezwaarprocedure loopt nog.").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-bewaren-zaak")
