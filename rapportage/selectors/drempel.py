"""Small counts in a report for one onderdeel are shown as '<N', so that nobody can be recognised.

The threshold is the setting RAPPORTAGE_DREMPEL (whole number, default 0 = off). The ministry-wide
report always shows exact counts, as the published report does. The figures keep their raw numbers;
only the presentation applies the threshold.
"""

from django.conf import settings


def drempel_voor(onderdeel) -> int:
    if onderdeel is None:
        return 0
    return max(int(getattr(settings, "RAPPORTAGE_DREMPEL", 0) or 0), 0)


def verborgen(aantal, *, drempel: int) -> bool:
    return bool(drempel) and isinstance(aantal, int) and 0 < aantal < drempel


def toon_aantal(aantal, *, drempel: int):
    """The count, or '<N' when it is below the threshold; 0 stays 0 (nobody to recognise)."""
    return f"<{drempel}" if verborgen(aantal, drempel=drempel) else aantal


def toon_procent(procent, *, aantal, drempel: int):
    """A percentage would give a hidden count away, so it is left out (None) with it."""
    return None if verborgen(aantal, drempel=drempel) else procent
