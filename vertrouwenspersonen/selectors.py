"""Reads of the Tellijst and the register. Counting happens in the database."""

import datetime
import uuid

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from finintegriteit.kern.datums import plus_jaren, plus_maanden
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie.models import Hoofdcategorie

from .datums import CERTIFICERING_JAREN, VERLOOPT_BINNEN_MAANDEN, certificering_verloopt_op
from .models import OPTIEVELDEN, Adviesvraag, Certificeringsstatus, VertrouwenspersoonProfiel
from .pseudoniem import pseudoniemen_van
from .regels import eerste_open_jaar

# --- Tellijst ----------------------------------------------------------------------------------------

# The status filter of a vertrouwenspersoon's own list. Open: still running and still to update. A row
# still running when its year closed can no longer be updated (regels.sluitdatum): it has its own status,
# so that the open rows are the ones she can act on.
OPEN = "open"
GESLOTEN = "gesloten"
OPEN_BIJ_SLUITING = "bij-sluiting"


def eerste_tellijstjaar() -> int:
    """The first year with Tellijst categories: rows before it cannot be registered.

    From the option lists: asked on every Tellijst page. A row of a year before it has no option in
    use, which the services check against the database anyway.
    """
    return min((optie.eerste_jaar for optie in keuzelijsten.opties(Hoofdcategorie)), default=2000)


def adviesvragen_van(
    *, gebruiker, jaar: int | None = None, status: str | None = None, kenmerk: str | None = None
) -> QuerySet[Adviesvraag]:
    """The rows this vertrouwenspersoon registered, latest period first; nobody else's, whatever the role.

    Open rows are the ones whose wijze van afdoening is 'Loopt nog', in a year that is still open today
    (see OPEN). Within a period the rows follow the taxonomy: a row keeps no moment or order of
    registration, on purpose.
    """
    rijen = Adviesvraag.objects.filter(pseudoniem__in=pseudoniemen_van(gebruiker))
    if jaar is not None:
        rijen = rijen.filter(jaar=jaar)
    if kenmerk is not None:
        # The kenmerk is the first 8 hex digits of the id: the ids that start with them form one range.
        kenmerk = kenmerk.lower()
        rijen = rijen.filter(pk__gte=uuid.UUID(kenmerk + "0" * 24), pk__lte=uuid.UUID(kenmerk + "f" * 24))
    open_vanaf = eerste_open_jaar(op=timezone.localdate())
    if status == OPEN:
        rijen = rijen.filter(wijze_van_afdoening__loopt_nog=True, jaar__gte=open_vanaf)
    elif status == OPEN_BIJ_SLUITING:
        rijen = rijen.filter(wijze_van_afdoening__loopt_nog=True, jaar__lt=open_vanaf)
    elif status == GESLOTEN:
        rijen = rijen.filter(wijze_van_afdoening__loopt_nog=False)
    return rijen.select_related(*OPTIEVELDEN).order_by(
        "-jaar",
        F("kwartaal").desc(nulls_last=True),
        "hoofdcategorie__volgorde",
        "subcategorie__volgorde",
        "pk",
    )


def jaren_met_adviesvragen(*, gebruiker) -> list[int]:
    return list(
        Adviesvraag.objects.filter(pseudoniem__in=pseudoniemen_van(gebruiker))
        .order_by("-jaar")
        .values_list("jaar", flat=True)
        .distinct()
    )


def adviesvraag_voor_vertrouwenspersoon(*, gebruiker, pk) -> Adviesvraag:
    """One of the user's own rows; any other row does not exist for them (404, not 403: no hint it exists)."""
    try:
        return adviesvragen_van(gebruiker=gebruiker).get(pk=pk)
    except Adviesvraag.DoesNotExist:
        raise Http404("Adviesvraag niet gevonden.") from None


# --- Register ----------------------------------------------------------------------------------------


def _status_op(peildatum: datetime.date, veld: str) -> Subquery:
    """The status row in force on the peildatum: the latest one that started on or before it."""
    return Subquery(
        Certificeringsstatus.objects.filter(vertrouwenspersoon=OuterRef("pk"), vanaf__lte=peildatum)
        .order_by("-vanaf")
        .values(veld)[:1]
    )


