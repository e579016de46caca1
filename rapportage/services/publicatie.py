"""Publishing the Tellijst figures at fixed moments (docs/cijfers.md, 'Publicatie van de Tellijst').

A publication copies the Tellijst, grouped by every field a figure counts, into GepubliceerdeTelling in
one INSERT … SELECT: one consistent snapshot, however many rows are saved meanwhile. Pages count from
the latest publication only, so what any role sees changes at the publication moments and never when
a row is saved. The moments follow the calendar, not the saves: every TELLIJST_PUBLICATIE_DAGEN days
counted from a fixed Monday, at the hour of the beat task.

In the same transaction the publication's total per year goes into GepubliceerdJaartotaal, which is
kept when the detailed counts are removed: the current-year view tells the growth per month from it.
"""

import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from vertrouwenspersonen.models import TELVELDEN, Adviesvraag
from vertrouwenspersonen.regels import sluitdatum

from ..models import GepubliceerdeTelling, GepubliceerdJaartotaal, Publicatie
from ..selectors.tellijstbron import laatste_publicatie

# A Monday: with the default of 7 days every publication falls on a Monday.
EERSTE_PUBLICATIEDAG = datetime.date(2024, 1, 1)
# Every field a figure counts: the publication groups the Tellijst by these.
VELDEN = TELVELDEN
# The counts of older publications are removed; the one before the latest stays for a page that read
# "which is the latest" just before a new one was made. Their year totals stay (GepubliceerdJaartotaal).
BEWAARDE_PUBLICATIES = 2


def is_publicatiedag(datum: datetime.date) -> bool:
    return (datum - EERSTE_PUBLICATIEDAG).days % settings.TELLIJST_PUBLICATIE_DAGEN == 0


def publicatie_aan_de_beurt(*, datum: datetime.date) -> bool:
    """Whether the beat task publishes on `datum`: on a publication day, once; at once when none exists
    (a new installation), so the pages do not stay empty until the first publication day; and on the day
    last year's Tellijst closes, so that its exact figures appear that day (Tellijstbron.exact)."""
    laatste = laatste_publicatie()
    if laatste is None:
        return True
    vandaag_aan_de_beurt = is_publicatiedag(datum) or datum == sluitdatum(datum.year - 1)
    return vandaag_aan_de_beurt and timezone.localdate(laatste.gepubliceerd_op) < datum


def _kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


@transaction.atomic
def tellijst_publiceren(*, moment: datetime.datetime | None = None) -> Publicatie:
    """Publish the Tellijst as it is now; the pages show these figures until the next publication."""
    publicatie = Publicatie.objects.create(gepubliceerd_op=moment or timezone.now())
    doel = ", ".join(_kolom(GepubliceerdeTelling, veld) for veld in ["publicatie", *VELDEN, "aantal"])
    bron = ", ".join(_kolom(Adviesvraag, veld) for veld in VELDEN)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(GepubliceerdeTelling._meta.db_table)} ({doel}) "  # noqa: S608
        f"SELECT %s, {bron}, COUNT(*) FROM {connection.ops.quote_name(Adviesvraag._meta.db_table)} "
        f"GROUP BY {bron}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [publicatie.pk])
    _jaartotalen_bewaren(publicatie)
    bewaard = Publicatie.objects.order_by("-gepubliceerd_op", "-pk").values_list("pk", flat=True)[
        :BEWAARDE_PUBLICATIES
    ]
    GepubliceerdeTelling.objects.exclude(publicatie__in=list(bewaard)).delete()
    return publicatie


def _jaartotalen_bewaren(publicatie: Publicatie) -> None:
    """Sum the counts just inserted per year: the totals are those of the same snapshot. The year of the
    publication itself gets a row also when it has no Tellijst rows yet, so that its 0 is known (see
    GepubliceerdJaartotaal)."""
    totalen = dict(
        publicatie.tellingen.values("jaar").annotate(n=Sum("aantal")).values_list("jaar", "n").order_by()
    )
    totalen.setdefault(timezone.localdate(publicatie.gepubliceerd_op).year, 0)
    GepubliceerdJaartotaal.objects.bulk_create(
        GepubliceerdJaartotaal(publicatie=publicatie, jaar=jaar, aantal=aantal)
        for jaar, aantal in totalen.items()
    )


def publiceren_als_aan_de_beurt(*, nu: datetime.datetime | None = None) -> Publicatie | None:
    """The beat task: publish when today is a publication day (or nothing was ever published)."""
    nu = nu or timezone.now()
    if not publicatie_aan_de_beurt(datum=timezone.localdate(nu)):
        return None
    return tellijst_publiceren(moment=nu)
