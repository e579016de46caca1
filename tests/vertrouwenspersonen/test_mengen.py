"""Nothing in the database itself tells when, or by whom, a Tellijst row was saved.

The attacker has every table (a dump, or the running database), not the key. He reads the table in the
order its rows lie in, and on PostgreSQL the id of the transaction that wrote each row (`xmin`). Both
followed the order of saving; `xmin` also sorts a row among rows that carry a time or a person: audit
rows, and the session row that each request of a vertrouwenspersoon writes again, with her user id, a
moment after her save. Every save rewrites the rows written since the nightly mix in a random order,
and every night the whole table (docs/beveiliging.md, 'Mengen').
"""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.kern.importeren import lees_upload
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from tests.bouwstenen.draden import tegelijk
from tests.bouwstenen.tellijst import TELLIJST_OPEN, geldige_invoer
from tests.factories import AdviesvraagFactory
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload
from vertrouwenspersonen import mengen, services, tasks
from vertrouwenspersonen.models import Adviesvraag

# The rows are saved through the form: a day on which their year is open.
pytestmark = pytest.mark.time_machine(TELLIJST_OPEN)

AANTAL = 30


def _opslaan(client, aantal: int = 1) -> list:
    """Save rows one by one through the form, as a vertrouwenspersoon does; their ids in saving order."""
    ids = []
    for _ in range(aantal):
        voor = set(Adviesvraag.objects.values_list("pk", flat=True))
        assert client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer()).status_code == 302
        (nieuw,) = set(Adviesvraag.objects.values_list("pk", flat=True)) - voor
        ids.append(nieuw)
    return ids


def _in_tabelvolgorde() -> list:
    """The ids as a dump of the table lists them: in the order the rows lie in the table."""
    plaats = "ctid" if connection.vendor == "postgresql" else "rowid"
    tabel = connection.ops.quote_name(Adviesvraag._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {tabel} ORDER BY {plaats}")  # noqa: S608
        return [Adviesvraag._meta.pk.to_python(rij[0]) for rij in cursor.fetchall()]


def _xmin(model, sleutel: str = "id") -> dict:
    tabel = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sleutel}, xmin::text::bigint FROM {tabel}")  # noqa: S608
        return dict(cursor.fetchall())


def _alleen_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("xmin is een kolom van PostgreSQL; SQLite bewaart geen transactie-id per rij")


def _wie_sloeg_op_volgens_de_sessies() -> dict:
    """The attack: a session row is written again just after each request, so the row written last
    before it is of that session's user; its pseudonym then gives every other row of hers."""
    rijen = _xmin(Adviesvraag)
    pseudoniem = dict(Adviesvraag.objects.values_list("pk", "pseudoniem"))
    gebruiker_van = {}
    for sleutel, sessie_xmin in _xmin(Session, "session_key").items():
        ervoor = [(xmin, rij_id) for rij_id, xmin in rijen.items() if xmin < sessie_xmin]
        if ervoor:
            gebruiker = int(Session.objects.get(pk=sleutel).get_decoded()["_auth_user_id"])
            gebruiker_van[pseudoniem[max(ervoor)[1]]] = gebruiker
    return {rij_id: gebruiker_van.get(pseudoniem[rij_id]) for rij_id in rijen}


@pytest.mark.django_db
def test_de_plaats_in_de_tabel_zegt_niet_in_welke_volgorde_rijen_zijn_opgeslagen(vp_client):
    opgeslagen = _opslaan(vp_client, AANTAL)

    assert sorted(opgeslagen) == sorted(_in_tabelvolgorde())
    assert _in_tabelvolgorde() != opgeslagen  # 1 in 30! that a random order is the same
    assert (
        vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).context["pagina"].paginator.count
        == AANTAL
    )


@pytest.mark.django_db(transaction=True)
def test_de_sessierijen_wijzen_geen_rij_toe_aan_wie_haar_opsloeg(client, maak_gebruiker):
    """Two vertrouwenspersonen save in turns; each request writes the saver's session row just after."""
    _alleen_postgresql()
    anna, bram = maak_gebruiker("anna", r.VERTROUWENSPERSOON), maak_gebruiker("bram", r.VERTROUWENSPERSOON)
    clients = {anna.pk: client, bram.pk: client.__class__()}
    for gebruiker in (anna, bram):
        clients[gebruiker.pk].force_login(gebruiker)
    van = {}
    for gebruiker in (anna, bram, anna, bram, anna, bram):
        (rij_id,) = _opslaan(clients[gebruiker.pk])
        van[rij_id] = gebruiker.pk

    toegewezen = _wie_sloeg_op_volgens_de_sessies()

    # All of the day's rows carry the id of the last save: the sessions tell who saved last, not which
    # of the rows she saved, so the attack cannot tell anna's rows from bram's.
    assert len(set(_xmin(Adviesvraag).values())) == 1
    assert toegewezen != van


def _formulier(client, **_):
    _opslaan(client)


def _wijzigen(client, oud, **_):
    data = geldige_invoer(versie=oud.versie, kwartaal="2", jaar="2024", melder_is_beklaagde="")
    assert client.post(reverse("vertrouwenspersonen:wijzigen", args=[oud.pk]), data).status_code == 302


