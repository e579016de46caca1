"""The dashboard keeps its figures in the cache until a change that can alter one of them commits.

Every write path is tried as a user or a service performs it: .save, .delete, the admin, queryset
.update(), bulk_create and plain SQL; none of them tells the cache anything itself. A test transaction
never commits, so each write runs inside `django_capture_on_commit_callbacks(execute=True)`, which
runs what a commit would run.
"""

import datetime
import re
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from afdoeningen.services import afdoening_vastleggen
from finintegriteit import settings as instellingen
from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import Importbestand
from finintegriteit.referentie import models as ref
from meldingen.models import Melding
from meldingen.services.status import melding_status_wijzigen
from rapportage import cijfercache
from rapportage.models import Kerncijfers
from tests.afdoeningen.registerbestanden import als_csv, regel
from tests.bouwstenen import afgedaan, dashboard_met_tabellen, melding
from tests.bouwstenen import tellijst as tellijst_rijen
from tests.bouwstenen.tellijst import tellijst_gepubliceerd
from tests.factories import KerncijfersFactory
from tests.vertrouwenspersonen import bestanden
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("rapportage:dashboard")
# Session, user, groups, profile, the second login step, the year list of the form: what any
# coordinator page costs.
PAGINA_ZONDER_CIJFERS = 9
# Tables only the figures read; a cached dashboard must not touch them.
GETELDE_TABELLEN = ["vertrouwenspersonen_adviesvraag", "meldingen_melding", "afdoeningen_afdoening"]


def dashboard(client, jaar=2024):
    return dashboard_met_tabellen(client, jaar=jaar)


def cel(antwoord, sleutel: str, label: str) -> int | None:
    """The first figure of a row of one table, as the page shows it (None: no such row, or no number)."""
    waarde = celtekst(antwoord, sleutel, label).replace(".", "")
    return int(waarde) if waarde.isdigit() else None


GEEN_GEGEVENS = "geen gegevens geregistreerd"  # a part without rows in the year: said, not 0


def celtekst(antwoord, sleutel: str, label: str) -> str:
    pagina = antwoord.content.decode()
    begin = pagina.find('href="' + reverse("rapportage:xlsx", args=[sleutel]) + "?")
    if begin < 0:
        return ""
    tabel = pagina[begin : pagina.index("</table>", begin)]
    rij = re.search(
        rf'<th scope="row" class="[^"]*">{re.escape(escape(label))}</th><td class="[^"]*">([^<]*)<', tabel
    )
    return rij.group(1).strip() if rij else ""


def adviesvragen(antwoord):
    return cel(antwoord, "kerncijfers", "Adviesvragen bij vertrouwenspersonen")


