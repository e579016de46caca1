"""The dashboard's trend over the years: a chart per series (the PDF's own SVG bars, a bar per year)
and one table with the same numbers, from `selectors.overzicht.verloop`."""

from ..grafieken import Staaf, staafdiagram
from ..tabellen import Grafiek, Rij, Tabel

# Years and month names are short: a narrow chart keeps its text readable in the dashboard's columns.
SMAL = {"breedte": 320, "label_breedte": 70}

REEKSEN = {
    "adviesvragen": "Adviesvragen bij vertrouwenspersonen",
    "meldingen": "Meldingen bij het OIF",
    "afgedaan": "Afgedane (vermoedelijke) integriteitsschendingen",
}


def verloop(reeksen: dict, *, tot: int) -> dict:
    """{"grafieken": [Grafiek], "tabel": Tabel or None} of the years up to `tot` that have figures.

    A hidden count (small Tellijst cell) has no bar; the table shows it as hidden.
    """
    per_reeks = {naam: {jaar: n for jaar, n in reeksen.get(naam, []) if jaar <= tot} for naam in REEKSEN}
    grafieken = []
    for naam, label in REEKSEN.items():
        staven = [Staaf(str(jaar), n) for jaar, n in per_reeks[naam].items() if isinstance(n, int)]
        if len(staven) > 1:  # one year is no trend; its figure is in the chapters below
            titel = f"{label} per jaar"
            grafieken.append(Grafiek(titel, staafdiagram(staven, titel=titel, **SMAL)))
    jaren = sorted({jaar for reeks in per_reeks.values() for jaar in reeks})
    if not jaren:
        return {"grafieken": [], "tabel": None}
    tabel = Tabel(
        "verloop",
        f"Verloop tot en met {tot}",
        "Jaar",
        list(REEKSEN.values()),
        [Rij(str(jaar), [per_reeks[naam].get(jaar) for naam in REEKSEN]) for jaar in jaren],
    )
    return {"grafieken": grafieken, "tabel": tabel}


def per_maand(paren: list, *, jaar: int, maandnamen, reeks: str = "Meldingen bij het OIF") -> Grafiek | None:
    """A count per month of the current year as bars; None when there are none yet (twelve zero bars
    would report nothing as if it were a finding). A month without a figure, a hidden one or a
    negative one (the Tellijst shrank) has no bar; the table beside the chart shows it."""
    staven = [Staaf(str(maandnamen[maand]), n) for maand, n in paren if isinstance(n, int) and n >= 0]
    if not any(s.waarde for s in staven):
        return None
    titel = f"{reeks} per maand in {jaar}"
    return Grafiek(titel, staafdiagram(staven, titel=titel, **SMAL))
