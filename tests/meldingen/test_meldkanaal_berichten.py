"""The conversation through the meldkanaal: the analist writes on the case page, the melder reads and
answers with the receipt code; an ontvangstbevestiging or terugkoppeling sent this way lands on Termijnen."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Bericht, Melding
from meldingen.services import melding_status_wijzigen
from meldingen.services.berichten import BERICHT_LEEG, GEEN_MELDKANAAL, bericht_aan_melder_sturen
from meldingen.services.bewaartermijn import persoonsgegevens_wissen
from meldingen.services.meldkanaal import MELDING_AFGEROND
from tests.bouwstenen.meldkanaal import gegevens

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
DOSSIER = reverse("meldkanaal:terug")


@pytest.fixture
def melder():
    return Client()


def melden(melder, **extra) -> tuple[Melding, str]:
    antwoord = melder.post(reverse("meldkanaal:melden"), gegevens(**extra))
    code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", antwoord.content.decode()).group(0)
    return Melding.objects.order_by("-pk").first(), code


def inloggen(melder, code):
    antwoord = melder.post(DOSSIER, {"code": code})
    assert antwoord.status_code == 302
    return melder.get(DOSSIER).content.decode()


def afdoen(melding, analist):
    """Through the status flow, without betrokkenen (so with a reason)."""
    for naar in (Melding.Status.IN_BEOORDELING, Melding.Status.GEEN_ONDERZOEK, Melding.Status.AFGEDAAN):
        melding.refresh_from_db()
        melding_status_wijzigen(
            melding=melding, door=analist, naar=naar, reden="Klaar.", versie=melding.versie
        )
    melding.refresh_from_db()


def versturen(analist_client, melding, tekst, soort="bericht"):
    return analist_client.post(
        reverse("meldingen:bericht_versturen", args=[melding.pk]),
        {"bericht-tekst": tekst, "bericht-soort": soort},
    )


def test_analist_schrijft_en_de_melder_leest_en_antwoordt_met_de_code(melder, analist_client, analist):
    analist.first_name, analist.last_name = "Pieter", "Schrijvers"
    analist.save()
    melding, code = melden(melder)
    antwoord = versturen(analist_client, melding, "Kunt u zeggen in welke week dit gebeurde?")
    assert antwoord.status_code == 302

    dossier = inloggen(melder, code)
    assert "Kunt u zeggen in welke week dit gebeurde?" in dossier
    assert "Van OIF" in dossier
    assert "Schrijvers" not in dossier, "de melder ziet niet welke analist schreef"

    melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "Het was in de week na Pasen."})
    zaak = analist_client.get(melding.get_absolute_url()).content.decode()
    assert "Het was in de week na Pasen." in zaak and "Van de melder" in zaak
    van_melder = Bericht.objects.get(richting=Bericht.Richting.VAN_MELDER)
    assert van_melder.door is None
    assert AuditRegel.objects.filter(
        object_type="bericht", object_id=str(van_melder.pk), gebruiker=None
    ).exists()
    assert AuditRegel.objects.filter(object_type="bericht", gebruiker=analist).exists()


def test_ontvangstbevestiging_en_terugkoppeling_via_het_kanaal_staan_op_termijnen(
    melder, analist, analist_client, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 10, 0), tick=False)
    melding, _ = melden(melder)
    time_machine.move_to(datetime.datetime(2025, 3, 12, 9, 0), tick=False)
    versturen(analist_client, melding, "Wij hebben uw melding ontvangen.", "ontvangstbevestiging")
    melding.refresh_from_db()
    assert melding.ontvangstbevestiging_op == datetime.date(2025, 3, 12)
    assert melding.terugkoppeling_uiterlijk == datetime.date(2025, 6, 12)  # three months from the bevestiging
    termijnen = analist_client.get(reverse("meldingen:termijnen")).content.decode()
    assert "verstuurd 12-03-2025" in termijnen

    time_machine.move_to(datetime.datetime(2025, 5, 2, 9, 0), tick=False)
    analist_client.force_login(analist)  # weeks later: a new session
    versturen(analist_client, melding, "Wij doen een oriënterend onderzoek.", "terugkoppeling")
    melding.refresh_from_db()
    assert (melding.ontvangstbevestiging_op, melding.terugkoppeling_op) == (
        datetime.date(2025, 3, 12),
        datetime.date(2025, 5, 2),
    )


def test_geen_email_aan_de_melder_tenzij_gevraagd_en_dan_zonder_inhoud(
    analist_client, django_capture_on_commit_callbacks
):
    eerste, _ = melden(Client(), wijze="naam", naam="Anna Bos", contact="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        versturen(analist_client, eerste, "Geheime vraag één.")
    assert mail.outbox == []

    tweede, _ = melden(
        Client(), wijze="naam", naam="Anna Bos", contact="anna@example.org", bericht_per_email="on"
    )
    with django_capture_on_commit_callbacks(execute=True):
        versturen(analist_client, tweede, "Geheime vraag twee.")
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    tekst = mail.outbox[0].subject + mail.outbox[0].body
    assert "Geheime vraag" not in tekst and tweede.nummer not in tekst
    assert reverse("meldkanaal:terug") in tekst


def test_e_mail_vragen_zonder_e_mailadres_geeft_een_melding(melder):
    antwoord = melder.post(
        reverse("meldkanaal:melden"),
        gegevens(wijze="naam", naam="Anna Bos", contact="06-12345678", bericht_per_email="on"),
    )
    assert "Vul een e-mailadres in" in antwoord.content.decode()
    assert not Melding.objects.exists()


def test_leeg_bericht_of_geregistreerde_melding_wordt_geweigerd_zonder_iets_te_bewaren(
    melder, analist, maak_melding
):
    melding, _ = melden(melder)
    with pytest.raises(ValidationError) as fout:
        bericht_aan_melder_sturen(melding=melding, door=analist, tekst="   ")
    assert BERICHT_LEEG in str(fout.value)
    geregistreerd = maak_melding()
    with pytest.raises(ValidationError) as fout:
        bericht_aan_melder_sturen(melding=geregistreerd, door=analist, tekst="Hallo")
    assert GEEN_MELDKANAAL in str(fout.value)
    assert not Bericht.objects.exists()


def test_ontvangstbevestiging_bij_een_gewone_melding_wordt_geweigerd(melder, analist_client):
    melding, _ = melden(melder)
    Melding.objects.filter(pk=melding.pk).update(klokkenluidersmelding=False)
    antwoord = versturen(analist_client, melding, "Ontvangen.", "ontvangstbevestiging")
    assert antwoord.status_code == 400
    assert "Termijnen gelden alleen" in antwoord.content.decode()
    assert not Bericht.objects.exists()


def test_na_de_afdoening_leest_de_melder_nog_maar_vult_niets_meer_aan(melder, analist, analist_client):
    melding, code = melden(melder)
    versturen(analist_client, melding, "Wij ronden de behandeling af.", "terugkoppeling")
    afdoen(melding, analist)
    dossier = inloggen(melder, code)
    assert "Wij ronden de behandeling af." in dossier
    assert "u kunt niets meer toevoegen" in dossier
    antwoord = melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "Nog iets."})
    assert MELDING_AFGEROND in antwoord.content.decode()
    assert not Bericht.objects.filter(richting=Bericht.Richting.VAN_MELDER).exists()


def test_zonder_geldige_code_geen_dossier_ook_niet_met_een_zelfgemaakt_cookie(melder):
    melding, _ = melden(melder)
    # A cookie with only the id, or signed with another key, is ignored: back to the code form.
    for vals in (str(melding.ontvangstcode.pk), f"{melding.ontvangstcode.pk}:vervalst:handtekening"):
        indringer = Client()
        indringer.cookies["meldkanaal"] = vals
        assert "Uw ontvangstcode" in indringer.get(DOSSIER).content.decode()
        antwoord = indringer.post(reverse("meldkanaal:aanvullen"), {"tekst": "Ingebroken."})
        assert antwoord.status_code == 302 and antwoord.url == DOSSIER
    assert not Bericht.objects.exists()


def test_afmelden_haalt_de_toegang_weg(melder):
    _, code = melden(melder)
    inloggen(melder, code)
    melder.post(reverse("meldkanaal:afmelden"))
    assert "Uw ontvangstcode" in melder.get(DOSSIER).content.decode()


def test_bewaartermijn_wist_de_berichten(melder, analist, analist_client, settings):
    melding, _ = melden(melder)
    versturen(analist_client, melding, "Vraag aan de melder.")
    afdoen(melding, analist)
    settings.BEWAARTERMIJN_JAREN = 1
    assert persoonsgegevens_wissen(vandaag=melding.afgedaan_op + datetime.timedelta(days=400)) == [
        melding.nummer
    ]
    assert list(Bericht.objects.values_list("tekst", flat=True)) == [""]
