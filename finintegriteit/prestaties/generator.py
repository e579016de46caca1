"""Synthetic but valid data in bulk: the input of the benchmarks.

Every generated row obeys the rules the forms and imports enforce: options in use in the row's year,
the subcategorie within its hoofdcategorie, melder_is_beklaagde only from 2025, case numbers gap-free
per year, an afdoening for every betrokkene of an afgedane melding.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction

from afdoeningen.models import Afdoening
from afdoeningen.services import afdoeningen_bulk_vastleggen
from finintegriteit.kern import rollen as r
from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, Melding
from meldingen.services.bulk import NieuweMelding, meldingen_bulk_registreren
from vertrouwenspersonen.bulk import adviesvragen_bulk_toevoegen
from vertrouwenspersonen.models import JAAR_MELDER_IS_BEKLAAGDE, Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.regels import kwartaal_van

BATCH = 10_000
REDEN = "Synthetische testdata."
# Relative sizes of the onderdelen, as in the 2024 Tellijst (818 / 224 / 117 / 33 / 8).
ONDERDEEL_GEWICHT = {
    "belastingdienst": 818,
    "douane": 224,
    "toeslagen": 117,
    "beleidsdepartement": 33,
    "anders": 8,
}

# Names, personnel numbers and descriptions, so that the werkvoorraad search has realistic text to
# look through (drawn from their own random stream: the other draws, and so every figure, stay as they were).
VOORNAMEN = (
    "Anna Bram Chantal Daan Esra Fatima Gerrit Hanna Ibrahim José Kees Lotte Mohamed Noor Sanne".split()
)
ACHTERNAMEN = (
    "de Vries|Jansen|Bakker|El Amrani|Müller|Yılmaz|van den Berg|Visser|Smit|de Boer|Çelik|Mulder|"
    "Bos|Vos|Peters|Hendriks|van Dijk|Dekker|Brouwer|de Wit|Kaya|Dijkstra|Verhoeven|Koç|Ramdin"
).split("|")
WOORDEN = (
    "declaraties aangifte inzage dossiers collega leidinggevende fraude reiskosten nevenfunctie "
    "geschenken vertrouwelijke informatie systemen toegang pesten intimidatie overleg e-mail "
    "klant belastingplichtige douaneaangifte controle voorraad diefstal tijdregistratie"
).split()


def _tekst(rnd: random.Random) -> str:
    return f"Synthetische melding over {' '.join(rnd.sample(WOORDEN, 5))}."


# Roughly the 2024 shares of Bijlage 2: most betrokkenen get no formal afdoening.
AFDOENING_GEWICHT = {"geen-afdoening": 100, "corrigerend-gesprek": 48, "ontslag-initiatief-medewerker": 14}


@dataclass
class Resultaat:
    adviesvragen: int = 0
    meldingen: int = 0
    betrokkenen: int = 0
    afdoeningen: int = 0


class _Opties:
    """All options per year, loaded once, so that generating a million rows costs no queries."""

    def __init__(self):
        self.onderdelen = list(ref.Onderdeel.objects.all())
        self.gewichten = [ONDERDEEL_GEWICHT.get(o.code, 10) for o in self.onderdelen]
        self.alle = {
            model: list(
                model.objects.select_related(*(["hoofdcategorie"] if model is ref.Subcategorie else []))
            )
            for model in (
                ref.Hoofdcategorie,
                ref.Subcategorie,
                ref.WieBetreft,
                ref.WijzeVanAfdoening,
                ref.SituatieNaInterventie,
                ref.MelderType,
                ref.SchendingSoort,
                ref.OnderzoekType,
                ref.AfdoeningType,
            )
        }
        self._cache: dict[tuple, list] = {}

    def in_jaar(self, model, jaar: int) -> list:
        sleutel = (model, jaar)
        if sleutel not in self._cache:
            self._cache[sleutel] = [o for o in self.alle[model] if o.in_gebruik(jaar)]
        return self._cache[sleutel]

    def subcategorieen(self, hoofdcategorie, jaar: int) -> list:
        sleutel = ("sub", hoofdcategorie.pk, jaar)
        if sleutel not in self._cache:
            self._cache[sleutel] = [
                s for s in self.in_jaar(ref.Subcategorie, jaar) if s.hoofdcategorie_id == hoofdcategorie.pk
            ]
        return self._cache[sleutel]


def tellijst_jaren(opties: _Opties, jaren: list[int]) -> list[int]:
    """Years in which a complete Tellijst row can be registered (every dimension has options)."""
    dimensies = (ref.Hoofdcategorie, ref.WieBetreft, ref.WijzeVanAfdoening, ref.SituatieNaInterventie)
    return [j for j in jaren if all(opties.in_jaar(m, j) for m in dimensies)]


def _vertrouwenspersonen(aantal: int) -> list:
    User = get_user_model()
    groep = Group.objects.get(name=r.VERTROUWENSPERSOON)
    namen = [f"testdata-vp{i:03d}" for i in range(1, aantal + 1)]
    bestaand = set(User.objects.filter(username__in=namen).values_list("username", flat=True))
    User.objects.bulk_create(
        [User(username=n, is_active=False, password="!") for n in namen if n not in bestaand]
    )
    gebruikers = list(User.objects.filter(username__in=namen))
    groep.user_set.add(*gebruikers)
    return gebruikers


def adviesvragen_bouwen(
    *, aantal: int, jaren: list[int], seed: int = 2024, opties=None, vps=None, rnd=None, tot=None
) -> list:
    """Unsaved, valid Adviesvraag objects (also the rows of the import benchmark's files); `tot`: the day
    the rows are valid on, so that no row of its year names a quarter that has not begun."""
    rnd = rnd or random.Random(seed)
    opties = opties or _Opties()
    jaren = tellijst_jaren(opties, jaren)
    if not jaren:
        raise ValueError("Geen jaar waarin de Tellijst-taxonomie volledig in gebruik is.")
    vps = vps if vps is not None else _vertrouwenspersonen(70)
    rijen = []
    for _ in range(aantal):
        jaar = rnd.choice(jaren)
        hoofd = rnd.choice(opties.in_jaar(ref.Hoofdcategorie, jaar))
        sub = rnd.choice(opties.subcategorieen(hoofd, jaar))
        rijen.append(
            Adviesvraag(
                jaar=jaar,
                kwartaal=rnd.choice(
                    (None, *range(1, (kwartaal_van(tot) if tot and jaar == tot.year else 4) + 1))
                ),
                onderdeel=rnd.choices(opties.onderdelen, opties.gewichten)[0],
                hoofdcategorie=hoofd,
                subcategorie=sub,
                wie_betreft=rnd.choice(opties.in_jaar(ref.WieBetreft, jaar)),
                wijze_van_afdoening=rnd.choice(opties.in_jaar(ref.WijzeVanAfdoening, jaar)),
                situatie=rnd.choice(opties.in_jaar(ref.SituatieNaInterventie, jaar)),
                melder_is_beklaagde=rnd.choice((True, False)) if jaar >= JAAR_MELDER_IS_BEKLAAGDE else None,
                evaluatielink=rnd.choice(Adviesvraag.Evaluatielink.values),
                pseudoniem=pseudoniem_van(rnd.choice(vps)) if vps else "",
            )
        )
    return rijen


def adviesvragen_genereren(*, aantal: int, jaren: list[int], seed: int = 2024) -> int:
    rnd = random.Random(seed)
    opties = _Opties()
    vps = _vertrouwenspersonen(70)
    gemaakt = 0
    while gemaakt < aantal:
        rijen = adviesvragen_bouwen(
            aantal=min(BATCH, aantal - gemaakt), jaren=jaren, opties=opties, vps=vps, rnd=rnd
        )
        adviesvragen_bulk_toevoegen(adviesvragen=rijen)
        gemaakt += len(rijen)
    return gemaakt


def meldingen_genereren(*, aantal: int, jaren: list[int], seed: int = 2024) -> Resultaat:
    """Meldingen spread evenly over the years, each with one to three betrokkenen.

    Meldingen of earlier years are afgedaan with an afdoening per betrokkene; a share of the last
    year is still open. Numbers continue after what each year already has, without gaps.
    """
    rnd = random.Random(seed + 1)
    tekst_rnd = random.Random(seed + 2)
    opties = _Opties()
    resultaat = Resultaat()
    per_jaar = [aantal // len(jaren) + (1 if i < aantal % len(jaren) else 0) for i in range(len(jaren))]
    onderzoek = {o.code: o for o in opties.alle[ref.OnderzoekType]}
    status_van_onderzoek = {
        "geen-onderzoek": Melding.Status.GEEN_ONDERZOEK,
        "orienterend-onderzoek": Melding.Status.ORIENTEREND_ONDERZOEK,
        "volledig-feitenonderzoek": Melding.Status.VOLLEDIG_FEITENONDERZOEK,
    }
    for jaar, n in zip(jaren, per_jaar, strict=True):
        with transaction.atomic():
            meldingen = []
            for _ in range(n):
                ontvangen = datetime.date(jaar, 1, 1) + datetime.timedelta(days=rnd.randrange(365))
                soort = rnd.choices(
                    ["geen-onderzoek", "orienterend-onderzoek", "volledig-feitenonderzoek"], [85, 2, 13]
                )[0]
                afgedaan = jaar < jaren[-1] or rnd.random() < 0.8
                meldingen.append(
                    Melding(
                        ontvangen_op=ontvangen,
                        melder_type=rnd.choice(opties.in_jaar(ref.MelderType, jaar)),
                        onderwerp=rnd.choice(opties.in_jaar(ref.SchendingSoort, jaar)),
                        klokkenluidersmelding=rnd.random() < 0.01,
                        omschrijving=_tekst(tekst_rnd),
                        dienstonderdeel=rnd.choices(opties.onderdelen, opties.gewichten)[0],
                        status=Melding.Status.AFGEDAAN if afgedaan else status_van_onderzoek[soort],
                        onderzoek_type=onderzoek[soort],
                        afgedaan_op=min(ontvangen + datetime.timedelta(days=60), datetime.date(jaar, 12, 31))
                        if afgedaan
                        else None,
                    )
                )
            # Numbered in this order, continuing after what the year already has.
            nieuwe = [
                NieuweMelding(
                    melding=melding,
                    betrokkenen=[
                        Betrokkene(
                            naam=f"{tekst_rnd.choice(VOORNAMEN)} {tekst_rnd.choice(ACHTERNAMEN)}",
                            personeelsnummer=str(tekst_rnd.randrange(1_000_000, 9_999_999)),
                            dienstonderdeel=melding.dienstonderdeel,
                            leidinggevende=rnd.random() < 0.15,
                        )
                        for _ in range(rnd.choice((1, 1, 1, 2, 3)))
                    ],
                )
                for melding in meldingen
            ]
            meldingen_bulk_registreren(door=None, meldingen=nieuwe, reden=REDEN)
            afdoeningtypen = opties.in_jaar(ref.AfdoeningType, jaar)
            afdoeningen = [
                Afdoening(
                    betrokkene=betrokkene,
                    schending=rnd.choice(opties.in_jaar(ref.SchendingSoort, jaar)),
                    aangetoond=rnd.random() < 0.45,
                    type=rnd.choices(
                        afdoeningtypen, [AFDOENING_GEWICHT.get(t.code, 3) for t in afdoeningtypen]
                    )[0],
                    datum=nieuw.melding.afgedaan_op,
                    inhoud="Medewerker heeft zich niet gehouden aan interne regels.",
                )
                for nieuw in nieuwe
                if nieuw.melding.status == Melding.Status.AFGEDAAN
                for betrokkene in nieuw.betrokkenen
            ]
            afdoeningen_bulk_vastleggen(door=None, afdoeningen=afdoeningen, reden=REDEN)
        resultaat.meldingen += n
        resultaat.betrokkenen += sum(len(nieuw.betrokkenen) for nieuw in nieuwe)
        resultaat.afdoeningen += len(afdoeningen)
    return resultaat


def statistieken_bijwerken() -> None:
    """Leave the database as autovacuum would after a while: statistics gathered, visibility map set.

    Without statistics the planner guesses from empty-table defaults, and without the visibility map a
    count cannot use an index-only scan. Autovacuum gets round to both eventually, and a server with
    autovacuum off (the CI machine) never does: the benchmarks would then measure plans and scans that
    no production database with ten years of data would have. VACUUM cannot run inside a transaction
    (a test): there only ANALYZE.
    """
    postgres = connection.vendor == "postgresql"
    opdracht = "VACUUM (ANALYZE)" if postgres and not connection.in_atomic_block else "ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(opdracht)
