"""The chapters of the jaarrapportage, built from the figures of `rapportage.selectors.jaarcijfers`.

Every builder takes the figures, read once into typed sections (rapportage.secties.Cijfers), and
returns `Hoofdstuk` objects of plain tables, charts and infographic blocks; none of them counts anything
itself (counting is SQL, in the selectors).
"""

from ..secties import Cijfers
from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN, TELLIJST
from ..tabellen import Hoofdstuk
from ._gemeen import Weergave
from .algemeen import benoemde_kerncijfers, cif, kerncijfers, klachtencommissie, nevenwerkzaamheden
from .bijlagen import bijlage2, infographic, per_onderdeel
from .oif import oif
from .vertrouwenspersonen import vertrouwenspersonen


def dashboard_hoofdstukken(ruw: dict) -> list[Hoofdstuk]:
    """The dashboard's chapters in the order of the published report (the PDF's come from the year's
    structure: gegenereerde_delen). A part without rows in the year says so, as in the PDF, instead of
    showing zeros."""
    cijfers = Cijfers.uit(ruw)
    w = Weergave(cijfers.kader.drempel)
    hoofdstukken = [
        kerncijfers(cijfers, w, 1),
        oif(cijfers, w, 2),
        vertrouwenspersonen(cijfers, w, 3),
        klachtencommissie(cijfers, 4),
        cif(cijfers, 5),
        nevenwerkzaamheden(cijfers, w, 6),
        bijlage2(cijfers, "Bijlage 2")[1],
        per_onderdeel(cijfers, w, "Bijlage 3"),
    ]
    return [_zonder_gegevens(cijfers, h.id, h.kop) or h for h in hoofdstukken]


# The parts of the system (selectors.gegevens) each generated content counts; without rows of any of
# them in the report year the content is replaced by a sentence saying so (never by zeros).
GEGEVENS_VAN = {
    "oif": ((OIF_MELDINGEN, OIF_AFDOENINGEN), "het Onderzoeksbureau Integriteit Financiën"),
    "vertrouwenspersonen": ((TELLIJST,), "de vertrouwenspersonen (Tellijst)"),
    "bijlage2": ((OIF_AFDOENINGEN,), "afgedane schendingen"),
    "per_onderdeel": ((TELLIJST,), "de vertrouwenspersonen (Tellijst)"),
}


def _zonder_gegevens(cijfers: Cijfers, sleutel: str, nummer: str) -> Hoofdstuk | None:
    delen, wat = GEGEVENS_VAN.get(sleutel, ((), ""))
    if not delen or not cijfers.kader.zonder_gegevens(*delen):
        return None
    tekst = f"Over {cijfers.kader.jaar} zijn in het systeem geen gegevens geregistreerd van {wat}."
    return Hoofdstuk(
        sleutel, nummer, [], inleiding=[tekst], is_bijlage=sleutel in ("bijlage2", "per_onderdeel")
    )


def gegenereerde_delen(ruw: dict, *, benoemd: list | None = None) -> dict:
    """The generated content a chapter or section of the report's structure can take: by its key (the
    values of `Rapportdeel.Inhoud`) a builder that takes the number of the chapter it goes in.

    Built only when a chapter asks for it; the chapter's own title replaces the builder's kop.
    """
    cijfers = Cijfers.uit(ruw)
    w = Weergave(cijfers.kader.drempel)
    bouwers = {
        "kerncijfers": lambda nummer: kerncijfers(cijfers, w, nummer),
        "oif": lambda nummer: oif(cijfers, w, nummer),
        "vertrouwenspersonen": lambda nummer: vertrouwenspersonen(cijfers, w, nummer),
        "klachtencommissie": lambda nummer: klachtencommissie(cijfers, nummer),
        "cif": lambda nummer: cif(cijfers, nummer),
        "nevenwerkzaamheden": lambda nummer: nevenwerkzaamheden(cijfers, w, nummer),
        "benoemde_kerncijfers": lambda nummer: benoemde_kerncijfers(cijfers, benoemd or []),
        "infographic": lambda nummer: infographic(cijfers, w, nummer),
        "bijlage2": lambda nummer: bijlage2(cijfers, nummer)[0],
        "per_onderdeel": lambda nummer: per_onderdeel(cijfers, w, nummer),
    }
    return {
        sleutel: (lambda nummer, s=sleutel, b=bouwer: _zonder_gegevens(cijfers, s, nummer) or b(nummer))
        for sleutel, bouwer in bouwers.items()
    }
