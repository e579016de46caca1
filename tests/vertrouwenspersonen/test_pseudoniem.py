"""A Tellijst row cannot be traced to its vertrouwenspersoon without the key, not even from a full dump.

The attacker here holds every table of the database (as `dumpdata` writes it: users, sessions, audit
trail, register, taxonomies) but not TELLIJST_SLEUTEL, which lives in the environment. With the key,
the application still finds each user's own rows.
"""

import hashlib
import hmac
import json
import re
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from finintegriteit.kern import rollen as r
from tests.bouwstenen.tellijst import TELLIJST_OPEN, geldige_invoer
from tests.factories import AdviesvraagFactory, gesloten
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.selectors import adviesvragen_van

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

URL = reverse("vertrouwenspersonen:mijn_adviesvragen")


@pytest.fixture
def twee(maak_gebruiker):
    return maak_gebruiker("vp-anna", r.VERTROUWENSPERSOON), maak_gebruiker("vp-bram", r.VERTROUWENSPERSOON)


def _registreren(client, gebruiker) -> None:
    """One row through the form, one through the import, and a quick update: every way a row is written."""
    client.force_login(gebruiker)
    assert client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer()).status_code == 302
    client.post(reverse("vertrouwenspersonen:importeren"), {"bestand": upload(csv_bytes([rij()]))})
    client.post(reverse("vertrouwenspersonen:importeren_bevestigen"))
    eigen = adviesvragen_van(gebruiker=gebruiker).first()
    nieuw = gesloten()
    client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[eigen.pk]),
        {
            f"a{eigen.pk}-wijze_van_afdoening": nieuw["wijze_van_afdoening"].pk,
            f"a{eigen.pk}-situatie": nieuw["situatie"].pk,
            f"a{eigen.pk}-versie": eigen.versie,
        },
    )


def _dump() -> list[dict]:
    import io

    uit = io.StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=uit)
    return json.loads(uit.getvalue())


def _waarden(obj) -> set[str]:
    """Every scalar in a piece of the dump, as text (the candidate keys and ids of the attacker)."""
    if isinstance(obj, dict):
        return set().union(*(_waarden(v) for v in obj.values())) if obj else set()
    if isinstance(obj, list):
        return set().union(*(_waarden(v) for v in obj)) if obj else set()
    return {str(obj)}


def _zonder_sleutel_af_te_leiden(gebruiker, kandidaat_sleutels) -> set[str]:
    """What an attacker can compute for a user from the dump alone: plain hashes of what identifies
    the user, and HMACs with every value of the dump tried as the key."""
    kenmerken = {str(gebruiker.pk), gebruiker.username, f"tellijst-eigenaar:{gebruiker.pk}"}
    afgeleid = set(kenmerken)
    for kenmerk in kenmerken:
        for algoritme in ("md5", "sha1", "sha256", "sha512"):
            afgeleid.add(hashlib.new(algoritme, kenmerk.encode()).hexdigest())
        for sleutel in kandidaat_sleutels:
            afgeleid.add(hmac.new(sleutel.encode(), kenmerk.encode(), hashlib.sha256).hexdigest())
    return afgeleid


def test_een_volledige_dump_zonder_sleutel_wijst_geen_rij_aan_een_vertrouwenspersoon_toe(client, twee):
    anna, bram = twee
    _registreren(client, anna)
    _registreren(client, bram)
    assert Adviesvraag.objects.count() == 4

    dump = _dump()
    rijen = [o for o in dump if o["model"] == "vertrouwenspersonen.adviesvraag"]
    overige = [o for o in dump if o["model"] != "vertrouwenspersonen.adviesvraag"]
    assert len(rijen) == 4

    # 1. No column of a row holds a user, and no other table mentions a row (so none joins one to a person).
    for rij_ in rijen:
        assert set(rij_["fields"]) == {
            "jaar", "kwartaal", "onderdeel", "hoofdcategorie", "subcategorie", "wie_betreft",
            "wijze_van_afdoening", "situatie", "melder_is_beklaagde", "evaluatielink", "pseudoniem", "versie",
            "gemengd",
        }  # fmt: skip
    alles_behalve_rijen = json.dumps(overige)
    for rij_ in rijen:
        assert rij_["pk"] not in alles_behalve_rijen, "een andere tabel verwijst naar een Tellijstrij"

    # 2. The pseudonym is nothing the attacker can compute: not a plain hash of the user's id or name,
    #    not an HMAC under any value found anywhere in the dump (SECRET_KEY-signed sessions included).
    kandidaten = _waarden(overige) - {""}
    pseudoniemen = {rij_["fields"]["pseudoniem"] for rij_ in rijen}
    assert len(pseudoniemen) == 2
    for gebruiker in (anna, bram):
        assert pseudoniemen.isdisjoint(_zonder_sleutel_af_te_leiden(gebruiker, kandidaten)), gebruiker

    # 3. Apart from the pseudonym, the rows of the two vertrouwenspersonen are indistinguishable.
    def zonder_eigenaar(rij_):
        return json.dumps({k: v for k, v in rij_["fields"].items() if k != "pseudoniem"}, sort_keys=True)

    per_pseudoniem = {}
    for rij_ in rijen:
        per_pseudoniem.setdefault(rij_["fields"]["pseudoniem"], []).append(zonder_eigenaar(rij_))
    assert len({tuple(sorted(v)) for v in per_pseudoniem.values()}) == 1

    # 4. The sessions hold nothing of a row (the last period and onderdeel stay in the browser).
    for sessie in Session.objects.all():
        assert not [k for k in sessie.get_decoded() if k.startswith("tellijst") and k != "tellijst_import"]


