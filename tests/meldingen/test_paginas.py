"""An OIF analist takes a melding from intake to Afgedaan in the browser (through the Django test client)."""

import datetime
import re

import pytest
from django.urls import reverse

from afdoeningen.selectors import AFDOENING_ONTBREEKT
from finintegriteit.kern.models import AuditRegel
from meldingen.models import MelderIdentiteit, Melding, StatusOvergang
from meldingen.services import fouten
from tests.bouwstenen.meldingen import formulier, recht
from tests.factories import MelderIdentiteitFactory

pytestmark = pytest.mark.django_db
S = Melding.Status


def test_registreren_geeft_het_volgende_nummer_en_toont_de_melding(client, analist, vandaag):
    client.force_login(analist)
    antwoord = client.post(reverse("meldingen:nieuw"), formulier(behandelaar=analist.pk))
    melding = Melding.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse(
        "meldingen:detail", args=[melding.pk]
    )
    assert melding.nummer == "OIF-2025-0001"
    assert melding.ontvangen_op == datetime.date(2025, 3, 3)
    assert melding.behandelaar == analist
    html = client.get(antwoord["Location"]).content.decode()
    assert "OIF-2025-0001" in html and "Collega deelt klantgegevens." in html and "03-03-2025" in html


def test_registreren_met_foute_datum_toont_een_melding_bij_het_veld(client, analist, vandaag):
    client.force_login(analist)
    antwoord = client.post(reverse("meldingen:nieuw"), formulier(ontvangen_op="31-02-2025"))
    assert antwoord.status_code == 200
    assert "Vul een geldige datum in als dd-mm-jjjj." in antwoord.content.decode()
    antwoord = client.post(reverse("meldingen:nieuw"), formulier(ontvangen_op="11-03-2025"))
    assert fouten.DATUM_IN_TOEKOMST in antwoord.content.decode()
    assert not Melding.objects.exists()


def test_het_registratieformulier_heeft_autofocus_en_labels(client, analist):
    client.force_login(analist)
    html = client.get(reverse("meldingen:nieuw")).content.decode()
    assert 'name="ontvangen_op"' in html and "autofocus" in html
    assert 'for="id_onderwerp"' in html and 'for="id_ontvangen_op"' in html
    # Without the right the form does not even ask for the melder's identity.
    assert "melder_naam" not in html


def test_met_het_recht_legt_de_registratie_ook_de_identiteit_vast(client, analist, vandaag):
    bevoegd = recht(analist, "melder_identiteit_inzien")
    client.force_login(bevoegd)
    assert "melder_naam" in client.get(reverse("meldingen:nieuw")).content.decode()
    client.post(
        reverse("meldingen:nieuw"),
        formulier(melder_kanaal="telefoon", melder_naam="Piet Melder", melder_contact="06-12345678"),
    )
    identiteit = MelderIdentiteit.objects.get()
    assert (identiteit.naam, identiteit.kanaal) == ("Piet Melder", "telefoon")


