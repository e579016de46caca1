"""The meldkanaal: a melding made by an employee in the browser, without an account, and the receipt code
with which the melder comes back.

The code is shown once and never stored or logged. A code is found by `sleutel` (an HMAC under a key
derived from SECRET_KEY: deterministic, so one indexed lookup) and checked against `hash` (argon2, slow
and salted). Every lookup runs exactly one argon2 check, also when no row matches, so that a wrong code
and an unknown code take the same time. docs/beveiliging.md, 'Meldkanaal', explains the choice.
"""

import re
import secrets
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache as gedeelde_cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from finintegriteit.referentie.models import MelderType

from ..audit import audit_vastleggen
from ..models import AuditRegel, MelderIdentiteit, Melding, Ontvangstcode
from .registratie import melding_registreren

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TEKENS = 20  # 20 x 5 bits = 100 bits of randomness
GROEP = 4
_SLEUTEL_ZOUT = "meldingen.meldkanaal.ontvangstcode"
_ADRES_ZOUT = "meldingen.meldkanaal.adres"
_VERWARRING = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


@dataclass(frozen=True)
class Terugkeer:
    """What a melder sees with a code: nothing but the status and its plain explanation."""

    status: str
    uitleg: str


STATUS_UITLEG = {
    Melding.Status.ONTVANGEN: "Uw melding is ontvangen. Een analist van OIF bekijkt haar binnenkort.",
    Melding.Status.IN_BEOORDELING: "OIF beoordeelt uw melding: is er genoeg om verder te onderzoeken?",
    Melding.Status.GEEN_ONDERZOEK: "OIF heeft besloten geen onderzoek te doen naar uw melding.",
    Melding.Status.ORIENTEREND_ONDERZOEK: "OIF doet een eerste, verkennend onderzoek naar uw melding.",
    Melding.Status.VOLLEDIG_FEITENONDERZOEK: "OIF doet een volledig onderzoek naar de feiten.",
    Melding.Status.AFGEDAAN: "De behandeling van uw melding is afgerond.",
}


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
) -> tuple[Melding, str]:
    """Register a melding from the meldkanaal and return it with its receipt code (to be shown once).

    Named when `naam` is given: the identity goes to MelderIdentiteit, like any melder's. The melding
    counts as a klokkenluidersmelding, so the legal deadlines run from today; the analist can change that
    after assessing it.
    """
    omschrijving = omschrijving.strip()
    if betrokkenen.strip():
        omschrijving += f"\n\nBetrokken volgens de melder: {betrokkenen.strip()}"
    naam = naam.strip()
    melder_type = MelderType.objects.get(code="medewerker" if naam else "anoniem")
    code = code_maken()
    with transaction.atomic():
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
        )
        rij = Ontvangstcode.objects.create(
            melding=melding, sleutel=_sleutel(code), hash=make_password(code_normaliseren(code))
        )
        audit_vastleggen(
            gebruiker=None, actie=AuditRegel.Actie.AANGEMAAKT, object=rij, velden=["hash", "sleutel"]
        )
    return melding, code


def melding_met_code(*, code: str) -> Terugkeer | None:
    """The status of the melding the code belongs to, or None; always one argon2 check."""
    rij = Ontvangstcode.objects.select_related("melding").filter(sleutel=_sleutel(code)).first()
    geldig = check_password(code_normaliseren(code), rij.hash if rij else _schijnhash())
    if rij is None or not geldig:
        return None
    status = rij.melding.status
    return Terugkeer(status=Melding.Status(status).label, uitleg=STATUS_UITLEG[status])


def poging_toegestaan(*, adres: str) -> bool:
    """Count one code attempt from this address and in total; False once either limit is reached.

    The address is kept only as a keyed hash, in the cache, for the length of the window.
    """
    venster = settings.MELDKANAAL_VENSTER_SECONDEN
    adres_sleutel = "meldkanaal:adres:" + salted_hmac(_ADRES_ZOUT, adres).hexdigest()[:32]
    tellers = (
        (adres_sleutel, settings.MELDKANAAL_POGINGEN_PER_ADRES),
        ("meldkanaal:totaal", settings.MELDKANAAL_POGINGEN_TOTAAL),
    )
    toegestaan = True
    for sleutel, maximum in tellers:
        gedeelde_cache.add(sleutel, 0, timeout=venster)
        try:
            aantal = gedeelde_cache.incr(sleutel)
        except ValueError:  # expired between add and incr
            gedeelde_cache.set(sleutel, 1, timeout=venster)
            aantal = 1
        toegestaan = toegestaan and aantal <= maximum
    return toegestaan
