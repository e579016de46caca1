"""How far each reeks (all reports of a year at once) is, counted from its report rows."""

from django.db.models import Count, Max, Q

from ..models import Rapport, Reeks


def _met_tellingen():
    return Reeks.objects.select_related("aangevraagd_door").annotate(
        totaal=Count("rapporten"),
        klaar=Count("rapporten", filter=Q(rapporten__status=Rapport.Status.KLAAR)),
        mislukt=Count("rapporten", filter=Q(rapporten__status=Rapport.Status.MISLUKT)),
        laatste_klaar_op=Max("rapporten__klaar_op"),
    )


def _stand(reeks: Reeks) -> Reeks:
    """`afgerond` is counted from the rows, not read from `klaar_op`: a reeks whose chord callback never
    came (a report made again by the beat task after a killed worker) is still summed up."""
    reeks.afgerond = reeks.totaal > 0 and reeks.klaar + reeks.mislukt == reeks.totaal
    einde = reeks.klaar_op or (reeks.laatste_klaar_op if reeks.afgerond else None)
    reeks.duur = (einde - reeks.aangevraagd_op).total_seconds() if einde else None
    return reeks


def reeksen_met_stand(*, aantal: int = 3) -> list[Reeks]:
    """The latest reeksen with the counts of their reports; one query whatever their size."""
    return [_stand(reeks) for reeks in _met_tellingen()[:aantal]]


def reeks_met_stand(*, pk: int) -> Reeks:
    return _stand(_met_tellingen().get(pk=pk))
