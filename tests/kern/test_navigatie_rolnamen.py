"""The navbar names the user's roles, and only roles: other groups (admin permissions) stay out of it."""

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
