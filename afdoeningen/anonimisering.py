"""Is the 'Inhoud (vermoedelijke) schending' really anonymous?

The text goes into the annual report (Bijlage 2), so it must not name the people involved. This
module is pure: it gets the names and numbers to look for and returns the problems it finds, so the
afdoening form, the service and the register import share one rule.

How a name is matched (all case-, diacritics- and punctuation-insensitive, on whole words only):
1. the full name as written ('Jan de Vries' matches 'jan de vries', not 'Jansen');
2. when the name has more than one part, the surname with its tussenvoegsel ('de Vries') and every
   surname word of three letters or more on its own ('Vries'; 'Groot-Bakker' gives 'Groot' and
   'Bakker'). A surname written first ('Vries, Jan de') is understood as well.
First names alone are not matched: they are too often ordinary words and identify no one by
themselves. Surnames that are also ordinary Dutch words ('de Groot', 'van der Meer') will refuse a
text that uses that word ('groot', 'meer'); we accept that false positive, because the other choice
would let a surname slip into a published report. The analist sees which word was found and can
rephrase. See docs/afdoeningen.md.
"""

import re

from finintegriteit.referentie.normalisatie import normaliseer

BEVAT_NAAM = (
    "De omschrijving bevat de naam van een betrokkene ('{woord}'). Beschrijf de schending in "
    "algemene termen, zonder namen."
)
# Deliberately without the matched word: an analist without the permission to see the melder's
# identity must not learn it from this message.
BEVAT_MELDERGEGEVEN = (
    "De omschrijving bevat een naam of contactgegeven van de melder. Beschrijf de schending in "
    "algemene termen, zonder namen of contactgegevens."
)
BEVAT_PERSONEELSNUMMER = (
    "De omschrijving bevat het personeelsnummer van een betrokkene. Laat nummers van personen weg."
)
BEVAT_EMAIL = "De omschrijving bevat een e-mailadres ('{adres}'). Laat e-mailadressen weg."
BEVAT_TELEFOONNUMMER = (
    "De omschrijving bevat iets dat op een telefoonnummer lijkt ('{nummer}'). Laat telefoonnummers weg."
)
BEVAT_NUMMERREEKS = (
    "De omschrijving bevat een reeks van {aantal} cijfers ('{reeks}'); dat kan een personeels- of "
    "burgerservicenummer zijn. Laat zulke nummers weg."
)

# Words between first name and surname that are not a name by themselves.
TUSSENVOEGSELS = frozenset(
    "a aan al bij d da dal de del della dem den der des di die do dos du el het in la las le les lo los "
    "of op s t te ten ter uit uijt van vande vanden vander ver von vom voor zu zum zur".split()
)
MINSTE_LETTERS_ACHTERNAAM = 3
# Six digits or more in a row: personnel numbers and BSNs look like that; generic texts do not.
MINSTE_CIJFERS_REEKS = 6

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_CIJFERREEKS = re.compile(rf"\d{{{MINSTE_CIJFERS_REEKS},}}")
_CIJFERS_MET_SCHEIDING = re.compile(r"\d(?:[\d .\-/]*\d)?")
# A Dutch telephone number in any usual notation: 06-12345678, 070 123 45 67, +31 (0)6 1234 5678.
# Found without knowing whose number it is, so the check needs no one's identity.
_TELEFOON = re.compile(r"(?<![\w+])(?:(?:\+31|0031)[\s-]*(?:\(0\))?|0)[\s-]*\d(?:[\s.\-/]*\d){8}(?!\d)")


def woorden(tekst: str) -> list[str]:
    return re.findall(r"\w+", normaliseer(tekst or ""))


def _bevat_reeks(tekstwoorden: list[str], reeks: list[str]) -> bool:
    n = len(reeks)
    if not n:
        return False
    return any(tekstwoorden[i : i + n] == reeks for i in range(len(tekstwoorden) - n + 1))


