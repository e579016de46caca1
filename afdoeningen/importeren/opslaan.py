"""Writing a checked register: everything in one transaction, or nothing."""

from dataclasses import asdict, dataclass, field
from itertools import groupby

from django.db import transaction

from finintegriteit.kern.importeren import Fout, ImportFout, Upload
from meldingen.models import Betrokkene, Melding
from meldingen.nummering import meldingsteller_voorbij
from meldingen.services.bulk import NieuweMelding, meldingen_bulk_registreren
from meldingen.services.termijnen import termijn_velden

from ..models import Afdoening
from ..services import afdoeningen_bulk_vastleggen
from .controle import lees_register, valideer_register
from .rijcontrole import NUMMER_BESTAAT, Register

AUDIT_REDEN = "Geïmporteerd uit het OIF-register"


@dataclass
class Samenvatting:
    meldingen: int = 0
    betrokkenen: int = 0
    afdoeningen: int = 0
    open_betrokkenen: int = 0
    afgedane_meldingen: int = 0
    met_nummer: int = 0
    nieuw_nummer: int = 0
    per_jaar: dict[int, int] = field(default_factory=dict)
    nummers: list[str] = field(default_factory=list)
    # The numbers the import gave to rows without one, per year as 'first t/m last' (a year's are
    # reserved in one block): the analist must write them back into the register.
    nieuwe_nummers: str = ""

    @classmethod
    def van(cls, register: Register) -> "Samenvatting":
        return cls(**register.aantallen(), per_jaar=register.per_jaar())


def register_importeren(*, door, inhoud: bytes, soort: str, voortgang=None) -> Samenvatting:
    """Read, check and write a register file; on any error raises ImportFout (or BestandFout).

    Nothing is written then: not one melding of the file.
    """
    rijen, fouten = lees_register(Upload(soort, inhoud))
    if fouten:
        _, rijfouten = valideer_register(rijen)
        raise ImportFout(sorted(fouten + rijfouten, key=lambda f: f.regel or 0))
    return register_vastleggen(door=door, rijen=rijen, voortgang=voortgang)


def register_opslaan(*, upload: Upload, door, voortgang) -> dict:
    """The save step of the import flow: the counts of what was created."""
    samenvatting = register_importeren(
        door=door, inhoud=upload.inhoud, soort=upload.soort, voortgang=voortgang
    )
    return {k: v for k, v in asdict(samenvatting).items() if k not in ("nummers", "per_jaar")}


def register_vastleggen(*, door, rijen: list[dict], voortgang=None) -> Samenvatting:
    """Check rows (see controle.valideer_register) and create their meldingen, betrokkenen, afdoeningen.

    1. Validate again inside the transaction (the preview may be minutes old).
    2. Move the counters past the numbers the file keeps; that locks them, so a melding registered in
       the browser at this moment either waits for the import or is seen by the existence check.
    3. meldingen register the meldingen with their betrokkenen, timeline and audit rows; a melding
       without a number gets the next number of the year it was received, in order of receipt (then
       line), so later registrations continue after the import.
    4. afdoeningen records the afdoeningen of those betrokkenen, with their audit rows.
    """
    with transaction.atomic():
        register, fouten = valideer_register(rijen)
        if fouten:
            raise ImportFout(fouten)
        if voortgang:
            voortgang(0.3)
        hoogste: dict[int, int] = {}
        for invoer in register.meldingen:
            if invoer.nummer:
                jaar, volgnummer = invoer.jaar_en_volgnummer
                hoogste[jaar] = max(hoogste.get(jaar, 0), volgnummer)
        for jaar in sorted(hoogste):
            meldingsteller_voorbij(jaar=jaar, volgnummer=hoogste[jaar])
        gehouden = [m.nummer for m in register.meldingen if m.nummer]
        bezet = set(Melding.objects.filter(nummer__in=gehouden).values_list("nummer", flat=True))
        if bezet:
            raise ImportFout(
                [
                    Fout(m.regel, "meldingsnummer", m.nummer, NUMMER_BESTAAT.format(nummer=m.nummer))
                    for m in register.meldingen
                    if m.nummer in bezet
                ]
            )
        nieuwe = [_nieuwe_melding(invoer) for invoer in register.meldingen]
        # New numbers are handed out in the order of this list: by receipt, then line.
        op_ontvangst = sorted(
            zip(register.meldingen, nieuwe, strict=True),
            key=lambda paar: (paar[0].ontvangen_op, paar[0].regel),
        )
        meldingen_bulk_registreren(door=door, meldingen=[n for _, n in op_ontvangst], reden=AUDIT_REDEN)
        if voortgang:
            voortgang(0.7)
        afdoeningen = [
            Afdoening(
                betrokkene=betrokkene,
                schending=b.afdoening.schending,
                type=b.afdoening.type,
                datum=b.afdoening.datum,
                inhoud=b.afdoening.inhoud,
                aangetoond=None,
            )
            for invoer, nieuw in zip(register.meldingen, nieuwe, strict=True)
            for betrokkene, b in zip(nieuw.betrokkenen, invoer.betrokkenen, strict=True)
            if b.afdoening is not None
        ]
        afdoeningen_bulk_vastleggen(door=door, afdoeningen=afdoeningen, reden=AUDIT_REDEN)

    samenvatting = Samenvatting.van(register)
    samenvatting.nummers = [n.melding.nummer for n in nieuwe]
    samenvatting.nieuwe_nummers = _reeksen(
        [n.melding for invoer, n in zip(register.meldingen, nieuwe, strict=True) if not invoer.nummer]
    )
    return samenvatting


def _reeksen(meldingen: list[Melding]) -> str:
    """'OIF-2025-0031, OIF-2026-0102 t/m OIF-2026-0140': the first and last new number of each year."""
    reeksen = []
    for _, van_jaar in groupby(sorted(meldingen, key=lambda m: (m.jaar, m.volgnummer)), key=lambda m: m.jaar):
        eerste, *rest = van_jaar
        reeksen.append(f"{eerste.nummer} t/m {rest[-1].nummer}" if rest else eerste.nummer)
    return ", ".join(reeksen)


def _nieuwe_melding(invoer) -> NieuweMelding:
    """The melding of one register entry, unsaved; its timeline is one step to its status."""
    jaar, volgnummer = invoer.jaar_en_volgnummer or (None, None)
    melding = Melding(
        nummer=invoer.nummer,
        jaar=jaar,
        volgnummer=volgnummer,
        ontvangen_op=invoer.ontvangen_op,
        melder_type=invoer.melder_type,
        onderwerp=invoer.onderwerp,
        klokkenluidersmelding=invoer.klokkenluidersmelding,
        dienstonderdeel=invoer.dienstonderdeel,
        onderzoek_type=invoer.onderzoek_type,
        status=invoer.status,
        afgedaan_op=invoer.afgedaan_op,
        **termijn_velden(
            klokkenluidersmelding=invoer.klokkenluidersmelding, ontvangen_op=invoer.ontvangen_op
        ),
    )
    betrokkenen = [Betrokkene(dienstonderdeel=b.dienstonderdeel) for b in invoer.betrokkenen]
    return NieuweMelding(melding=melding, betrokkenen=betrokkenen)
