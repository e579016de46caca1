"""The current-year view counts the Tellijst per month from the publications only.

A publication keeps its total per year (GepubliceerdJaartotaal) after its detailed counts are removed;
a month's figure is the total at its last publication minus that at the publication before. Rows count
in the month they were published, a month without a publication has no figure, and a saved row
changes nothing until the next publication (and while fewer than TELLIJST_DREMPEL rows of its
onderdeel changed, not then either: test_publicatie_stappen). Every step here changes at least that many.
"""

import datetime
import importlib
import re

import pytest
import time_machine
from django.apps import apps
from django.test import Client
from django.urls import reverse

from rapportage.cijfercache import nieuwe_versie
from rapportage.models import GepubliceerdeTelling, GepubliceerdJaartotaal, Publicatie
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.selectors.overzicht import adviesvragen_per_maand
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen import tellijst
from tests.bouwstenen.tellijst import geldige_invoer
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("rapportage:dashboard")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def publiceren(jaar: int, maand: int, dag: int) -> Publicatie:
    # 6:00 in Amsterdam, as the beat task.
    return tellijst_publiceren(moment=datetime.datetime(jaar, maand, dag, 5, 0, tzinfo=datetime.UTC))


def jaartotalen(publicatie: Publicatie) -> dict:
    return dict(publicatie.jaartotalen.values_list("jaar", "aantal"))


def per_maand(*, jaar: int, tot: datetime.date) -> dict:
    return {m["maand"]: m["aantal"] for m in adviesvragen_per_maand(jaar=jaar, tot=tot)}


def het_jaar_2026() -> None:
    """Publications through 2025 and 2026: a late row of 2025 published in January, no publication in
    February, rows deleted in April."""
    tellijst(30, jaar=2025)
    publiceren(2025, 12, 15)
    tellijst(6, jaar=2026)
    publiceren(2026, 1, 5)
    tellijst(5, jaar=2026)
    tellijst(5, jaar=2025)  # registered late, in January
    publiceren(2026, 1, 26)
    tellijst(8, jaar=2026)
    publiceren(2026, 3, 2)
    Adviesvraag.objects.filter(pk__in=Adviesvraag.objects.filter(jaar=2026).values("pk")[:5]).delete()
    publiceren(2026, 4, 6)
    tellijst(7, jaar=2026)
    publiceren(2026, 5, 4)


# --- The totals ---------------------------------------------------------------------------------------


def test_een_publicatie_bewaart_het_totaal_per_jaar_ook_na_het_opruimen_van_de_tellingen():
    tellijst(6, jaar=2025, onderdeel="douane")
    tellijst(2, jaar=2025, onderdeel="toeslagen", sub="1-fraude")
    tellijst(3, jaar=2024)
    eerste = publiceren(2025, 6, 2)

    assert jaartotalen(eerste) == {2025: 8, 2024: 3}, "één totaal per jaar, zonder onderdeel of categorie"

    tellijst(1, jaar=2025)
    publiceren(2025, 6, 9)
    publiceren(2025, 6, 16)
    assert not GepubliceerdeTelling.objects.filter(publicatie=eerste).exists(), "de tellingen zijn opgeruimd"
    assert jaartotalen(eerste) == {2025: 8, 2024: 3}, "het jaartotaal blijft"


def test_het_jaar_van_de_publicatie_krijgt_ook_zonder_rijen_een_totaal():
    tellijst(5, jaar=2025)
    assert jaartotalen(publiceren(2026, 1, 5)) == {2025: 5, 2026: 0}, "0 is bekend, niet onbekend"


def test_de_migratie_vult_de_totalen_van_publicaties_die_hun_tellingen_nog_hebben():
    tellijst(6, jaar=2025)
    oud = publiceren(2025, 6, 2)  # its counts are removed by the third publication
    tellijst(2, jaar=2024)
    vorige = publiceren(2025, 6, 9)
    Adviesvraag.objects.all().delete()
    laatste = publiceren(2025, 6, 16)  # an empty Tellijst: no counts at all
    GepubliceerdJaartotaal.objects.all().delete()

    migratie = importlib.import_module("rapportage.migrations.0012_gepubliceerd_jaartotaal")
    migratie.jaartotalen_vullen(apps, None)

    assert jaartotalen(vorige) == {2025: 6, 2024: 2}
    assert jaartotalen(laatste) == {2025: 0}, "een van de laatste twee zonder tellingen was leeg"
    assert jaartotalen(oud) == {}, "zonder tellingen is het totaal onbekend, geen 0"


# --- Per month ----------------------------------------------------------------------------------------


def test_per_maand_het_verschil_tussen_de_laatste_publicaties_van_de_maanden():
    het_jaar_2026()

    assert per_maand(jaar=2026, tot=datetime.date(2026, 6, 20)) == {
        1: 11,  # from zero; the late rows of 2025 count for 2025, not here
        2: None,  # no publication: nothing, not 0
        3: 8,  # since the last publication of January
        4: -5,  # rows deleted
        5: 7,
        6: None,  # not published yet this month
    }
    maart = adviesvragen_per_maand(jaar=2026, tot=datetime.date(2026, 6, 20))[2]
    assert (maart["sinds"], maart["tot"]) == ("2026-01-26", "2026-03-02")
    assert sum(n for n in per_maand(jaar=2026, tot=datetime.date(2026, 5, 31)).values() if n) == 21, (
        "samen het laatst gepubliceerde totaal"
    )


