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

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

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
    def in_audittrail(self) -> bool:
        """May the term's text go into the audit trail? Only a whole meldingsnummer: any other term could
        name or number a person, also one that matches nothing here (a phone number with spaces, a
        BSN, a date of birth)."""
        return _MELDINGSNUMMER.fullmatch(self.tekst) is not None


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


# --- PostgreSQL: the conditions as written SQL ---------------------------------------------------------
#
# Built with the ORM, the three subqueries of a word search (names, descriptions, notes) and their
# `reden_` annotations were resolved and compiled anew on every request: about a third of the page's
# Python time (docs/prestaties.md, 'Zoeken in de werkvoorraad'). Written out, each is one string with
# parameters; only the melding's own column and table are named by Django, so table aliases stay right.
# The expressions are those of the indexes (migrations 0008 and later): the trigram index on the name
# without accents, the GIN index on to_tsvector('dutch', …) of the notes, and the GIN index on the
# omschrijving's stored words (0015), which the page also reads row by row instead of analysing the text.

_TSVECTOR = "to_tsvector(%s::regconfig, COALESCE({kolom}, %s))"
_TSQUERY = "(plainto_tsquery(%s::regconfig, %s))"
# The omschrijving's words as the database keeps them (migration 0015): the model does not know it.
ZOEKVECTOR = "omschrijving_zoek"


class Sqlvoorwaarde(Expression):
    """A condition on the melding in written SQL: `{kolom}` is the melding's column `veld`, `{tabel}` the
    melding's table as this query names it (for a column only the database knows, ZOEKVECTOR)."""

    output_field = BooleanField()

    def __init__(self, veld: str, sql: str, params: tuple):
        super().__init__()
        self.kolom, self.sql, self.params = F(veld), sql, params

    def get_source_expressions(self):
        return [self.kolom]

    def set_source_expressions(self, expressies):
        (self.kolom,) = expressies

    def as_sql(self, compiler, connection):
        kolom, kolom_params = compiler.compile(self.kolom)
        tabel = compiler.quote_name_unless_alias(compiler.query.base_table)
        # {kolom} stands before every %s in each template below, so the parameters keep their order.
        return self.sql.format(kolom=kolom, tabel=tabel), (*kolom_params, *self.params)


def _betrokkene_waar(term: Zoekterm, soort: str) -> tuple[str, tuple]:
    if soort == "personeelsnummer":
        # Exact (through the index); the usual spellings of letters in a number count as the same.
        varianten = sorted({term.tekst, term.tekst.upper(), term.tekst.lower()})
        return "b.personeelsnummer = ANY(%s)", (varianten,)
    woorden = [f"%{connection.ops.prep_for_like_query(w)}%" for w in _woorden(term)]
    return " AND ".join(["ONGEACCENTUEERD(b.naam)::text LIKE %s"] * len(woorden)), tuple(woorden)