def register_op_peildatum(*, peildatum: datetime.date) -> QuerySet[VertrouwenspersoonProfiel]:
    """Vertrouwenspersonen in function on the peildatum, with their status then and its start date."""
    return (
        VertrouwenspersoonProfiel.objects.filter(in_functie_sinds__lte=peildatum)
        .filter(Q(uit_functie_per__isnull=True) | Q(uit_functie_per__gt=peildatum))
        .annotate(
            status_op_peildatum=_status_op(peildatum, "status"), status_vanaf=_status_op(peildatum, "vanaf")
        )
    )


def bereikbare_vertrouwenspersonen(*, peildatum: datetime.date) -> list[VertrouwenspersoonProfiel]:
    """Who an employee can turn to today, by onderdeel: name, and the e-mail address of their account
    when they have one. Nothing else of the register (no status, no dates) is shown to the public."""
    return list(
        register_op_peildatum(peildatum=peildatum)
        .select_related("onderdeel", "gebruiker")
        .order_by("onderdeel__volgorde", "onderdeel__label", "-coordinerend", "naam", "pk")
    )


VERLOPEN = "Certificering verlopen"


def _gecertificeerd_sinds(peildatum: datetime.date) -> datetime.date:
    """The earliest certification date that is still valid on the peildatum (it expires on or after it)."""
    return plus_jaren(peildatum, -CERTIFICERING_JAREN)


def register_telling(*, peildatum: datetime.date) -> dict:
    """The report's table: vertrouwenspersonen in function on the peildatum, in total and per status.

    Returns {"totaal": n, "per_status": {label: n}, "verlopen": n} with all four labels of the report
    in its order. An LVV certification that expired before the peildatum is not counted as
    'LVV-registervertrouwenspersoon' but as `verlopen`, until the beheerder records what came after.
    One query: conditional aggregation over the status each person had on the peildatum.
    """
    statussen = Certificeringsstatus.Status
    lvv = Q(status_op_peildatum=statussen.LVV_REGISTER)
    geldig = Q(status_vanaf__gte=_gecertificeerd_sinds(peildatum))
    filters = {status.value: Q(status_op_peildatum=status.value) for status in statussen}
    filters[statussen.LVV_REGISTER.value] = lvv & geldig
    telling = register_op_peildatum(peildatum=peildatum).aggregate(
        totaal=Count("pk"),
        verlopen=Count("pk", filter=lvv & ~geldig),
        **{status: Count("pk", filter=filter_) for status, filter_ in filters.items()},
    )
    return {
        "totaal": telling["totaal"],
        "per_status": {status.label: telling[status.value] for status in statussen},
        "verlopen": telling["verlopen"],
    }


def verlopende_certificeringen(
    *, peildatum: datetime.date, maanden: int = VERLOOPT_BINNEN_MAANDEN
) -> list[tuple[VertrouwenspersoonProfiel, datetime.date]]:
    """LVV-certifications of people in function that expire on the peildatum or within `maanden` after it.

    (profiel, verloopt_op) pairs, soonest first. One that expired before the peildatum is not on this
    list: the overview shows it as 'Certificering verlopen'.
    """
    grens = plus_jaren(plus_maanden(peildatum, maanden), -CERTIFICERING_JAREN)
    profielen = (
        register_op_peildatum(peildatum=peildatum)
        .filter(
            status_op_peildatum=Certificeringsstatus.Status.LVV_REGISTER,
            status_vanaf__lte=grens,
            status_vanaf__gte=_gecertificeerd_sinds(peildatum),
        )
        .select_related("onderdeel")
        .order_by("status_vanaf", "naam")
    )
    return [(profiel, certificering_verloopt_op(profiel.status_vanaf)) for profiel in profielen]


def register_lijst(*, peildatum: datetime.date) -> list[VertrouwenspersoonProfiel]:
    """Everyone in the register with their status on the peildatum; `in_functie` says whether they count."""
    profielen = (
        VertrouwenspersoonProfiel.objects.annotate(
            status_op_peildatum=_status_op(peildatum, "status"), status_vanaf=_status_op(peildatum, "vanaf")
        )
        .select_related("onderdeel", "gebruiker")
        .order_by("naam", "pk")
    )
    labels = dict(Certificeringsstatus.Status.choices)
    sinds = _gecertificeerd_sinds(peildatum)
    lijst = list(profielen)
    for profiel in lijst:
        profiel.in_functie = profiel.actief_op(peildatum)
        profiel.status_label = labels.get(profiel.status_op_peildatum, "")
        if (
            profiel.status_op_peildatum == Certificeringsstatus.Status.LVV_REGISTER
            and profiel.status_vanaf < sinds
        ):
            profiel.status_label = VERLOPEN
    return lijst
