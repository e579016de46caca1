"""The audit trail records what matters for security beyond the cases: logins, failures and lockouts,
and every change in /beheer/ to taxonomies, kerncijfers, users and groups."""

import pytest
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from finintegriteit.referentie.models import Onderdeel
from tests.bouwstenen.inloggen import WACHTWOORD, fout_proberen, poging

pytestmark = pytest.mark.django_db
A = AuditRegel.Actie


def gebeurtenissen(*acties):
    return list(
        AuditRegel.objects.filter(actie__in=acties)
        .order_by("pk")
        .values_list("actie", "gebruiker", "object_id")
    )


def test_inloggen_mislukken_en_blokkeren_staan_in_de_audittrail(client, vertrouwenspersoon):
    fout_proberen(client, "vp", 5)
    poging(client, "bestaat-niet", "Geheim-wachtwoord-als-naam")
    vp = str(vertrouwenspersoon.pk)
    assert sorted(gebeurtenissen(A.INLOGGEN_MISLUKT, A.GEBLOKKEERD)) == sorted(
        [*[(A.INLOGGEN_MISLUKT, None, vp)] * 5, (A.GEBLOKKEERD, None, vp), (A.INLOGGEN_MISLUKT, None, "")]
    )
    getypt = " ".join(str(r) for r in AuditRegel.objects.values_list("object_id", "velden"))
    assert "bestaat-niet" not in getypt and "Geheim-wachtwoord" not in getypt


def test_een_geslaagde_login_staat_in_de_audittrail(client, vertrouwenspersoon):
    assert poging(client, "vp", WACHTWOORD).status_code == 302
    assert gebeurtenissen(A.INGELOGD) == [(A.INGELOGD, vertrouwenspersoon.pk, str(vertrouwenspersoon.pk))]


def test_een_wijziging_van_een_taxonomie_in_beheer_staat_in_de_audittrail(client, maak_gebruiker):
    from django.contrib.auth.models import Permission

    beheerder = maak_gebruiker("tax-beheerder", "Functioneel beheerder")
    beheerder.is_staff = True
    beheerder.save()
    beheerder.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_onderdeel", "view_onderdeel"])
    )
    onderdeel = Onderdeel.objects.order_by("pk").first()
    client.force_login(beheerder)
    url = reverse("admin:referentie_onderdeel_change", args=[onderdeel.pk])
    formulier = client.get(url).context["adminform"].form
    gegevens = {
        veld.name: veld.field.prepare_value(veld.value()) for veld in formulier if veld.value() is not None
    }
    gegevens["label"] = onderdeel.label + " (nieuw)"
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 302
    regel = AuditRegel.objects.get(actie=A.GEWIJZIGD, object_type="onderdeel")
    assert (regel.gebruiker, regel.object_id) == (beheerder, str(onderdeel.pk))
    assert regel.velden and all("nieuw" not in veld for veld in regel.velden)
