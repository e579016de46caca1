"""The melder's contact for the legal terugkoppeling: recorded with the identity right, with date and way;
without the right an analist sees only that it happened, and nothing that depends on the melder."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import MelderContact, Melding
from meldingen.services import fouten
from meldingen.services.meldercontact import Contact, melder_contact_vastleggen
from tests.factories import MelderIdentiteitFactory

pytestmark = pytest.mark.django_db


def _vastleggen(melding, door, *, wijze, toelichting, kanaal):
    MelderIdentiteitFactory(melding=melding, kanaal=kanaal, naam="Karel Appel", contact="06-12345678")
    melding.refresh_from_db()
    melder_contact_vastleggen(
        melding=melding,
        door=door,
        versie=melding.versie,
        ontvangstbevestiging=Contact(op=datetime.date(2025, 3, 4), wijze=wijze, toelichting=toelichting),
        terugkoppeling=Contact(op=datetime.date(2025, 3, 7), wijze=wijze, toelichting=toelichting),
    )


def test_met_het_recht_wanneer_en_hoe_vastleggen(client, teamleider, maak_melding, vandaag):
    melding = maak_melding(klokkenluidersmelding=True)
    client.force_login(teamleider)
    url = reverse("meldingen:termijnen_vastleggen", args=[melding.pk])
    post = {
        "ontvangstbevestiging_op": "04-03-2025",
        "ontvangstbevestiging_wijze": "telefoon",
        "ontvangstbevestiging_toelichting": "Teruggebeld op het opgegeven nummer.",
        "versie": melding.versie,
    }
    assert client.post(url, post).status_code == 302
    contact = MelderContact.objects.get(melding=melding)
    assert (contact.soort, contact.wijze, contact.toelichting) == (
        "ontvangstbevestiging",
        "telefoon",
        "Teruggebeld op het opgegeven nummer.",
    )
    melding.refresh_from_db()
    assert melding.ontvangstbevestiging_op == datetime.date(2025, 3, 4)
    html = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "verstuurd op 04-03-2025 · telefoon" in html
    assert "Teruggebeld op het opgegeven nummer." in client.get(url).content.decode()
    regel = AuditRegel.objects.get(object_type="meldercontact", actie=AuditRegel.Actie.AANGEMAAKT)
    # Field names only: the way and the note stay out of the audit trail.
    assert regel.velden == ["ontvangstbevestiging.toelichting", "ontvangstbevestiging.wijze"]


@pytest.mark.parametrize(
    ("invoer", "veld", "fout"),
    [
        ({"ontvangstbevestiging_op": "04-03-2025"}, "ontvangstbevestiging_wijze", fouten.CONTACT_GEEN_WIJZE),
        ({"terugkoppeling_wijze": "email"}, "terugkoppeling_op", fouten.CONTACT_GEEN_DATUM),
        (
            {"ontvangstbevestiging_op": "01-03-2025", "ontvangstbevestiging_wijze": "brief"},
            "ontvangstbevestiging_op",
            fouten.DATUM_VOOR_ONTVANGST.format(datum="03-03-2025"),
        ),
    ],
)
def test_onvolledig_contact_verandert_niets(client, teamleider, maak_melding, vandaag, invoer, veld, fout):
    melding = maak_melding(klokkenluidersmelding=True)
    client.force_login(teamleider)
    antwoord = client.post(
        reverse("meldingen:termijnen_vastleggen", args=[melding.pk]), {"versie": melding.versie, **invoer}
    )
    assert antwoord.context["form"].errors[veld] == [fout]
    assert not MelderContact.objects.exists()
    assert Melding.objects.get(pk=melding.pk).versie == melding.versie


def test_zonder_het_recht_alleen_dat_het_gebeurde(client, analist, teamleider, maak_melding, vandaag):
    melding = maak_melding(klokkenluidersmelding=True)
    _vastleggen(melding, teamleider, wijze="email", toelichting="Naar het privéadres.", kanaal="email")
    client.force_login(analist)
    html = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "verstuurd</div>" in html and "gegeven</div>" in html
    for geheim in ("04-03-2025", "07-03-2025", "· e-mail", "privéadres"):
        assert geheim not in html
    assert reverse("meldingen:termijnen_vastleggen", args=[melding.pk]) not in html
    assert client.get(reverse("meldingen:termijnen_vastleggen", args=[melding.pk])).status_code == 403


def _pagina_zonder_ruis(client, melding) -> str:
    html = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'nonce="[^"]*"', "", html)
    return html.replace(melding.nummer, "NUMMER").replace(f"/{melding.pk}/", "/PK/")


def test_geen_orakel_de_pagina_hangt_niet_af_van_melder_of_contact(
    client, analist, teamleider, maak_melding, vandaag
):
    """Two cases alike in all but the melder and how they were reached: the same page, and neither table
    is read at all for an analist without the right."""
    een = maak_melding(klokkenluidersmelding=True)
    twee = maak_melding(klokkenluidersmelding=True)
    _vastleggen(een, teamleider, wijze="telefoon", toelichting="Gebeld.", kanaal="telefoon")
    _vastleggen(twee, teamleider, wijze="email", toelichting="Naar k.appel@example.org.", kanaal="email")
    client.force_login(analist)
    with CaptureQueriesContext(connection) as queries:
        pagina_een = _pagina_zonder_ruis(client, een)
    assert pagina_een == _pagina_zonder_ruis(client, twee)
    gelezen = [q["sql"] for q in queries if "melderidentiteit" in q["sql"] or "meldercontact" in q["sql"]]
    assert gelezen == []


def test_de_bewaartermijn_wist_hoe_de_melder_bereikt_werd(teamleider, maak_melding, vandaag):
    from meldingen.services.bewaartermijn import persoonsgegevens_wissen

    melding = maak_melding(klokkenluidersmelding=True)
    _vastleggen(melding, teamleider, wijze="brief", toelichting="Naar het huisadres.", kanaal="email")
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=datetime.date(2019, 1, 2)
    )
    assert melding.nummer in persoonsgegevens_wissen(vandaag=vandaag)
    assert not MelderContact.objects.filter(melding=melding).exists()
    # The dates stay on the melding: they say nothing of the melder, and the deadlines are built on them.
    assert Melding.objects.get(pk=melding.pk).ontvangstbevestiging_op == datetime.date(2025, 3, 4)
