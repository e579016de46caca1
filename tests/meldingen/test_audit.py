"""The audit trail: every view, change and refused attempt; field names only; append-only."""

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.services import betrokkene_wijzigen, melding_wijzigen
from meldingen.services.aantekeningen import aantekening_toevoegen
from tests.factories import BetrokkeneFactory, MelderIdentiteitFactory

pytestmark = pytest.mark.django_db
A = AuditRegel.Actie


def regels(**filter):
    return list(
        AuditRegel.objects.filter(**filter).order_by("pk").values_list("actie", "object_type", "object_id")
    )


def test_registreren_en_wijzigen_schrijven_regels_met_alleen_veldnamen(
    maak_melding, maak_betrokkene, analist
):
    melding = maak_melding()
    betrokkene = maak_betrokkene(melding, naam="Jan Jansen", personeelsnummer="998877")
    melding_wijzigen(
        melding=melding, door=analist, versie=melding.versie, gegevens={"omschrijving": "Geheim X."}
    )
    betrokkene_wijzigen(betrokkene=betrokkene, door=analist, versie=1, gegevens={"naam": "Piet Pietersen"})
    assert regels() == [
        (A.AANGEMAAKT, "melding", str(melding.pk)),
        (A.AANGEMAAKT, "betrokkene", str(betrokkene.pk)),
        (A.GEWIJZIGD, "melding", str(melding.pk)),
        (A.GEWIJZIGD, "betrokkene", str(betrokkene.pk)),
    ]
    assert AuditRegel.objects.filter(actie=A.GEWIJZIGD, object_type="melding").get().velden == [
        "omschrijving"
    ]
    assert AuditRegel.objects.filter(actie=A.GEWIJZIGD, object_type="betrokkene").get().velden == ["naam"]
    alles = " ".join(f"{r.velden} {r.reden}" for r in AuditRegel.objects.all())
    for waarde in ("Jan Jansen", "998877", "Geheim X.", "Piet Pietersen", "Vertrouwelijke omschrijving"):
        assert waarde not in alles
    assert set(AuditRegel.objects.values_list("gebruiker", flat=True)) == {analist.pk}


def test_de_meldingspagina_schrijft_een_regel_per_keer_bekijken_met_wat_ze_toonde(
    client, maak_melding, maak_betrokkene, maak_afdoening, analist
):
    melding = maak_melding()
    eerste, tweede = maak_betrokkene(melding), maak_betrokkene(melding)
    afdoening = maak_afdoening(eerste)
    client.force_login(analist)
    voor = AuditRegel.objects.count()
    client.get(reverse("meldingen:detail", args=[melding.pk]))
    [regel] = AuditRegel.objects.order_by("pk")[voor:]
    assert (regel.actie, regel.object_type, regel.object_id) == (A.BEKEKEN, "melding", str(melding.pk))
    assert sorted(regel.velden) == sorted(
        [f"betrokkene:{eerste.pk}", f"betrokkene:{tweede.pk}", f"afdoening:{afdoening.pk}"]
    )


def test_statuswijziging_staat_in_de_audittrail_met_reden(client, maak_melding, analist):
    melding = maak_melding()
    client.force_login(analist)
    client.post(
        reverse("meldingen:status", args=[melding.pk]),
        {"naar": "in_beoordeling", "reden": "Beoordeling gestart.", "versie": melding.versie},
    )
    regel = AuditRegel.objects.get(actie=A.STATUS)
    assert (regel.object_id, regel.velden, regel.reden) == (
        str(melding.pk),
        ["status"],
        "Beoordeling gestart.",
    )


@pytest.mark.parametrize("persona", ["vertrouwenspersoon", "coordinator", "beheerder"])
def test_een_andere_rol_die_een_melding_probeert_wordt_vastgelegd(client, request, maak_melding, persona):
    melding = maak_melding()
    gebruiker = request.getfixturevalue(persona)
    client.force_login(gebruiker)
    assert client.get(reverse("meldingen:detail", args=[melding.pk])).status_code == 403
    regel = AuditRegel.objects.get(actie=A.GEWEIGERD)
    assert (regel.gebruiker, regel.object_type, regel.object_id) == (gebruiker, "melding", str(melding.pk))


def test_een_onbestaande_melding_of_betrokkene_is_een_vastgelegde_404(client, analist):
    client.force_login(analist)
    assert client.get(reverse("meldingen:detail", args=[987654])).status_code == 404
    assert client.get(reverse("meldingen:betrokkene_wijzigen", args=[55555])).status_code == 404
    assert regels(actie=A.GEWEIGERD) == [
        (A.GEWEIGERD, "melding", "987654"),
        (A.GEWEIGERD, "betrokkene", "55555"),
    ]


