"""The meldkanaal: a melding made by an employee in the browser, without an account, the receipt code
with which the melder comes back, what the melder adds later, and the limits on how often all this
may be tried.

Everything a melder's visit writes carries the day, not the time (`alleen_de_dag`, `begin_van_vandaag`):
the exact time of a visit could tell who it was.

The code is shown once and never stored or logged. A code is found by `sleutel` (an HMAC under a key
derived from SECRET_KEY: deterministic, so one indexed lookup) and checked against `hash` (argon2, slow
and salted). Every lookup runs exactly one argon2 check, also when no row matches, so that a wrong code
and an unknown code take the same time. docs/beveiliging.md, 'Meldkanaal', explains the choice.
"""

import math
import re
import secrets
import time
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache as gedeelde_cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from finintegriteit.kern.datums import begin_van_vandaag
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import alleen_de_dag, audit_vastleggen
from finintegriteit.referentie.models import MelderType

from ..models import Bericht, MelderIdentiteit, Melding, Ontvangstcode
from .berichten import bericht_tekst
from .documenten import bestanden_opruimen, document_toevoegen
from .registratie import melding_registreren

AANVULLING_LEEG = "Schrijf een aanvulling of kies een bestand."
MELDING_AFGEROND = "De behandeling van uw melding is afgerond; u kunt niets meer toevoegen."
TE_VEEL_BIJLAGEN = "U kunt hoogstens {max} bestanden tegelijk meesturen."

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TEKENS = 20  # 20 x 5 bits = 100 bits of randomness
GROEP = 4
_SLEUTEL_ZOUT = "meldingen.meldkanaal.ontvangstcode"
_ADRES_ZOUT = "meldingen.meldkanaal.adres"
_VENSTER_SLEUTEL = "meldkanaal:venster"
_VERWARRING = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def code_maken() -> str:
    """A fresh receipt code in groups of four, e.g. 7KQ2-M9XD-..."""
    tekens = "".join(secrets.choice(ALFABET) for _ in range(TEKENS))
    return "-".join(tekens[i : i + GROEP] for i in range(0, TEKENS, GROEP))


def code_normaliseren(code: str) -> str:
    """Upper case, without spaces or dashes, with the look-alike letters read as the digits they resemble."""
    return re.sub(r"[^0-9A-Z]", "", code.upper()).translate(_VERWARRING)


def _sleutel(code: str) -> str:
    return salted_hmac(_SLEUTEL_ZOUT, code_normaliseren(code), algorithm="sha256").hexdigest()


@cache
def _schijnhash() -> str:
    # Verified against when no row matches, so that an unknown code costs the same argon2 work.
    return make_password(code_maken())


def melding_via_meldkanaal(
    *,
    onderwerp,
    omschrijving: str,
    dienstonderdeel,
    betrokkenen: str = "",
    naam: str = "",
    contact: str = "",
    bericht_per_email: bool = False,
    bijlagen=(),
) -> tuple[Melding, str]:
    """Register a melding from the meldkanaal and return it with its receipt code (to be shown once).

    Named when `naam` is given: the identity goes to MelderIdentiteit, like any melder's. The melding
    counts as a klokkenluidersmelding, so the legal deadlines run from today; the analist can change that
    after assessing it. Every row written carries the day, not the time (`alleen_de_dag`). The
    `bijlagen` are checked like case documents and stored without their metadata (services/documenten.py).
    """
    _controleer_aantal(bijlagen)
    omschrijving = omschrijving.strip()
    if betrokkenen.strip():
        omschrijving += f"\n\nBetrokken volgens de melder: {betrokkenen.strip()}"
    naam = naam.strip()
    melder_type = MelderType.objects.get(code="medewerker" if naam else "anoniem")
    code = code_maken()
    with alleen_de_dag(), transaction.atomic():
        # Inserted with the day, never updated to it: an UPDATE leaves the old row version, with the
        # time, in the table's pages and the WAL (docs/beveiliging.md, 'Geen spoor van de melder').
        melding = melding_registreren(
            door=None,  # no account: the audit rows carry no user
            ontvangen_op=timezone.localdate(),
            melder_type=melder_type,
            onderwerp=onderwerp,
            klokkenluidersmelding=True,
            omschrijving=omschrijving,
            dienstonderdeel=dienstonderdeel,
            identiteit=(
                {"naam": naam, "contact": contact, "kanaal": MelderIdentiteit.Kanaal.MELDKANAAL}
                if naam
                else None
            ),
            kanaal=Melding.Kanaal.MELDKANAAL,
            aangemaakt_op=begin_van_vandaag(),
        )
        if naam and bericht_per_email:
            MelderIdentiteit.objects.filter(melding=melding).update(bericht_per_email=True)
        rij = Ontvangstcode.objects.create(
            melding=melding, sleutel=_sleutel(code), hash=make_password(code_normaliseren(code))
        )
        audit_vastleggen(
            gebruiker=None, actie=AuditRegel.Actie.AANGEMAAKT, object=rij, velden=["hash", "sleutel"]
        )
        _bijlagen_opslaan(melding, bijlagen)
    return melding, code


