"""Who reported is sealed in the database: a dump or a back-up without MELDER_SLEUTEL names no melder.

The attack: someone with a copy of every table (not the server's configuration) looks for a melder's
name, address or a note on how she was reached. The analist with the right still reads them as typed.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from meldingen.models import MelderContact, MelderIdentiteit, Melding
from meldingen.services.meldercontact import Contact, melder_contact_vastleggen
from meldingen.services.registratie import melder_identiteit_vastleggen
from meldingen.services.sleutel import melders_hersleutelen
from tests.bouwstenen.meldingen import recht
from tests.bouwstenen.meldkanaal import melden
from tests.factories import MeldingFactory

pytestmark = pytest.mark.django_db

NAAM = "Zwaantje Oudeboom"
ADRES = "zwaantje.oudeboom@example.org"
NOTITIE = "Gebeld op haar privénummer 06-98765432"


def alle_tabellen_als_tekst() -> str:
    """Every row of every table, as the database holds it (what a dump shows)."""
    tekst = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
            tekst += [repr(rij) for rij in cursor.fetchall()]
    return "\n".join(tekst)


def opgeslagen(model, veld: str, pk: int) -> str:
    tabel, kolom = model._meta.db_table, model._meta.get_field(veld).column
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolom} FROM {tabel} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_een_dump_noemt_geen_melder_en_de_analist_leest_alles(client, analist):
    melden(client, wijze="naam", naam=NAAM, contact=ADRES)
    melding = Melding.objects.get()
    bevoegd = recht(analist, "melder_identiteit_inzien")
    melder_identiteit_vastleggen(
        melding=melding,
        door=bevoegd,
        naam=NAAM + " (gewijzigd)",
        contact=ADRES,
        kanaal="email",
        reden="tikfout",
    )
    melding.refresh_from_db()
    melder_contact_vastleggen(
        melding=melding,
        door=bevoegd,
        versie=melding.versie,
        ontvangstbevestiging=Contact(
            op=datetime.date.today(), wijze=MelderContact.Wijze.TELEFOON, toelichting=NOTITIE
        ),
        terugkoppeling=Contact(op=None),
    )

    dump = alle_tabellen_als_tekst()
    for geheim in (NAAM, "Zwaantje", "oudeboom", "06-98765432"):
        assert geheim.lower() not in dump.lower(), geheim

    identiteit = MelderIdentiteit.objects.get()
    assert (identiteit.naam, identiteit.contact) == (NAAM + " (gewijzigd)", ADRES)
    assert MelderContact.objects.get().toelichting == NOTITIE


def test_de_naam_is_bij_elke_opslag_anders_verzegeld():
    """The same name twice must not show as the same value: that would tell two reports by one person."""
    eerste, tweede = (
        MelderIdentiteit.objects.create(melding=MeldingFactory(), naam=NAAM, contact=ADRES, kanaal="email")
        for _ in range(2)
    )
    assert opgeslagen(MelderIdentiteit, "naam", eerste.pk) != opgeslagen(MelderIdentiteit, "naam", tweede.pk)


def test_met_een_andere_sleutel_gaat_niets_open_en_de_fout_zegt_waarom(settings):
    identiteit = MelderIdentiteit.objects.create(melding=MeldingFactory(), naam=NAAM, kanaal="email")
    settings.MELDER_SLEUTEL = "een-heel-andere-sleutel"
    with pytest.raises(ImproperlyConfigured, match="MELDER_VORIGE_SLEUTEL"):
        MelderIdentiteit.objects.get(pk=identiteit.pk)


def test_sleutel_vervangen_met_de_oude_erbij_en_hersleutelen(settings):
    identiteit = MelderIdentiteit.objects.create(
        melding=MeldingFactory(), naam=NAAM, contact=ADRES, kanaal="email"
    )
    oud = settings.MELDER_SLEUTEL
    settings.MELDER_SLEUTEL, settings.MELDER_VORIGE_SLEUTEL = "de-nieuwe-sleutel-van-de-melders", oud
    assert MelderIdentiteit.objects.get().naam == NAAM, "met de oude erbij blijft alles leesbaar"

    call_command("melders_hersleutelen", stdout=None)
    settings.MELDER_VORIGE_SLEUTEL = ""

    assert (MelderIdentiteit.objects.get().naam, MelderIdentiteit.objects.get().contact) == (NAAM, ADRES)
    assert MelderIdentiteit.objects.get().versie == identiteit.versie, "een open formulier slaat nog op"
    assert melders_hersleutelen() == 0, "nog eens draaien verandert niets"


def test_de_migratie_verzegelt_wat_er_al_stond():
    identiteit = MelderIdentiteit.objects.create(melding=MeldingFactory(), naam="", kanaal="email")
    with connection.cursor() as cursor:  # as written before sealing existed
        cursor.execute(
            f"UPDATE {MelderIdentiteit._meta.db_table} SET naam = %s, contact = %s WHERE id = %s",  # noqa: S608
            [NAAM, ADRES, identiteit.pk],
        )
    assert MelderIdentiteit.objects.get().naam == NAAM, "een oude waarde is gewoon leesbaar"

    migratie = importlib.import_module("meldingen.migrations.0017_melder_versleuteld")
    migratie.verzegelen(apps, None)

    assert NAAM not in opgeslagen(MelderIdentiteit, "naam", identiteit.pk)
    assert ADRES not in opgeslagen(MelderIdentiteit, "contact", identiteit.pk)
    assert (MelderIdentiteit.objects.get().naam, MelderIdentiteit.objects.get().contact) == (NAAM, ADRES)


def test_de_analist_met_het_recht_ziet_de_identiteit_zoals_getypt(client, analist):
    melding = MeldingFactory()
    MelderIdentiteit.objects.create(melding=melding, naam=NAAM, contact=ADRES, kanaal="email")
    client.force_login(recht(analist, "melder_identiteit_inzien"))
    url = reverse("meldingen:melder", args=[melding.pk])
    html = client.post(url, {"stap": "inzien", "reden": "terugbellen"}).content.decode()
    assert NAAM in html and ADRES in html
