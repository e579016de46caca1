"""Which reports and figures a coordinator may see.

A coordinator tied to one onderdeel (kern.Profiel.onderdeel) sees only that onderdeel's reports and
dashboard; the others see everything. A report outside the user's scope answers 404, so its existence
does not leak.
"""

from django.http import Http404

# kern reads the coordinator's onderdeel too (who hands out activation codes); one definition, there.
from finintegriteit.kern.selectors import coordinator_van_het_ministerie, onderdeel_van

from .models import Rapport


def scope_naam(onderdeel) -> str:
    """How messages name what a report covers: the onderdeel, or the whole ministry when there is none."""
    return onderdeel.label if onderdeel is not None else "hele ministerie"


def rapporten_voor_gebruiker(gebruiker):
    rapporten = Rapport.objects.select_related("onderdeel", "aangevraagd_door")
    onderdeel = onderdeel_van(gebruiker=gebruiker)
    if onderdeel is not None:
        rapporten = rapporten.filter(onderdeel=onderdeel)
    return rapporten


def rapport_voor_gebruiker(*, gebruiker, pk: int) -> Rapport:
    try:
        return rapporten_voor_gebruiker(gebruiker).get(pk=pk)
    except Rapport.DoesNotExist:
        raise Http404("Geen rapport met dit nummer.") from None


def mag_teksten_wijzigen(gebruiker) -> bool:
    """The report's texts are the ministry's: only a coordinator of the whole ministry edits them."""
    return coordinator_van_het_ministerie(gebruiker=gebruiker)


def vaststellingen_voor_gebruiker(gebruiker):
    """Adopted reports in the user's scope (a coordinator of one onderdeel: only that onderdeel's)."""
    from .vaststelling.selectors import vaststellingen

    eigen = onderdeel_van(gebruiker=gebruiker)
    lijst = vaststellingen()
    return lijst if eigen is None else lijst.filter(onderdeel=eigen)