def ontvangstcode_controleren(*, code: str) -> int | None:
    """The id of the Ontvangstcode this code belongs to, or None; always exactly one argon2 check."""
    rij = Ontvangstcode.objects.filter(sleutel=_sleutel(code)).first()
    geldig = check_password(code_normaliseren(code), rij.hash if rij else _schijnhash())
    return rij.pk if rij is not None and geldig else None


def aanvulling_van_melder(*, ontvangstcode_id: int, tekst: str, bijlagen=()) -> Melding:
    """What the melder adds with the code: a message, files, or both, to a melding still open.

    Like the melding itself, written with the day only (no time of the visit) and no user.
    """
    tekst = (tekst or "").strip()
    if not tekst and not bijlagen:
        raise ValidationError({"tekst": AANVULLING_LEEG})
    _controleer_aantal(bijlagen)
    with alleen_de_dag(), transaction.atomic():
        melding = Melding.objects.select_for_update().get(ontvangstcode__pk=ontvangstcode_id)
        if melding.is_afgedaan:
            raise ValidationError(MELDING_AFGEROND)
        if tekst:
            bericht = Bericht.objects.create(
                melding=melding,
                richting=Bericht.Richting.VAN_MELDER,
                tekst=bericht_tekst(tekst),
                op=begin_van_vandaag(),
            )
            audit_vastleggen(
                gebruiker=None, actie=AuditRegel.Actie.AANGEMAAKT, object=bericht, velden=["tekst"]
            )
        _bijlagen_opslaan(melding, bijlagen)
    return melding


def _controleer_aantal(bijlagen) -> None:
    if len(bijlagen) > settings.MELDKANAAL_MAX_BIJLAGEN:
        raise ValidationError({"bijlagen": TE_VEEL_BIJLAGEN.format(max=settings.MELDKANAAL_MAX_BIJLAGEN)})


def _bijlagen_opslaan(melding: Melding, bijlagen) -> None:
    opgeslagen = []
    try:
        for bestand in bijlagen:
            try:
                document = document_toevoegen(melding=melding, door=None, bestand=bestand, van_melder=True)
            except ValidationError as fout:
                # The form has one field for all files: name the file the message is about.
                berichten = [f"{bestand.name}: {t}" for t in fout.messages]
                raise ValidationError({"bijlagen": berichten}) from fout
            opgeslagen.append(document)
    except BaseException:
        # The whole melding or aanvulling is rolled back: the files written so far go too.
        bestanden_opruimen(documenten=opgeslagen)
        raise


def poging_toegestaan(*, adres: str, soort: str = "code") -> bool:
    """Count one attempt of this `soort` ('code': a receipt code tried; 'melden': a melding or an
    aanvulling sent) from this address and in total; False once either limit is reached.

    The address is kept only as a keyed hash in the cache, under the random secret of the current window
    (`_venster`), and every counter expires with that secret.
    """
    per_adres, totaal = {
        "code": (settings.MELDKANAAL_POGINGEN_PER_ADRES, settings.MELDKANAAL_POGINGEN_TOTAAL),
        "melden": (settings.MELDKANAAL_MELDINGEN_PER_ADRES, settings.MELDKANAAL_MELDINGEN_TOTAAL),
    }[soort]
    geheim, resterend = _venster()
    adres_hash = salted_hmac(_ADRES_ZOUT, adres, secret=geheim, algorithm="sha256").hexdigest()[:32]
    tellers = ((f"meldkanaal:{soort}:adres:{adres_hash}", per_adres), (f"meldkanaal:{soort}:totaal", totaal))
    toegestaan = True
    for sleutel, maximum in tellers:
        gedeelde_cache.add(sleutel, 0, timeout=resterend)
        try:
            aantal = gedeelde_cache.incr(sleutel)
        except ValueError:  # expired between add and incr
            gedeelde_cache.set(sleutel, 1, timeout=resterend)
            aantal = 1
        toegestaan = toegestaan and aantal <= maximum
    return toegestaan


def _venster() -> tuple[str, int]:
    """The secret of the current window and the seconds the window has left.

    A key under SECRET_KEY would let whoever holds it (and the cache) hash every address of a range and
    find the melder's among the counters. This secret is random, lives only in the cache (not in a
    setting, the database or a process) and expires with the window; `add` makes one process create it
    and all others use that one. The counters get the window's remaining time, so that when the secret
    is gone, nothing keyed by it remains either.

    Windows follow the clock (a quarter of an hour: 10:00, 10:15, ...), not the first request: a window
    that began with it would keep that request's moment in its end and in its keys' expiry, and on a
    quiet channel the first request after a pause is one melder's.
    """
    venster = settings.MELDKANAAL_VENSTER_SECONDEN
    huidig = gedeelde_cache.get(_VENSTER_SLEUTEL)
    if huidig is None:
        nu = time.time()
        einde = (math.floor(nu / venster) + 1) * venster
        nieuw = {"geheim": secrets.token_hex(32), "einde": einde}
        gedeelde_cache.add(_VENSTER_SLEUTEL, nieuw, timeout=max(1, math.ceil(einde - nu)))
        # Another process may have been first; if the window ended in between, this request alone
        # counts under a secret nobody keeps, which at worst lets it through.
        huidig = gedeelde_cache.get(_VENSTER_SLEUTEL) or nieuw
    return huidig["geheim"], max(1, min(venster, math.ceil(huidig["einde"] - time.time())))
