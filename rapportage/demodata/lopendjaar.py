"""Current-year activity for the demo: Tellijst rows of this year, a publication and a report request.

The published years (2022-2024) stay exactly as in the report; this adds what a live installation has
on any day of the year, dated relative to today, so the first screens show work instead of zeros.
Everything goes through the services of the owning app, as the demo users would do it. Run after
maak_demogebruikers (the rows belong to 'vertrouwenspersoon', the request to 'coordinator'); without
those users nothing is added. Loading twice gives the same database.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from finintegriteit.referentie import models as ref
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.regels import kwartaal_van
from vertrouwenspersonen.services import adviesvraag_toevoegen

from ..models import Rapport
from ..services import rapport_aanvragen
from ..services.publicatie import tellijst_publiceren

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
    eigen = Adviesvraag.objects.filter(jaar=vandaag.year, pseudoniem=pseudoniem_van(vertrouwenspersoon))
    if eigen.exists():
        return eigen.count()
    laatste_kwartaal = kwartaal_van(vandaag)
    opties = _opties()
    aantal = 0
    for kwartaal in range(1, laatste_kwartaal + 1):
        for onderdeel, rijen in PER_KWARTAAL.items():
            for nummer in range(rijen):
                sub, wie, wijze, situatie = SOORTEN[(nummer + kwartaal) % len(SOORTEN)]
                # In the running quarter every other case is still open.
                if kwartaal == laatste_kwartaal and nummer % 2 == 0:
                    wijze, situatie = LOPEND
                subcategorie = opties[ref.Subcategorie][sub]
                adviesvraag_toevoegen(
                    vertrouwenspersoon=vertrouwenspersoon,
                    jaar=vandaag.year,
                    kwartaal=kwartaal,
                    onderdeel=opties[ref.Onderdeel][onderdeel],
                    hoofdcategorie=subcategorie.hoofdcategorie,
                    subcategorie=subcategorie,
                    wie_betreft=opties[ref.WieBetreft][wie],
                    wijze_van_afdoening=opties[ref.WijzeVanAfdoening][wijze],
                    situatie=opties[ref.SituatieNaInterventie][situatie],
                )
                aantal += 1
    return aantal


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
