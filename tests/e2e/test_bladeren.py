"""In a real browser: paging through a long list by keyboard keeps the place in the list. 'Volgende'
opens the next page with the focus on its results, not at the top with the menu and the filters to tab
through again."""

import re

import pytest

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from tests.bouwstenen.browser import inloggen

pytestmark = pytest.mark.django_db(transaction=True)

BEHEERDER_WACHTWOORD = "Correct-paard-batterij-nietje-42"


def test_volgende_pagina_met_het_toetsenbord_begint_bij_de_resultaten(pagina, live_server, beheerder):
    for _ in range(30):
        audit_vastleggen(
            gebruiker=beheerder, actie=AuditRegel.Actie.GEWIJZIGD, object=beheerder, velden=["email"]
        )
    inloggen(pagina, live_server, "beheerder", BEHEERDER_WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/audittrail/")

    pagina.get_by_role("navigation", name="Paginering").get_by_role("link", name="Volgende").focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"pagina=2#resultaten$"))

    assert pagina.evaluate("document.activeElement.id") == "resultaten"
    assert pagina.get_by_text(re.compile(r"^Pagina 2 van \d+$")).is_visible()