def test_de_identiteit_wordt_apart_gelogd_met_de_reden(maak_melding, analist):
    from meldingen.services import melder_identiteit_openen
    from tests.bouwstenen.meldingen import recht

    melding = maak_melding()
    identiteit = MelderIdentiteitFactory(melding=melding)
    melder_identiteit_openen(melding=melding, door=recht(analist, "melder_identiteit_inzien"), reden="Nodig.")
    assert regels(actie=A.IDENTITEIT) == [(A.IDENTITEIT, "melderidentiteit", str(identiteit.pk))]


# --- De beheerder zoekt ---------------------------------------------------------------------------------


def test_de_beheerder_zoekt_op_gebruiker_actie_object_en_meldingsnummer(
    client, maak_melding, maak_betrokkene, analist, beheerder, maak_gebruiker
):
    collega = maak_gebruiker("collega", "OIF-analist")
    melding = maak_melding()
    betrokkene = maak_betrokkene(melding)
    andere = maak_melding(door=collega)
    client.force_login(beheerder)
    url = reverse("meldingen:audit")

    def gevonden(**params):
        antwoord = client.get(url, params)
        assert antwoord.status_code == 200
        return sorted((b.regel.object_type, b.regel.object_id) for b in antwoord.context["regels"])

    assert gevonden(gebruiker=collega.pk) == [("melding", str(andere.pk))]
    assert gevonden(object=melding.nummer) == sorted(
        [("melding", str(melding.pk)), ("betrokkene", str(betrokkene.pk))]
    )
    assert gevonden(actie="aangemaakt", object_type="betrokkene") == [("betrokkene", str(betrokkene.pk))]
    assert gevonden(van="10-03-2099") == []
    html = client.get(url, {"object": melding.nummer}).content.decode()
    assert melding.nummer in html and "Aangemaakt" in html


def test_een_omgedraaide_periode_zegt_dat_en_toont_niet_stil_niets(client, maak_melding, beheerder):
    maak_melding()
    client.force_login(beheerder)
    antwoord = client.get(reverse("meldingen:audit"), {"van": "31-12-2030", "tot": "01-01-2020"})
    assert "Deze datum ligt vóór ‘Van’" in antwoord.content.decode()


def test_de_audittrail_biedt_geen_manier_om_te_wijzigen_of_te_verwijderen(client, beheerder, maak_melding):
    maak_melding()
    client.force_login(beheerder)
    html = client.get(reverse("meldingen:audit")).content.decode()
    inhoud = html[html.index("<main") : html.index("</main>")]
    assert 'method="post"' not in inhoud
    assert client.post(reverse("meldingen:audit")).status_code == 405
    from django.contrib import admin

    beheer = admin.site._registry[AuditRegel]
    assert not beheer.has_change_permission(None) and not beheer.has_delete_permission(None)
    assert not beheer.has_add_permission(None)


