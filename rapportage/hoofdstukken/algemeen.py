"""Chapters 1 (kerncijfers), 4 (klachtencommissie), 5 (CiF) and 6 (nevenwerkzaamheden)."""

from .. import secties
from ..grafieken import Deel
from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN, TELLIJST
from ..tabellen import (
    GEEN_GEGEVENS,
    Hoofdstuk,
    InfoRegel,
    Paragraaf,
    Tekst,
    enkele_tabel,
)
from ._gemeen import Weergave, _grafiek, _ring, _t

# --- 1 Kerncijfers ----------------------------------------------------------------------------------


def kerncijfers(c: secties.Cijfers, w: Weergave, nummer: int) -> Hoofdstuk:
    jaar, vp, oif, kern = c.kader.jaar, c.vertrouwenspersonen, c.oif, c.kerncijfers
    register = kern.register or secties.Register()

    def van(deel: str, waarde):
        # A part without rows this year has no figure, not 0 (selectors.gegevens).
        return GEEN_GEGEVENS if c.kader.zonder_gegevens(deel) else w.a(waarde)

    # In an onderdeel report these figures are still the whole ministry's: the label says so.
    breed = " (hele ministerie)" if c.kader.onderdeel else ""
    regels = [
        ("Adviesvragen bij vertrouwenspersonen", van(TELLIJST, vp.totaal)),
        ("Meldingen bij het OIF", van(OIF_MELDINGEN, oif.meldingen)),
        ("Afgedane (vermoedelijke) integriteitsschendingen", van(OIF_AFDOENINGEN, oif.betrokkenen)),
        ("waarvan met een maatregel afgedaan", van(OIF_AFDOENINGEN, oif.maatregelen)),
        ("Medewerkers", w.a(kern.medewerkers.totaal)),
        (
            "Klachten bij de Klachtencommissie Ongewenste Omgangsvormen" + breed,
            kern.klachtencommissie.ontvangen,
        ),
        (
            "Meldingen bij de Commissie sociale veiligheid en integriteit" + breed,
            kern.cif.meldingen,
        ),
        ("Geregistreerde nevenwerkzaamheden", w.a(kern.nevenwerkzaamheden.totaal)),
        ("Vertrouwenspersonen" + breed, register.totaal),
    ]
    ingevuld = [(label, waarde) for label, waarde in regels if waarde is not None]
    # The tiles: the five headline figures of the year (activity and size of the organisation).
    tegels = [InfoRegel(label, waarde) for label, waarde in regels[:5] if waarde not in (None, GEEN_GEGEVENS)]
    blokken = [
        Kerncijfers(tegels),
        enkele_tabel(
            "kerncijfers", f"Kerncijfers {jaar}", "Onderwerp", ingevuld, kolom=str(jaar), totaal=None
        ),
    ]
    if not kern.ingevoerd:
        blokken.append(
            Tekst(
                "De kerncijfers van buiten het systeem (medewerkers, nevenwerkzaamheden, commissies) "
                "zijn voor "
                f"{jaar} nog niet ingevoerd door de functioneel beheerder.",
                "toelichting",
            )
        )
    per_onderdeel = vp.per_onderdeel
    if per_onderdeel:
        blokken.append(
            enkele_tabel(
                "vp-per-onderdeel",
                f"Adviesvragen bij vertrouwenspersonen per onderdeel {jaar}",
                "Onderdeel",
                w.dict(per_onderdeel),
                kolom=str(jaar),
                totaal=None,
            )
        )
    return Hoofdstuk(
        "kerncijfers", f"{nummer} Kerncijfers", [Paragraaf("kerncijfers-overzicht", "", blokken, False)]
    )


class Kerncijfers:
    """The tiles on the first chapter page (PDF only; the dashboard shows the table next to them)."""

    soort = "kerncijfers"
    sjabloon = "rapportage/pdf/_kerncijfers.html"

    def __init__(self, regels):
        self.regels = regels


