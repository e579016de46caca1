"""Checking the rows of an OIF register and turning them into meldingen, betrokkenen and afdoeningen.

`valideer_register` is a pure function of the rows, the taxonomies and the case numbers that already
exist: it reads nothing itself when those are passed in, so the web import, the management command
and the demo-data loader share it, and a test can drive it with plain dicts.

1. Every row is checked on its own: required columns, dates, labels (any recorded spelling, case
   and diacritics optional, option in use in that year), ja/nee, the afdoening columns all four
   filled or all four empty, and the inhoud free of personal data.
2. Rows with the same meldingsnummer form one melding; a row without a number is a melding of its
   own. The melding-level columns of every later row must agree with the melding's first row.
3. Per melding: an onderzoek type is required once a betrokkene has an afdoening, and a number that
   already exists is refused (an import only adds).
"""

import datetime

from django.utils import timezone

from finintegriteit.kern.importeren import (
    BestandFout,
    Fout,
    Uitkomst,
    Upload,
    celwaarde,
    kop_controleren,
    lees_tabel,
)
from finintegriteit.kern.importeren.berichten import GEEN_REGELS
from meldingen.models import Melding

from .rijcontrole import (
    AFWIJKEND,
    MELDINGKOLOMMEN,
    NUMMER_BESTAAT,
    ONDERZOEK_ONTBREEKT,
    BetrokkeneInvoer,
    MeldingInvoer,
    Register,
    Taxonomie,
    _controleer_rij,
    _tekst,
)

KOLOMMEN = (
    "meldingsnummer",
    "ontvangen_op",
    "melder",
    "onderwerp",
    "klokkenluidersmelding",
    "onderzoek",
    "dienstonderdeel",
    "schending",
    "inhoud",
    "afdoening",
    "datum_afdoening",
)
REGEL = "regel"


def _tel(groepen: list[list[dict]]) -> tuple[dict[str, int], dict[int, int]]:
    """Counts of the file as read, errors or not; for a file without errors, exactly what is created."""
    leden = [lid["waarden"] for groep in groepen for lid in groep]
    telling = {
        "meldingen": len(groepen),
        "betrokkenen": len(leden),
        "afdoeningen": sum(1 for w in leden if w["heeft_afdoening"]),
        "open_betrokkenen": sum(1 for w in leden if w["zonder_afdoening"]),
        "afgedane_meldingen": sum(1 for g in groepen if all(lid["waarden"]["heeft_afdoening"] for lid in g)),
        "met_nummer": sum(1 for g in groepen if g[0]["waarden"]["nummer"]),
        "nieuw_nummer": sum(1 for g in groepen if not g[0]["waarden"]["nummer"]),
    }
    jaren: dict[int, int] = {}
    for groep in groepen:
        if ontvangen := groep[0]["waarden"]["ontvangen_op"]:
            jaren[ontvangen.year] = jaren.get(ontvangen.year, 0) + 1
    return telling, dict(sorted(jaren.items()))


def _vergelijk(rij: dict, eerste: dict, kolom: str) -> bool:
    """Do two rows agree on a melding-level column, after normalising spelling and date format?"""
    veld = {"melder": "melder_type", "onderzoek": "onderzoek_type"}.get(kolom, kolom)
    a, b = rij["waarden"].get(veld), eerste["waarden"].get(veld)
    if kolom == "onderzoek" and rij["waarden"]["onderzoek_leeg"] != eerste["waarden"]["onderzoek_leeg"]:
        return False  # one row names an onderzoek type, the other leaves it empty
    if a is None or b is None:
        return True  # the row with the bad value already has its own error
    return a == b