def _postgres_voorwaarden(term: Zoekterm) -> dict[str, tuple[Sqlvoorwaarde, Sqlvoorwaarde]]:
    """Per kind of match: (the condition for the filter, the condition for its `reden_` column)."""
    betrokkene = Betrokkene._meta.db_table
    aantekening = Aantekening._meta.db_table
    tekst = (CONFIG, "", CONFIG, term.tekst)
    delen = {}
    if "nummer" in term.soorten:
        # Numbers are stored in upper case: a plain LIKE, which the trigram index of the number serves.
        deel = term.tekst.upper().removeprefix("OIF-").removeprefix("OIF")
        voorwaarde = Sqlvoorwaarde(
            "nummer", "{kolom}::text LIKE %s", (f"%{connection.ops.prep_for_like_query(deel)}%",)
        )
        delen["nummer"] = (voorwaarde, voorwaarde)
    for soort in ("personeelsnummer", "naam"):
        if soort in term.soorten:
            waar, params = _betrokkene_waar(term, soort)
            if not params:
                continue
            delen[soort] = (
                Sqlvoorwaarde(
                    "pk",
                    f"{{kolom}} = ANY(ARRAY(SELECT b.melding_id FROM {betrokkene} b WHERE {waar}))",  # noqa: S608 (table from the model, values as parameters)
                    params,
                ),
                Sqlvoorwaarde(
                    "pk",
                    f"EXISTS(SELECT 1 FROM {betrokkene} b WHERE b.melding_id = {{kolom}} AND {waar})",  # noqa: S608
                    params,
                ),
            )
    if "omschrijving" in term.soorten:
        voorwaarde = Sqlvoorwaarde("pk", f"{{tabel}}.{ZOEKVECTOR} @@ {_TSQUERY}", (CONFIG, term.tekst))
        delen["omschrijving"] = (voorwaarde, voorwaarde)
    if "aantekening" in term.soorten:
        waar = f"{_TSVECTOR.format(kolom='a.tekst')} @@ {_TSQUERY}"
        delen["aantekening"] = (
            Sqlvoorwaarde(
                "pk",
                f"{{kolom}} = ANY(ARRAY(SELECT a.melding_id FROM {aantekening} a WHERE {waar}))",  # noqa: S608
                tekst,
            ),
            Sqlvoorwaarde(
                "pk",
                f"EXISTS(SELECT 1 FROM {aantekening} a WHERE a.melding_id = {{kolom}} AND {waar})",  # noqa: S608
                tekst,
            ),
        )
    return delen


# --- SQLite (development and the embedded test run): the same matches through the ORM ------------------


def _naam_q(term: Zoekterm) -> Q:
    q = Q()
    for woord in _woorden(term):
        q &= Q(naam_zoek__contains=woord)
    return q


def _tekst_q(veld: str, term: Zoekterm) -> Q:
    q = Q()
    for woord in _woorden(term):
        q &= Q(**{f"{veld}__icontains": woord})
    return q


def _orm_voorwaarden(term: Zoekterm) -> dict[str, tuple[Q, object]]:
    delen = {}
    if "nummer" in term.soorten:
        q = Q(nummer__contains=term.tekst.upper().removeprefix("OIF-").removeprefix("OIF"))
        delen["nummer"] = (q, Case(When(q, then=Value(True)), default=Value(False)))
    subqueries = {}
    if "personeelsnummer" in term.soorten:
        varianten = {term.tekst, term.tekst.upper(), term.tekst.lower()}
        subqueries["personeelsnummer"] = Betrokkene.objects.filter(personeelsnummer__in=varianten)
    if "naam" in term.soorten:
        subqueries["naam"] = Betrokkene.objects.annotate(naam_zoek=Ongeaccentueerd("naam")).filter(
            _naam_q(term)
        )
    if "omschrijving" in term.soorten:
        q = _tekst_q("omschrijving", term)
        delen["omschrijving"] = (q, Case(When(q, then=Value(True)), default=Value(False)))
    if "aantekening" in term.soorten:
        subqueries["aantekening"] = Aantekening.objects.filter(_tekst_q("tekst", term))
    for soort, sub in subqueries.items():
        delen[soort] = (Q(pk__in=sub.values("melding_id")), Exists(sub.filter(melding_id=OuterRef("pk"))))
    return delen


def zoeken(qs: QuerySet, term: Zoekterm) -> QuerySet:
    """The meldingen of `qs` that match the term, each annotated with `reden_<soort>` booleans.

    Every kind of match is an index condition (on PostgreSQL `id = ANY(ARRAY(subquery))` for the other
    tables): the database combines them in one BitmapOr for the count and checks them row by row while it
    walks the sort index for a page. The `reden_` columns are evaluated for the rows on the page only."""
    delen = _postgres_voorwaarden(term) if _postgres() else _orm_voorwaarden(term)
    if not delen:
        return qs.none()
    filter_q = Q()
    for voorwaarde, _ in delen.values():
        filter_q |= voorwaarde if isinstance(voorwaarde, Q) else Q(voorwaarde)
    return qs.filter(filter_q).annotate(**{f"reden_{soort}": reden for soort, (_, reden) in delen.items()})


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
