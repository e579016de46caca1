"""Current-year activity for the demo: Tellijst rows of this year, its publications and a report request.

The published years (2022-2024) stay exactly as in the report; this adds what a live installation has
on any day of the year, dated relative to today, so the first screens show work instead of zeros.
Everything goes through the services of the owning app, as the demo users would do it. Run after
maak_demogebruikers (the rows belong to 'vertrouwenspersoon', the request to 'coordinator'); without
those users nothing is added. Loading twice gives the same database.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from finintegriteit.referentie import models as ref
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.regels import kwartaal_van
from vertrouwenspersonen.services import adviesvraag_toevoegen

from ..models import Rapport
from ..services import rapport_aanvragen
from ..services.publicatie import is_publicatiedag, tellijst_publiceren

# (subcategorie, wie betreft, wijze van afdoening, situatie): a varied sample of a vertrouwenspersoon's work.
SOORTEN = [
    ("5-pesten-treiteren-roddelen-buitensluiten", "collega-eigen-organisatieonderdeel",
     "klankbordgesprek-advies-incl-nazorgcontact-ook-telefonisch-mail", "genormaliseerd-en-geschil-opgelost"),
    ("8-arbeidsconflict", "direct-leidinggevende",
     "drie-gesprek-met-betrokkenen-leidinggevende-manager", "arbeidsrelatie-of-omstandigheden-verslechterd"),
    ("5-intimidatie", "andere-leidinggevende",
     "escalatie-naar-directeur-met-melder", "andere-werkplek-functie-binnen-eigen-organisatieonderdeel"),
    ("8-psa-werkdruk-stress-etc", "melder-zelf",
     "doorverwijzing-bijv-bedrijfsmaatschappelijk-werk", "ziek-gemeld"),
    ("3-lekken-van-informatie", "medewerker-ander-organisatieonderdeel",
     "doorverwijzen-naar-klachtencommissie-cif-oif-etc",
     "situatie-niet-opgelost-melder-wil-geen-verdere-actie"),
]  # fmt: skip
# Rows per onderdeel per quarter that has begun: at least the Tellijst threshold (5 by default), so the
# coordinator's current-year table shows figures from the first quarter on instead of hidden cells.
PER_KWARTAAL = {"belastingdienst": 6, "douane": 5, "toeslagen": 5, "beleidsdepartement": 5}
LOPEND = ("loopt-nog", "loopt-nog")
DEMO_VERTROUWENSPERSOON = "vertrouwenspersoon"
DEMO_COORDINATOR = "coordinator"


def lopend_jaar_laden(*, rapportjaar: int, vandaag: datetime.date | None = None) -> dict:
    """Add this year's demo Tellijst rows, publish, and request the report of `rapportjaar`."""
    vandaag = vandaag or timezone.localdate()
    gebruikers = (
        get_user_model()
        .objects.filter(username__in=[DEMO_VERTROUWENSPERSOON, DEMO_COORDINATOR])
        .in_bulk(field_name="username")
    )
    aantallen = {"adviesvragen": 0, "rapporten": 0}
    vertrouwenspersoon = gebruikers.get(DEMO_VERTROUWENSPERSOON)
    if vertrouwenspersoon is not None:
        aantallen["adviesvragen"] = _tellijst_laden(vertrouwenspersoon, vandaag=vandaag)
        # The pages show the Tellijst only as published; without this the new rows wait for the beat task.
        tellijst_publiceren()
    coordinator = gebruikers.get(DEMO_COORDINATOR)
    if coordinator is not None:
        aantallen["rapporten"] = _rapport_aanvragen(coordinator, jaar=rapportjaar)
    return aantallen