@pytest.mark.postgres
def test_postgresql_weigert_update_en_delete_op_de_audittrail(maak_melding):
    maak_melding()
    regel = AuditRegel.objects.first()
    for poging in (
        lambda: AuditRegel.objects.filter(pk=regel.pk).update(actie=A.GEWEIGERD),
        lambda: AuditRegel.objects.filter(pk=regel.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="alleen aan te vullen"), transaction.atomic():
            poging()
    regel.refresh_from_db()
    assert regel.actie == A.AANGEMAAKT
    # Adding stays possible.
    maak_melding()


def test_de_beheerder_ziet_wie_wat_en_wanneer_maar_niet_de_reden(client, maak_melding, analist, beheerder):
    melding = maak_melding()
    client.force_login(analist)
    client.post(
        reverse("meldingen:status", args=[melding.pk]),
        {"naar": "in_beoordeling", "reden": "Broer van de melder is betrokken.", "versie": melding.versie},
    )
    regel = AuditRegel.objects.get(actie=A.STATUS)
    assert regel.reden == "Broer van de melder is betrokken."
    client.force_login(beheerder)
    paginas = [
        client.get(reverse("meldingen:audit")),
        client.get(reverse("admin:kern_auditregel_change", args=[regel.pk])),
        client.get(reverse("admin:kern_auditregel_changelist")),
    ]
    assert "Status gewijzigd" in paginas[0].content.decode()
    for antwoord in paginas:
        assert antwoord.status_code in (200, 403)
        assert "Broer van de melder" not in antwoord.content.decode()


def test_de_audittrail_noemt_objecten_bij_wat_ze_zijn(
    client, maak_melding, maak_betrokkene, maak_afdoening, analist, beheerder
):
    melding = maak_melding()
    eerste, tweede = maak_betrokkene(melding), maak_betrokkene(melding)
    maak_afdoening(tweede)
    client.force_login(analist)
    client.get(reverse("meldingen:detail", args=[melding.pk]))
    client.force_login(beheerder)
    antwoord = client.get(reverse("meldingen:audit"), {"object": melding.nummer})
    namen = {b.object for b in antwoord.context["regels"]}
    assert {f"Melding {melding.nummer}", f"Betrokkene 2 van {melding.nummer}"} <= namen
    html = antwoord.content.decode()
    # In the order the case page showed them: the betrokkenen, then their afdoeningen.
    assert (
        f"ook getoond: Betrokkene 1 van {melding.nummer}, Betrokkene 2 van {melding.nummer}, "
        f"Afdoening van betrokkene 2 van {melding.nummer}"
    ) in html
    assert f"betrokkene:{eerste.pk}" not in html, "geen tabelnamen en ids voor de lezer"


def test_de_audittrail_noemt_betrokkene_9_en_10_in_de_volgorde_van_de_pagina(
    client, maak_melding, maak_afdoening, analist, beheerder
):
    """Sorted as text, 'betrokkene:10' came before 'betrokkene:9': the second betrokkene named first."""
    import io

    import openpyxl

    melding = maak_melding()
    BetrokkeneFactory(melding=melding, pk=9)
    afdoening = maak_afdoening(BetrokkeneFactory(melding=melding, pk=10))
    client.force_login(analist)
    client.get(reverse("meldingen:detail", args=[melding.pk]))
    bekeken = AuditRegel.objects.get(actie=A.BEKEKEN, object_type="melding")
    assert bekeken.velden == ["betrokkene:9", "betrokkene:10", f"afdoening:{afdoening.pk}"]
    getoond = (
        f"Betrokkene 1 van {melding.nummer}, Betrokkene 2 van {melding.nummer}, "
        f"Afdoening van betrokkene 2 van {melding.nummer}"
    )
    client.force_login(beheerder)
    assert f"ook getoond: {getoond}" in client.get(reverse("meldingen:audit")).content.decode()
    antwoord = client.get(reverse("meldingen:audit_export"), {"object": melding.nummer})
    blad = openpyxl.load_workbook(io.BytesIO(antwoord.content)).active
    kolom = [c.value for c in next(blad.iter_rows())].index("Ook getoond")
    assert getoond in [rij[kolom] for rij in blad.iter_rows(min_row=2, values_only=True)]


def test_een_aantekening_in_de_audittrail_noemt_haar_melding(client, maak_melding, analist, beheerder):
    melding = maak_melding()
    aantekening = aantekening_toevoegen(melding=melding, door=analist, tekst="Gebeld met de leidinggevende.")
    client.force_login(beheerder)
    antwoord = client.get(reverse("meldingen:audit"), {"object_type": "aantekening"})
    benoemd = [b for b in antwoord.context["regels"] if b.regel.object_type == "aantekening"]
    assert [(b.object, b.nummer) for b in benoemd] == [
        (f"Aantekening {aantekening.pk} bij {melding.nummer}", melding.nummer)
    ]
    assert "Gebeld" not in antwoord.content.decode()


def test_het_gebruikersfilter_biedt_geen_systeemaccounts(client, beheerder, maak_gebruiker):
    from django.contrib.auth import get_user_model

    systeem = get_user_model().objects.create(username="demodata-eigenaar", is_active=False)
    systeem.set_unusable_password()
    systeem.save()
    vertrokken = maak_gebruiker("vertrokken-analist", "OIF-analist")
    vertrokken.is_active = False
    vertrokken.save()
    client.force_login(beheerder)
    keuzes = client.get(reverse("meldingen:audit")).context["filter"].form.fields["gebruiker"].queryset
    assert systeem not in keuzes, "een account waarmee niemand inlogt is geen gebruiker om op te zoeken"
    assert vertrokken in keuzes, "wie gedeactiveerd is, blijft in de audittrail te vinden"


@pytest.mark.parametrize(
    "fout",
    [{"gebruiker": "99999999"}, {"van": "31-12-2030", "tot": "01-01-2020"}],
    ids=["gebruiker die niet meer bestaat", "omgedraaide periode"],
)
def test_een_fout_filter_exporteert_niet_meer_dan_gevraagd(client, maak_melding, analist, beheerder, fout):
    """django-filter leaves a wrong field out: the page showed the error, its export link then gave every
    user's rows (or everything since 'van')."""
    maak_melding(door=analist)
    client.force_login(beheerder)

    antwoord = client.get(reverse("meldingen:audit_export"), fout)

    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("meldingen:audit"))
    assert not AuditRegel.objects.filter(actie=A.GEEXPORTEERD).exists()
    pagina = client.get(antwoord["Location"])
    assert pagina.context["pagina"].paginator.count == 0, "de pagina toont evenmin een ruimere selectie"