def test_van_intake_tot_afgedaan(client, analist, maak_afdoening, vandaag):
    client.force_login(analist)
    client.post(reverse("meldingen:nieuw"), formulier())
    melding = Melding.objects.get()
    detail = reverse("meldingen:detail", args=[melding.pk])

    html = client.get(detail).content.decode()
    # Only the one allowed next status is offered.
    assert 'value="in_beoordeling"' in html and 'value="afgedaan"' not in html

    def status(naar, reden="Beoordeeld."):
        melding.refresh_from_db()
        return client.post(
            reverse("meldingen:status", args=[melding.pk]),
            {"naar": naar, "reden": reden, "versie": melding.versie},
        )

    assert status(S.IN_BEOORDELING).status_code == 302
    assert status(S.VOLLEDIG_FEITENONDERZOEK).status_code == 302

    antwoord = client.post(
        reverse("meldingen:betrokkene_toevoegen", args=[melding.pk]),
        {"naam": "Jan Jansen", "personeelsnummer": "778899", "dienstonderdeel": melding.dienstonderdeel_id},
    )
    assert antwoord.status_code == 302
    html = client.get(detail).content.decode()
    assert "Jan Jansen" in html and "nog geen afdoening" in html

    antwoord = status(S.AFGEDAAN)
    assert antwoord.status_code == 200
    assert AFDOENING_ONTBREEKT.format(aantal=1, totaal=1) in antwoord.content.decode()

    afdoening = maak_afdoening(melding.betrokkenen.get(), type="schriftelijke-berisping")
    html = client.get(detail).content.decode()
    assert "Schriftelijke berisping" in html and "Disciplinair" in html and afdoening.inhoud in html
    assert "nog geen afdoening" not in html

    assert status(S.AFGEDAAN, reden="Afgerond.").status_code == 302
    melding.refresh_from_db()
    assert melding.status == S.AFGEDAAN and melding.afgedaan_op == vandaag
    html = client.get(detail).content.decode()
    assert "alleen te lezen" in html
    assert reverse("meldingen:wijzigen", args=[melding.pk]) not in html
    tijdlijn = list(StatusOvergang.objects.filter(melding=melding).values_list("naar", flat=True))
    assert tijdlijn == [S.ONTVANGEN, S.IN_BEOORDELING, S.VOLLEDIG_FEITENONDERZOEK, S.AFGEDAAN]
    assert "Afgerond." in html


def test_wijzigpaginas_van_een_afgedane_melding_sturen_terug_met_de_reden(client, analist, maak_melding):
    melding = maak_melding()
    Melding.objects.filter(pk=melding.pk).update(status=S.AFGEDAAN, afgedaan_op=melding.ontvangen_op)
    client.force_login(recht(analist, "melder_identiteit_inzien"))
    for naam in ("meldingen:wijzigen", "meldingen:betrokkene_toevoegen", "meldingen:termijnen_vastleggen"):
        antwoord = client.get(reverse(naam, args=[melding.pk]), follow=True)
        assert antwoord.redirect_chain[-1][0] == reverse("meldingen:detail", args=[melding.pk])
        assert fouten.MELDING_AFGEDAAN in antwoord.content.decode()


def test_heropenen_in_de_browser(client, analist, maak_melding):
    melding = maak_melding()
    Melding.objects.filter(pk=melding.pk).update(status=S.AFGEDAAN, afgedaan_op=datetime.date(2025, 3, 5))
    client.force_login(analist)
    detail = reverse("meldingen:detail", args=[melding.pk])
    assert "Melding heropenen" not in client.get(detail).content.decode()
    assert client.post(reverse("meldingen:heropenen", args=[melding.pk]), {}).status_code == 403

    client.force_login(recht(analist, "melding_heropenen"))
    assert "Melding heropenen" in client.get(detail).content.decode()
    antwoord = client.post(
        reverse("meldingen:heropenen", args=[melding.pk]),
        {"heropen-reden": "", "heropen-versie": melding.versie},
    )
    assert "Geef een reden op." in antwoord.content.decode()
    antwoord = client.post(
        reverse("meldingen:heropenen", args=[melding.pk]),
        {"heropen-reden": "Nieuwe informatie.", "heropen-versie": melding.versie},
    )
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.status == S.IN_BEOORDELING
    assert "Heropend" in client.get(detail).content.decode()


def test_een_afgedane_melding_zegt_wie_haar_kan_heropenen(client, analist, maak_melding):
    melding = maak_melding()
    Melding.objects.filter(pk=melding.pk).update(status=S.AFGEDAAN, afgedaan_op=datetime.date(2025, 3, 5))
    client.force_login(analist)
    pagina = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    # Role and right as 'Gebruikers en rollen' names them (kern.rollen), where the right is granted.
    assert (
        "Afgedaan. Heropenen kan een OIF-analist met het recht ‘Afgedane melding heropenen’ (zoals de "
        "teamleider)."
    ) in pagina


def test_de_identiteit_is_afgeschermd_zonder_recht(client, analist, maak_melding):
    melding = maak_melding(identiteit=None)
    MelderIdentiteitFactory(melding=melding, naam="Piet Melder")
    client.force_login(analist)
    html = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "afgeschermd" in html and "Piet Melder" not in html
    assert client.get(reverse("meldingen:melder", args=[melding.pk])).status_code == 403
    assert AuditRegel.objects.filter(actie=AuditRegel.Actie.GEWEIGERD, object_id=str(melding.pk)).exists()