def test_met_de_sleutel_ziet_ieder_alleen_de_eigen_rijen_zonder_geen(client, twee):
    anna, bram = twee
    van_anna = AdviesvraagFactory.create_batch(2, eigenaar=anna)
    AdviesvraagFactory(eigenaar=bram)
    client.force_login(anna)
    assert {v.pk for v, *_ in client.get(URL).context["regels"]} == {v.pk for v in van_anna}
    # Another key (a stolen dump loaded elsewhere) finds no owner for any row.
    with override_settings(TELLIJST_SLEUTEL="een-andere-sleutel"):
        assert list(client.get(URL).context["regels"]) == []
        eigen = van_anna[0]
        assert client.get(reverse("vertrouwenspersonen:wijzigen", args=[eigen.pk])).status_code == 404


def test_urls_en_kenmerken_zeggen_niets_over_volgorde_of_aantal(client, twee):
    anna, bram = twee
    eerst = AdviesvraagFactory(eigenaar=anna)
    AdviesvraagFactory.create_batch(5, eigenaar=bram)  # others' rows in between
    daarna = AdviesvraagFactory(eigenaar=anna)
    client.force_login(anna)
    pagina = client.get(URL).content.decode()
    assert not re.search(r"/tellijst/\d+/", pagina), "een volgnummer in een URL"
    for vraag in (eerst, daarna):
        assert uuid.UUID(str(vraag.pk)).version == 4
        assert f"/tellijst/{vraag.pk}/wijzigen/" in pagina
        assert vraag.kenmerk in pagina
    # Nothing in the table counts: the rows carry no number that grows with each registration.
    assert not [
        veld.name
        for veld in Adviesvraag._meta.concrete_fields
        if veld.get_internal_type().endswith("AutoField")
    ]


def test_de_laatste_periode_en_het_onderdeel_blijven_staan_zonder_de_sessie(client, vertrouwenspersoon):
    client.force_login(vertrouwenspersoon)
    client.post(
        reverse("vertrouwenspersonen:invoeren"),
        geldige_invoer(jaar="2024", kwartaal="3", melder_is_beklaagde=""),
    )
    assert client.get(reverse("vertrouwenspersonen:invoeren")).context["form"].initial["kwartaal"] == 3
    assert not [k for k in client.session.keys() if k.startswith("tellijst")]


def test_sleutel_vervangen_met_vorige_sleutel_en_hersleutelen(client, twee, settings):
    # Only through the settings fixture: mixed with @override_settings, the fixture's teardown put the
    # decorator's key back for the rest of the session, and later tests pseudonymised with it.
    settings.TELLIJST_SLEUTEL = "oude-sleutel"
    anna, bram = twee
    AdviesvraagFactory.create_batch(2, eigenaar=anna)
    AdviesvraagFactory(eigenaar=bram)
    settings.TELLIJST_SLEUTEL, settings.TELLIJST_VORIGE_SLEUTEL = "nieuwe-sleutel", "oude-sleutel"
    # During the rotation the rows are found under either key.
    assert adviesvragen_van(gebruiker=anna).count() == 2
    call_command("tellijst_hersleutelen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(Adviesvraag.objects.values_list("pseudoniem", flat=True)) == {
        pseudoniem_van(anna),
        pseudoniem_van(bram),
    }
    settings.TELLIJST_VORIGE_SLEUTEL = ""
    assert adviesvragen_van(gebruiker=anna).count() == 2
    assert adviesvragen_van(gebruiker=bram).count() == 1
    with pytest.raises(CommandError, match="TELLIJST_VORIGE_SLEUTEL"):
        call_command("tellijst_hersleutelen")