def test_export_naar_xlsx_is_formuleveilig_zonder_redenen_en_zelf_gelogd(
    client, maak_melding, maak_betrokkene, analist, beheerder, maak_gebruiker
):
    import io

    import openpyxl

    from meldingen.services import melding_status_wijzigen

    kwaadwillend = maak_gebruiker("=HYPERLINK(1)", "OIF-analist")
    melding = maak_melding(door=kwaadwillend)
    maak_betrokkene(melding)
    melding_status_wijzigen(
        melding=melding, door=analist, naar="in_beoordeling", reden="Geheime reden X.", versie=melding.versie
    )
    client.force_login(beheerder)
    antwoord = client.get(reverse("meldingen:audit_export"), {"object": melding.nummer})
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = openpyxl.load_workbook(io.BytesIO(antwoord.content)).active
    rijen = [[c.value for c in rij] for rij in blad.iter_rows()]
    assert rijen[0][:5] == ["Tijdstip", "Gebruiker", "Actie", "Object", "Melding"]
    cellen = [str(w) for rij in rijen for w in rij if w is not None]
    assert "'=HYPERLINK(1)" in cellen and "=HYPERLINK(1)" not in cellen, "geen formule in een cel"
    assert f"Melding {melding.nummer}" in cellen
    assert not any("Geheime reden" in c for c in cellen), "redenen zijn zaakinhoud"
    export = AuditRegel.objects.get(actie=A.GEEXPORTEERD)
    assert (export.gebruiker, export.object_type, export.velden) == (beheerder, "audittrail", ["object"])


def test_een_gewijzigde_taxonomie_heet_in_de_audittrail_naar_haar_label(client, beheerder):
    """'Subcategorie 7' told the beheerder nothing; the label is what she changed."""
    from finintegriteit.kern.services.audit import audit_vastleggen
    from finintegriteit.referentie.models import Subcategorie

    sub = Subcategorie.objects.get(hoofdcategorie__nummer=5, label="Intimidatie")
    audit_vastleggen(gebruiker=beheerder, actie=AuditRegel.Actie.GEWIJZIGD, object=sub, velden=["label"])
    client.force_login(beheerder)
    html = client.get(reverse("meldingen:audit")).content.decode()
    assert "Subcategorie ‘Intimidatie’" in html


def test_kerncijfers_die_de_beheerder_wijzigde_heten_naar_hun_jaar(client, beheerder, rf):
    """'Kerncijfers 2' told nobody which year's figures changed; /beheer/ logs the name it showed."""
    from django.contrib import admin

    from rapportage.models import Kerncijfers

    kerncijfers = Kerncijfers.objects.create(jaar=2031)
    verzoek = rf.post("/beheer/")
    verzoek.user = beheerder
    admin.site.get_model_admin(Kerncijfers).log_change(
        verzoek, kerncijfers, [{"changed": {"fields": ["jaar"]}}]
    )
    client.force_login(beheerder)
    html = client.get(reverse("meldingen:audit")).content.decode()
    assert "Kerncijfers 2031" in html
    assert f"Kerncijfers {kerncijfers.pk}<" not in html


def test_gewijzigde_gegevens_staan_in_de_tijdlijn_van_de_zaak(
    analist_client, maak_melding, analist, maak_gebruiker
):
    """Only a beheerder reads the audit trail; the team saw nothing when the melder's words were changed."""
    collega = maak_gebruiker("collega", "OIF-analist")
    melding = maak_melding()
    melding_wijzigen(
        melding=melding,
        door=collega,
        versie=melding.versie,
        gegevens={"omschrijving": "Aangevuld.", "behandelaar": analist},
    )
    melding.refresh_from_db()
    melding_wijzigen(melding=melding, door=analist, versie=melding.versie, gegevens={})  # nothing changed

    html = analist_client.get(melding.get_absolute_url()).content.decode()
    tijdlijn = html[html.index('id="kop-tijdlijn"') :]
    assert tijdlijn.count("Gegevens gewijzigd") == 1
    stap = tijdlijn[tijdlijn.index("Gegevens gewijzigd") :][:400]
    assert "Gegevens gewijzigd: omschrijving, behandelaar" in stap
    assert "collega" in stap, "wie het deed"