# --- 4-6 Commissies en nevenwerkzaamheden ----------------------------------------------------------------


MINISTERIEBREED = (
    "In dit rapport van {onderdeel} gelden deze cijfers voor het hele ministerie: de commissie registreert "
    "geen onderdeel."
)


def _ministeriebreed(c: secties.Cijfers) -> list:
    onderdeel = c.kader.onderdeel
    return [Tekst(MINISTERIEBREED.format(onderdeel=onderdeel), "toelichting")] if onderdeel else []


def klachtencommissie(c: secties.Cijfers, nummer: int) -> Hoofdstuk:
    koo, jaar = c.kerncijfers.klachtencommissie, c.kader.jaar
    blokken = [
        *_ministeriebreed(c),
        Tekst(
            "De Klachtencommissie Ongewenste Omgangsvormen (KOO) staat los van de lijn. Zij onderzoekt "
            "klachten over bijvoorbeeld pesten, intimidatie of discriminatie en laat de werkgever weten wat "
            "zij vond."
        ),
    ]
    if koo.ontvangen is None:
        blokken.append(
            Tekst(f"Voor {jaar} zijn geen cijfers van de klachtencommissie ingevoerd.", "toelichting")
        )
    else:
        blokken.append(
            Tekst(
                f"In {jaar} kwamen bij de KOO {_t(koo.ontvangen)} klachten binnen; {_t(koo.ontvankelijk)} "
                "daarvan waren ontvankelijk. Omdat één klacht over meer dan één onderwerp "
                "kan gaan, tellen de onderwerpen samen op tot meer dan dat aantal."
            )
        )
        klachten = {
            "Ontvangen": koo.ontvangen,
            "Ontvankelijk": koo.ontvankelijk,
            "Niet ontvankelijk": koo.niet_ontvankelijk,
        }
        blokken.append(
            enkele_tabel(
                "koo-klachten", f"Klachten {jaar}", "Klachten", klachten, kolom=str(jaar), totaal=None
            )
        )
        onderwerpen = {o.label: o.aantal for o in koo.onderwerpen}
        if onderwerpen:
            blokken.append(_grafiek("Ontvankelijke klachten naar onderwerp", onderwerpen, sorteren=True))
            blokken.append(
                enkele_tabel(
                    "koo-onderwerpen",
                    "Onderwerpen van de ontvankelijke klachten",
                    "Onderwerp",
                    onderwerpen,
                    kolom=str(jaar),
                    totaal=None,
                )
            )
        uitkomsten = {u.label: u.aantal for u in koo.uitkomsten}
        if koo.uitkomst_niet_vermeld:
            uitkomsten["uitkomst niet vermeld"] = koo.uitkomst_niet_vermeld
        if uitkomsten:
            blokken.append(
                enkele_tabel(
                    "koo-uitkomsten",
                    "Uitkomsten van de ontvankelijke klachten",
                    "Uitkomst",
                    uitkomsten,
                    kolom=str(jaar),
                )
            )
    return Hoofdstuk(
        "klachtencommissie",
        f"{nummer} Klachtencommissie Ongewenste Omgangsvormen",
        [Paragraaf("koo", "", blokken, False)],
    )


