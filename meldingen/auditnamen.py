"""Audit rows read by people: each object named by what it is, not by its table and id.

'Melding OIF-2024-0012', 'Betrokkene 2 van OIF-2024-0012' (the second on that case's page), 'Afdoening
van betrokkene 2 van OIF-2024-0012', 'Melder van OIF-2024-0012', 'Aantekening 7 bij OIF-2024-0012',
'Statuswijziging 31 bij OIF-2024-0012', 'Gebruiker jdevries', 'Subcategorie ‘Intimidatie’',
'Kerncijfers 2024'. Names are looked up for one page (or one block of an export) at a time, with one
query per kind of object. An object that is gone keeps its kind and id.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import GETOOND, getoond_bij
from finintegriteit.referentie.models import Optie

from .models import (
    Aantekening,
    Bericht,
    Betrokkene,
    Document,
    MelderContact,
    MelderIdentiteit,
    Melding,
    StatusOvergang,
)

SOORTEN = {
    "melding": "Melding",
    "betrokkene": "Betrokkene",
    "afdoening": "Afdoening",
    "melderidentiteit": "Identiteit melder",
    "document": "Document",
    "aantekening": "Aantekening",
    "bericht": "Bericht",
    "meldercontact": "Contact met de melder",
    "statusovergang": "Statuswijziging",
    "user": "Gebruiker",
}


@dataclass(frozen=True)
class Benoemd:
    regel: AuditRegel
    object: str  # 'Betrokkene 2 van OIF-2024-0012'
    nummer: str  # the case number, or ''
    getoond: list[str]  # what a 'bekeken' row's page showed besides its object
    velden: list[str]  # the changed fields of any other row


def auditregels_benoemen(regels: list[AuditRegel]) -> list[Benoemd]:
    verwijzingen = set()
    for regel in regels:
        verwijzingen.add((regel.object_type, regel.object_id))
        verwijzingen.update(getoond_bij(regel))
    namen = _namen(verwijzingen)

    def naam(soort: str, pk: str) -> tuple[str, str]:
        return namen.get((soort, pk)) or (f"{SOORTEN.get(soort, soort.capitalize())} {pk}".strip(), "")

    uitkomst = []
    for regel in regels:
        getoond = getoond_bij(regel)
        object_naam, nummer = naam(regel.object_type, regel.object_id)
        uitkomst.append(
            Benoemd(
                regel=regel,
                object=object_naam,
                nummer=nummer,
                getoond=[naam(soort, pk)[0] for soort, pk in getoond],
                velden=_velden_naast(getoond, regel.velden),
            )
        )
    return uitkomst


def _velden_naast(getoond: list, velden: list[str]) -> list[str]:
    # A search row lists what the term was compared with besides the cases it showed; in any other row
    # a ':' may be part of the field itself (a user's account events), so only 'bekeken' rows are split.
    return [veld for veld in velden if GETOOND not in veld] if getoond else list(velden)


def _namen(verwijzingen: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    ids: dict[str, set[int]] = defaultdict(set)
    for soort, pk in verwijzingen:
        if pk.isdigit():
            ids[soort].add(int(pk))
    namen = {}
    for pk, nummer in Melding.objects.filter(pk__in=ids["melding"]).values_list("pk", "nummer"):
        namen[("melding", str(pk))] = (f"Melding {nummer}", nummer)
    for pk, nummer in MelderIdentiteit.objects.filter(pk__in=ids["melderidentiteit"]).values_list(
        "pk", "melding__nummer"
    ):
        namen[("melderidentiteit", str(pk))] = (f"Melder van {nummer}", nummer)
    # Parts of one case: named by the case they belong to, so the auditor can follow the case.
    for model in (Aantekening, Document, Bericht, MelderContact, StatusOvergang):
        soort = model._meta.model_name
        for pk, nummer in model.objects.filter(pk__in=ids[soort]).values_list("pk", "melding__nummer"):
            namen[(soort, str(pk))] = (f"{SOORTEN[soort]} {pk} bij {nummer}", nummer)
    # An afdoening belongs to one betrokkene (a one-to-one): found from this side, so that this app
    # need not import the afdoeningen app above it.
    betrokkene_van = dict(
        Betrokkene.objects.filter(afdoening__pk__in=ids["afdoening"]).values_list("afdoening__pk", "pk")
    )
    rang = _rangnummers(ids["betrokkene"] | set(betrokkene_van.values()))
    for pk in ids["betrokkene"]:
        if pk in rang:
            volgnummer, nummer = rang[pk]
            namen[("betrokkene", str(pk))] = (f"Betrokkene {volgnummer} van {nummer}", nummer)
    for afdoening, betrokkene in betrokkene_van.items():
        volgnummer, nummer = rang[betrokkene]
        namen[("afdoening", str(afdoening))] = (f"Afdoening van betrokkene {volgnummer} van {nummer}", nummer)
    # Taxonomy options a beheerder changed in /beheer/: by their label, as the beheerder knows them.
    for model in Optie.__subclasses__():
        soort = model._meta.model_name
        for pk, label in model.objects.filter(pk__in=ids[soort]).values_list("pk", "label"):
            namen[(soort, str(pk))] = (f"{model._meta.verbose_name.capitalize()} ‘{label}’", "")
    gebruikers = get_user_model().objects.filter(pk__in=ids["user"]).values_list("pk", "username")
    for pk, gebruikersnaam in gebruikers:
        namen[("user", str(pk))] = (f"Gebruiker {gebruikersnaam}", "")
    namen.update(_namen_uit_beheer(verwijzingen - namen.keys()))
    return namen


def _namen_uit_beheer(verwijzingen: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Whatever else was changed in /beheer/ (key figures, say), by the name /beheer/ logged for it.

    The admin keeps that name with each change, also of an object deleted since; reading it here names
    the other apps' objects without this app importing them.
    """
    if not verwijzingen:
        return {}
    soorten = {soort for soort, _ in verwijzingen}
    ids = {pk for _, pk in verwijzingen}
    namen = {}
    for soort, pk, naam in (
        LogEntry.objects.filter(content_type__model__in=soorten, object_id__in=ids)
        .order_by("action_time")
        .values_list("content_type__model", "object_id", "object_repr")
    ):
        if (soort, pk) in verwijzingen:
            namen[(soort, pk)] = (naam, "")
    return namen


def _rangnummers(betrokkenen: set[int]) -> dict[int, tuple[int, str]]:
    """betrokkene pk -> (its place on its case's page, counted from 1; the case number)."""
    if not betrokkenen:
        return {}
    meldingen = Betrokkene.objects.filter(pk__in=betrokkenen).values("melding_id")
    geteld: dict[int, int] = defaultdict(int)
    rang = {}
    for pk, melding_id, nummer in (
        Betrokkene.objects.filter(melding_id__in=meldingen)
        .order_by("melding_id", "pk")
        .values_list("pk", "melding_id", "melding__nummer")
    ):
        geteld[melding_id] += 1
        rang[pk] = (geteld[melding_id], nummer)
    return rang
