"""A year of the Tellijst closes on TELLIJST_SLUITDAG (1 February) of the next year.

The whole ministry's figures of a closed year are exact, as the published report. Were rows still added
after, the difference between two publications would show such a row with every property, exactly: so
after that day no row of the year is added, changed or removed, and the exact figures only come with
the first publication on or after that day.
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from finintegriteit.kern.importeren import ImportFout, lees_upload
from finintegriteit.referentie import models as ref
from rapportage import inhoud
from rapportage.selectors import gepubliceerd
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.services.publicatie import publicatie_aan_de_beurt, tellijst_publiceren
from rapportage.vaststelling import services as vaststelling
from tests.bouwstenen.tellijst import geldige_invoer, pk, tellijst
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.services import tellijst_importeren

pytestmark = pytest.mark.django_db

INVOEREN = reverse("vertrouwenspersonen:invoeren")
GESLOTEN_2025 = regels.JAAR_GESLOTEN.format(jaar=2025, sluitdatum="1 februari 2026")


def _eigen_rij(vertrouwenspersoon, jaar=2025, **soort) -> Adviesvraag:
    rij = tellijst(jaar=jaar, **soort)[0]
    Adviesvraag.objects.filter(pk=rij.pk).update(pseudoniem=pseudoniem_van(vertrouwenspersoon))
    return Adviesvraag.objects.get(pk=rij.pk)


def _jaren_in_het_formulier(client) -> list[str]:
    return [str(j) for j, _ in client.get(INVOEREN).context["form"].fields["jaar"].choices]


def _sub_2025(cijfers, code="8-arbeidsconflict"):
    for hoofd in cijfers["vertrouwenspersonen"]["bijlage1"]["aard"]:
        for sub in hoofd["subcategorieen"]:
            if sub["code"] == code:
                return next(w["aantal"] for w in sub["waarden"] if w["jaar"] == 2025)
    raise AssertionError(code)


@time_machine.travel("2026-01-31 16:00 +0100")
def test_tot_de_sluitdag_neemt_het_formulier_nog_een_rij_van_vorig_jaar_aan(vp_client):
    assert _jaren_in_het_formulier(vp_client) == ["2026", "2025"]
    antwoord = vp_client.post(INVOEREN, geldige_invoer(jaar="2025", kwartaal="4"))
    assert antwoord.status_code == 302
    assert Adviesvraag.objects.filter(jaar=2025).count() == 1


@time_machine.travel("2026-03-10 10:00 +0100")
def test_na_de_sluitdag_weigert_het_formulier_een_rij_van_vorig_jaar_met_de_reden(vp_client):
    assert _jaren_in_het_formulier(vp_client) == ["2026"]
    antwoord = vp_client.post(INVOEREN, geldige_invoer(jaar="2025", kwartaal="4"))
    assert antwoord.context["form"].errors["jaar"] == [GESLOTEN_2025]
    assert "1 februari 2026" in antwoord.content.decode()
    assert Adviesvraag.objects.count() == 0


@time_machine.travel("2026-03-10 10:00 +0100")
def test_een_rij_van_een_gesloten_jaar_is_niet_meer_te_wijzigen_of_te_verwijderen(
    vp_client, vertrouwenspersoon
):
    rij = _eigen_rij(vertrouwenspersoon)
    lijst = vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).content.decode()
    assert "Jaar gesloten" in lijst
    assert reverse("vertrouwenspersonen:wijzigen", args=[rij.pk]) not in lijst
    assert reverse("vertrouwenspersonen:bijwerken", args=[rij.pk]) not in lijst

    # Pages or forms opened before the year closed.
    loopt_nog = (pk(ref.WijzeVanAfdoening, "loopt-nog"), pk(ref.SituatieNaInterventie, "loopt-nog"))
    for naam, gegevens in [
        ("wijzigen", geldige_invoer(jaar="2025", versie=rij.versie)),
        ("verwijderen", {}),
        ("bijwerken", {"versie": rij.versie, "wijze_van_afdoening": loopt_nog[0], "situatie": loopt_nog[1]}),
    ]:
        antwoord = vp_client.post(
            reverse(f"vertrouwenspersonen:{naam}", args=[rij.pk]), gegevens, follow=True
        )
        assert antwoord.status_code == 200, naam
    bewaard = Adviesvraag.objects.get(pk=rij.pk)
    assert (bewaard.versie, bewaard.subcategorie_id, bewaard.wijze_van_afdoening_id) == (
        rij.versie,
        rij.subcategorie_id,
        rij.wijze_van_afdoening_id,
    )
    antwoord = vp_client.get(reverse("vertrouwenspersonen:wijzigen", args=[rij.pk]), follow=True)
    assert GESLOTEN_2025 in antwoord.content.decode()


@time_machine.travel("2026-03-10 10:00 +0100")
def test_een_rij_van_het_lopende_jaar_blijft_te_wijzigen(vp_client, vertrouwenspersoon):
    rij = _eigen_rij(vertrouwenspersoon, jaar=2026)
    lijst = vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).content.decode()
    assert reverse("vertrouwenspersonen:wijzigen", args=[rij.pk]) in lijst
    assert "Jaar gesloten" not in lijst


@time_machine.travel("2026-03-10 10:00 +0100")
def test_open_toont_wat_nog_bij_te_werken_is_en_niet_wat_liep_toen_het_jaar_sloot(
    vp_client, vertrouwenspersoon
):
    """Each year on its closing day the rows still running would otherwise stay 'Open' for good, in the
    list of what she has to update, though she can no longer update them."""
    lopend = {"wijze": "loopt-nog", "situatie": "loopt-nog"}
    vorig_jaar = _eigen_rij(vertrouwenspersoon, jaar=2025, **lopend)
    dit_jaar = _eigen_rij(vertrouwenspersoon, jaar=2026, **lopend)
    afgerond = _eigen_rij(vertrouwenspersoon, jaar=2026)

    def kenmerken(status: str) -> set[str]:
        antwoord = vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen"), {"status": status})
        return {vraag.kenmerk for vraag, _form, _gesloten in antwoord.context["regels"]}

    assert kenmerken("open") == {dit_jaar.kenmerk}
    assert kenmerken("bij-sluiting") == {vorig_jaar.kenmerk}
    assert kenmerken("gesloten") == {afgerond.kenmerk}
    assert kenmerken("") == {vorig_jaar.kenmerk, dit_jaar.kenmerk, afgerond.kenmerk}
    lijst = vp_client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).content.decode()
    rij_2025 = lijst.split(f'id="adviesvraag-{vorig_jaar.pk}"')[1].split("</tr>")[0]
    assert "Liep nog bij sluiting" in rij_2025 and ">Open<" not in rij_2025
    rij_2026 = lijst.split(f'id="adviesvraag-{dit_jaar.pk}"')[1].split("</tr>")[0]
    assert ">Open<" in rij_2026


def test_de_cijfers_van_het_ministerie_zijn_pas_exact_vanaf_de_publicatie_op_de_sluitdag():
    """A late row in January moves last year's figures; they are hidden until the year closes, so the
    exact figures never change from one publication to the next."""
    with time_machine.travel("2026-01-20 07:00 +0100"):
        tellijst(9, jaar=2025, sub="5-intimidatie")
        tellijst(2, jaar=2025, sub="8-arbeidsconflict")
        tellijst_publiceren()
        assert _sub_2025(inhoud.paginacijfers(jaar=2025)) == VERBORGEN
        tellijst(1, jaar=2025, sub="8-arbeidsconflict")  # entered late, in January
    with time_machine.travel("2026-02-01 05:00 +0100"):
        # The year is closed, but the latest publication is from before: still hidden.
        assert not gepubliceerd().exact(jaar=2025)
        assert _sub_2025(inhoud.paginacijfers(jaar=2025)) == VERBORGEN
    with time_machine.travel("2026-02-01 07:00 +0100"):
        assert publicatie_aan_de_beurt(datum=datetime.date(2026, 2, 1))
        tellijst_publiceren()
        assert _sub_2025(inhoud.paginacijfers(jaar=2025)) == 3


@time_machine.travel("2026-03-10 10:00 +0100")
def test_de_import_weigert_rijen_van_een_gesloten_jaar_met_de_reden(vertrouwenspersoon):
    bestand = csv_bytes([rij(jaar="2026", kwartaal="1"), rij(jaar="2025", kwartaal="4")])
    with pytest.raises(ImportFout) as fout:
        tellijst_importeren(
            door=vertrouwenspersoon,
            upload=lees_upload(upload(bestand, "tellijst.csv")),
            vandaag=datetime.date(2026, 3, 10),
        )
    assert [(f.regel, f.kolom, f.melding) for f in fout.value.fouten] == [(3, "jaar", GESLOTEN_2025)]
    assert Adviesvraag.objects.count() == 0


def test_een_rapport_wacht_tot_de_tellijst_van_het_jaar_gesloten_en_gepubliceerd_is(coordinator):
    with time_machine.travel("2026-01-20 07:00 +0100"):
        tellijst_publiceren()
        with pytest.raises(ValidationError, match="sluit op 1 februari 2026"):
            vaststelling.rapport_vaststellen(jaar=2025, door=coordinator)
