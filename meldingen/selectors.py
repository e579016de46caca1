"""Reads of meldingen, scoped to the user. Only OIF analists see meldingen; the beheerder the audit trail."""

import datetime
import functools
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.http import Http404

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditReden, AuditRegel

from .models import Bericht, Betrokkene, Document, MelderIdentiteit, Melding

AFGEDAAN = Melding.Status.AFGEDAAN


def mag_meldingen_zien(gebruiker) -> bool:
    return r.heeft_rol(gebruiker, r.OIF_ANALIST)


def zichtbaar_q(gebruiker) -> Q:
    """The meldingen this analist may know of: an afgeschermde melding only for its behandelaar and
    whoever holds the teamleider's right. Every read of meldingen for a user goes through this, so that
    for anyone else such a case does not exist: 404, and absent from lists, search and counts."""
    if r.heeft_recht(gebruiker, r.AFGESCHERMDE_MELDINGEN_INZIEN):
        return Q()
    return Q(afgeschermd=False) | Q(behandelaar_id=gebruiker.pk)


def zichtbare_meldingen(*, gebruiker) -> QuerySet:
    if not mag_meldingen_zien(gebruiker):
        return Melding.objects.none()
    return Melding.objects.filter(zichtbaar_q(gebruiker))


def mag_afscherming_wijzigen(*, gebruiker, melding: Melding) -> bool:
    """The behandelaar and the teamleider decide on need to know; any other analist cannot see the case
    once it is afgeschermd, so may not make it so either."""
    return r.heeft_recht(gebruiker, r.AFGESCHERMDE_MELDINGEN_INZIEN) or (
        melding.behandelaar_id is not None and melding.behandelaar_id == gebruiker.pk
    )


def _melder_wacht_op_antwoord() -> Exact:
    """True when the melder wrote last (a question, an addition) and nobody at OIF has written since.

    By id, the order written: a melder's message carries only its day (00:00), so by time a melder's
    answer would come before the question of that same morning. None for a melding without messages.
    """
    laatste = Bericht.objects.filter(melding=OuterRef("pk")).order_by("-pk").values("richting")[:1]
    return Exact(Subquery(laatste), Bericht.Richting.VAN_MELDER)


def melding_voor_gebruiker(*, gebruiker, pk) -> Melding:
    """The melding with this pk, or Http404 when it does not exist or the user may not know it does.

    Whether the user may change it is a rule of the services (an afgedane melding is read-only); a view
    that only changes can check `melding.is_afgedaan` first for a friendlier answer.
    """
    if not mag_meldingen_zien(gebruiker):
        raise Http404("Melding niet gevonden.")
    melding = (
        zichtbare_meldingen(gebruiker=gebruiker)
        .select_related(
            "melder_type", "onderwerp", "dienstonderdeel", "behandelaar", "onderzoek_type", "duplicaat_van"
        )
        .filter(pk=pk)
        .first()
    )
    if melding is None:
        raise Http404("Melding niet gevonden.")
    return melding


def melding_op_nummer(*, gebruiker, nummer: str) -> Melding | None:
    """The melding with this case number ('OIF-2025-0012', '2025-0012' or '2025-12') that the user may
    see; None otherwise, the same for a number that does not exist and one that is afgeschermd."""
    delen = nummer.strip().upper().removeprefix("OIF-").split("-")
    if len(delen) != 2 or not all(deel.isdigit() for deel in delen):
        return None
    return (
        zichtbare_meldingen(gebruiker=gebruiker).filter(jaar=int(delen[0]), volgnummer=int(delen[1])).first()
    )


def betrokkene_voor_gebruiker(*, gebruiker, pk) -> Betrokkene:
    """The betrokkene with its melding, or Http404 (same rules as melding_voor_gebruiker)."""
    if not mag_meldingen_zien(gebruiker):
        raise Http404("Betrokkene niet gevonden.")
    betrokkene = (
        Betrokkene.objects.select_related(
            "melding", "melding__onderwerp", "melding__dienstonderdeel", "dienstonderdeel"
        )
        .filter(pk=pk)
        .filter(melding__in=zichtbare_meldingen(gebruiker=gebruiker))
        .first()
    )
    if betrokkene is None:
        raise Http404("Betrokkene niet gevonden.")
    return betrokkene


def document_voor_gebruiker(*, gebruiker, pk) -> Document:
    """A document of a case the user may see, or Http404 (same rules as melding_voor_gebruiker)."""
    document = Document.objects.filter(pk=pk, melding__in=zichtbare_meldingen(gebruiker=gebruiker)).first()
    if document is None:
        raise Http404("Document niet gevonden.")
    melding_voor_gebruiker(gebruiker=gebruiker, pk=document.melding_id)
    return document


def melder_identiteit_van(*, melding: Melding) -> MelderIdentiteit | None:
    """Only for services and views that already checked the right and wrote the audit row."""
    return MelderIdentiteit.objects.filter(melding=melding).first()


