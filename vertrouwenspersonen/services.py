"""Writes of the Tellijst. Each function checks the rules itself, so no caller can store an invalid row."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from finintegriteit.kern.importeren import ImportFout
from finintegriteit.kern.importeren.services import importbestanden_hersleutelen
from finintegriteit.kern.models import Importbestand
from finintegriteit.kern.rollen import VERTROUWENSPERSOON, heeft_rol
from finintegriteit.kern.vergrendeling import bijwerken_met_versie
from finintegriteit.referentie import models as ref

from . import regels
from .importeren import controleer_bestand
from .mengen import alles_mengen, nieuwe_rijen_mengen, tellijst_schrijven
from .models import (
    INVULVELDEN,
    OPTIEVELDEN,
    PROFIELVELDEN,
    Adviesvraag,
    Certificeringsstatus,
    VertrouwenspersoonProfiel,
)
from .pseudoniem import importeur_van, pseudoniem_van, pseudoniemen_van
from .selectors import eerste_tellijstjaar

ALLEEN_VERTROUWENSPERSOON = "Alleen een vertrouwenspersoon registreert adviesvragen."
ALLEEN_EIGEN_RIJ = "U kunt alleen uw eigen adviesvragen wijzigen."
GEEN_VORIGE_SLEUTEL = (
    "Zet TELLIJST_VORIGE_SLEUTEL (of TELLIJST_VORIGE_SLEUTEL_FILE) op de vorige sleutel en "
    "TELLIJST_SLEUTEL op de nieuwe."
)
HERSLEUTEL_BATCH = 500


def _controleer(adviesvraag: Adviesvraag, *, vandaag: datetime.date | None = None) -> None:
    fouten = regels.fouten_in_rij(
        jaar=adviesvraag.jaar,
        kwartaal=adviesvraag.kwartaal,
        melder_is_beklaagde=adviesvraag.melder_is_beklaagde,
        eerste_jaar=eerste_tellijstjaar(),
        vandaag=vandaag or timezone.localdate(),
        **{veld: getattr(adviesvraag, veld) for veld in OPTIEVELDEN},
    )
    if fouten:
        raise ValidationError(fouten)


def _niet_gesloten(adviesvraag: Adviesvraag) -> None:
    """The stored row's year: a closed year's figures no longer change (regels.sluitdatum)."""
    if fout := regels.gesloten_fout(adviesvraag.jaar, vandaag=timezone.localdate()):
        raise ValidationError({"jaar": fout})


def adviesvraag_toevoegen(
    *,
    vertrouwenspersoon,
    jaar: int,
    onderdeel: ref.Onderdeel,
    hoofdcategorie: ref.Hoofdcategorie,
    subcategorie: ref.Subcategorie,
    wie_betreft: ref.WieBetreft,
    wijze_van_afdoening: ref.WijzeVanAfdoening,
    situatie: ref.SituatieNaInterventie,
    kwartaal: int | None = None,
    melder_is_beklaagde: bool | None = None,
    evaluatielink: str = Adviesvraag.Evaluatielink.NIET_AANGEGEVEN,
) -> Adviesvraag:
    """Register one Tellijst row; raises ValidationError({field: message}) when a rule fails."""
    if not heeft_rol(vertrouwenspersoon, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_VERTROUWENSPERSOON)
    adviesvraag = Adviesvraag(
        jaar=jaar,
        kwartaal=kwartaal,
        onderdeel=onderdeel,
        hoofdcategorie=hoofdcategorie,
        subcategorie=subcategorie,
        wie_betreft=wie_betreft,
        wijze_van_afdoening=wijze_van_afdoening,
        situatie=situatie,
        melder_is_beklaagde=melder_is_beklaagde,
        evaluatielink=evaluatielink,
        pseudoniem=pseudoniem_van(vertrouwenspersoon),
    )
    _controleer(adviesvraag)
    with tellijst_schrijven(rij=adviesvraag):
        adviesvraag.save()
    return adviesvraag


def _controleer_eigenaar(adviesvraag: Adviesvraag, door) -> None:
    if adviesvraag.pseudoniem not in pseudoniemen_van(door) or not heeft_rol(door, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_EIGEN_RIJ)


def adviesvraag_wijzigen(*, adviesvraag: Adviesvraag, door, versie: int | None, **wijzigingen) -> Adviesvraag:
    """Change fields of one's own row (also the quick update of afdoening and situatie of an open row).

    `versie` is the version the user's page showed; if the row was saved since (another tab, a second
    device), VersieConflict is raised and the other change stands.
    """
    _controleer_eigenaar(adviesvraag, door)
    onbekend = set(wijzigingen) - set(INVULVELDEN)
    if onbekend:
        raise TypeError(f"Niet te wijzigen: {sorted(onbekend)}")
    _niet_gesloten(adviesvraag)
    vorige = {veld: getattr(adviesvraag, veld) for veld in wijzigingen}
    for veld, waarde in wijzigingen.items():
        setattr(adviesvraag, veld, waarde)
    try:
        _controleer(adviesvraag)
        with tellijst_schrijven(rij=adviesvraag):
            # A changed row is as new as a saved one: it joins the rows the next saves rewrite.
            bijwerken_met_versie(adviesvraag, versie=versie, velden={**wijzigingen, "gemengd": False})
    except ValidationError:  # a broken rule or a version conflict: the instance shows the stored row
        for veld, waarde in vorige.items():
            setattr(adviesvraag, veld, waarde)
        raise
    return adviesvraag


def adviesvraag_verwijderen(*, adviesvraag: Adviesvraag, door) -> None:
    """A vertrouwenspersoon removes a row registered by mistake; only their own, of a year still open."""
    _controleer_eigenaar(adviesvraag, door)
    _niet_gesloten(adviesvraag)
    with tellijst_schrijven():
        adviesvraag.delete()


def tellijst_hersleutelen(*, vorige_sleutel: str) -> int:
    """After a key rotation: store every row's pseudonym under the current key; returns the rows changed.

    The owners of the Tellijst import records (kern.Importbestand) move along, so a vertrouwenspersoon
    still finds an import in progress and is still warned about a file imported before.

    The pseudonym of a user under the previous key is recomputed for every account, so only the
    accounts' ids are read, never a row's owner. Rows of deleted accounts keep the old pseudonym: they
    belong to nobody either way. Running it twice changes nothing the second time.
    """
    if not vorige_sleutel or vorige_sleutel == settings.TELLIJST_SLEUTEL:
        raise ValueError(GEEN_VORIGE_SLEUTEL)
    gebruikers = get_user_model().objects.only("pk").order_by("pk")
    gewijzigd = 0
    with tellijst_schrijven():
        for deel in _in_delen(gebruikers.iterator(chunk_size=HERSLEUTEL_BATCH), HERSLEUTEL_BATCH):
            nieuw_van = {pseudoniem_van(g, sleutel=vorige_sleutel): pseudoniem_van(g) for g in deel}
            gewijzigd += Adviesvraag.objects.filter(pseudoniem__in=nieuw_van).update(
                pseudoniem=Case(
                    *(When(pseudoniem=oud, then=Value(nieuw)) for oud, nieuw in nieuw_van.items())
                )
            )
            importbestanden_hersleutelen(
                soort=Importbestand.Soort.TELLIJST,
                nieuw_van={importeur_van(g, sleutel=vorige_sleutel): importeur_van(g) for g in deel},
            )
    return gewijzigd


def _in_delen(reeks, grootte: int):
    deel = []
    for element in reeks:
        deel.append(element)
        if len(deel) == grootte:
            yield deel
            deel = []
    if deel:
        yield deel


# --- Import ------------------------------------------------------------------------------------------

IMPORT_BATCH = 2000


def tellijst_importeren(*, door, upload, vandaag: datetime.date | None = None, voortgang=None):
    """Store every row of a Tellijst file for this vertrouwenspersoon, or none of them (ImportFout).

    The file is checked again here, whatever a preview said before: the taxonomy may have changed in
    between. Reading, checking and inserting go together in one pass inside a single transaction:
    each block of IMPORT_BATCH checked rows is inserted and let go, so a file of 200,000 rows never
    holds 200,000 rows in memory. A row with an error stops the inserts and rolls back the blocks
    already written.
    """
    if not heeft_rol(door, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_VERTROUWENSPERSOON)
    pseudoniem = pseudoniem_van(door)

    def opslaan(blok: list[dict]) -> None:
        Adviesvraag.objects.bulk_create([Adviesvraag(**rij, pseudoniem=pseudoniem) for rij in blok])

    with transaction.atomic():
        controle = controleer_bestand(
            upload,
            vandaag=vandaag or timezone.localdate(),
            voortgang=voortgang,
            opslaan=opslaan,
            blokgrootte=IMPORT_BATCH,
        )
        if not controle.in_orde:
            raise ImportFout(controle.fouten)
        nieuwe_rijen_mengen()
    return controle


# --- Register ----------------------------------------------------------------------------------------

GEEN_VERTROUWENSPERSOON = "Deze gebruiker heeft de rol Vertrouwenspersoon niet."
UIT_FUNCTIE_VOOR_IN_FUNCTIE = "'Uit functie per' ligt na 'in functie sinds'."
COORDINEREND_SINDS_ZONDER_COORDINEREND = (
    "Vul 'coördinerend sinds' alleen in bij een coördinerend vertrouwenspersoon."
)
EERSTE_STATUS_TE_LAAT = (
    "De eerste status moet ingaan op of vóór {datum} (in functie sinds): "
    "op elke peildatum heeft een vertrouwenspersoon een status."
)
STATUS_DATUM_BEZET = "Op {datum} is al een status vastgelegd; wijzig de datum."
LAATSTE_STATUS = "De enige status kan niet worden verwijderd."


def profielfouten(
    *,
    in_functie_sinds: datetime.date | None = None,
    uit_functie_per: datetime.date | None = None,
    coordinerend: bool = False,
    coordinerend_sinds: datetime.date | None = None,
    gebruiker=None,
    eerste_status: datetime.date | None = None,
    **_overige,
) -> dict[str, str]:
    """The rules of a register profile, {field: message}; the form shows them, the services enforce them."""
    fouten = {}
    if gebruiker is not None and not heeft_rol(gebruiker, VERTROUWENSPERSOON):
        fouten["gebruiker"] = GEEN_VERTROUWENSPERSOON
    if uit_functie_per is not None and in_functie_sinds is not None and uit_functie_per <= in_functie_sinds:
        fouten["uit_functie_per"] = UIT_FUNCTIE_VOOR_IN_FUNCTIE
    if coordinerend_sinds is not None and not coordinerend:
        fouten["coordinerend_sinds"] = COORDINEREND_SINDS_ZONDER_COORDINEREND
    if eerste_status is not None and in_functie_sinds is not None and eerste_status > in_functie_sinds:
        fouten["in_functie_sinds"] = EERSTE_STATUS_TE_LAAT.format(datum=f"{in_functie_sinds:%d-%m-%Y}")
    return fouten


def _controleer_profiel(profiel: VertrouwenspersoonProfiel, *, eerste_status: datetime.date | None) -> None:
    fouten = profielfouten(
        **{veld: getattr(profiel, veld) for veld in PROFIELVELDEN}, eerste_status=eerste_status
    )
    if fouten:
        raise ValidationError(fouten)


def vertrouwenspersoon_registreren(
    *,
    naam: str,
    onderdeel: ref.Onderdeel,
    in_functie_sinds: datetime.date,
    status: str,
    status_vanaf: datetime.date,
    gebruiker=None,
    uit_functie_per: datetime.date | None = None,
    coordinerend: bool = False,
    coordinerend_sinds: datetime.date | None = None,
) -> VertrouwenspersoonProfiel:
    """Add a vertrouwenspersoon to the register with the status they have from `status_vanaf` on."""
    profiel = VertrouwenspersoonProfiel(
        naam=naam,
        gebruiker=gebruiker,
        onderdeel=onderdeel,
        in_functie_sinds=in_functie_sinds,
        uit_functie_per=uit_functie_per,
        coordinerend=coordinerend,
        coordinerend_sinds=coordinerend_sinds,
    )
    try:
        _controleer_profiel(profiel, eerste_status=status_vanaf)
    except ValidationError as fout:
        # On the form the date of the first status is its own field.
        raise ValidationError(
            {
                ("status_vanaf" if veld == "in_functie_sinds" else veld): m
                for veld, m in fout.message_dict.items()
            }
        ) from None
    with transaction.atomic():
        profiel.save()
        Certificeringsstatus.objects.create(vertrouwenspersoon=profiel, status=status, vanaf=status_vanaf)
    return profiel


def vertrouwenspersoon_wijzigen(
    *, profiel: VertrouwenspersoonProfiel, versie: int | None, **wijzigingen
) -> VertrouwenspersoonProfiel:
    """Change a register profile; VersieConflict when it was saved since the page showed `versie`."""
    onbekend = set(wijzigingen) - set(PROFIELVELDEN)
    if onbekend:
        raise TypeError(f"Niet te wijzigen: {sorted(onbekend)}")
    with transaction.atomic():
        profiel = VertrouwenspersoonProfiel.objects.select_for_update().get(pk=profiel.pk)
        for veld, waarde in wijzigingen.items():
            setattr(profiel, veld, waarde)
        eerste = profiel.statussen.order_by("vanaf").values_list("vanaf", flat=True).first()
        _controleer_profiel(profiel, eerste_status=eerste)
        bijwerken_met_versie(profiel, versie=versie, velden=wijzigingen)
    return profiel


def certificeringsstatus_vastleggen(
    *, profiel: VertrouwenspersoonProfiel, status: str, vanaf: datetime.date
) -> Certificeringsstatus:
    """A new status from a date on (a recertification is a new 'LVV-registervertrouwenspersoon' row)."""
    with transaction.atomic():
        profiel = VertrouwenspersoonProfiel.objects.select_for_update().get(pk=profiel.pk)
        if profiel.statussen.filter(vanaf=vanaf).exists():
            raise ValidationError({"vanaf": STATUS_DATUM_BEZET.format(datum=f"{vanaf:%d-%m-%Y}")})
        eerste = min([vanaf, *profiel.statussen.values_list("vanaf", flat=True)])
        try:
            _controleer_profiel(profiel, eerste_status=eerste)
        except ValidationError as fout:
            raise ValidationError({"vanaf": fout.messages}) from None
        return Certificeringsstatus.objects.create(vertrouwenspersoon=profiel, status=status, vanaf=vanaf)


def certificeringsstatus_verwijderen(*, status: Certificeringsstatus) -> None:
    """Remove a status entered by mistake; the remaining history must still cover the time in function."""
    with transaction.atomic():
        profiel = VertrouwenspersoonProfiel.objects.select_for_update().get(pk=status.vertrouwenspersoon_id)
        overige = list(profiel.statussen.exclude(pk=status.pk).values_list("vanaf", flat=True))
        if not overige:
            raise ValidationError(LAATSTE_STATUS)
        try:
            _controleer_profiel(profiel, eerste_status=min(overige))
        except ValidationError as fout:
            raise ValidationError(fout.messages) from None
        status.delete()


# --- Mengen -------------------------------------------------------------------------------------------


def tellijst_mengen() -> int:
    """The nightly mix: every row rewritten in a random order (mengen.py); returns the count."""
    return alles_mengen()