def naamvormen(naam: str) -> list[list[str]]:
    """The word sequences that count as 'this name' in a text, longest first."""
    naam = (naam or "").strip()
    if not naam:
        return []
    if "," in naam:
        # 'Vries, Jan de' -> first names 'Jan', surname 'de Vries'.
        achter, _, voor = naam.partition(",")
        voor_delen = voor.split()
        voorvoegsel = []
        while voor_delen and normaliseer(voor_delen[-1]).strip(".'") in TUSSENVOEGSELS:
            voorvoegsel.insert(0, voor_delen.pop())
        delen = [*voor_delen, *voorvoegsel, *achter.split()]
        achternaam_delen = [*voorvoegsel, *achter.split()]
    else:
        delen = naam.split()
        achternaam_delen = delen[1:]
    vormen = [woorden(" ".join(delen))]
    if len(delen) > 1:
        achternaam = woorden(" ".join(achternaam_delen))
        kern = [w for w in achternaam if w not in TUSSENVOEGSELS]
        vormen += [achternaam, kern, *([w] for w in kern)]
    uniek = []
    for i, vorm in enumerate(vormen):
        # A one-word part only counts from three letters; the full name (i == 0) always counts.
        te_kort = len(vorm) == 1 and len(vorm[0]) < MINSTE_LETTERS_ACHTERNAAM and i > 0
        if vorm and vorm not in uniek and not te_kort:
            uniek.append(vorm)
    return sorted(uniek, key=len, reverse=True)


def _gevonden_naam(tekstwoorden: list[str], naam: str) -> list[str] | None:
    for vorm in naamvormen(naam):
        if _bevat_reeks(tekstwoorden, vorm):
            return vorm
    return None


def _bevat_nummer(tekst: str, tekstwoorden: list[str], nummer: str) -> bool:
    nummer = (nummer or "").strip()
    if not nummer:
        return False
    if _bevat_reeks(tekstwoorden, woorden(nummer)):
        return True
    cijfers = re.sub(r"\D", "", nummer)
    # A number written with other separators still counts: '12 34 56' or '12-34-56' for 123456.
    if re.fullmatch(r"[\d .\-/]+", nummer) and len(cijfers) >= 4:
        return any(re.sub(r"\D", "", m) == cijfers for m in _CIJFERS_MET_SCHEIDING.findall(tekst))
    return False


def persoonsgegevens_in(
    tekst: str,
    *,
    namen: list[str] = (),
    personeelsnummers: list[str] = (),
    melder_namen: list[str] = (),
    melder_gegevens: list[str] = (),
) -> list[str]:
    """The problems found in `tekst`, as messages for the user; an empty list means anonymous enough.

    `namen` and `personeelsnummers` are those of the betrokkenen, `melder_namen` and
    `melder_gegevens` (e-mail, telephone) those of the melder.
    """
    tekst = tekst or ""
    tekstwoorden = woorden(tekst)
    problemen = []
    for naam in namen:
        gevonden = _gevonden_naam(tekstwoorden, naam)
        if gevonden:
            problemen.append(BEVAT_NAAM.format(woord=_zoals_geschreven(tekst, gevonden)))
            break
    if any(_gevonden_naam(tekstwoorden, naam) for naam in melder_namen) or any(
        _bevat_nummer(tekst, tekstwoorden, gegeven) for gegeven in melder_gegevens
    ):
        problemen.append(BEVAT_MELDERGEGEVEN)
    if any(_bevat_nummer(tekst, tekstwoorden, nummer) for nummer in personeelsnummers):
        problemen.append(BEVAT_PERSONEELSNUMMER)
    elif telefoon := _TELEFOON.search(tekst):
        problemen.append(BEVAT_TELEFOONNUMMER.format(nummer=telefoon.group().strip()))
    elif reeks := _CIJFERREEKS.search(tekst):
        problemen.append(BEVAT_NUMMERREEKS.format(aantal=len(reeks.group()), reeks=reeks.group()))
    if adres := _EMAIL.search(tekst):
        problemen.append(BEVAT_EMAIL.format(adres=adres.group()))
    return problemen


def _zoals_geschreven(tekst: str, vorm: list[str]) -> str:
    """The matched words as the user typed them (with capitals and accents), for the message."""
    origineel = re.findall(r"\w+", tekst)
    genormaliseerd = [normaliseer(w) for w in origineel]
    n = len(vorm)
    for i in range(len(genormaliseerd) - n + 1):
        if genormaliseerd[i : i + n] == vorm:
            return " ".join(origineel[i : i + n])
    return " ".join(vorm)