def cif(c: secties.Cijfers, nummer: int) -> Hoofdstuk:
    gegevens, jaar = c.kerncijfers.cif, c.kader.jaar
    blokken = [
        *_ministeriebreed(c),
        Tekst(
            "Wie een misstand of een integriteitsschending liever buiten de eigen dienst meldt, kan naar "
            "de Commissie sociale veiligheid en integriteit Financiën (CiF). Dat staat ook open voor wie "
            "er niet meer werkt of er ingehuurd is."
        ),
    ]
    if gegevens.meldingen is None:
        blokken.append(Tekst(f"Voor {jaar} zijn geen cijfers van de commissie ingevoerd.", "toelichting"))
    else:
        blokken.append(Tekst(f"De commissie ontving in {jaar} {_t(gegevens.meldingen)} meldingen."))
        voetnoten = []
        if gegevens.niet_toegewezen:
            voetnoten.append(
                f"Van {_t(gegevens.niet_toegewezen)} meldingen is de categorie niet vastgelegd; "
                "een lege cel "
                "betekent dat het aantal niet bekend is."
            )
        ring = _cif_ring(gegevens, jaar=jaar)
        if ring is not None:
            blokken.append(ring)
        blokken.append(
            enkele_tabel(
                "cif-categorieen",
                f"Meldingen per categorie {jaar}",
                "Categorie",
                [(r.label, r.aantal) for r in gegevens.categorieen],
                kolom=str(jaar),
                totaal_waarde=gegevens.meldingen,
                voetnoten=voetnoten,
            )
        )
    return Hoofdstuk(
        "cif",
        f"{nummer} Commissie sociale veiligheid en integriteit Financiën",
        [Paragraaf("cif-meldingen", "", blokken, False)],
    )


def nevenwerkzaamheden(c: secties.Cijfers, w: Weergave, nummer: int) -> Hoofdstuk:
    neven, jaar = c.kerncijfers.nevenwerkzaamheden, c.kader.jaar
    blokken = [
        Tekst(
            "Werk dat iemand naast de eigen functie doet, met of zonder vergoeding, heet een "
            "nevenwerkzaamheid. Kan zo'n bijbaan of nevenfunctie botsen met het werk voor het ministerie, "
            "dan moet de medewerker haar melden en wordt zij vastgelegd; die vastgelegde gevallen telt "
            "deze tabel."
        )
    ]
    if not neven.rijen:
        blokken.append(Tekst(f"Voor {jaar} zijn geen aantallen nevenwerkzaamheden ingevoerd.", "toelichting"))
    else:
        blokken.append(
            enkele_tabel(
                "nevenwerkzaamheden",
                f"Aantallen geregistreerde nevenwerkzaamheden {jaar}",
                "Onderdeel",
                [(r.label, w.a(r.aantal)) for r in neven.rijen],
                kolom=str(jaar),
                totaal="Totaal" if c.kader.onderdeel else "MinFin (totaal)",
                totaal_waarde=w.a(neven.totaal),
                klasse="smal",
            )
        )
    return Hoofdstuk(
        "nevenwerkzaamheden",
        f"{nummer} Nevenwerkzaamheden",
        [Paragraaf("nevenwerkzaamheden-aantallen", "", blokken, False)],
    )


def benoemde_kerncijfers(c: secties.Cijfers, benoemd: list) -> Hoofdstuk:
    """The year's named key figures (medewerkersonderzoek, training, ...) as one small table."""
    from ..teksten.markdown import getal

    jaar = c.kader.jaar
    if benoemd:
        rijen = [(f.omschrijving, f"{getal(f.waarde)} {f.eenheid}".strip()) for f in benoemd]
        blok = enkele_tabel(
            "overige-kerncijfers",
            f"Overige kerncijfers {jaar}",
            "Kerncijfer",
            rijen,
            kolom=str(jaar),
            totaal=None,
        )
    else:
        blok = Tekst(f"Voor {jaar} zijn geen overige kerncijfers ingevoerd.", "toelichting")
    return Hoofdstuk(
        "overige-kerncijfers", "Overige kerncijfers", [Paragraaf("overige-kerncijfers", "", [blok], False)]
    )


def _cif_ring(gegevens: secties.Cif, *, jaar: int):
    """The meldingen of the commissie by category, with the ones without a category as their own slice;
    nothing when no category has a count."""
    bekend = [Deel(r.label, r.aantal) for r in gegevens.categorieen if r.aantal]
    if not bekend:
        return None
    if gegevens.niet_toegewezen:
        bekend.append(Deel("categorie niet vastgelegd", gegevens.niet_toegewezen))
    return _ring(f"Meldingen bij de commissie in {jaar} naar categorie", bekend, totaal_label="meldingen")
