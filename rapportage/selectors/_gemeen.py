"""Small building blocks shared by the figure selectors: rows, option lists (percentages and arrows:
rapportage.vergelijken)."""

import datetime

from ..vergelijken import pijl, procent


def rij(
    *, code: str, label: str, aantal: int, totaal: int, vorig_jaar: int = 0, vergelijkbaar: bool = True
) -> dict:
    return {
        "code": code,
        "label": label,
        "aantal": aantal,
        "procent": procent(aantal, totaal),
        "vorig_jaar": vorig_jaar,
        "pijl": pijl(aantal, vorig_jaar, vergelijkbaar=vergelijkbaar),
    }


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)


def zichtbare_opties(opties, *, jaren, aantallen: dict) -> list:
    """Options in use in one of `jaren`, plus any with rows all the same (the data tells the truth).

    `aantallen` maps option id -> total count over the same years.
    """
    return [o for o in opties if any(o.in_gebruik(j) for j in jaren) or aantallen.get(o.pk, 0)]


TELWOORDEN = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}


def voetnoot_vergelijkingsgroep(leden: list, *, jaren: list[int]) -> str:
    """The footnote of a table that adds up options that replaced one another.

    For Leidinggevende in 2024: direct and andere leidinggevende are counted apart from 2024 on, and
    added up again here so that the years can be compared.
    """
    eerste = min(o.eerste_jaar for o in leden)
    nieuw = [o for o in leden if o.eerste_jaar > eerste and o.eerste_jaar <= max(jaren)]
    if not nieuw:
        zin = f"{_opsomming([o.label for o in leden])} staan hier samen, zodat de jaren te vergelijken zijn."
        return zin[:1].upper() + zin[1:]
    splitsjaar = min(o.eerste_jaar for o in nieuw)
    gesplitst = [o for o in nieuw if o.eerste_jaar == splitsjaar]
    telwoord = TELWOORDEN.get(len(gesplitst), str(len(gesplitst)))
    namen = _opsomming([_klein(o.label) for o in gesplitst])
    return (
        f"Vanaf {splitsjaar} worden {namen} apart geteld. "
        f"Om met eerdere jaren te kunnen vergelijken, staan die {telwoord} hier samen."
    )


def _klein(label: str) -> str:
    return label[:1].lower() + label[1:]


def _opsomming(woorden: list[str]) -> str:
    if len(woorden) <= 1:
        return "".join(woorden)
    return ", ".join(woorden[:-1]) + " en " + woorden[-1]