def test_de_identiteit_inzien_vraagt_een_reden_en_wordt_vastgelegd(client, analist, maak_melding):
    melding = maak_melding()
    identiteit = MelderIdentiteitFactory(melding=melding, naam="Piet Melder", contact="piet@example.org")
    client.force_login(recht(analist, "melder_identiteit_inzien"))
    url = reverse("meldingen:melder", args=[melding.pk])
    html = client.get(url).content.decode()
    assert "Piet Melder" not in html and "Reden" in html
    antwoord = client.post(url, {"stap": "inzien", "reden": ""})
    assert (
        "Geef een reden op." in antwoord.content.decode() and "Piet Melder" not in antwoord.content.decode()
    )
    assert not AuditRegel.objects.filter(actie=AuditRegel.Actie.IDENTITEIT).exists()

    html = client.post(url, {"stap": "inzien", "reden": "Terugkoppeling aan melder."}).content.decode()
    assert "Piet Melder" in html and "piet@example.org" in html
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.IDENTITEIT)
    assert (regel.gebruiker, regel.object_type, regel.object_id, regel.reden) == (
        analist,
        "melderidentiteit",
        str(identiteit.pk),
        "Terugkoppeling aan melder.",
    )
    # Each opening is a row of its own.
    client.post(url, {"stap": "inzien", "reden": "Nogmaals."})
    assert AuditRegel.objects.filter(actie=AuditRegel.Actie.IDENTITEIT).count() == 2

    antwoord = client.post(
        url,
        {
            "stap": "vastleggen",
            "reden": "Nogmaals.",
            "kanaal": "telefoon",
            "naam": "Piet Melder",
            "contact": "06-1",
            "versie": identiteit.versie,
        },
    )
    assert antwoord.status_code == 302
    identiteit.refresh_from_db()
    assert (identiteit.kanaal, identiteit.contact) == ("telefoon", "06-1")
    regel = AuditRegel.objects.filter(object_type="melderidentiteit", actie=AuditRegel.Actie.GEWIJZIGD).get()
    assert regel.velden == ["contact", "kanaal"] and "06-1" not in str(regel.velden) + regel.reden


def test_gegevens_wijzigen(client, analist, maak_melding, vandaag):
    melding = maak_melding()
    client.force_login(analist)
    url = reverse("meldingen:wijzigen", args=[melding.pk])
    html = client.get(url).content.decode()
    assert 'value="03-03-2025"' in html and f'name="versie" value="{melding.versie}"' in html
    gegevens = formulier(ontvangen_op="04-03-2025", klokkenluidersmelding="on", versie=melding.versie)
    assert client.post(url, gegevens).status_code == 302
    melding.refresh_from_db()
    assert melding.ontvangen_op == datetime.date(2025, 3, 4) and melding.klokkenluidersmelding
    assert melding.ontvangstbevestiging_uiterlijk == datetime.date(2025, 3, 11)
    antwoord = client.post(url, formulier(ontvangen_op="04-03-2024", versie=melding.versie))
    assert fouten.JAAR_VAST.format(jaar=2025) in antwoord.content.decode()


def test_termijnen_vastleggen_in_de_browser(client, analist, maak_melding, vandaag):
    melding = maak_melding(klokkenluidersmelding=True)
    client.force_login(recht(analist, "melder_identiteit_inzien"))
    url = reverse("meldingen:termijnen_vastleggen", args=[melding.pk])
    post = {
        "ontvangstbevestiging_op": "01-03-2025",
        "ontvangstbevestiging_wijze": "email",
        "versie": melding.versie,
    }
    antwoord = client.post(url, post)
    assert fouten.DATUM_VOOR_ONTVANGST.format(datum="03-03-2025") in antwoord.content.decode()
    antwoord = client.post(url, post | {"ontvangstbevestiging_op": "05-03-2025"})
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.ontvangstbevestiging_op == datetime.date(2025, 3, 5)
    assert melding.terugkoppeling_uiterlijk == datetime.date(2025, 6, 5)
    assert (
        "verstuurd op 05-03-2025 · e-mail"
        in client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    )


