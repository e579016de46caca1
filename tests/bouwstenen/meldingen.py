"""OIF builders: a melding or an afgedaan betrokkene in a few words, the registration form's data, the
audit trail's verdict, a meldingen permission for a user."""

import datetime
import io

from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command

from finintegriteit.referentie import models as ref
from meldingen.models import Melding
from tests.factories import AfdoeningFactory, BetrokkeneFactory, MeldingFactory, optie


def melding(
    *,
    ontvangen_op=datetime.date(2024, 3, 1),
    melder="medewerker",
    onderwerp="ongewenste-omgangsvormen",
    onderdeel="belastingdienst",
    onderzoek=None,
):
    return MeldingFactory(
        ontvangen_op=ontvangen_op,
        melder_type=optie(ref.MelderType, melder),
        onderwerp=optie(ref.SchendingSoort, onderwerp),
        dienstonderdeel=optie(ref.Onderdeel, onderdeel),
        onderzoek_type=optie(ref.OnderzoekType, onderzoek) if onderzoek else None,
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
    # Afgedaan as the report needs it for Bijlage 2: the status with its date (the latest afdoening).
    m.refresh_from_db()
    Melding.objects.filter(pk=m.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=max(filter(None, [m.afgedaan_op, datum]))
    )
    return AfdoeningFactory(
        betrokkene=BetrokkeneFactory(melding=m, dienstonderdeel=optie(ref.Onderdeel, onderdeel)),
        schending=optie(ref.SchendingSoort, schending),
        type=optie(ref.AfdoeningType, type),
        datum=datum,
        inhoud=inhoud,
    )


def formulier(**extra):
    """What the registration form (meldingen:nieuw) posts for a valid melding."""
    return {
        "ontvangen_op": "03-03-2025",
        "melder_type": ref.MelderType.objects.get(code="management").pk,
        "onderwerp": ref.SchendingSoort.objects.get(code="lekken-misbruik-informatie").pk,
        "dienstonderdeel": ref.Onderdeel.objects.get(code="douane").pk,
        "omschrijving": "Collega deelt klantgegevens.",
        **extra,
    }


def controleer_audittrail(*args) -> str:
    """The verdict of `controleer_audittrail`: its output when in order, the error text when not."""
    uitvoer = io.StringIO()
    try:
        call_command("controleer_audittrail", *args, stdout=uitvoer)
    except CommandError as fout:
        return f"FOUT {fout}"
    return uitvoer.getvalue()


def recht(gebruiker, codename: str):
    """Give a user one of the meldingen permissions (a fresh object, so the permission cache is empty)."""
    gebruiker.user_permissions.add(
        Permission.objects.get(content_type__app_label="meldingen", codename=codename)
    )
    return type(gebruiker).objects.get(pk=gebruiker.pk)
