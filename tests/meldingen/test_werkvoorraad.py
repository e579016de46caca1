"""The werkvoorraad: filters, search on case number, paging with a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finintegriteit.referentie.models import Onderdeel, SchendingSoort
from meldingen.models import Melding

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def meldingen(maak_melding, maak_betrokkene, maak_afdoening, maak_gebruiker, analist, vandaag):
    collega = maak_gebruiker("collega", "OIF-analist")
    m = {
        "open_bd": maak_melding(behandelaar=analist),
        "douane_2024": maak_melding(
            ontvangen_op=D(2024, 6, 1), dienstonderdeel="douane", behandelaar=collega
        ),
        "te_laat": maak_melding(
            ontvangen_op=D(2025, 2, 1), klokkenluidersmelding=True, onderwerp="misstanden"
        ),
        "afgedaan": maak_melding(),
    }
    Melding.objects.filter(pk=m["afgedaan"].pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    Melding.objects.filter(pk=m["douane_2024"].pk).update(status=Melding.Status.IN_BEOORDELING)
    maak_afdoening(maak_betrokkene(m["open_bd"]))
    maak_betrokkene(m["open_bd"])
    return m


def nummers(client, **params):
    antwoord = client.get(reverse("meldingen:werkvoorraad"), params)
    assert antwoord.status_code == 200
    return {melding.nummer for melding in antwoord.context["pagina"].object_list}


def test_standaard_alleen_open_meldingen(client, analist, meldingen):
    client.force_login(analist)
    verwacht = {meldingen[k].nummer for k in ("open_bd", "douane_2024", "te_laat")}
    assert nummers(client) == verwacht
    assert nummers(client, status="alle") == verwacht | {meldingen["afgedaan"].nummer}
    assert nummers(client, status="afgedaan") == {meldingen["afgedaan"].nummer}
    assert nummers(client, status="in_beoordeling") == {meldingen["douane_2024"].nummer}


def test_filters(client, analist, meldingen):
    client.force_login(analist)
    m = meldingen
    douane = Onderdeel.objects.get(code="douane").pk
    misstand = SchendingSoort.objects.get(code="misstanden").pk
    assert nummers(client, dienstonderdeel=douane) == {m["douane_2024"].nummer}
    assert nummers(client, onderwerp=misstand) == {m["te_laat"].nummer}
    assert nummers(client, behandelaar=analist.pk) == {m["open_bd"].nummer}
    assert nummers(client, jaar=2024) == {m["douane_2024"].nummer}
    assert nummers(client, te_laat="true") == {m["te_laat"].nummer}
    assert nummers(client, te_laat="false") == {m["open_bd"].nummer, m["douane_2024"].nummer}
    assert nummers(client, q="2024-0001") == {m["douane_2024"].nummer}
    assert nummers(client, q="oif-2025-0001") == {m["open_bd"].nummer}


def test_ongeldige_filterwaarden_geven_een_melding_en_geen_fout(client, analist, meldingen):
    client.force_login(analist)
    antwoord = client.get(
        reverse("meldingen:werkvoorraad"), {"jaar": "abc", "status": "kapot", "per_pagina": "x"}
    )
    assert antwoord.status_code == 200
    assert "Selecteer een geldige keuze" in antwoord.content.decode()


def test_de_lijst_toont_afdoeningen_en_verlopen_termijn(client, analist, meldingen):
    client.force_login(analist)
    html = client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert ">1/2<" in html  # open_bd: one of its two betrokkenen has an afdoening
    assert "verlopen" in html and 'class="table-danger"' in html
    assert "08-02-2025" in html  # the overdue ontvangstbevestiging of te_laat


def _veel_meldingen(maak_melding, maak_betrokkene, maak_afdoening, analist, aantal):
    for i in range(aantal):
        melding = maak_melding(
            ontvangen_op=D(2025, 1, 1) + datetime.timedelta(days=i % 60),
            klokkenluidersmelding=i % 3 == 0,
            behandelaar=analist if i % 2 else None,
            dienstonderdeel=("belastingdienst", "douane", "toeslagen")[i % 3],
        )
        betrokkene = maak_betrokkene(melding)
        if i % 2:
            maak_afdoening(betrokkene)


@pytest.mark.parametrize("per_pagina", [5, 50])
def test_het_aantal_queries_hangt_niet_af_van_het_aantal_rijen(
    client,
    analist,
    vandaag,
    maak_melding,
    maak_betrokkene,
    maak_afdoening,
    django_assert_max_num_queries,
    per_pagina,
):
    _veel_meldingen(maak_melding, maak_betrokkene, maak_afdoening, analist, 55)
    client.force_login(analist)
    # Two of them read the user's rights once (who may see afgeschermde meldingen).
    with django_assert_max_num_queries(14):
        antwoord = client.get(reverse("meldingen:werkvoorraad"), {"per_pagina": per_pagina, "status": "alle"})
    assert len(antwoord.context["pagina"].object_list) == per_pagina
    assert antwoord.content.decode().count('<th scope="row"') == per_pagina


def test_termijnen_en_audittrail_hebben_ook_een_vast_aantal_queries(
    client,
    analist,
    beheerder,
    vandaag,
    maak_melding,
    maak_betrokkene,
    maak_afdoening,
    django_assert_max_num_queries,
):
    _veel_meldingen(maak_melding, maak_betrokkene, maak_afdoening, analist, 30)
    client.force_login(analist)
    with django_assert_max_num_queries(11):
        client.get(reverse("meldingen:termijnen"), {"per_pagina": 50})
    client.force_login(beheerder)
    with django_assert_max_num_queries(14):
        antwoord = client.get(reverse("meldingen:audit"), {"per_pagina": 50})
    assert len(antwoord.context["regels"]) == 50


def test_de_lijst_leest_de_vertrouwelijke_omschrijving_niet(client, analist, meldingen):
    """Only what the list shows leaves the database: the description of a case stays on its own page."""
    client.force_login(analist)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("meldingen:werkvoorraad"), {"status": "alle"}).content.decode()
    lijstqueries = [q["sql"] for q in queries.captured_queries if 'FROM "meldingen_melding"' in q["sql"]]
    assert lijstqueries
    assert not [sql for sql in lijstqueries if "omschrijving" in sql]
    assert meldingen["open_bd"].nummer in html


def test_de_status_staat_als_gekleurd_label_in_de_lijst(client, analist, meldingen):
    client.force_login(analist)
    html = client.get(reverse("meldingen:werkvoorraad"), {"status": "alle"}).content.decode()
    assert '<span class="badge rounded-pill text-wrap text-bg-success">Afgedaan</span>' in html
    assert '<span class="badge rounded-pill text-wrap text-bg-primary">In beoordeling</span>' in html
    assert '<span class="badge rounded-pill text-wrap text-bg-secondary">Ontvangen</span>' in html


def test_elke_regel_opent_zijn_melding_en_noemt_onderwerp_en_onderdeel(client, analist, meldingen):
    client.force_login(analist)
    html = client.get(reverse("meldingen:werkvoorraad"), {"status": "alle"}).content.decode()
    for melding in meldingen.values():
        assert f'<a href="{reverse("meldingen:detail", args=[melding.pk])}">{melding.nummer}</a>' in html
    te_laat = html.split(meldingen["te_laat"].nummer, 1)[1].split("</tr>", 1)[0]
    assert SchendingSoort.objects.get(code="misstanden").label in te_laat
    douane = html.split(meldingen["douane_2024"].nummer, 1)[1].split("</tr>", 1)[0]
    assert Onderdeel.objects.get(code="douane").label in douane


def test_een_onderwerp_dat_het_proces_nog_niet_kent_staat_toch_in_de_lijst(client, analist, meldingen):
    """An option added by another process is in this process's lists only a moment later (or, written
    outside Django, after the lists' own expiry); the row reads it from the database meanwhile."""
    client.force_login(analist)
    client.get(reverse("meldingen:werkvoorraad"))  # the lists are now kept in this process
    # Past Django's cursor, as psql or another process would: nothing here notices the write.
    cursor = connection.connection.cursor()
    cursor.execute(
        "INSERT INTO referentie_schendingsoort (code, label, varianten, volgorde, eerste_jaar, "
        "vergelijkingsgroep, is_misstand) VALUES ('nieuw', 'Een zojuist toegevoegde soort', '[]', 99, "
        "2020, '', FALSE)"
    )
    cursor.close()
    nieuw = SchendingSoort.objects.get(code="nieuw")
    Melding.objects.filter(pk=meldingen["open_bd"].pk).update(onderwerp=nieuw)
    html = client.get(reverse("meldingen:werkvoorraad")).content.decode()
    regel = html.split(meldingen["open_bd"].nummer, 1)[1].split("</tr>", 1)[0]
    assert "Een zojuist toegevoegde soort" in regel
