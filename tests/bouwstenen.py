"""Builders that several test modules share: a few words give a valid melding, afdoening or Tellijst rows.

They build on tests/factories.py; a builder lives here as soon as a second module needs it.
"""

import datetime
import io

from django.core.management import CommandError, call_command
from django.db import transaction

from afdoeningen.models import Afdoening
from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, Melding
from meldingen.nummering import volgend_meldingsnummer
from tests.factories import AdviesvraagFactory


def melding(
    *,
    ontvangen_op=datetime.date(2024, 3, 1),
    melder="medewerker",
    onderwerp="ongewenste-omgangsvormen",
    onderdeel="belastingdienst",
    onderzoek=None,
):
    with transaction.atomic():
        volgnummer, nummer = volgend_meldingsnummer(jaar=ontvangen_op.year)
        return Melding.objects.create(
            nummer=nummer,
            jaar=ontvangen_op.year,
            volgnummer=volgnummer,
            ontvangen_op=ontvangen_op,
            melder_type=ref.MelderType.objects.get(code=melder),
            onderwerp=ref.SchendingSoort.objects.get(code=onderwerp),
            dienstonderdeel=ref.Onderdeel.objects.get(code=onderdeel),
            onderzoek_type=ref.OnderzoekType.objects.get(code=onderzoek) if onderzoek else None,
        )


def afgedaan(
    *,
    datum=datetime.date(2024, 6, 1),
    type="corrigerend-gesprek",
    schending="ongewenste-omgangsvormen",
    onderdeel="belastingdienst",
    onderzoek="geen-onderzoek",
    inhoud="Ongewenste omgangsvormen medewerker.",
    bij=None,
    ontvangen_op=None,
):
    m = bij or melding(
        ontvangen_op=ontvangen_op or datum.replace(month=1, day=1), onderzoek=onderzoek, onderdeel=onderdeel
    )
    betrokkene = Betrokkene.objects.create(
        melding=m, dienstonderdeel=ref.Onderdeel.objects.get(code=onderdeel)
    )
    return Afdoening.objects.create(
        betrokkene=betrokkene,
        schending=ref.SchendingSoort.objects.get(code=schending),
        type=ref.AfdoeningType.objects.get(code=type),
        datum=datum,
        inhoud=inhoud,
    )


SUB_HOOFD = {
    "5-intimidatie": "ongewenste-omgangsvormen",
    "5-discriminatie": "ongewenste-omgangsvormen",
    "5-pesten-treiteren-roddelen-buitensluiten": "ongewenste-omgangsvormen",
    "8-arbeidsconflict": "problematiek-personeel-en-organisatie",
    "1-fraude": "financiele-schendingen",
}


def tellijst(
    aantal=1,
    *,
    jaar=2024,
    sub="5-intimidatie",
    onderdeel="douane",
    wie="collega-eigen-organisatieonderdeel",
    wijze="klankbordgesprek-advies-incl-nazorgcontact-ook-telefonisch-mail",
    situatie="genormaliseerd-en-geschil-opgelost",
):
    return AdviesvraagFactory.create_batch(
        aantal,
        jaar=jaar,
        onderdeel=ref.Onderdeel.objects.get(code=onderdeel),
        hoofdcategorie=ref.Hoofdcategorie.objects.get(code=SUB_HOOFD[sub]),
        subcategorie=ref.Subcategorie.objects.get(code=sub),
        wie_betreft=ref.WieBetreft.objects.get(code=wie),
        wijze_van_afdoening=ref.WijzeVanAfdoening.objects.get(code=wijze),
        situatie=ref.SituatieNaInterventie.objects.get(code=situatie),
    )


def controleer_audittrail(*args) -> str:
    """The verdict of `controleer_audittrail`: its output when in order, the error text when not."""
    uitvoer = io.StringIO()
    try:
        call_command("controleer_audittrail", *args, stdout=uitvoer)
    except CommandError as fout:
        return f"FOUT {fout}"
    return uitvoer.getvalue()


def dashboard_met_tabellen(client, **params):
    """The coordinator's dashboard as a user sees it with every chapter's tables opened (they load when
    opened): the page's response, its content followed by those of the tables."""
    import html
    import re

    from django.urls import reverse

    antwoord = client.get(reverse("rapportage:dashboard"), params)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    for pad in re.findall(r'<details[^>]* hx-get="([^"]+)"', inhoud):
        inhoud += client.get(html.unescape(pad), HTTP_HX_REQUEST="true").content.decode()
    antwoord.content = inhoud.encode()
    return antwoord