@pytest.fixture
def ingelogd(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def vastgelegd(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed (a test transaction never does).

    The setup's writes count as committed before the first read: their pending bump is dropped, or
    it would stand in for the bump of the write under test (one per transaction is enough).
    """

    def vastleggen():
        connection.run_on_commit = [
            c for c in connection.run_on_commit if c[1] != cijfercache._VERSIE.vervangen
        ]
        return django_capture_on_commit_callbacks(execute=True)

    return vastleggen


# --- Reading --------------------------------------------------------------------------------------------


def test_een_tweede_bezoek_rekent_de_cijfers_niet_opnieuw(ingelogd, django_assert_max_num_queries):
    tellijst_gepubliceerd(3)
    eerste = dashboard(ingelogd)
    assert adviesvragen(eerste) == 3

    with CaptureQueriesContext(connection) as queries:
        with django_assert_max_num_queries(PAGINA_ZONDER_CIJFERS):
            ingelogd.get(DASHBOARD, {"jaar": 2024})
        with django_assert_max_num_queries(PAGINA_ZONDER_CIJFERS):  # one chapter's tables, opened
            ingelogd.get(reverse("rapportage:hoofdstuk_tabellen", args=["kerncijfers"]), {"jaar": 2024})
        tweede = dashboard(ingelogd)

    assert adviesvragen(tweede) == 3
    gelezen = " ".join(q["sql"] for q in queries.captured_queries)
    assert not [t for t in GETELDE_TABELLEN if t in gelezen], "de cijfers kwamen niet uit de cache"
    assert "Cijfers van de Tellijst zoals gepubliceerd op" in tweede.content.decode()


def test_wat_een_proces_van_de_cijfers_bouwde_leeft_niet_langer_dan_de_regel_in_de_cache(ingelogd):
    """A process keeps the chapters it built while the shared entry lives; once that is gone (expired
    after CIJFERS_CACHE_SECONDEN, or Redis flushed), the next visit computes again, so a change made
    outside Django is seen after that time in every process."""
    tellijst_gepubliceerd(3)
    dashboard(ingelogd)
    with CaptureQueriesContext(connection) as queries:
        ingelogd.get(DASHBOARD, {"jaar": 2024})
    assert "meldingen_melding" not in " ".join(q["sql"] for q in queries.captured_queries)

    cache.delete_many([sleutel for sleutel, _waarde in bewaarde_regels().values()])
    with CaptureQueriesContext(connection) as queries:
        antwoord = ingelogd.get(DASHBOARD, {"jaar": 2024})

    assert "meldingen_melding" in " ".join(q["sql"] for q in queries.captured_queries), (
        "niet opnieuw berekend"
    )
    assert adviesvragen(dashboard(ingelogd)) == 3
    assert antwoord.status_code == 200


def _tegelijk(bereken):
    """Two visits that miss the same entry: the second starts while the first is computing."""
    begonnen, mag_eindigen = threading.Event(), threading.Event()
    uitkomsten = []

    def eerste_berekening():
        begonnen.set()
        mag_eindigen.wait(5)
        return bereken()

    def bezoek(functie):
        try:
            uitkomsten.append(cijfercache.gecachet("proef", delen=(2024,), onderdeel=None, bereken=functie))
        except RuntimeError as fout:
            uitkomsten.append(str(fout))

    eerste = threading.Thread(target=bezoek, args=[eerste_berekening])
    eerste.start()
    assert begonnen.wait(5)
    tweede = threading.Thread(target=bezoek, args=[bereken])
    tweede.start()
    # Long enough for the second visit to miss and, without the wait, to compute beside the first.
    time.sleep(0.3)
    mag_eindigen.set()
    eerste.join(10)
    tweede.join(10)
    return uitkomsten


def test_wie_tegelijk_mist_wacht_op_de_berekening_van_een_ander_proces(settings):
    settings.CIJFERS_CACHE_SECONDEN = 60
    berekeningen = []

    def bereken():
        berekeningen.append(1)
        return {"proef": {"adviesvragen": 7}}

    assert _tegelijk(bereken) == [{"adviesvragen": 7}, {"adviesvragen": 7}]
    assert len(berekeningen) == 1, "de tweede rekende hetzelfde jaar nog eens uit"


def test_mislukt_de_berekening_van_een_ander_dan_rekent_wie_wachtte_zelf(settings):
    settings.CIJFERS_CACHE_SECONDEN = 60
    berekeningen = []

    def bereken():
        berekeningen.append(1)
        if len(berekeningen) == 1:
            raise RuntimeError("database weg")
        return {"proef": {"adviesvragen": 7}}

    assert sorted(map(str, _tegelijk(bereken))) == sorted(["database weg", str({"adviesvragen": 7})])
    assert len(berekeningen) == 2


def test_de_xlsx_van_een_tabel_leest_dezelfde_cijfers_uit_de_cache(ingelogd, django_assert_max_num_queries):
    tellijst_gepubliceerd(2)
    dashboard(ingelogd)

    with django_assert_max_num_queries(PAGINA_ZONDER_CIJFERS):
        antwoord = ingelogd.get(reverse("rapportage:xlsx", args=["kerncijfers"]), {"jaar": 2024})

    assert antwoord.status_code == 200


def test_elk_jaar_en_elk_onderdeel_heeft_zijn_eigen_cijfers(client, coordinator, coordinator_douane):
    # At or above the threshold: small Tellijst counts of one onderdeel are hidden (test_afscherming.py).
    tellijst_gepubliceerd(6, onderdeel="douane")
    tellijst_gepubliceerd(5, onderdeel="belastingdienst")
    tellijst_gepubliceerd(7, jaar=2023)
    client.force_login(coordinator)
    assert adviesvragen(dashboard(client)) == 11
    assert adviesvragen(dashboard(client, jaar=2023)) == 7
    client.force_login(coordinator_douane)
    assert adviesvragen(dashboard(client)) == 6


def oif_meldingen(antwoord):
    return cel(antwoord, "kerncijfers", "Meldingen bij het OIF")


def test_de_pdf_rekent_altijd_met_de_gegevens_van_dat_moment(ingelogd):
    melding()
    assert oif_meldingen(dashboard(ingelogd)) == 1
    melding()  # not committed: the dashboard's version stays, the PDF must see the melding anyway

    html = ingelogd.get(reverse("rapportage:voorbeeld"), {"jaar": 2024}).content.decode()

    assert oif_meldingen(dashboard(ingelogd)) == 1, "zonder commit geen nieuwe versie"
    kern = html.split('id="kerncijfers"', 1)[1]
    assert re.search(r"Meldingen bij het OIF</t[hd]>\s*<td[^>]*>2<", kern), kern[:1500]


def test_zonder_bereikbare_cache_rekent_het_dashboard_gewoon(ingelogd, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def onbereikbaar(*args, **kwargs):
        raise RedisConnectionError("weg")

    tellijst_gepubliceerd(2)
    monkeypatch.setattr(cache, "get", onbereikbaar)
    monkeypatch.setattr(cache, "set", onbereikbaar)
    assert adviesvragen(dashboard(ingelogd)) == 2
    cijfercache.nieuwe_versie()  # a bump after a commit must not fail the write either


# --- Every kind of write makes the next read compute afresh ---------------------------------------------


def test_een_statuswijziging_van_een_melding_via_update(ingelogd, analist, vastgelegd):
    afdoening = afgedaan(onderzoek="geen-onderzoek")
    m = afdoening.betrokkene.melding
    Melding.objects.filter(pk=m.pk).update(status=Melding.Status.IN_BEOORDELING, afgedaan_op=None)
    m.refresh_from_db()
    assert cel(dashboard(ingelogd), "oif-onderzoek", "Volledig feitenonderzoek") in (0, None)
    assert cel(dashboard(ingelogd), "oif-onderzoek", "Geen onderzoek") == 1

    with vastgelegd():
        melding_status_wijzigen(
            melding=m,
            door=analist,
            naar=Melding.Status.VOLLEDIG_FEITENONDERZOEK,
            reden="Nader onderzoek.",
            versie=m.versie,
        )

    na = dashboard(ingelogd)
    assert cel(na, "oif-onderzoek", "Volledig feitenonderzoek") == 1
    assert cel(na, "oif-onderzoek", "Geen onderzoek") in (0, None)


def test_een_afdoening_vastgelegd_en_gewijzigd(ingelogd, analist, vastgelegd):
    m = melding(onderzoek="geen-onderzoek")
    betrokkene = m.betrokkenen.create(dienstonderdeel=m.dienstonderdeel)
    afgedane = "Afgedane (vermoedelijke) integriteitsschendingen"
    assert celtekst(dashboard(ingelogd), "kerncijfers", afgedane) == GEEN_GEGEVENS
    waarden = {
        "schending": ref.SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
        "aangetoond": True,
        "type": ref.AfdoeningType.objects.get(code="corrigerend-gesprek"),
        "datum": datetime.date(2024, 6, 1),
        "inhoud": "Ongewenste omgangsvormen medewerker.",
    }

    with vastgelegd():
        afdoening_vastleggen(betrokkene=betrokkene, door=analist, versie=0, **waarden)

    assert cel(dashboard(ingelogd), "kerncijfers", afgedane) == 1

    with vastgelegd():  # a change is written with a queryset .update()
        afdoening_vastleggen(
            betrokkene=betrokkene, door=analist, versie=1, **{**waarden, "datum": datetime.date(2025, 1, 15)}
        )

    assert celtekst(dashboard(ingelogd), "kerncijfers", afgedane) == GEEN_GEGEVENS


def test_een_kerncijfer_gewijzigd_in_de_beheeromgeving(client, coordinator, beheerder, vastgelegd):
    kern = KerncijfersFactory(jaar=2024, medewerkers_totaal=1000)
    client.force_login(coordinator)
    assert cel(dashboard(client), "kerncijfers", "Medewerkers") == 1000

    client.force_login(beheerder)
    url = reverse("admin:rapportage_kerncijfers_change", args=[kern.pk])
    formulier = client.get(url).context["adminform"].form
    gegevens = {naam: waarde for naam, waarde in formulier.initial.items() if waarde is not None}
    for inline in client.get(url).context["inline_admin_formsets"]:
        beheer = inline.formset.management_form
        gegevens |= {f"{beheer.prefix}-{veld}": beheer[veld].value() for veld in beheer.fields}
    with vastgelegd():
        antwoord = client.post(url, {**gegevens, "jaar": 2024, "medewerkers_totaal": 1200})
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]

    client.force_login(coordinator)
    assert cel(dashboard(client), "kerncijfers", "Medewerkers") == 1200


def test_een_import_van_het_oif_register(client, coordinator, analist, vastgelegd):
    client.force_login(coordinator)
    assert celtekst(dashboard(client), "kerncijfers", "Meldingen bij het OIF") == GEEN_GEGEVENS

    client.force_login(analist)
    client.post(
        reverse("afdoeningen:importeren"),
        {"bestand": bestanden.upload(als_csv([regel(), regel()]), "register.csv")},
    )
    with vastgelegd():
        antwoord = client.post(
            reverse("afdoeningen:bevestigen", kwargs={"pk": Importbestand.objects.get().pk})
        )
    assert antwoord.status_code == 302 and Melding.objects.count() == 2

    client.force_login(coordinator)
    assert cel(dashboard(client), "kerncijfers", "Meldingen bij het OIF") == 2


def test_een_wijziging_in_kale_sql_maakt_de_cijfers_ook_ongeldig(ingelogd, vastgelegd):
    """No service has to say that it wrote: the statement itself is seen (kern.schrijfacties)."""
    tellijst_gepubliceerd(6)
    assert adviesvragen(dashboard(ingelogd)) == 6
    with vastgelegd():
        KerncijfersFactory(jaar=2024, medewerkers_totaal=10)
    assert cel(dashboard(ingelogd), "kerncijfers", "Medewerkers") == 10

    with vastgelegd(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Kerncijfers._meta.db_table} SET medewerkers_totaal = 25")

    assert cel(dashboard(ingelogd), "kerncijfers", "Medewerkers") == 25


def test_een_teruggedraaide_wijziging_maakt_de_cijfers_niet_ongeldig(
    ingelogd, vastgelegd, django_assert_max_num_queries
):
    tellijst_gepubliceerd(1)
    assert adviesvragen(dashboard(ingelogd)) == 1
    versie = cache.get(cijfercache.VERSIE_SLEUTEL)

    with vastgelegd() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            tellijst_gepubliceerd(5)
            raise RuntimeError("teruggedraaid")

    assert callbacks == [], "een teruggedraaide transactie mag niets ongeldig maken"
    assert cache.get(cijfercache.VERSIE_SLEUTEL) == versie
    with django_assert_max_num_queries(PAGINA_ZONDER_CIJFERS):
        ingelogd.get(DASHBOARD, {"jaar": 2024})
    assert adviesvragen(dashboard(ingelogd)) == 1


def test_een_transactie_met_veel_rijen_maakt_de_cijfers_een_keer_ongeldig(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        tellijst_gepubliceerd(25)
        melding()

    assert len(callbacks) == 1


def test_de_gevolgde_modellen_zijn_alle_tabellen_die_de_cijfers_lezen():
    """A new table read by a cached figure must also be followed; otherwise its changes never reach the
    dashboard. Read as the pages compute them: every entry of the cache, for the ministry and an onderdeel."""
    from django.apps import apps

    from rapportage import inhoud

    KerncijfersFactory(jaar=2024, medewerkers_totaal=1, peildatum_register=datetime.date(2025, 2, 1))
    tellijst_gepubliceerd(2)
    with CaptureQueriesContext(connection) as queries:
        for onderdeel in [None, ref.Onderdeel.objects.get(code="douane")]:
            inhoud.dashboard(jaar=2024, onderdeel=onderdeel, volledig=True)
            inhoud.overzicht(jaar=2024, onderdeel=onderdeel, vandaag=datetime.date(2025, 3, 1))
        inhoud.standaardjaar()
    gelezen = " ".join(q["sql"] for q in queries.captured_queries)
    gevolgd = set(cijfercache.getelde_modellen())

    gelezen_modellen = {m for m in apps.get_models() if re.search(rf'\b"?{m._meta.db_table}"?\b', gelezen)}

    assert {Melding, Kerncijfers} <= gelezen_modellen, "de cijfers zijn niet berekend"
    assert gelezen_modellen - gevolgd == set()


def test_een_opgeslagen_tellijstrij_laat_het_volgende_bezoek_niet_rekenen(ingelogd, vastgelegd):
    """The pages count the Tellijst as last published, so a saved row changes none of their figures; if it
    still made the next visit compute, that visit's time (about a second over ten years of data) would
    tell a coordinator who reloads the dashboard that somebody just saw a vertrouwenspersoon."""
    tellijst_gepubliceerd(3)
    dashboard(ingelogd)

    with vastgelegd():
        tellijst_rijen(1, jaar=2024)
    with CaptureQueriesContext(connection) as queries:
        na = dashboard(ingelogd)

    gelezen = " ".join(q["sql"] for q in queries.captured_queries)
    assert not [t for t in GETELDE_TABELLEN if t in gelezen], (
        "het bezoek na de opgeslagen rij rekende opnieuw"
    )
    assert adviesvragen(na) == 3


# --- Anonymity and configuration ------------------------------------------------------------------------


def test_cache_bevat_niets_dat_een_tellijstrij_aan_een_vertrouwenspersoon_koppelt(
    ingelogd, maak_gebruiker, andere_vertrouwenspersoon
):
    herkenbaar = maak_gebruiker("herkenbare-vertrouwenspersoon", r.VERTROUWENSPERSOON)
    herkenbaar.first_name, herkenbaar.last_name = "Hendrika", "Herkenbaarsma"
    herkenbaar.save()
    tellijst_gepubliceerd(3)
    Adviesvraag.objects.update(pseudoniem=pseudoniem_van(herkenbaar))
    eerst = dashboard(ingelogd)
    ingelogd.get(reverse("rapportage:xlsx", args=["kerncijfers"]), {"jaar": 2024})
    bewaard = bewaarde_regels()
    assert set(bewaard) == {"cijfers", "pagina"}
    # The figures are counts; a bare number could be anybody's, so the identifying strings are checked
    # here and the numbers by recomputing below.
    for verraad in [
        herkenbaar.username,
        "Hendrika",
        "Herkenbaarsma",
        "pseudoniem",
        pseudoniem_van(herkenbaar),
    ]:
        for soort, (sleutel, waarde) in bewaard.items():
            assert verraad not in waarde, (soort, verraad)
            assert verraad not in sleutel, (soort, verraad)

    # Recomputed with the same rows registered by someone else: exactly the same figures and page.
    Adviesvraag.objects.update(pseudoniem=pseudoniem_van(andere_vertrouwenspersoon))
    oude_versie = cache.get(cijfercache.VERSIE_SLEUTEL)
    cijfercache.nieuwe_versie()
    assert cache.get(cijfercache.VERSIE_SLEUTEL) != oude_versie
    daarna = dashboard(ingelogd)
    ingelogd.get(reverse("rapportage:xlsx", args=["kerncijfers"]), {"jaar": 2024})
    opnieuw = bewaarde_regels()
    assert opnieuw["cijfers"][1] == bewaard["cijfers"][1]
    assert opnieuw["pagina"][1] == bewaard["pagina"][1]
    assert adviesvragen(daarna) == adviesvragen(eerst) == 3


def bewaarde_regels(jaar=2024, onderdeel=None) -> dict:
    """Per kind of entry: (key, value) as the cache holds them for the current version."""
    versie = cache.get(cijfercache.VERSIE_SLEUTEL)
    regels = {}
    for soort in ["cijfers", "pagina"]:
        sleutel = cijfercache._sleutel(soort, versie=versie, delen=(jaar,), onderdeel=onderdeel)
        if (waarde := cache.get(sleutel)) is not None:
            regels[soort] = (sleutel, waarde)
    return regels


@pytest.mark.parametrize(
    ("redis_url", "cache_url"),
    [
        ("redis://redis:6379/0", "redis://redis:6379/1"),
        ("redis://redis:6379", "redis://redis:6379/1"),
        (
            "rediss://:geheim@host:6380/15?ssl_cert_reqs=required",
            "rediss://:geheim@host:6380/0?ssl_cert_reqs=required",
        ),
    ],
)
def test_de_cache_gebruikt_een_andere_redis_database_dan_celery(redis_url, cache_url):
    assert instellingen._andere_redis_database(redis_url) == cache_url
