"""Writing a checked register: everything in one transaction, or nothing."""

from dataclasses import asdict, dataclass, field

from django.db import IntegrityError, transaction

from finintegriteit.kern.importeren import Fout, ImportFout, Upload
from finintegriteit.kern.signalen import bulk_gewijzigd
from meldingen.audit import audit_bulk_vastleggen
from meldingen.models import AuditRegel, Betrokkene, Melding, Meldingsteller, StatusOvergang
from meldingen.services.termijnen import termijn_velden

from ..models import Afdoening
from .controle import lees_register, valideer_register
from .rijcontrole import NUMMER_BESTAAT, Register

AUDIT_REDEN = "Geïmporteerd uit het OIF-register"
MELDINGVELDEN = [
    "afgedaan_op",
    "dienstonderdeel",
    "klokkenluidersmelding",
    "melder_type",
    "onderwerp",
    "onderzoek_type",
    "ontvangen_op",
    "status",
]
BATCH = 1000


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


def _tellers_bijwerken(register: Register) -> None:
    """Lock the case counters of every year involved, and move them past the numbers the file keeps.

    Locking before the final existence check means that a melding registered in the browser at this
    moment either waits for the import, or is seen by the check below.
    """
    jaren = {m.ontvangen_op.year for m in register.meldingen if not m.nummer}
    hoogste: dict[int, int] = {}
    for melding in register.meldingen:
        if melding.nummer:
            jaar, volgnummer = melding.jaar_en_volgnummer
            hoogste[jaar] = max(hoogste.get(jaar, 0), volgnummer)
    for jaar in sorted(jaren | set(hoogste)):
        try:
            with transaction.atomic():
                Meldingsteller.objects.get_or_create(jaar=jaar)
        except IntegrityError:
            pass  # created by a concurrent transaction; locked below
    tellers = (
        Meldingsteller.objects.select_for_update().filter(jaar__in=jaren | set(hoogste)).order_by("jaar")
    )
    for teller in tellers:
        if hoogste.get(teller.jaar, 0) > teller.laatste:
            teller.laatste = hoogste[teller.jaar]
            teller.save(update_fields=["laatste"])


def _nummers_uitgeven(meldingen: list) -> dict[int, list[tuple[int, str]]]:
    """The next case numbers of each year, one block per year.

    The same counter rows as meldingen.nummering.volgend_meldingsnummer, locked the same way (they are
    already locked by _tellers_bijwerken), but moved once per year instead of once per melding: an
    import of thousands of rows would otherwise cost thousands of round trips.
    """
    per_jaar: dict[int, int] = {}
    for melding in meldingen:
        per_jaar[melding.ontvangen_op.year] = per_jaar.get(melding.ontvangen_op.year, 0) + 1
    uitgegeven = {}
    for teller in Meldingsteller.objects.select_for_update().filter(jaar__in=per_jaar).order_by("jaar"):
        eerste = teller.laatste + 1
        teller.laatste += per_jaar[teller.jaar]
        teller.save(update_fields=["laatste"])
        uitgegeven[teller.jaar] = [
            (n, f"OIF-{teller.jaar}-{n:04d}") for n in range(eerste, teller.laatste + 1)
        ]
    return uitgegeven


def register_vastleggen(*, door, rijen: list[dict], voortgang=None) -> Samenvatting:
    """Check rows (see validatie.valideer_register) and create their meldingen, betrokkenen, afdoeningen.

    1. Validate again inside the transaction (the preview may be minutes old).
    2. Lock the counters, keep the file's case numbers and move the counters past them.
    3. Give every melding without a number the next number of the year it was received, in order of
       receipt (then line), so later registrations continue after the import.
    4. Bulk-insert meldingen, betrokkenen, afdoeningen and one audit row per created object.
    """
    with transaction.atomic():
        register, fouten = valideer_register(rijen)
        if fouten:
            raise ImportFout(fouten)
        if voortgang:
            voortgang(0.3)
        _tellers_bijwerken(register)
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
        nummers: dict[int, tuple[int, int, str]] = {}
        for melding in register.meldingen:
            if melding.nummer:
                jaar, volgnummer = melding.jaar_en_volgnummer
                nummers[id(melding)] = (jaar, volgnummer, melding.nummer)
        nieuw = sorted(
            (m for m in register.meldingen if not m.nummer), key=lambda m: (m.ontvangen_op, m.regel)
        )
        for jaar, reeks in _nummers_uitgeven(nieuw).items():
            in_jaar = [m for m in nieuw if m.ontvangen_op.year == jaar]
            for melding, (volgnummer, nummer) in zip(in_jaar, reeks, strict=True):
                nummers[id(melding)] = (jaar, volgnummer, nummer)

        meldingen = []
        for invoer in register.meldingen:
            jaar, volgnummer, nummer = nummers[id(invoer)]
            meldingen.append(
                Melding(
                    nummer=nummer,
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
            )
        Melding.objects.bulk_create(meldingen, batch_size=BATCH)
        # The timeline starts with the import; 'van' stays empty (see meldingen.services.status).
        StatusOvergang.objects.bulk_create(
            [
                StatusOvergang(melding=m, van="", naar=m.status, door=_gebruiker(door), reden=AUDIT_REDEN)
                for m in meldingen
            ],
            batch_size=BATCH,
        )
        betrokkenen = []
        for melding, invoer in zip(meldingen, register.meldingen, strict=True):
            for b in invoer.betrokkenen:
                betrokkenen.append(Betrokkene(melding=melding, dienstonderdeel=b.dienstonderdeel))
        Betrokkene.objects.bulk_create(betrokkenen, batch_size=BATCH)
        if voortgang:
            voortgang(0.7)
        invoer_betrokkenen = [b for invoer in register.meldingen for b in invoer.betrokkenen]
        afdoeningen = [
            Afdoening(
                betrokkene=betrokkene,
                schending=b.afdoening.schending,
                type=b.afdoening.type,
                datum=b.afdoening.datum,
                inhoud=b.afdoening.inhoud,
                aangetoond=None,
            )
            for betrokkene, b in zip(betrokkenen, invoer_betrokkenen, strict=True)
            if b.afdoening is not None
        ]
        Afdoening.objects.bulk_create(afdoeningen, batch_size=BATCH)
        bulk_gewijzigd.send(sender=Afdoening)
        _audit(door, meldingen, betrokkenen, afdoeningen)

    samenvatting = Samenvatting.van(register)
    samenvatting.nummers = [m.nummer for m in meldingen]
    return samenvatting


def _gebruiker(door):
    return door if getattr(door, "is_authenticated", False) else None


def _audit(door, meldingen, betrokkenen, afdoeningen) -> None:
    audit_bulk_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.AANGEMAAKT,
        objecten=[*meldingen, *betrokkenen, *afdoeningen],
        velden={
            Melding: MELDINGVELDEN,
            Betrokkene: ["dienstonderdeel"],
            Afdoening: ["datum", "inhoud", "schending", "type"],
        },
    )