def betrokkenen_van(*, melding: Melding) -> list[Betrokkene]:
    """The betrokkenen of a melding with their afdoening (if any) loaded in the same query."""
    return list(
        melding.betrokkenen.select_related(
            "dienstonderdeel", "afdoening", "afdoening__type", "afdoening__schending"
        ).order_by("pk")
    )


def statusovergangen_van(*, melding: Melding):
    return melding.statusovergangen.select_related("door").order_by("op", "pk")


# --- Termijnen -------------------------------------------------------------------------------------


def _bevestiging_open() -> Q:
    return Q(ontvangstbevestiging_op__isnull=True, ontvangstbevestiging_uiterlijk__isnull=False)


def _terugkoppeling_open() -> Q:
    return Q(terugkoppeling_op__isnull=True, terugkoppeling_uiterlijk__isnull=False)


def te_laat_q(vandaag: datetime.date) -> Q:
    """Open meldingen with a deadline that has passed and is not recorded as done."""
    return ~Q(status=AFGEDAAN) & (
        Q(_bevestiging_open(), ontvangstbevestiging_uiterlijk__lt=vandaag)
        | Q(_terugkoppeling_open(), terugkoppeling_uiterlijk__lt=vandaag)
    )


def _volgende_termijn():
    """The first open deadline; an afgedane melding has none (it leaves the overview and the reminders)."""
    return Case(
        When(status=AFGEDAAN, then=None),
        When(_bevestiging_open(), then=F("ontvangstbevestiging_uiterlijk")),
        When(_terugkoppeling_open(), then=F("terugkoppeling_uiterlijk")),
        default=None,
        output_field=DateField(),
    )


def _met_termijnen(qs: QuerySet, vandaag: datetime.date) -> QuerySet:
    return qs.annotate(
        volgende_termijn=_volgende_termijn(),
        te_laat=ExpressionWrapper(te_laat_q(vandaag), output_field=BooleanField()),
    )


def _aantal_betrokkenen(**filter):
    per_melding = (
        Betrokkene.objects.filter(melding=OuterRef("pk"), **filter)
        .order_by()
        .values("melding")
        .annotate(aantal=Count("pk"))
        .values("aantal")
    )
    return Coalesce(Subquery(per_melding), 0)


WERKVOORRAAD_VELDEN = (
    "nummer",
    "jaar",
    "volgnummer",
    "ontvangen_op",
    "klokkenluidersmelding",
    "status",
    "afgeschermd",
    "duplicaat_van",
    # The ids only: the row takes the labels from the process's option lists (werkvoorraadregel).
    "onderwerp",
    "dienstonderdeel",
    "behandelaar__username",
    "behandelaar__first_name",
    "behandelaar__last_name",
)


@functools.lru_cache(maxsize=2)
def _werkvoorraad(vandaag: datetime.date) -> QuerySet:
    """The werkvoorraad's query without the user, built once per day per process.

    Resolving its annotations took the ORM over a millisecond on every request, more than the rows of
    a page (docs/prestaties.md, 'Werkvoorraad'). The result is only ever cloned (every queryset method
    returns a new one), never evaluated, so no request sees another's rows; the user's visibility is
    added to each clone.
    """
    qs = (
        Melding.objects.select_related("behandelaar")
        # Only what the list shows: the confidential description never leaves the database here.
        .only(*WERKVOORRAAD_VELDEN)
        # Correlated counts rather than JOIN + GROUP BY: without a GROUP BY the database walks the
        # (jaar, volgnummer) index and stops after one page, instead of grouping every melding first.
        .annotate(
            aantal_betrokkenen=_aantal_betrokkenen(),
            aantal_afdoeningen=_aantal_betrokkenen(afdoening__isnull=False),
            melder_wacht=_melder_wacht_op_antwoord(),
        )
        .order_by("-jaar", "-volgnummer")
    )
    return _met_termijnen(qs, vandaag)


def meldingen_voor_gebruiker(*, gebruiker, vandaag: datetime.date) -> QuerySet:
    """The werkvoorraad: every melding an OIF analist may see, with what the list shows, in one query."""
    if not mag_meldingen_zien(gebruiker):
        return Melding.objects.none()
    return _werkvoorraad(vandaag).filter(zichtbaar_q(gebruiker))


def termijnen_voor_gebruiker(*, gebruiker, vandaag: datetime.date, bijna_dagen: int) -> QuerySet:
    """Open klokkenluidersmeldingen with a deadline still to meet, the first due at the top."""
    qs = (
        zichtbare_meldingen(gebruiker=gebruiker)
        .filter(klokkenluidersmelding=True)
        .exclude(status=AFGEDAAN)
        .filter(_bevestiging_open() | _terugkoppeling_open())
        .select_related("behandelaar", "dienstonderdeel")
    )
    grens = vandaag + datetime.timedelta(days=bijna_dagen)
    return (
        _met_termijnen(qs, vandaag)
        .annotate(
            bijna_verlopen=ExpressionWrapper(
                Q(volgende_termijn__gte=vandaag, volgende_termijn__lte=grens), output_field=BooleanField()
            )
        )
        .order_by("volgende_termijn", "jaar", "volgnummer")
    )


