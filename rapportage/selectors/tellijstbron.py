"""Where the Tellijst figures are counted from: the latest publication (every page) or the live rows.

Pages show the Tellijst only as published (rapportage.services.publicatie): a figure that changed when a
row was saved would date that row. The operator's commands (`exporteer_cijfers`,
`genereer_jaarrapportage`) count the live rows: whoever runs them holds the database already. Both
sources have the same fields, so one set of queries counts either; a published row stands for
`aantal` Tellijst rows.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.regels import jaar_gesloten

from ..models import GepubliceerdeTelling, Publicatie


@dataclass(frozen=True)
class Tellijstbron:
    rijen: QuerySet
    publicatie: Publicatie | None  # None: the live rows
    live: bool = False

    def exact(self, *, jaar: int, onderdeel=None) -> bool:
        """Only the whole ministry's figures of a closed year are exact, as the published annual report;
        closed as of this publication (the live rows: today), so that the exact figures of a year never
        change from one publication to the next (vertrouwenspersonen.regels.sluitdatum)."""
        if onderdeel is not None:
            return False
        op = timezone.localdate(self.publicatie.gepubliceerd_op if self.publicatie else None)
        return jaar_gesloten(jaar, op=op)

    def openbare_jaren(self, jaar: int) -> list[int]:
        """The years of the three-year tables of `jaar` whose ministry figures are exact."""
        return [j for j in (jaar - 2, jaar - 1, jaar) if self.exact(jaar=j)]

    def tel(self, filter: Q | None = None):
        """The aggregate that counts Tellijst rows in a group of `rijen`."""
        if self.live:
            return Count("pk", filter=filter)
        return Coalesce(Sum("aantal", filter=filter), 0)


def live() -> Tellijstbron:
    return Tellijstbron(rijen=Adviesvraag.objects.all(), publicatie=None, live=True)


def laatste_publicatie() -> Publicatie | None:
    return Publicatie.objects.order_by("-gepubliceerd_op", "-pk").first()


def gepubliceerd(publicatie: Publicatie | None = None) -> Tellijstbron:
    """The given publication, else the latest; before the first one the Tellijst counts nothing."""
    publicatie = publicatie or laatste_publicatie()
    if publicatie is None:
        # Not .none(): selectors.gegevens turns the queryset into SQL of its own.
        return Tellijstbron(
            rijen=GepubliceerdeTelling.objects.filter(publicatie__isnull=True), publicatie=None
        )
    return Tellijstbron(
        rijen=GepubliceerdeTelling.objects.filter(publicatie=publicatie), publicatie=publicatie
    )
