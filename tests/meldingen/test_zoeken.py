"""Searching the werkvoorraad: one box for number, people and words; every status; audited without names."""

import re

import pytest
from django.db.models import F
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Melding
from meldingen.services.aantekeningen import aantekening_toevoegen

pytestmark = pytest.mark.django_db

WERKVOORRAAD = reverse("meldingen:werkvoorraad")


def nummers(antwoord) -> list[str]:
    assert antwoord.status_code == 200
    return re.findall(r'<a href="/meldingen/\d+/">(OIF-\d{4}-\d{4})</a>', antwoord.content.decode())


@pytest.fixture
def zaken(maak_melding, maak_betrokkene, analist):
    eerste = maak_melding(omschrijving="Vermoeden van fraude met declaraties.")
    maak_betrokkene(eerste, naam="José Müller-Åberg", personeelsnummer="7001234")
    tweede = maak_melding(omschrijving="Ongepaste opmerkingen tijdens overleg.")
    maak_betrokkene(tweede, naam="Fatima El Amrani", personeelsnummer="7005678")
    aantekening_toevoegen(melding=tweede, door=analist, tekst="Getuige noemt ook declaraties en vrijgaven.")
    # A closed case: the default werkvoorraad hides it, a search does not.
    gesloten = maak_melding(omschrijving="Lekken van vertrouwelijke stukken.")
    Melding.objects.filter(pk=gesloten.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    return eerste, tweede, gesloten


def test_afgesloten_melding_op_deel_van_het_nummer(analist_client, zaken):
    _, _, gesloten = zaken
    assert gesloten.nummer not in nummers(analist_client.get(WERKVOORRAAD))
    deel = gesloten.nummer.removeprefix("OIF-")  # e.g. 2025-0003
    assert nummers(analist_client.get(WERKVOORRAAD, {"q": deel})) == [gesloten.nummer]
    assert nummers(analist_client.get(WERKVOORRAAD, {"q": gesloten.nummer})) == [gesloten.nummer]


@pytest.mark.parametrize("term", ["muller", "MÜLLER", "jose", "aberg", "José Müller", "müller-åberg"])
def test_naam_in_delen_zonder_hoofdletters_of_accenten(analist_client, zaken, term):
    eerste, _, _ = zaken
    antwoord = analist_client.get(WERKVOORRAAD, {"q": term})
    assert nummers(antwoord) == [eerste.nummer]
    assert "naam betrokkene" in antwoord.content.decode()


def test_personeelsnummer_exact(analist_client, zaken):
    _, tweede, _ = zaken
    antwoord = analist_client.get(WERKVOORRAAD, {"q": "7005678"})
    assert nummers(antwoord) == [tweede.nummer]
    assert "personeelsnummer" in antwoord.content.decode()
    assert nummers(analist_client.get(WERKVOORRAAD, {"q": "700567"})) == []


def test_woorden_in_omschrijving_en_aantekeningen_met_de_reden(analist_client, zaken):
    eerste, tweede, _ = zaken
    antwoord = analist_client.get(WERKVOORRAAD, {"q": "declaraties"})
    assert sorted(nummers(antwoord)) == sorted([eerste.nummer, tweede.nummer])
    html = antwoord.content.decode()
    assert "Gevonden in" in html and "omschrijving" in html and "aantekening" in html


def test_gefilterde_treffers_worden_geteld_en_aangeboden(analist_client, zaken):
    _, _, gesloten = zaken
    antwoord = analist_client.get(WERKVOORRAAD, {"q": "vertrouwelijke", "status": "ontvangen"})
    assert nummers(antwoord) == []
    html = antwoord.content.decode()
    assert "Nog 1 melding met deze zoekterm valt buiten de gekozen filters." in html
    assert 'href="?q=vertrouwelijke"' in html
    assert nummers(analist_client.get(WERKVOORRAAD, {"q": "vertrouwelijke"})) == [gesloten.nummer]


def test_een_veelvoorkomend_woord_wordt_tot_de_telgrens_geteld(analist_client, zaken, monkeypatch):
    """Beyond the limit the page says 'meer dan', pages only through the first hits, and the audit row
    records the same."""
    monkeypatch.setattr("meldingen.zoeken.TELGRENS", 1)
    antwoord = analist_client.get(WERKVOORRAAD, {"q": "declaraties"})
    html = antwoord.content.decode()
    assert "Meer dan 1 meldingen gevonden voor ‘declaraties’" in html
    assert "Alleen de eerste 1 treffers zijn te bladeren." in html
    assert len(nummers(antwoord)) == 1
    assert AuditRegel.objects.get(object_type="zoekopdracht").reden == "meer dan 1 treffers"


def test_boven_de_telgrens_worden_gefilterde_treffers_zonder_aantal_aangeboden(
    analist_client, zaken, monkeypatch
):
    eerste, _, _ = zaken
    monkeypatch.setattr("meldingen.zoeken.TELGRENS", 1)
    antwoord = analist_client.get(
        WERKVOORRAAD, {"q": "declaraties", "dienstonderdeel": eerste.dienstonderdeel_id}
    )
    html = antwoord.content.decode()
    assert "een deel valt mogelijk buiten de gekozen filters" in html
    assert 'href="?q=declaraties"' in html


def test_zoeken_naar_een_persoon_wordt_gelogd_zonder_de_naam(analist_client, analist, zaken):
    analist_client.get(WERKVOORRAAD, {"q": "El Amrani"})
    regel = AuditRegel.objects.get(object_type="zoekopdracht")
    assert (regel.gebruiker, regel.actie, regel.reden) == (analist, AuditRegel.Actie.BEKEKEN, "1 treffer")
    assert "naam" in regel.velden
    assert "amrani" not in str(list(AuditRegel.objects.values())).lower()


def test_zoeken_op_personeelsnummer_logt_het_nummer_niet(analist_client, zaken):
    analist_client.get(WERKVOORRAAD, {"q": "7005678"})
    assert "7005678" not in str(list(AuditRegel.objects.values()))


@pytest.mark.parametrize("term", ["06 1234 5678", "+31612345678", "123 456 789", "12/03/1985", "12.03.1985"])
def test_een_telefoonnummer_bsn_of_geboortedatum_als_zoekterm_komt_niet_in_de_audittrail(
    client, analist_client, beheerder, zaken, term
):
    """Terms that find nothing in the werkvoorraad still name a person: the beheerder, who reads the
    audit trail and its export, must not see them."""
    analist_client.get(WERKVOORRAAD, {"q": term})

    assert AuditRegel.objects.filter(object_type="zoekopdracht").count() == 1
    assert term not in str(list(AuditRegel.objects.values()))
    client.force_login(beheerder)
    assert term not in client.get(reverse("meldingen:audit")).content.decode()


def test_zoeken_op_meldingsnummer_logt_het_nummer(analist_client, zaken):
    _, _, gesloten = zaken
    analist_client.get(WERKVOORRAAD, {"q": gesloten.nummer})
    assert AuditRegel.objects.get(object_type="zoekopdracht").object_id == gesloten.nummer


def test_kolommen_sorteren(analist_client, zaken):
    eerste, tweede, gesloten = zaken
    oplopend = nummers(analist_client.get(WERKVOORRAAD, {"status": "alle", "sorteer": "nummer"}))
    assert oplopend == [eerste.nummer, tweede.nummer, gesloten.nummer]
    html = analist_client.get(WERKVOORRAAD, {"status": "alle", "sorteer": "nummer"}).content.decode()
    kop = '<a id="sorteer-nummer" href="?status=alle&amp;sorteer=-nummer#sorteer-nummer">Nummer'
    assert f'aria-sort="ascending">{kop}' in html
    aflopend = nummers(analist_client.get(WERKVOORRAAD, {"status": "alle", "sorteer": "-nummer"}))
    assert aflopend == oplopend[::-1]


def test_laatste_filters_worden_onthouden_maar_niet_de_zoekterm(analist_client, zaken):
    analist_client.get(WERKVOORRAAD, {"status": "alle", "sorteer": "nummer", "q": "Müller"})
    terug = analist_client.get(WERKVOORRAAD)  # the menu, the start page, a case's breadcrumb
    assert terug.status_code == 302
    assert terug["Location"] == f"{WERKVOORRAAD}?status=alle&sorteer=nummer"
    assert "ller" not in str(dict(analist_client.session))
    analist_client.get(WERKVOORRAAD, {"wissen": "1"})
    assert analist_client.get(WERKVOORRAAD).status_code == 200, "na wissen: de lijst zonder filters"


def test_mijn_zaken_laat_de_filters_van_de_werkvoorraad_staan(analist_client, zaken):
    """Mijn zaken is the werkvoorraad with the analist's own name as a filter; visiting it replaced the
    werkvoorraad's remembered filters with that one."""
    analist_client.get(WERKVOORRAAD, {"status": "alle", "sorteer": "nummer", "per_pagina": "5"})
    analist_client.get(reverse("meldingen:mijn_zaken"))
    terug = analist_client.get(WERKVOORRAAD)
    assert terug["Location"] == f"{WERKVOORRAAD}?status=alle&sorteer=nummer&per_pagina=5"


def test_lege_of_vreemde_zoekterm_geeft_een_nette_pagina(analist_client, zaken):
    for term in ["   ", "%", "'; drop table", "x" * 500, "()"]:
        assert analist_client.get(WERKVOORRAAD, {"q": term}).status_code == 200