def test_een_rij_van_vorig_jaar_gepubliceerd_in_januari_telt_voor_vorig_jaar():
    het_jaar_2026()
    januari = Publicatie.objects.get(gepubliceerd_op__date=datetime.date(2026, 1, 26))

    assert jaartotalen(januari) == {2025: 35, 2026: 11}
    assert per_maand(jaar=2025, tot=datetime.date(2025, 12, 31))[12] == 30, "2025 telt zijn eigen publicaties"


def test_een_maand_waarvan_een_totaal_verborgen_was_is_verborgen(settings):
    settings.TELLIJST_DREMPEL = 5
    tellijst(3, jaar=2026)
    publiceren(2026, 1, 26)  # 3: hidden on the dashboard
    tellijst(6, jaar=2026)
    publiceren(2026, 2, 23)  # 9 - 3 would give the hidden 3 away
    tellijst(5, jaar=2026)
    publiceren(2026, 3, 30)

    assert per_maand(jaar=2026, tot=datetime.date(2026, 3, 31)) == {1: VERBORGEN, 2: VERBORGEN, 3: 5}


def test_zonder_bewaard_totaal_is_de_maand_onbekend():
    tellijst(6, jaar=2026)
    publiceren(2026, 1, 26)
    tellijst(6, jaar=2026)
    februari = publiceren(2026, 2, 23)
    publiceren(2026, 3, 30)
    februari.jaartotalen.all().delete()  # as a publication from before the totals were kept

    assert per_maand(jaar=2026, tot=datetime.date(2026, 3, 31)) == {1: 6, 2: None, 3: None}


# --- The dashboard ------------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 6, 20, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_het_dashboard_toont_de_grafiek_en_de_tabel_per_maand(client, coordinator, coordinator_douane):
    het_jaar_2026()
    client.force_login(coordinator)
    html = client.get(DASHBOARD).content.decode()
    lopend = html.split('id="lopend-kop"')[1].split("</section>")[0]

    assert 'aria-label="Geregistreerd in de Tellijst per maand in 2026"' in lopend
    svg = lopend.split('aria-label="Geregistreerd in de Tellijst per maand in 2026"')[1].split("</svg>")[0]
    assert "januari: 11; maart: 8; mei: 7" in svg, "geen staaf voor februari, april en juni"
    rijen = re.findall(
        r'<th scope="row" class="fw-normal">(\w+)</th><td>([^<]*)</td><td class="getal">([^<]*)', lopend
    )
    assert rijen[:6] == [
        ("januari", "begin 2026 – 26-01", "11"),
        ("februari", "", "geen publicatie"),
        ("maart", "26-01 – 02-03", "8"),
        ("april", "02-03 – 06-04", "−5"),
        ("mei", "06-04 – 04-05", "7"),
        ("juni", "", "geen publicatie"),
    ]
    assert 'id="tellijst-gedaald"' in lopend, "een maand met een min wordt uitgelegd"

    client.force_login(coordinator_douane)
    lopend = client.get(DASHBOARD).content.decode().split('id="lopend-kop"')[1].split("</section>")[0]
    assert "Geregistreerd in de Tellijst per maand" not in lopend, "het totaal van het ministerie niet"
    assert "Per maand alleen voor het hele ministerie" in lopend


# --- The attack ---------------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 3, 18, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_wie_een_rij_opslaat_en_alles_leest_ziet_niets_tot_de_volgende_publicatie(
    client, coordinator, vertrouwenspersoon
):
    """An insider saves a Tellijst row and then reads the dashboard, the figures behind it and the new
    table itself, each time computed afresh (the cache forgotten, as a save's commit would): nothing
    moves until the next publication, which counts the row in the month it is published in."""
    tellijst(6, jaar=2026)
    publiceren(2026, 1, 26)
    tellijst(5, jaar=2026)
    publiceren(2026, 2, 23)
    tellijst(5, jaar=2026)
    publiceren(2026, 3, 16)
    client.force_login(coordinator)

    def waarneming() -> dict:
        nieuwe_versie()
        return {
            "dashboard": CSRF.sub("", client.get(DASHBOARD).content.decode()),
            "per maand": adviesvragen_per_maand(jaar=2026, tot=datetime.date(2026, 3, 18)),
            "tabel": list(GepubliceerdJaartotaal.objects.order_by("pk").values()),
        }

    voor = waarneming()
    assert "maart: 5" in voor["dashboard"]

    vp = Client()  # her own browser
    vp.force_login(vertrouwenspersoon)
    invoer = geldige_invoer(jaar="2026", kwartaal="1")
    assert vp.post(reverse("vertrouwenspersonen:invoeren"), invoer).status_code == 302
    assert Adviesvraag.objects.filter(jaar=2026).count() == 17, "de rij is opgeslagen"

    na = waarneming()
    for soort in voor:
        assert na[soort] == voor[soort], f"{soort} veranderde door een opgeslagen rij"

    tellijst(4, jaar=2026, onderdeel="belastingdienst")  # with hers, enough to be counted at once
    publiceren(2026, 3, 23)
    assert per_maand(jaar=2026, tot=datetime.date(2026, 3, 23))[3] == 10, "de rij telt bij de publicatie"