def _snel_bijwerken(client, oud, **_):
    data = {
        f"a{oud.pk}-wijze_van_afdoening": geldige_invoer()["wijze_van_afdoening"],
        f"a{oud.pk}-situatie": geldige_invoer()["situatie"],
        f"a{oud.pk}-versie": oud.versie,
    }
    assert client.post(reverse("vertrouwenspersonen:bijwerken", args=[oud.pk]), data).status_code == 302


def _importeren(client, door, **_):
    inhoud = csv_bytes([rij(), rij(kwartaal="3")])
    services.tellijst_importeren(door=door, upload=lees_upload(upload(inhoud, "tellijst.csv")))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("schrijven", [_formulier, _wijzigen, _snel_bijwerken, _importeren])
def test_elke_manier_van_opslaan_geeft_de_rijen_van_de_dag_een_transactie_id(
    client, maak_gebruiker, schrijven
):
    _alleen_postgresql()
    anna, bram = maak_gebruiker("anna", r.VERTROUWENSPERSOON), maak_gebruiker("bram", r.VERTROUWENSPERSOON)
    client.force_login(anna)
    (oud,) = _opslaan(client)  # anna's row of last week, mixed that night with the rest
    AdviesvraagFactory.create_batch(5)
    services.tellijst_mengen()
    bram_client = client.__class__()
    bram_client.force_login(bram)
    (van_bram,) = _opslaan(bram_client)
    voor = _xmin(Adviesvraag)

    schrijven(client, oud=Adviesvraag.objects.get(pk=oud), door=anna)

    na = _xmin(Adviesvraag)
    nieuw = {rij_id for rij_id, xmin in na.items() if voor.get(rij_id) != xmin}
    assert van_bram in nieuw  # bram's row was written again by anna's save
    assert len({na[rij_id] for rij_id in nieuw}) == 1
    # The rows the nightly mix wrote keep its id: a save does not rewrite the whole table.
    assert len(nieuw) <= 4
    assert set(Adviesvraag.objects.filter(gemengd=False).values_list("pk", flat=True)) == nieuw


@pytest.mark.django_db(transaction=True)
def test_op_een_drukke_dag_herschrijft_opslaan_een_steekproef_met_de_eigen_rij(vp_client, monkeypatch):
    """More rows of the day than MEE_TE_MENGEN: a save costs the same, and its row is still among them."""
    _alleen_postgresql()
    monkeypatch.setattr(mengen, "MEE_TE_MENGEN", 5)
    AdviesvraagFactory.create_batch(20)
    voor = _xmin(Adviesvraag)

    for _ in range(3):
        (eigen,) = _opslaan(vp_client)
        na = _xmin(Adviesvraag)
        herschreven = {rij_id for rij_id, xmin in na.items() if voor.get(rij_id) != xmin}
        assert eigen in herschreven
        assert 5 <= len(herschreven) <= 6  # the draw may have taken its own row as well
        assert len({na[rij_id] for rij_id in herschreven}) == 1
        voor = na


@pytest.mark.django_db(transaction=True)
def test_vertrouwenspersonen_die_tegelijk_opslaan_verliezen_niets(maak_gebruiker):
    """Saves that rewrite the day's rows at the same moment must not copy the same rows back."""
    _alleen_postgresql()
    personen = [maak_gebruiker(f"vp{nummer}", r.VERTROUWENSPERSOON) for nummer in range(4)]
    model = AdviesvraagFactory.build()
    velden = {veld: getattr(model, veld) for veld in ("onderdeel", "hoofdcategorie", "subcategorie")}
    velden |= {veld: getattr(model, veld) for veld in ("wie_betreft", "wijze_van_afdoening", "situatie")}

    def opslaan(persoon):
        for _ in range(8):
            rij = services.adviesvraag_toevoegen(vertrouwenspersoon=persoon, jaar=2024, **velden)
            # A change locks its row, which the mix of someone else's save deletes and writes again.
            services.adviesvraag_wijzigen(adviesvraag=rij, door=persoon, versie=rij.versie, kwartaal=3)

    assert tegelijk(opslaan, personen) == []
    assert list(Adviesvraag.objects.values_list("kwartaal", "versie").distinct()) == [(3, 2)]
    assert Adviesvraag.objects.count() == 32


@pytest.mark.django_db
def test_na_het_mengen_telt_elke_rij_als_gemengd_met_dezelfde_inhoud(vp_client):
    _opslaan(vp_client, AANTAL)
    inhoud_voor = {rij["id"]: rij for rij in Adviesvraag.objects.values()}

    tasks.tellijst_mengen()

    assert not Adviesvraag.objects.filter(gemengd=False).exists()
    # Every row is still there, with the same id, version and pseudonym: open pages and lists still work.
    assert {rij["id"]: rij | {"gemengd": False} for rij in Adviesvraag.objects.values()} == inhoud_voor
    assert (
        vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).context["pagina"].paginator.count
        == AANTAL
    )


@pytest.mark.django_db(transaction=True)
def test_na_het_mengen_sorteert_de_transactie_id_geen_rij_meer_tussen_de_auditregels(
    vp_client, maak_gebruiker
):
    _alleen_postgresql()
    _opslaan(vp_client, 2)
    audit_vastleggen(gebruiker=maak_gebruiker("analist", r.OIF_ANALIST), actie=AuditRegel.Actie.INGELOGD)

    services.tellijst_mengen()

    rijen = _xmin(Adviesvraag)
    assert len(set(rijen.values())) == 1
    assert all(xmin > max(_xmin(AuditRegel).values()) for xmin in rijen.values())
