"""Searching the werkvoorraad (reads only): one term, matched against number, people and text.

What a term is compared with depends on what it looks like, so that each comparison can use its index:
- digits and dashes (`2024-0012`, `0012`, `OIF-2024-0012`): part of the meldingsnummer;
- digits (and letters) without spaces, unless it is a whole year-sequence number: a betrokkene's
  personeelsnummer, exactly;
- anything with letters: every word in a betrokkene's name (case- and accent-insensitive, parts of the
  name count: `vries` finds 'Jan de Vries'), and the words in the omschrijving and in the notes.
Words are matched with PostgreSQL full-text search in the Dutch configuration ('fraude' also finds
'fraudes'); on SQLite a plain word-part comparison stands in for it.

Each kind of match uses its own index. On PostgreSQL the matches in other tables are written as
`id = ANY(ARRAY(subquery))` and the words of the omschrijving as a condition on the melding itself: all
are then index conditions, which the database combines in one BitmapOr for the count and checks row by
row while it walks the sort index for a page. `id IN (subquery)` is no index condition: the count read
every melding and the page hashed all matches first (docs/prestaties.md, 'Zoeken in de werkvoorraad').
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import BooleanField, Case, Exists, F, Func, OuterRef, Q, QuerySet, Subquery, Value, When

from finintegriteit.referentie.normalisatie import normaliseer

from .models import Aantekening, Betrokkene

MAX_LENGTE = 100
CONFIG = "dutch"

_NUMMER = re.compile(r"(?:oif-?)?\d{2,4}(?:-\d{0,4})?|(?:oif-?)?-?\d{1,4}", re.IGNORECASE)
# Year and sequence number: a meldingsnummer and nothing else, so it may go into the audit trail.
_MELDINGSNUMMER = re.compile(r"(?:oif-?)?\d{4}-\d{1,4}", re.IGNORECASE)
_PERSONEELSNUMMER = re.compile(r"[\w-]*\d[\w-]*")
_LETTERS = re.compile(r"[^\W\d_]")

# Why a melding matched, as the list shows it; the keys are also the field names in the audit row.
REDENEN = {
    "nummer": "meldingsnummer",
    "personeelsnummer": "personeelsnummer",
    "naam": "naam betrokkene",
    "omschrijving": "omschrijving",
    "aantekening": "aantekening",
}


@dataclass(frozen=True)
class Zoekterm:
    tekst: str
    soorten: tuple[str, ...]

    @property
    def is_persoon(self) -> bool:
        """Could the term name or number a person? Then its text never goes into the audit trail."""
        return "naam" in self.soorten or "personeelsnummer" in self.soorten


def zoekterm(tekst: str) -> Zoekterm | None:
    tekst = " ".join((tekst or "").split())[:MAX_LENGTE]
    if not tekst:
        return None
    if _MELDINGSNUMMER.fullmatch(tekst):
        return Zoekterm(tekst, ("nummer",))
    soorten = []
    if _NUMMER.fullmatch(tekst):
        soorten.append("nummer")
    if _PERSONEELSNUMMER.fullmatch(tekst):
        soorten.append("personeelsnummer")
    if _LETTERS.search(tekst):
        soorten += ["naam", "omschrijving", "aantekening"]
    return Zoekterm(tekst, tuple(soorten))


class Ongeaccentueerd(Func):
    """Lower case without diacritics. On PostgreSQL the immutable wrapper around unaccent that the
    trigram index of betrokkene names is built on (migration 0008), on SQLite the Python function
    the rest of the project uses (registered on every connection below)."""

    function = "ONGEACCENTUEERD"


def _functies_registreren(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("ONGEACCENTUEERD", 1, _normaliseer, deterministic=True)


def _normaliseer(tekst):
    return normaliseer(tekst) if tekst is not None else None


connection_created.connect(_functies_registreren)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _woorden(term: Zoekterm) -> list[str]:
    return [w for w in re.findall(r"\w+", normaliseer(term.tekst)) if w]


def _tekst_q(veld: str, term: Zoekterm) -> Q:
    if _postgres():
        return Q(**{f"_zv_{veld}": SearchQuery(term.tekst, config=CONFIG, search_type="plain")})
    q = Q()
    for woord in _woorden(term):
        q &= Q(**{f"{veld}__icontains": woord})
    return q


def _met_tekst(qs: QuerySet, veld: str) -> QuerySet:
    # The same expression as the GIN index of the model, so the database can use it. An alias, not an
    # annotation: it is only compared, never selected, so a count does not compute it per row.
    return qs.alias(**{f"_zv_{veld}": SearchVector(veld, config=CONFIG)}) if _postgres() else qs


class IdInLijst(Func):
    """`<id> = ANY(ARRAY(<subquery>))` (PostgreSQL): an index condition, unlike `<id> IN (<subquery>)`."""

    output_field = BooleanField()

    def __init__(self, kolom, subquery: QuerySet):
        # Without ORDER BY: the default ordering of the model would join the melding table for nothing.
        super().__init__(kolom, Subquery(subquery.order_by()))

    def as_sql(self, compiler, connection, **extra):
        kolom, kolom_params = compiler.compile(self.source_expressions[0])
        sub, sub_params = compiler.compile(self.source_expressions[1])
        return f"{kolom} = ANY(ARRAY{sub})", (*kolom_params, *sub_params)


def _naam_q(term: Zoekterm) -> Q:
    q = Q()
    for woord in _woorden(term):
        q &= Q(naam_zoek__contains=woord)
    return q


def _deelvragen(term: Zoekterm) -> dict[str, QuerySet | Q]:
    """Per kind of match: a Q on the melding, or a queryset of matching melding ids."""
    delen: dict[str, QuerySet | Q] = {}
    if "nummer" in term.soorten:
        # Numbers are stored in upper case: a plain LIKE, which the trigram index of the number serves.
        delen["nummer"] = Q(nummer__contains=term.tekst.upper().removeprefix("OIF-").removeprefix("OIF"))
    if "personeelsnummer" in term.soorten:
        # Exact (through the index); the usual spellings of letters in a number count as the same.
        varianten = {term.tekst, term.tekst.upper(), term.tekst.lower()}
        delen["personeelsnummer"] = Betrokkene.objects.filter(personeelsnummer__in=varianten).values(
            "melding_id"
        )
    if "naam" in term.soorten:
        delen["naam"] = (
            Betrokkene.objects.annotate(naam_zoek=Ongeaccentueerd("naam"))
            .filter(_naam_q(term))
            .values("melding_id")
        )
    if "omschrijving" in term.soorten:
        # On the melding itself (zoeken() adds the alias to the outer query).
        delen["omschrijving"] = _tekst_q("omschrijving", term)
    if "aantekening" in term.soorten:
        delen["aantekening"] = (
            _met_tekst(Aantekening.objects.all(), "tekst")
            .filter(_tekst_q("tekst", term))
            .values("melding_id")
        )
    return delen


def _als_q(deel: QuerySet | Q) -> Q:
    if isinstance(deel, Q):
        return deel
    return Q(IdInLijst(F("pk"), deel)) if _postgres() else Q(pk__in=deel)


def zoeken(qs: QuerySet, term: Zoekterm) -> QuerySet:
    """The meldingen of `qs` that match the term, each annotated with `reden_<soort>` booleans."""
    delen = _deelvragen(term)
    if not delen:
        return qs.none()
    if "omschrijving" in delen:
        qs = _met_tekst(qs, "omschrijving")
    filter_q = Q()
    for deel in delen.values():
        filter_q |= _als_q(deel)
    annotaties = {}
    for soort, deel in delen.items():
        # Evaluated for the rows on the page only (SELECT list after LIMIT), so cheap.
        if isinstance(deel, Q):
            annotaties[f"reden_{soort}"] = Case(When(deel, then=Value(True)), default=Value(False))
        else:
            annotaties[f"reden_{soort}"] = Exists(deel.filter(melding_id=OuterRef("pk")))
    return qs.filter(filter_q).annotate(**annotaties)


def redenen(melding) -> list[str]:
    return [label for soort, label in REDENEN.items() if getattr(melding, f"reden_{soort}", False)]


# A search counts its hits up to this number and says "meer dan" beyond it. Counting every hit of a
# common word read thousands of rows for a number nobody pages through (docs/prestaties.md, 'Zoeken
# in de werkvoorraad'); past this many the analist refines the term or sets a filter.
TELGRENS = 1000


@dataclass(frozen=True)
class Telling:
    aantal: int  # at most `grens`
    meer: bool  # there are more than `grens`
    grens: int


def treffers_tellen(qs: QuerySet) -> Telling:
    """How many meldingen `qs` holds, counted no further than TELGRENS + 1 rows."""
    grens = TELGRENS
    aantal = qs.order_by().values("pk")[: grens + 1].count()
    return Telling(min(aantal, grens), aantal > grens, grens)
