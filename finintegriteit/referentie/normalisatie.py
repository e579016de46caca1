import re
import unicodedata

_SPATIES = re.compile(r"\s+")


def normaliseer(tekst: str) -> str:
    """Case-, diacritics- and whitespace-insensitive form of a label, for matching spreadsheet values.

    'Oriënterend  onderzoek ' and 'orienterend onderzoek' give the same key.
    """
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder_accenten = "".join(c for c in ontleed if not unicodedata.combining(c))
    return _SPATIES.sub(" ", zonder_accenten).strip().casefold()