def valideer_register(
    rijen: list[dict],
    *,
    taxonomie: Taxonomie | None = None,
    bestaande_nummers: set[str] | None = None,
    vandaag: datetime.date | None = None,
) -> tuple[Register, list[Fout]]:
    """Check the register rows; returns what to create, and every error by line and column.

    A row is a dict with the eleven columns (text or dates) and optionally 'regel', its line number;
    without it row i is taken to be line i + 2 (below a header). Without `taxonomie` and
    `bestaande_nummers` these are read from the database (one query per table).
    """
    taxonomie = taxonomie or Taxonomie()
    vandaag = vandaag or timezone.localdate()
    fouten: list[Fout] = []
    groepen: dict[str, list[dict]] = {}
    volgorde: list[str] = []
    for index, rij in enumerate(rijen):
        regel = int(rij.get(REGEL) or index + 2)
        waarden = _controleer_rij(rij, regel, taxonomie, vandaag, fouten)
        sleutel = waarden["nummer"] or f"regel-{regel}"
        if sleutel not in groepen:
            groepen[sleutel] = []
            volgorde.append(sleutel)
        groepen[sleutel].append({"rij": rij, "regel": regel, "waarden": waarden})

    if bestaande_nummers is None:
        nummers = [s for s in volgorde if not s.startswith("regel-")]
        bestaande_nummers = set(Melding.objects.filter(nummer__in=nummers).values_list("nummer", flat=True))

    meldingen = []
    for sleutel in volgorde:
        groep = groepen[sleutel]
        eerste = groep[0]
        nummer = eerste["waarden"]["nummer"]
        groep_ok = all(lid["waarden"]["ok"] for lid in groep)
        if nummer and nummer in bestaande_nummers:
            fouten.append(
                Fout(eerste["regel"], "meldingsnummer", nummer, NUMMER_BESTAAT.format(nummer=nummer))
            )
            groep_ok = False
        for lid in groep[1:]:
            for kolom in MELDINGKOLOMMEN:
                if not _vergelijk(lid, eerste, kolom):
                    fouten.append(
                        Fout(
                            lid["regel"],
                            kolom,
                            _tekst(lid["rij"].get(kolom)),
                            AFWIJKEND.format(
                                regel=eerste["regel"], nummer=nummer, waarde=_tekst(eerste["rij"].get(kolom))
                            ),
                        )
                    )
                    groep_ok = False
        for lid in groep:
            if lid["waarden"]["onderzoek_leeg"] and lid["waarden"]["heeft_afdoening"]:
                fouten.append(
                    Fout(
                        lid["regel"],
                        "onderzoek",
                        "",
                        ONDERZOEK_ONTBREEKT,
                        taxonomie.toegestaan("onderzoek", None),
                    )
                )
                groep_ok = False
        if not groep_ok:
            continue
        w = eerste["waarden"]
        melding = MeldingInvoer(
            regel=eerste["regel"],
            nummer=nummer,
            ontvangen_op=w["ontvangen_op"],
            melder_type=w["melder_type"],
            onderwerp=w["onderwerp"],
            klokkenluidersmelding=w["klokkenluidersmelding"],
            onderzoek_type=w["onderzoek_type"],
            dienstonderdeel=w["dienstonderdeel"],
        )
        for lid in groep:
            melding.betrokkenen.append(
                BetrokkeneInvoer(lid["regel"], lid["waarden"]["dienstonderdeel"], lid["waarden"]["afdoening"])
            )
        meldingen.append(melding)
    fouten.sort(key=lambda f: (f.regel, KOLOMMEN.index(f.kolom) if f.kolom in KOLOMMEN else -1))
    telling, jaren = _tel([groepen[sleutel] for sleutel in volgorde])
    return Register(meldingen, telling, jaren), fouten


def lees_register(upload: Upload) -> tuple[list[dict], list[Fout]]:
    """The data rows of the file, each a dict of the eleven columns plus 'regel' (its line number).

    Raises BestandFout when the file cannot be read at all; problems with the header come back as
    errors on its line (and then no rows, because the columns cannot be trusted). A row with a value
    outside the header's columns is reported and left out.
    """
    tabel = lees_tabel(upload)
    kolommen, fouten = kop_controleren(tabel.kop, kolommen=KOLOMMEN, kopregel=tabel.kopregel)
    if fouten:
        return [], fouten
    rijen = []
    for regel, cellen in tabel.rijen:
        rij, buiten = kolommen.rij(regel, cellen, cel=celwaarde)
        if buiten:
            fouten += buiten
            continue
        rij[REGEL] = regel
        rijen.append(rij)
    if not rijen and not fouten:
        raise BestandFout(GEEN_REGELS.format(wat="regels"))
    return rijen, fouten


def register_controleren(upload: Upload) -> Uitkomst:
    """The preview: what an import of this file would create, and its errors. Writes nothing."""
    rijen, fouten = lees_register(upload)
    register, rijfouten = valideer_register(rijen)
    aantallen = register.aantallen() | {"rijen": len(rijen), "per_jaar": register.per_jaar()}
    return Uitkomst(aantallen=aantallen, fouten=sorted(fouten + rijfouten, key=_volgorde))


def _volgorde(fout: Fout) -> tuple:
    return (fout.regel or 0, KOLOMMEN.index(fout.kolom) if fout.kolom in KOLOMMEN else -1)
