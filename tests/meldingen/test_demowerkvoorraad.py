"""The demo werkvoorraad: open meldingen of this year, dated relative to today, loaded twice gives the same
database; the timeline shows when each step happened and the deadlines are not all overdue."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from meldingen.demowerkvoorraad import demowerkvoorraad_laden
from meldingen.models import Aantekening, Document, Melding, StatusOvergang
from meldingen.selectors import te_laat_q
from meldingen.services import melding_status_wijzigen
from meldingen.services.fouten import DATUM_IN_TOEKOMST

pytestmark = pytest.mark.django_db

MIDDEN_IN_HET_JAAR = datetime.datetime(2025, 9, 15, 10, 0)


@pytest.fixture
def midden_in_het_jaar(time_machine, settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path
    time_machine.move_to(timezone.make_aware(MIDDEN_IN_HET_JAAR), tick=False)
    return MIDDEN_IN_HET_JAAR.date()


def test_demowerkvoorraad_open_meldingen_van_dit_jaar(analist_client, analist, midden_in_het_jaar):
    demowerkvoorraad_laden()
    demowerkvoorraad_laden()
    meldingen = Melding.objects.filter(jaar=midden_in_het_jaar.year)
    assert meldingen.count() == 5
    assert not meldingen.filter(status=Melding.Status.AFGEDAAN).exists()
    assert all(m.behandelaar == analist and m.betrokkenen.exists() for m in meldingen)
    assert Aantekening.objects.count() == 2 and Document.objects.count() == 2
    html = analist_client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert "5 open meldingen" in html


def test_tijdlijn_toont_de_dag_van_de_stap_niet_de_laaddag(analist_client, analist, midden_in_het_jaar):
    demowerkvoorraad_laden()
    melding = Melding.objects.get(ontvangen_op=midden_in_het_jaar - datetime.timedelta(days=40))
    html = analist_client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    tijdlijn = html[html.index('id="kop-tijdlijn"') :]
    # Received 6 August, assessed the next day, oriënterend onderzoek on 12 August; loaded 15 September.
    for stap in ("06-08-2025 09:30", "07-08-2025 09:30", "12-08-2025 09:30"):
        assert stap in tijdlijn
    stappen = list(melding.statusovergangen.order_by("op").values_list("naar", flat=True))
    assert stappen == ["ontvangen", "in_beoordeling", "orienterend_onderzoek"]
    assert not melding.statusovergangen.filter(op__date=midden_in_het_jaar).exists()


def test_aantekeningen_en_documenten_dragen_de_dag_van_de_laatste_stap(analist, midden_in_het_jaar):
    demowerkvoorraad_laden()
    for melding in Melding.objects.filter(aantekeningen__isnull=False):
        laatste = melding.statusovergangen.order_by("-op").first().op
        assert {a.op for a in melding.aantekeningen.all()} == {laatste}
        assert {d.op for d in melding.documenten.all()} == {laatste}
    assert not Aantekening.objects.filter(op__date=midden_in_het_jaar).exists()
    # The audit rows keep the moment of entry and say the row was dated back.
    velden = AuditRegel.objects.filter(object_type__in=["aantekening", "document"]).values_list(
        "velden", flat=True
    )
    assert sorted(sorted(v) for v in velden) == [["bestand", "op"]] * 2 + [["op", "tekst"]] * 2


def test_niet_elke_termijn_is_verlopen(analist_client, analist, midden_in_het_jaar):
    demowerkvoorraad_laden()
    met_termijn = Melding.objects.filter(klokkenluidersmelding=True)
    verlopen = met_termijn.filter(te_laat_q(midden_in_het_jaar))
    assert met_termijn.count() == 3 and verlopen.count() == 1
    html = analist_client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert html.count('class="te-laat"') == 1


def test_gedateerde_stap_niet_in_de_toekomst_en_zichtbaar_in_de_audit(analist, maak_melding, vandaag):
    melding = maak_melding(door=analist, ontvangen_op=vandaag - datetime.timedelta(days=10))
    morgen = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        melding_status_wijzigen(
            melding=melding, door=analist, naar="in_beoordeling", reden="Beoordeeld.", versie=melding.versie,
            gebeurd_op=morgen,
        )  # fmt: skip
    assert fout.value.message_dict["gebeurd_op"] == [DATUM_IN_TOEKOMST]
    melding.refresh_from_db()
    assert melding.status == Melding.Status.ONTVANGEN
    assert not StatusOvergang.objects.filter(melding=melding, naar="in_beoordeling").exists()
    eergisteren = timezone.now() - datetime.timedelta(days=2)
    melding_status_wijzigen(
        melding=melding, door=analist, naar="in_beoordeling", reden="Beoordeeld.", versie=melding.versie,
        gebeurd_op=eergisteren,
    )  # fmt: skip
    assert StatusOvergang.objects.get(melding=melding, naar="in_beoordeling").op == eergisteren
    # The audit row keeps the moment of entry and says the step was dated back.
    regel = AuditRegel.objects.filter(actie=AuditRegel.Actie.STATUS, object_id=str(melding.pk)).get()
    assert "op" in regel.velden and regel.op.date() == vandaag
