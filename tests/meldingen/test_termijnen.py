"""Deadlines of a klokkenluidersmelding, the Termijnen overview and the daily reminder e-mail."""

import datetime

import pytest
from django.core import mail
from django.db.models import F
from django.urls import reverse

from finintegriteit.kern.datums import plus_maanden
from meldingen.models import Melding
from meldingen.services import melding_termijnen_vastleggen, melding_wijzigen, termijnen_berekenen
from meldingen.services.termijnen import BIJNA_VERLOPEN_DAGEN
from meldingen.tasks import termijnherinneringen_versturen

D = datetime.date


@pytest.mark.parametrize(
    ("ontvangen", "bevestigd", "bevestiging_uiterlijk", "terugkoppeling_uiterlijk"),
    [
        # No bevestiging yet: 3 months after the end of the 7 days.
        (D(2025, 3, 3), None, D(2025, 3, 10), D(2025, 6, 10)),
        # Bevestiging in time: 3 months after it.
        (D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 10), D(2025, 6, 4)),
        # A late bevestiging does not push the terugkoppeling back.
        (D(2025, 3, 3), D(2025, 3, 20), D(2025, 3, 10), D(2025, 6, 10)),
        # Month ends: 30 november + 3 months is the last day of februari.
        (D(2024, 11, 23), None, D(2024, 11, 30), D(2025, 2, 28)),
        (D(2023, 11, 23), None, D(2023, 11, 30), D(2024, 2, 29)),
        # Over the turn of the year.
        (D(2025, 12, 28), None, D(2026, 1, 4), D(2026, 4, 4)),
    ],
)
def test_termijnen_berekenen(ontvangen, bevestigd, bevestiging_uiterlijk, terugkoppeling_uiterlijk):
    assert termijnen_berekenen(ontvangen_op=ontvangen, ontvangstbevestiging_op=bevestigd) == (
        bevestiging_uiterlijk,
        terugkoppeling_uiterlijk,
    )


