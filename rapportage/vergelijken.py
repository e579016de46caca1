"""How a count compares: its share of a total (`procent`) and its arrow against last year (`pijl`).

The one place both are computed; the selectors store them in the figures, the chapters compute the
few they need from figures already hidden or rounded (the infographic's total). Formatting for print
is rapportage.tabellen's.
"""

OMHOOG = "↑"
OMLAAG = "↓"
GELIJK = "="


def procent(aantal: int, totaal: int) -> int | None:
    """Whole percent, rounded half up as the published report does (56,5 -> 57); None without a total."""
    if not totaal:
        return None
    return (200 * aantal + totaal) // (2 * totaal)


def pijl(huidig, vorig, *, vergelijkbaar: bool = True) -> str | None:
    """The infographic's arrow against last year; None when there is nothing to compare with: not
    `vergelijkbaar`, or a count that is not a number (hidden under a threshold, or missing)."""
    if not vergelijkbaar or not _getal(huidig) or not _getal(vorig):
        return None
    if huidig > vorig:
        return OMHOOG
    if huidig < vorig:
        return OMLAAG
    return GELIJK


def _getal(waarde) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)
