"""Demo register of vertrouwenspersonen matching the annual report 2024.

On the peildatum 25 February 2025 the register holds 76 vertrouwenspersonen: 54 LVV-registervertrouwens-
persoon, 16 bezig met certificering, 4 gestart met de basisopleiding and 2 without intention to certify
(they retire in 2025). Three are coördinerend since May 2024. Some certifications expire within three
months of the peildatum, and some statuses change after it, so that the overview on other dates differs.

The profiles have no login account; the names are obviously fictitious. Loading twice gives the same
register (profiles are found by name, their statuses are replaced).
"""

import datetime

from django.db import transaction

from finintegriteit.referentie.models import Onderdeel

from .models import Certificeringsstatus, VertrouwenspersoonProfiel

PEILDATUM = datetime.date(2025, 2, 25)
AANTAL = 76
Status = Certificeringsstatus.Status

# Number 1..76 -> onderdeel, roughly in proportion to the onderdelen's size.
ONDERDELEN = [(44, "belastingdienst"), (58, "douane"), (68, "toeslagen"), (76, "beleidsdepartement")]
# Certifications that expire within three months after the peildatum (numbers 1..4).
BIJNA_VERLOPEN = [
    datetime.date(2021, 3, 15),
    datetime.date(2021, 4, 1),
    datetime.date(2021, 4, 20),
    datetime.date(2021, 5, 10),
]
COORDINEREND_SINDS = datetime.date(2024, 5, 1)


def demonaam(nummer: int) -> str:
    return f"Vertrouwenspersoon {nummer:02d} (demo)"


def _onderdeel_code(nummer: int) -> str:
    return next(code for tot, code in ONDERDELEN if nummer <= tot)


def _plan(nummer: int) -> tuple[datetime.date, datetime.date | None, list[tuple[str, datetime.date]]]:
    """(in functie sinds, uit functie per, [(status, vanaf)]) for demo person `nummer`."""
    if nummer <= 54:
        if nummer <= len(BIJNA_VERLOPEN):
            gecertificeerd = BIJNA_VERLOPEN[nummer - 1]
        else:
            # The others are spread over June 2021 .. November 2024, all valid on the peildatum.
            gecertificeerd = datetime.date(2021, 6, 1) + datetime.timedelta(days=(nummer - 5) * 26)
        begonnen = gecertificeerd - datetime.timedelta(days=400 + 7 * (nummer % 9))
        statussen = [(Status.BEZIG, begonnen), (Status.LVV_REGISTER, gecertificeerd)]
        return begonnen, None, statussen
    if nummer <= 70:
        begonnen = datetime.date(2023, 1, 9) + datetime.timedelta(days=(nummer - 55) * 31)
        statussen = [
            (Status.BASISOPLEIDING, begonnen),
            (Status.BEZIG, begonnen + datetime.timedelta(days=120)),
        ]
        if nummer <= 62:
            # Half of them certify after the peildatum: later peildata count them as LVV.
            statussen.append(
                (Status.LVV_REGISTER, datetime.date(2025, 4, 1) + datetime.timedelta(days=nummer))
            )
        return begonnen, None, statussen
    if nummer <= 74:
        begonnen = datetime.date(2024, 10, 1) + datetime.timedelta(days=(nummer - 71) * 30)
        return begonnen, None, [(Status.BASISOPLEIDING, begonnen)]
    # The two without intention to certify retire in 2025.
    begonnen = datetime.date(2009 + nummer - 75, 3, 1)
    return begonnen, datetime.date(2025, 7, 1), [(Status.GEEN_VOORNEMEN, begonnen)]


@transaction.atomic
def register_demo_laden() -> int:
    """Create or reset the 76 demo vertrouwenspersonen; returns how many there are."""
    onderdelen = {o.code: o for o in Onderdeel.objects.all()}
    bestaand = {
        p.naam: p
        for p in VertrouwenspersoonProfiel.objects.filter(
            naam__in=[demonaam(n) for n in range(1, AANTAL + 1)]
        )
    }
    profielen = []
    for nummer in range(1, AANTAL + 1):
        begonnen, gestopt, _ = _plan(nummer)
        profiel = bestaand.get(demonaam(nummer)) or VertrouwenspersoonProfiel(naam=demonaam(nummer))
        profiel.onderdeel = onderdelen[_onderdeel_code(nummer)]
        profiel.in_functie_sinds = begonnen
        profiel.uit_functie_per = gestopt
        profiel.coordinerend = nummer <= 3
        profiel.coordinerend_sinds = COORDINEREND_SINDS if nummer <= 3 else None
        profiel.save()
        profielen.append(profiel)
    Certificeringsstatus.objects.filter(vertrouwenspersoon__in=profielen).delete()
    Certificeringsstatus.objects.bulk_create(
        Certificeringsstatus(vertrouwenspersoon=profiel, status=status, vanaf=vanaf)
        for nummer, profiel in enumerate(profielen, start=1)
        for status, vanaf in _plan(nummer)[2]
    )
    return len(profielen)