def _tellijst_laden(vertrouwenspersoon, *, vandaag: datetime.date) -> int:
    """Add this year's rows spread over the weeks they would have been registered in, publishing on
    every publication day that has passed, as the beat task would have: the current-year view then
    shows rows coming in month by month instead of all in the month of loading."""
    eigen = Adviesvraag.objects.filter(jaar=vandaag.year, pseudoniem=pseudoniem_van(vertrouwenspersoon))
    if eigen.exists():
        return eigen.count()
    rijen = sorted(_rijen(vandaag=vandaag), key=lambda rij: rij[0])
    opties = _opties()
    dag = datetime.date(vandaag.year, 1, 1)
    volgende = 0
    while dag < vandaag:
        if is_publicatiedag(dag):
            while volgende < len(rijen) and rijen[volgende][0] < dag:
                _toevoegen(vertrouwenspersoon, rijen[volgende][1], opties=opties, jaar=vandaag.year)
                volgende += 1
            uur = datetime.time(settings.TELLIJST_PUBLICATIE_UUR)
            tellijst_publiceren(moment=timezone.make_aware(datetime.datetime.combine(dag, uur)))
        dag += datetime.timedelta(days=1)
    for _dag, rij in rijen[volgende:]:
        _toevoegen(vertrouwenspersoon, rij, opties=opties, jaar=vandaag.year)
    return len(rijen)


def _rijen(*, vandaag: datetime.date) -> list[tuple[datetime.date, tuple]]:
    """(registered on, (kwartaal, onderdeel, sub, wie, wijze, situatie)): each quarter's rows evenly
    over the days of that quarter that have passed."""
    laatste_kwartaal = kwartaal_van(vandaag)
    uitkomst = []
    for kwartaal in range(1, laatste_kwartaal + 1):
        begin = datetime.date(vandaag.year, 3 * kwartaal - 2, 1)
        einde = min(vandaag, datetime.date(vandaag.year + kwartaal // 4, 3 * kwartaal % 12 + 1, 1))
        soorten = []
        for onderdeel, rijen in PER_KWARTAAL.items():
            for nummer in range(rijen):
                sub, wie, wijze, situatie = SOORTEN[(nummer + kwartaal) % len(SOORTEN)]
                # In the running quarter every other case is still open.
                if kwartaal == laatste_kwartaal and nummer % 2 == 0:
                    wijze, situatie = LOPEND
                soorten.append((kwartaal, onderdeel, sub, wie, wijze, situatie))
        dagen = (einde - begin).days
        for i, soort in enumerate(soorten):
            uitkomst.append((begin + datetime.timedelta(days=dagen * i // len(soorten)), soort))
    return uitkomst


def _toevoegen(vertrouwenspersoon, rij: tuple, *, opties: dict, jaar: int) -> None:
    kwartaal, onderdeel, sub, wie, wijze, situatie = rij
    subcategorie = opties[ref.Subcategorie][sub]
    adviesvraag_toevoegen(
        vertrouwenspersoon=vertrouwenspersoon,
        jaar=jaar,
        kwartaal=kwartaal,
        onderdeel=opties[ref.Onderdeel][onderdeel],
        hoofdcategorie=subcategorie.hoofdcategorie,
        subcategorie=subcategorie,
        wie_betreft=opties[ref.WieBetreft][wie],
        wijze_van_afdoening=opties[ref.WijzeVanAfdoening][wijze],
        situatie=opties[ref.SituatieNaInterventie][situatie],
    )


def _opties() -> dict:
    modellen = [ref.Onderdeel, ref.WieBetreft, ref.WijzeVanAfdoening, ref.SituatieNaInterventie]
    opties = {model: model.objects.in_bulk(field_name="code") for model in modellen}
    opties[ref.Subcategorie] = ref.Subcategorie.objects.select_related("hoofdcategorie").in_bulk(
        field_name="code"
    )
    return opties


def _rapport_aanvragen(coordinator, *, jaar: int) -> int:
    """One request of the coordinator, as from the Jaarrapportages page; none when one exists."""
    if not Rapport.objects.filter(aangevraagd_door=coordinator).exists():
        rapport_aanvragen(door=coordinator, jaar=jaar)
    return Rapport.objects.filter(aangevraagd_door=coordinator).count()
