"""OIF meldingen of 2024: 214 by melder and onderwerp, and 186 betrokkenen that reproduce Bijlage 2.

1. Every Bijlage 2 row becomes one melding with one betrokkene and its afdoening. The melding's
   onderwerp is the row's schending while the published count of that onderwerp allows; the few rows
   left over go to the onderwerp with the most room (the afdoening may find another schending than
   was reported). The onderwerpen still unused become the open meldingen without betrokkenen.
2. Type of onderzoek (per melding, so per betrokkene): volledig feitenonderzoek for the published number
   per schending, preferring rows with the heaviest afdoening; oriënterend onderzoek first for the
   misstanden (investigated externally); geen onderzoek for the rest.
3. Meldingen are numbered gap-free in order of receipt: the afgedane first (in a fixed shuffled order),
   the open ones last in the year. Afgedane meldingen have status afgedaan with the afdoening's date.
"""

import datetime
import random
from collections import Counter

from afdoeningen.models import Afdoening
from afdoeningen.services import afdoeningen_bulk_vastleggen
from finintegriteit.referentie.models import (
    AfdoeningType,
    MelderType,
    Onderdeel,
    OnderzoekType,
    SchendingSoort,
)
from meldingen.models import Betrokkene, Melding
from meldingen.services.bulk import NieuweMelding, meldingen_bulk_registreren, meldingen_bulk_verwijderen
from meldingen.services.termijnen import termijn_velden

from .tellijst import DemodataFout, uitgerold

JAAR = 2024
REDEN = "Demodata."
DEMO_OMSCHRIJVING = "Demodata: fictieve melding voor de jaarrapportage."
S = Melding.Status
ONDERZOEK_STATUS = {
    "geen-onderzoek": S.GEEN_ONDERZOEK,
    "orienterend-onderzoek": S.ORIENTEREND_ONDERZOEK,
    "volledig-feitenonderzoek": S.VOLLEDIG_FEITENONDERZOEK,
}
KLASSE_GEWICHT = {"disciplinair": 0, "niet-disciplinair": 1, "geen afdoening": 2}
# Dienstonderdeel of the open meldingen, in turn.
OPEN_ONDERDELEN = [
    "belastingdienst",
    "douane",
    "belastingdienst",
    "toeslagen",
    "belastingdienst",
    "beleidsdepartement",
]


def _onderwerpen(rijen: list[list], onderwerp: dict, schending_volgorde: dict) -> tuple[list[str], list[str]]:
    ruimte = Counter(onderwerp)
    per_rij, over = [None] * len(rijen), []
    for index, (_, schending, _, _) in enumerate(rijen):
        if ruimte[schending] > 0:
            ruimte[schending] -= 1
            per_rij[index] = schending
        else:
            over.append(index)
    for index in over:
        keuze = max(ruimte, key=lambda code: (ruimte[code], -schending_volgorde[code]))
        if ruimte[keuze] <= 0:
            raise DemodataFout("Demodata OIF: meer betrokkenen dan meldingen.")
        ruimte[keuze] -= 1
        per_rij[index] = keuze
    open_onderwerpen = [
        code for code in sorted(ruimte, key=schending_volgorde.get) for _ in range(ruimte[code])
    ]
    return per_rij, open_onderwerpen


def _onderzoek(rijen: list[list], gegevens: dict, *, klasse_van: dict, misstanden: set) -> list[str]:
    per_rij = ["geen-onderzoek"] * len(rijen)
    for schending, aantal in gegevens["feitenonderzoek"].items():
        kandidaten = sorted(
            (i for i, r in enumerate(rijen) if r[1] == schending),
            key=lambda i: (KLASSE_GEWICHT[klasse_van[rijen[i][3]]], i),
        )
        if len(kandidaten) < aantal:
            raise DemodataFout(
                f"Demodata OIF: te weinig betrokkenen met schending {schending} voor de feitenonderzoeken."
            )
        for i in kandidaten[:aantal]:
            per_rij[i] = "volledig-feitenonderzoek"
    orienterend = gegevens["onderzoek"].get("orienterend-onderzoek", 0)
    vrij = sorted(
        (i for i, t in enumerate(per_rij) if t == "geen-onderzoek"),
        key=lambda i: (rijen[i][1] not in misstanden, i),
    )
    for i in vrij[:orienterend]:
        per_rij[i] = "orienterend-onderzoek"
    if Counter(per_rij) != Counter({k: n for k, n in gegevens["onderzoek"].items() if n}):
        raise DemodataFout("Demodata OIF: de typen onderzoek tellen niet op tot het aantal betrokkenen.")
    return per_rij