@dataclass(frozen=True)
class Termijn:
    nummer: str
    behandelaar: object
    soort: str
    uiterlijk: datetime.date
    te_laat: bool


def _termijn_binnen(grens: datetime.date) -> Q:
    return Q(_bevestiging_open(), ontvangstbevestiging_uiterlijk__lte=grens) | Q(
        _terugkoppeling_open(), terugkoppeling_uiterlijk__lte=grens
    )


def _werkende_behandelaar() -> Q:
    """The behandelaar can still work the case: an active account that still holds the OIF-analist role.
    Someone who changed roles (to functioneel beheerder, say) keeps the assignment until the teamleider
    moves it, but must not be mailed its case numbers."""
    return Q(behandelaar__is_active=True, behandelaar__groups__name=r.OIF_ANALIST)


def zonder_behandelaar_tellen(*, vandaag: datetime.date, bijna_dagen: int) -> int:
    """Open klokkenluidersmeldingen with a deadline within reach that no working behandelaar will hear
    of."""
    grens = vandaag + datetime.timedelta(days=bijna_dagen)
    return (
        Melding.objects.filter(klokkenluidersmelding=True)
        .exclude(status=AFGEDAAN)
        .exclude(pk__in=Melding.objects.filter(_werkende_behandelaar()).values("pk"))
        .filter(_termijn_binnen(grens))
        .count()
    )


def herinneringen_selecteren(*, vandaag: datetime.date, bijna_dagen: int) -> list[Termijn]:
    """Every open deadline of an open klokkenluidersmelding with a working behandelaar that is overdue or
    due within `bijna_dagen`, one entry per deadline."""
    grens = vandaag + datetime.timedelta(days=bijna_dagen)
    meldingen = (
        Melding.objects.filter(_werkende_behandelaar(), klokkenluidersmelding=True)
        .exclude(status=AFGEDAAN)
        .filter(_termijn_binnen(grens))
        .select_related("behandelaar")
        .order_by("behandelaar_id", "jaar", "volgnummer")
    )
    termijnen = []
    for m in meldingen:
        for soort, gedaan, uiterlijk in (
            ("ontvangstbevestiging", m.ontvangstbevestiging_op, m.ontvangstbevestiging_uiterlijk),
            ("terugkoppeling", m.terugkoppeling_op, m.terugkoppeling_uiterlijk),
        ):
            if gedaan is None and uiterlijk is not None and uiterlijk <= grens:
                termijnen.append(Termijn(m.nummer, m.behandelaar, soort, uiterlijk, uiterlijk < vandaag))
    return termijnen


# --- Audittrail ------------------------------------------------------------------------------------


def auditregels_voor_gebruiker(*, gebruiker) -> QuerySet:
    if not r.heeft_rol(gebruiker, r.BEHEERDER):
        return AuditRegel.objects.none()
    return AuditRegel.objects.select_related("gebruiker").order_by("-op", "-pk")


def identiteit_inzagen(*, melding: Melding, aantal: int = 50) -> QuerySet:
    """Who opened or changed this melder's identity, when and why: for users who hold that right only
    (the reasons are case content; the beheerder's audit view leaves them out)."""
    return (
        AuditReden.objects.filter(melding=melding, regel__object_type__in=["melderidentiteit", "melding"])
        .filter(
            regel__actie__in=[
                AuditRegel.Actie.IDENTITEIT,
                AuditRegel.Actie.AANGEMAAKT,
                AuditRegel.Actie.GEWIJZIGD,
            ]
        )
        .exclude(
            regel__object_type="melding",
            regel__actie__in=[AuditRegel.Actie.AANGEMAAKT, AuditRegel.Actie.GEWIJZIGD],
        )
        .select_related("regel__gebruiker")
        .order_by("-regel__op", "-regel_id")[:aantal]
    )


def audit_objecten_voor_melding(nummer: str) -> Q:
    """Rows about a melding and everything under it, for the audit search on a case number."""
    melding = Melding.objects.filter(nummer__iexact=nummer.strip()).values_list("pk", flat=True).first()
    if melding is None:
        return Q(pk__in=[])
    q = Q(object_type="melding", object_id=str(melding))
    betrokkenen = Betrokkene.objects.filter(melding_id=melding)
    for object_type, pks in (
        ("betrokkene", betrokkenen.values_list("pk", flat=True)),
        (
            "melderidentiteit",
            MelderIdentiteit.objects.filter(melding_id=melding).values_list("pk", flat=True),
        ),
        ("afdoening", betrokkenen.filter(afdoening__isnull=False).values_list("afdoening__pk", flat=True)),
    ):
        q |= Q(object_type=object_type, object_id__in=[str(pk) for pk in pks])
    return q
