"""The navbar names the user's roles, and only roles: other groups (admin permissions) stay out of it."""

import re

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_navbalk_toont_alleen_de_rolnamen(client, coordinator):
    coordinator.groups.add(Group.objects.create(name="Exportrechten"))
    client.force_login(coordinator)
    antwoord = client.get("/rapportage/")
    assert antwoord.context["rollen"] == ["Integriteitscoördinator"]
    assert "Exportrechten" not in antwoord.content.decode()


def test_alleen_de_meest_specifieke_link_is_de_huidige_pagina(client, coordinator):
    client.force_login(coordinator)
    html = client.get("/rapportage/rapporten/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert 'aria-current="page" href="/rapportage/rapporten/"' in html


def test_een_rij_wijzigen_valt_onder_mijn_adviesvragen_niet_onder_invoeren(vp_client, vertrouwenspersoon):
    """The address /tellijst/<id>/wijzigen/ starts with that of 'Tellijst invoeren', but the page is
    reached from Mijn adviesvragen; the menu showed the wrong place."""
    from django.urls import reverse
    from django.utils import timezone

    from tests.factories import AdviesvraagFactory

    # A row of this year: a closed year's row cannot be changed, its page sends the user back.
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=timezone.localdate().year, kwartaal=1)
    html = vp_client.get(reverse("vertrouwenspersonen:wijzigen", args=[vraag.pk])).content.decode()
    assert html.count('aria-current="page"') == 1
    assert f'aria-current="page" href="{reverse("vertrouwenspersonen:mijn_adviesvragen")}"' in html


# Words for developers, not for the people using the pages.
ONTWIKKELAARSTAAL = re.compile(r"\bHTML\b|PDF-generator|\bhtmx\b|\bNone\b|\bTraceback\b")


@pytest.mark.parametrize("rol", ["vertrouwenspersoon", "analist", "coordinator", "beheerder"])
def test_elke_pagina_uit_het_menu_heet_zoals_het_menu_haar_noemt(client, request, rol):
    """The menu item, the page's heading and its browser title say the same, so users find back what
    they clicked; and none speaks to developers. Left out: Django's admin index, 'Mijn zaken' (the
    werkvoorraad with a filter) and the dashboard, whose heading names the year it shows."""
    client.force_login(request.getfixturevalue(rol))
    verschillen = []
    for item in client.get("/", follow=True).context["navigatie"]:
        antwoord = client.get(item["url"])
        if item["url"].startswith("/beheer/") or item["label"] == "Dashboard" or antwoord.status_code == 302:
            continue
        html = antwoord.content.decode()
        kop = re.sub(r"<[^>]+>|\s+", " ", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
        titel = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        if not (kop.startswith(item["label"]) and titel.startswith(item["label"])):
            verschillen.append((item["label"], kop, titel))
        zichtbaar = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
        verschillen.extend((item["label"], woord) for woord in ONTWIKKELAARSTAAL.findall(zichtbaar))
    assert verschillen == []
