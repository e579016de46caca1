"""heeft_recht answers as Django's has_perm does, for a right given to the person or to their group."""

import pytest
from django.contrib.auth.models import Group, Permission

from finintegriteit.kern import rollen as r

pytestmark = pytest.mark.django_db
RECHT = r.AFGESCHERMDE_MELDINGEN_INZIEN


def _permissie():
    app_label, codename = RECHT.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _vers(gebruiker):
    # A fresh object: both heeft_recht and has_perm cache per user object for one request.
    return type(gebruiker).objects.get(pk=gebruiker.pk)


def test_zelfde_antwoord_als_has_perm_voor_persoon_groep_inactief_en_superuser(django_user_model):
    zonder = django_user_model.objects.create_user("zonder", password="x")
    persoonlijk = django_user_model.objects.create_user("persoonlijk", password="x")
    persoonlijk.user_permissions.add(_permissie())
    via_groep = django_user_model.objects.create_user("via-groep", password="x")
    groep = Group.objects.create(name="teamleiders")
    groep.permissions.add(_permissie())
    via_groep.groups.add(groep)
    inactief = django_user_model.objects.create_user("inactief", password="x", is_active=False)
    inactief.user_permissions.add(_permissie())
    beheer = django_user_model.objects.create_superuser("beheer", password="x")

    verwacht = {"zonder": False, "persoonlijk": True, "via-groep": True, "inactief": False, "beheer": True}
    for gebruiker in (zonder, persoonlijk, via_groep, inactief, beheer):
        assert r.heeft_recht(_vers(gebruiker), RECHT) is verwacht[gebruiker.username], gebruiker.username
        assert _vers(gebruiker).has_perm(RECHT) is verwacht[gebruiker.username], gebruiker.username


def test_een_ingetrokken_recht_telt_bij_het_volgende_verzoek_niet_meer(django_user_model):
    gebruiker = django_user_model.objects.create_user("teamleider", password="x")
    gebruiker.user_permissions.add(_permissie())
    assert r.heeft_recht(_vers(gebruiker), RECHT)
    gebruiker.user_permissions.remove(_permissie())
    assert not r.heeft_recht(_vers(gebruiker), RECHT)
