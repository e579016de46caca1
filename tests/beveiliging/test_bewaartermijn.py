"""Retention: after the bewaartermijn the personal data of a closed case go; the figures stay."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from finintegriteit import settings as projectinstellingen
from finintegriteit.kern.models import AuditRegel
from meldingen.models import Betrokkene, MelderIdentiteit, Melding
from meldingen.services.bewaartermijn import GEWIST_VELDEN, persoonsgegevens_wissen
from meldingen.tasks import bewaartermijn_toepassen
from rapportage.selectors import jaarcijfers
from tests.factories import AfdoeningFactory, MelderIdentiteitFactory, StatusOvergangFactory

pytestmark = pytest.mark.django_db

INHOUD = "Medewerker heeft zich ongepast uitgelaten tegen een collega."


@pytest.fixture
def afgedane_zaak(maak_melding, maak_betrokkene):
    def maak(*, afgedaan_op, **extra):
        melding = maak_melding(ontvangen_op=datetime.date(2019, 3, 3), **extra)
        betrokkene = maak_betrokkene(melding, naam="Jan Jansen", personeelsnummer="123456")
        AfdoeningFactory(
            betrokkene=betrokkene,
            schending=melding.onderwerp,
            aangetoond=True,
            datum=afgedaan_op,
            inhoud=INHOUD,
        )
        MelderIdentiteitFactory(melding=melding, naam="Melder", contact="m@x.nl")
        Melding.objects.filter(pk=melding.pk).update(status=Melding.Status.AFGEDAAN, afgedaan_op=afgedaan_op)
        melding.refresh_from_db()
        return melding

    return maak


VANDAAG = datetime.date(2025, 6, 1)


def test_na_vijf_jaar_gaan_de_persoonsgegevens_en_blijven_de_cijfers(afgedane_zaak):
    oud = afgedane_zaak(afgedaan_op=datetime.date(2020, 5, 31))
    jong = afgedane_zaak(afgedaan_op=datetime.date(2020, 6, 2))
    cijfers_voor = jaarcijfers(jaar=2019)

    assert persoonsgegevens_wissen(vandaag=VANDAAG) == [oud.nummer]

    oud.refresh_from_db()
    assert oud.omschrijving == "" and oud.persoonsgegevens_gewist_op == VANDAAG
    betrokkene = Betrokkene.objects.get(melding=oud)
    assert (betrokkene.naam, betrokkene.personeelsnummer) == ("", "")
    assert not MelderIdentiteit.objects.filter(melding=oud).exists()
    assert betrokkene.afdoening.inhoud == INHOUD, "de geanonimiseerde tekst van Bijlage 2 blijft"
    jong.refresh_from_db()
    assert jong.omschrijving and Betrokkene.objects.get(melding=jong).naam == "Jan Jansen"
    assert MelderIdentiteit.objects.filter(melding=jong).exists()
    assert jaarcijfers(jaar=2019) == cijfers_voor


def test_elke_wissing_wordt_vastgelegd_zonder_waarden(afgedane_zaak):
    oud = afgedane_zaak(afgedaan_op=datetime.date(2019, 1, 1))
    persoonsgegevens_wissen(vandaag=VANDAAG)
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.GEWIST)
    assert regel.object_id == str(oud.pk) and regel.velden == sorted(GEWIST_VELDEN)
    assert "Jan Jansen" not in str(regel.velden) + regel.reden
    assert persoonsgegevens_wissen(vandaag=VANDAAG) == [], "een tweede keer wist niets meer"
    assert AuditRegel.objects.filter(actie=AuditRegel.Actie.GEWIST).count() == 1


def test_een_zaak_met_een_hold_blijft_staan(afgedane_zaak):
    oud = afgedane_zaak(afgedaan_op=datetime.date(2019, 1, 1))
    Melding.objects.filter(pk=oud.pk).update(niet_vernietigen=True, niet_vernietigen_reden="WOO-verzoek")
    assert persoonsgegevens_wissen(vandaag=VANDAAG) == []
    assert Betrokkene.objects.get(melding=oud).naam == "Jan Jansen"


def test_een_open_zaak_blijft_staan(maak_melding, maak_betrokkene):
    melding = maak_melding(ontvangen_op=datetime.date(2015, 1, 5))
    maak_betrokkene(melding)
    assert persoonsgegevens_wissen(vandaag=VANDAAG) == []


def test_de_bewaartermijn_is_instelbaar(afgedane_zaak, settings):
    afgedane_zaak(afgedaan_op=datetime.date(2023, 1, 1))
    assert persoonsgegevens_wissen(vandaag=VANDAAG) == []
    settings.BEWAARTERMIJN_JAREN = 2
    assert len(persoonsgegevens_wissen(vandaag=VANDAAG)) == 1


def test_dry_run_toont_wat_zou_gaan_en_wist_niets(afgedane_zaak, capsys, time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, 12, 0), tick=False)
    oud = afgedane_zaak(afgedaan_op=datetime.date(2019, 1, 1))
    call_command("bewaartermijn", "--dry-run")
    uitvoer = capsys.readouterr().out
    assert oud.nummer in uitvoer and "1 melding(en) zouden worden gewist" in uitvoer
    assert Betrokkene.objects.get(melding=oud).naam == "Jan Jansen"
    call_command("bewaartermijn")
    assert Betrokkene.objects.get(melding=oud).naam == ""


def test_de_dagelijkse_taak_wist_en_staat_in_de_planning(afgedane_zaak, time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, 12, 0), tick=False)
    afgedane_zaak(afgedaan_op=datetime.date(2019, 1, 1))
    assert bewaartermijn_toepassen.delay().get() == 1
    taken = [t["task"] for t in projectinstellingen.CELERY_BEAT_SCHEDULE.values()]
    assert "meldingen.tasks.bewaartermijn_toepassen" in taken


def test_redenen_bij_status_en_inzage_gaan_mee_en_de_audittrail_blijft_controleerbaar(afgedane_zaak, analist):
    from finintegriteit.kern.models import AuditReden
    from meldingen.models import StatusOvergang
    from meldingen.services import melder_identiteit_openen
    from tests.bouwstenen.meldingen import recht

    oud = afgedane_zaak(afgedaan_op=datetime.date(2019, 1, 1))
    jong = afgedane_zaak(afgedaan_op=datetime.date(2024, 1, 1))
    for melding in (oud, jong):
        StatusOvergangFactory(melding=melding, naar="afgedaan", door=analist, reden="Zus van de melder.")
        melder_identiteit_openen(
            melding=melding, door=recht(analist, "melder_identiteit_inzien"), reden="Terugbellen over zus."
        )
    regels_voor = AuditRegel.objects.count()

    persoonsgegevens_wissen(vandaag=VANDAAG)

    assert set(StatusOvergang.objects.filter(melding=oud).values_list("reden", flat=True)) == {""}
    assert not AuditReden.objects.filter(melding=oud).exists()
    inzage = AuditRegel.objects.get(
        actie=AuditRegel.Actie.IDENTITEIT,
        object_id__in=[
            str(pk) for pk in MelderIdentiteit.objects.filter(melding=jong).values_list("pk", flat=True)
        ],
    )
    assert inzage.reden == "Terugbellen over zus.", "de reden bij een zaak binnen de termijn blijft"
    assert "Zus van de melder." in StatusOvergang.objects.filter(melding=jong).values_list("reden", flat=True)
    assert AuditRegel.objects.count() == regels_voor + 1, "de regels zelf blijven, plus één 'gewist'"
    gewist = AuditRegel.objects.filter(actie=AuditRegel.Actie.IDENTITEIT).exclude(pk=inzage.pk).get()
    assert gewist.reden == "" and gewist.reden_gewist
    call_command("controleer_audittrail")


def test_na_het_wissen_vindt_zoeken_de_zaak_niet_meer_op_zijn_woorden(afgedane_zaak, client, analist):
    """The omschrijving's words are also kept for the search (on PostgreSQL as a stored column): they go
    with the text, so neither the werkvoorraad nor a look at that column finds them afterwards."""
    oud = afgedane_zaak(
        afgedaan_op=datetime.date(2020, 5, 31), omschrijving="Vermoeden van gesjoemel met reisdeclaraties."
    )
    client.force_login(analist)

    def gevonden(term):
        antwoord = client.get(reverse("meldingen:werkvoorraad"), {"q": term})
        return [m.nummer for m in antwoord.context["pagina"].object_list]

    assert gevonden("gesjoemel") == [oud.nummer]
    assert gevonden("Jansen") == [oud.nummer]

    persoonsgegevens_wissen(vandaag=VANDAAG)

    assert gevonden("gesjoemel") == [] and gevonden("reisdeclaraties") == [] and gevonden("Jansen") == []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT omschrijving_zoek::text FROM meldingen_melding WHERE id = %s", [oud.pk])
            assert cursor.fetchone() == ("",)