def test_de_link_naar_de_afdoening_staat_bij_elke_betrokkene_als_die_pagina_bestaat(
    client, analist, maak_melding, maak_betrokkene
):
    from django.urls import NoReverseMatch

    melding = maak_melding()
    betrokkene = maak_betrokkene(melding)
    client.force_login(analist)
    html = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    try:
        url = reverse("afdoeningen:vastleggen", kwargs={"betrokkene_pk": betrokkene.pk})
    except NoReverseMatch:
        assert "Afdoening vastleggen" not in html
    else:
        assert url in html


def test_een_geimporteerde_afdoening_zonder_aangetoond_heet_niet_vastgelegd(
    client, analist, maak_melding, maak_betrokkene, maak_afdoening
):
    melding = maak_melding()
    onbekend = maak_afdoening(maak_betrokkene(melding, naam="Jan Jansen"))
    onbekend.aangetoond = None  # what the OIF register import stores: the register has no such column
    onbekend.save()
    maak_afdoening(maak_betrokkene(melding, naam="Piet Peters", personeelsnummer="654321"))
    client.force_login(analist)

    pagina = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()

    assert pagina.count("aangetoond niet vastgelegd") == 1
    assert "niet aangetoond" not in pagina


@pytest.mark.parametrize("klokkenluider, verwacht", [(False, "Nee"), (True, "Ja: melding van een misstand")])
def test_de_zaakpagina_zegt_of_het_een_klokkenluidersmelding_is(
    client, analist, maak_melding, klokkenluider, verwacht
):
    melding = maak_melding(klokkenluidersmelding=klokkenluider, onderwerp="misstanden")
    client.force_login(analist)

    pagina = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()

    regel = re.search(r"<dt[^>]*>Klokkenluidersregeling</dt><dd[^>]*>(.*?)</dd>", pagina)
    assert regel and regel.group(1) == verwacht


def test_wie_het_recht_heeft_ziet_na_een_eigen_reden_de_eerdere_inzagen_met_reden(
    client, analist, maak_gebruiker, maak_melding
):
    melding = maak_melding()
    MelderIdentiteitFactory(melding=melding, naam="Piet Melder")
    collega = recht(maak_gebruiker("collega", "OIF-analist"), "melder_identiteit_inzien")
    url = reverse("meldingen:melder", args=[melding.pk])
    client.force_login(collega)
    client.post(url, {"stap": "inzien", "reden": "Melder terugbellen over de voortgang."})
    client.force_login(recht(analist, "melder_identiteit_inzien"))
    assert "Melder terugbellen" not in client.get(url).content.decode(), "pas na een eigen reden"
    html = client.post(url, {"stap": "inzien", "reden": "Controle dossier."}).content.decode()
    assert "Inzagen en wijzigingen" in html
    assert "Melder terugbellen over de voortgang." in html and "collega" in html
    assert "Controle dossier." in html


def test_de_zaakpagina_noemt_mensen_bij_hun_naam_en_anders_bij_hun_gebruikersnaam(
    analist_client, analist, maak_gebruiker, maak_melding
):
    from finintegriteit.kern import rollen as r
    from meldingen.services.aantekeningen import aantekening_toevoegen

    behandelaar = maak_gebruiker("fvdberg", r.OIF_ANALIST)
    behandelaar.first_name, behandelaar.last_name = "Fenna", "van den Berg"
    behandelaar.save()
    melding = maak_melding(behandelaar=behandelaar, klokkenluidersmelding=True)
    aantekening_toevoegen(melding=melding, door=analist, tekst="Eerste gesprek gevoerd.")

    pagina = analist_client.get(melding.get_absolute_url()).content.decode()
    termijnen = analist_client.get(reverse("meldingen:termijnen")).content.decode()

    assert "Fenna van den Berg" in pagina and "fvdberg" not in pagina
    assert f"· {analist.username}</div>" in pagina, "de aantekening van een analist zonder naam"
    assert melding.nummer in termijnen and "Fenna van den Berg" in termijnen and "fvdberg" not in termijnen