def test_plus_maanden_houdt_de_dag_of_neemt_de_laatste_van_de_maand():
    assert plus_maanden(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert plus_maanden(D(2025, 1, 15), 12) == D(2026, 1, 15)
    assert plus_maanden(D(2025, 10, 31), 3) == D(2026, 1, 31)


@pytest.mark.django_db
def test_alleen_een_klokkenluidersmelding_heeft_termijnen_en_ze_volgen_wijzigingen(
    maak_melding, analist, vandaag
):
    gewoon = maak_melding()
    assert (gewoon.ontvangstbevestiging_uiterlijk, gewoon.terugkoppeling_uiterlijk) == (None, None)
    melding_wijzigen(
        melding=gewoon, door=analist, versie=gewoon.versie, gegevens={"klokkenluidersmelding": True}
    )
    gewoon.refresh_from_db()
    assert gewoon.ontvangstbevestiging_uiterlijk == D(2025, 3, 10)
    melding_wijzigen(
        melding=gewoon, door=analist, versie=gewoon.versie, gegevens={"ontvangen_op": D(2025, 3, 1)}
    )
    gewoon.refresh_from_db()
    assert (gewoon.ontvangstbevestiging_uiterlijk, gewoon.terugkoppeling_uiterlijk) == (
        D(2025, 3, 8),
        D(2025, 6, 8),
    )


@pytest.mark.django_db
def test_een_verstuurde_bevestiging_vervroegt_de_terugkoppeling(maak_melding, analist, vandaag):
    melding = maak_melding(klokkenluidersmelding=True)
    melding_termijnen_vastleggen(
        melding=melding,
        door=analist,
        versie=melding.versie,
        ontvangstbevestiging_op=D(2025, 3, 4),
        terugkoppeling_op=None,
    )
    melding.refresh_from_db()
    assert (melding.ontvangstbevestiging_op, melding.terugkoppeling_uiterlijk) == (
        D(2025, 3, 4),
        D(2025, 6, 4),
    )


@pytest.fixture
def termijnen_situatie(maak_melding, maak_gebruiker, analist, time_machine):
    """On 10-03-2025: three klokkenluidersmeldingen of two behandelaars, and some that must stay out."""
    time_machine.move_to(datetime.datetime(2025, 3, 10, 8, 0), tick=False)
    analist.email = "analist@example.org"
    analist.save()
    collega = maak_gebruiker("collega", "OIF-analist")
    collega.email = "collega@example.org"
    collega.save()
    te_laat = maak_melding(
        ontvangen_op=D(2025, 3, 1), klokkenluidersmelding=True, behandelaar=analist
    )  # 08-03
    vandaag = maak_melding(
        ontvangen_op=D(2025, 3, 3), klokkenluidersmelding=True, behandelaar=analist
    )  # 10-03
    bijna = maak_melding(ontvangen_op=D(2025, 3, 9), klokkenluidersmelding=True, behandelaar=collega)  # 16-03
    ver = maak_melding(ontvangen_op=D(2025, 3, 10), klokkenluidersmelding=True, behandelaar=collega)
    melding_termijnen_vastleggen(  # terugkoppeling 10-06
        melding=ver,
        door=analist,
        versie=ver.versie,
        ontvangstbevestiging_op=D(2025, 3, 10),
        terugkoppeling_op=None,
    )
    gewoon = maak_melding(ontvangen_op=D(2025, 1, 2), behandelaar=analist)
    afgedaan = maak_melding(ontvangen_op=D(2025, 1, 2), klokkenluidersmelding=True, behandelaar=analist)
    Melding.objects.filter(pk=afgedaan.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    gedaan = maak_melding(ontvangen_op=D(2025, 1, 2), klokkenluidersmelding=True, behandelaar=analist)
    melding_termijnen_vastleggen(
        melding=gedaan,
        door=analist,
        versie=gedaan.versie,
        ontvangstbevestiging_op=D(2025, 1, 3),
        terugkoppeling_op=D(2025, 3, 1),
    )
    return {"te_laat": te_laat, "vandaag": vandaag, "bijna": bijna, "ver": ver, "gewoon": gewoon,
            "afgedaan": afgedaan, "gedaan": gedaan, "collega": collega}  # fmt: skip


@pytest.mark.django_db
def test_herinnering_mailt_elke_behandelaar_zijn_verlopen_en_bijna_verlopen_termijnen(termijnen_situatie):
    assert BIJNA_VERLOPEN_DAGEN == 7
    m = termijnen_situatie
    assert termijnherinneringen_versturen.delay().get() == 2
    per_adres = {bericht.to[0]: bericht for bericht in mail.outbox}
    assert set(per_adres) == {"analist@example.org", "collega@example.org"}

    eigen = per_adres["analist@example.org"]
    assert "1 verlopen, 1 bijna" in eigen.subject
    assert f"{m['te_laat'].nummer}: ontvangstbevestiging uiterlijk 08-03-2025 (2 dagen te laat)" in eigen.body
    assert (
        f"{m['vandaag'].nummer}: ontvangstbevestiging uiterlijk 10-03-2025 (verloopt vandaag)" in eigen.body
    )
    for buiten in ("gewoon", "afgedaan", "gedaan", "bijna"):
        assert m[buiten].nummer not in eigen.body

    collega = per_adres["collega@example.org"].body
    assert f"{m['bijna'].nummer}: ontvangstbevestiging uiterlijk 16-03-2025 (nog 6 dagen)" in collega
    assert m["ver"].nummer not in collega
    # No personal data or case description in the mail.
    assert "Vertrouwelijke omschrijving" not in eigen.body + collega


@pytest.mark.django_db
def test_geen_mail_zonder_e_mailadres_of_voor_een_inactieve_behandelaar(termijnen_situatie, analist):
    analist.email = ""
    analist.save()
    termijnen_situatie["collega"].is_active = False
    termijnen_situatie["collega"].save()
    assert termijnherinneringen_versturen() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_wie_geen_analist_meer_is_krijgt_geen_zaaknummers_gemaild(termijnen_situatie, caplog):
    """A behandelaar who became functioneel beheerder keeps his assignments until the teamleider moves
    them; the reminder must not mail him case numbers he may no longer see, and the gap is logged."""
    from django.contrib.auth.models import Group

    from finintegriteit.kern import rollen as r

    collega = termijnen_situatie["collega"]
    collega.groups.set([Group.objects.get(name=r.BEHEERDER)])

    with caplog.at_level("WARNING", logger="meldingen.services.termijnen"):
        assert termijnherinneringen_versturen() == 1
    assert [bericht.to for bericht in mail.outbox] == [["analist@example.org"]]
    assert "1 klokkenluidersmelding(en) met een (bijna) verlopen termijn zonder behandelaar" in caplog.text


@pytest.mark.django_db
def test_termijnenoverzicht_gesorteerd_op_termijn_met_verlopen_gemarkeerd(
    client, analist, termijnen_situatie
):
    m = termijnen_situatie
    client.force_login(analist)
    antwoord = client.get(reverse("meldingen:termijnen"))
    rijen = list(antwoord.context["pagina"].object_list)
    assert [r.nummer for r in rijen] == [m[k].nummer for k in ("te_laat", "vandaag", "bijna", "ver")]
    assert [(r.te_laat, r.bijna_verlopen) for r in rijen] == [
        (True, False),
        (False, True),
        (False, True),
        (False, False),
    ]
    html = antwoord.content.decode()
    assert html.count('class="table-danger"') == 1 and "verlopen" in html
    # 'Alleen mijn meldingen'
    rijen = list(client.get(reverse("meldingen:termijnen"), {"mijn": "1"}).context["pagina"].object_list)
    assert [r.nummer for r in rijen] == [m["te_laat"].nummer, m["vandaag"].nummer]


@pytest.mark.django_db
def test_een_termijn_zonder_behandelaar_komt_in_het_log(maak_melding, vandaag, caplog):
    maak_melding(ontvangen_op=D(2025, 3, 1), klokkenluidersmelding=True)
    with caplog.at_level("WARNING", logger="meldingen.services.termijnen"):
        assert termijnherinneringen_versturen() == 0
    assert "1 klokkenluidersmelding(en) met een (bijna) verlopen termijn zonder behandelaar" in caplog.text
