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