def oif_laden(gegevens: dict, *, door) -> int:
    """Replace the demo meldingen of 2024; refuses when other 2024 meldingen exist (numbering)."""
    andere = Melding.objects.filter(jaar=JAAR).exclude(omschrijving=DEMO_OMSCHRIJVING).count()
    if andere:
        raise DemodataFout(
            f"Er staan al {andere} meldingen uit {JAAR} in de database die niet uit de demodata komen. "
            f"De demodata nummeren {JAAR} zonder gaten en laden alleen zonder zulke meldingen."
        )
    meldingen_bulk_verwijderen(jaar=JAAR, omschrijving=DEMO_OMSCHRIJVING)

    onderdelen = {o.code: o for o in Onderdeel.objects.all()}
    schendingen = {o.code: o for o in SchendingSoort.objects.all()}
    typen = {o.code: o for o in AfdoeningType.objects.all()}
    onderzoektypen = {o.code: o for o in OnderzoekType.objects.all()}
    meldertypen = {o.code: o for o in MelderType.objects.all()}

    rijen = gegevens["bijlage2"]
    onderwerp_per_rij, open_onderwerpen = _onderwerpen(
        rijen, gegevens["onderwerp"], {c: s.volgorde for c, s in schendingen.items()}
    )
    onderzoek_per_rij = _onderzoek(
        rijen,
        gegevens,
        klasse_van={c: t.klasse for c, t in typen.items()},
        misstanden={c for c, s in schendingen.items() if s.is_misstand},
    )
    volgorde = list(range(len(rijen)))
    random.Random(f"{JAAR}-oif").shuffle(volgorde)
    plan = [("afgedaan", i, onderwerp_per_rij[i]) for i in volgorde]
    plan += [("open", n, code) for n, code in enumerate(open_onderwerpen)]
    melders = uitgerold(gegevens["melder"], zaad=f"{JAAR}-oif-melder")
    if len(melders) != len(plan):
        raise DemodataFout(
            "Demodata OIF: melders en onderwerpen tellen niet op tot hetzelfde aantal meldingen."
        )

    nieuwe, afdoeningen = [], []
    for positie, (soort, index, onderwerp) in enumerate(plan):
        ontvangen = datetime.date(JAAR, 1, 2) + datetime.timedelta(days=positie * 330 // len(plan))
        klokkenluider = schendingen[onderwerp].is_misstand
        melding = Melding(
            ontvangen_op=ontvangen,
            melder_type=meldertypen[melders[positie]],
            onderwerp=schendingen[onderwerp],
            klokkenluidersmelding=klokkenluider,
            omschrijving=DEMO_OMSCHRIJVING,
            ontvangstbevestiging_op=ontvangen + datetime.timedelta(days=3) if klokkenluider else None,
            **termijn_velden(klokkenluidersmelding=klokkenluider, ontvangen_op=ontvangen),
        )
        nieuw = NieuweMelding(melding=melding, stappen=[("", S.ONTVANGEN)])
        if soort == "afgedaan":
            code_onderdeel, schending, inhoud, afdoening_type = rijen[index]
            datum = min(
                ontvangen + datetime.timedelta(days=7 + positie * 13 % 45), datetime.date(JAAR, 12, 31)
            )
            onderzoek = onderzoek_per_rij[index]
            melding.dienstonderdeel = onderdelen[code_onderdeel]
            melding.status = S.AFGEDAAN
            melding.onderzoek_type = onderzoektypen[onderzoek]
            melding.afgedaan_op = datum
            if klokkenluider:
                melding.terugkoppeling_op = min(datum, melding.terugkoppeling_uiterlijk)
            nieuw.stappen += [
                (S.ONTVANGEN, S.IN_BEOORDELING),
                (S.IN_BEOORDELING, ONDERZOEK_STATUS[onderzoek]),
                (ONDERZOEK_STATUS[onderzoek], S.AFGEDAAN),
            ]
            betrokkene = Betrokkene(
                naam=f"Betrokkene {index + 1:03d} (demo)",
                dienstonderdeel=onderdelen[code_onderdeel],
                leidinggevende="leidinggevende" in inhoud.lower(),
            )
            nieuw.betrokkenen.append(betrokkene)
            afdoeningen.append(
                Afdoening(
                    betrokkene=betrokkene,
                    schending=schendingen[schending],
                    type=typen[afdoening_type],
                    datum=datum,
                    inhoud=inhoud,
                )
            )
        else:
            melding.dienstonderdeel = onderdelen[OPEN_ONDERDELEN[index % len(OPEN_ONDERDELEN)]]
            if index % 2:
                melding.status = S.IN_BEOORDELING
                nieuw.stappen.append((S.ONTVANGEN, S.IN_BEOORDELING))
        nieuwe.append(nieuw)

    # Numbered in the order of the plan: no other melding of the year exists, so 1 to N.
    meldingen = meldingen_bulk_registreren(door=door, meldingen=nieuwe, reden=REDEN)
    for afdoening in afdoeningen:
        afdoening.betrokkene_id = afdoening.betrokkene.pk
    afdoeningen_bulk_vastleggen(door=door, afdoeningen=afdoeningen, reden=REDEN)
    return len(meldingen)
