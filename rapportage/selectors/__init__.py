"""Every figure of the jaarrapportage, counted in the database. See docs/cijfers.md for the structure."""

from finintegriteit.referentie.models import Onderdeel

from .drempel import drempel_voor, toon_aantal, toon_procent
from .gegevens import jaren_met_gegevens
from .kerncijfers import kerncijfers_van
from .oif import bijlage2, oif_cijfers
from .tellijstbron import Tellijstbron, gepubliceerd, laatste_publicatie, live
from .vertrouwenspersonen import vertrouwenspersonen_cijfers

__all__ = [
    "bijlage2",
    "drempel_voor",
    "Tellijstbron",
    "export_uit_jaarcijfers",
    "exporteer_cijfers",
    "gepubliceerd",
    "jaarcijfers",
    "laatste_publicatie",
    "live",
    "jaren_met_gegevens",
    "toon_aantal",
    "toon_procent",
]

EXPORT_VP = [
    "totaal",
    "per_onderdeel",
    "hoofdcategorie",
    "subcategorie",
    "wie_betreft_de_melding",
    "wijze_van_afdoening",
    "situatie_na_interventie",
    "uitkomst",
]
EXPORT_OIF = [
    "meldingen",
    "melder",
    "onderwerp",
    "onderzoek",
    "betrokkenen",
    "schending",
    "afdoening",
    "afdoening_klasse",
    "maatregelen_per_onderdeel",
    "maatregelen",
    "feitenonderzoek",
    "misstanden",
    "betrokkenen_per_onderdeel",
]


def jaarcijfers(
    *, jaar: int, onderdeel: Onderdeel | None = None, tellijst: Tellijstbron | None = None
) -> dict:
    """Everything the report shows for `jaar` (three-year tables: also the two years before).

    `onderdeel` limits every count to that onderdeel (Tellijst: onderdeel of the beklaagde; OIF: the
    dienstonderdeel of the melding resp. the betrokkene). The number of queries does not grow with the data.
    The Tellijst is counted from `tellijst`: the live rows by default (the operator's commands), a
    publication for every page (rapportage.inhoud).
    """
    tellijst = tellijst or live()
    onderdelen = list(Onderdeel.objects.all())
    zichtbaar = [o for o in onderdelen if o.in_gebruik(jaar)]
    # Ministry-wide, also for one onderdeel: whether a year was registered at all is no onderdeel's figure.
    met_gegevens = jaren_met_gegevens(jaar=jaar, tellijst=tellijst)
    oif = oif_cijfers(jaar=jaar, onderdeel=onderdeel, onderdelen=zichtbaar, met_gegevens=met_gegevens)
    return {
        "jaar": jaar,
        "jaren": [jaar - 2, jaar - 1, jaar],
        "onderdeel": onderdeel.label if onderdeel is not None else None,
        "onderdeel_code": onderdeel.code if onderdeel is not None else None,
        "drempel": drempel_voor(onderdeel),
        "jaren_met_gegevens": met_gegevens,
        # Counted live (the commands), or the moment of the publication they come from (None: none yet).
        "tellijst_live": tellijst.live,
        "tellijst_gepubliceerd_op": tellijst.publicatie.gepubliceerd_op if tellijst.publicatie else None,
        "vertrouwenspersonen": vertrouwenspersonen_cijfers(
            jaar=jaar, onderdeel=onderdeel, onderdelen=onderdelen, met_gegevens=met_gegevens, bron=tellijst
        ),
        "oif": oif,
        "kerncijfers": kerncijfers_van(jaar=jaar, onderdeel=onderdeel, betrokkenen=oif["betrokkenen"]),
    }


def exporteer_cijfers(*, jaar: int, onderdeel: Onderdeel | None = None) -> dict:
    """The report's figures in the shape of `manage.py exporteer_cijfers` (raw counts, JSON-ready)."""
    return export_uit_jaarcijfers(jaarcijfers(jaar=jaar, onderdeel=onderdeel))


def export_uit_jaarcijfers(cijfers: dict) -> dict:
    """The export shape of figures already counted by `jaarcijfers` (the report needs both)."""
    jaar = cijfers["jaar"]
    vp, oif, kern = cijfers["vertrouwenspersonen"], cijfers["oif"], cijfers["kerncijfers"]
    afhandeling = {
        hoofd["label"]: {
            sub["label"]: {k: v for k, v in sub.items() if k not in ("code", "label")}
            for sub in hoofd["subcategorieen"]
        }
        for hoofd in vp["afhandeling_per_subcategorie"]
    }
    register = kern["register"]
    return {
        "jaar": jaar,
        "onderdeel": cijfers["onderdeel"],
        "vertrouwenspersonen": {
            **{sleutel: vp[sleutel] for sleutel in EXPORT_VP},
            "afhandeling_per_subcategorie": afhandeling,
        },
        "oif": {sleutel: oif[sleutel] for sleutel in EXPORT_OIF},
        "kerncijfers": {
            "medewerkers": kern["medewerkers"]["totaal"],
            "nevenwerkzaamheden": {r["label"]: r["aantal"] for r in kern["nevenwerkzaamheden"]["rijen"]},
            "klachtencommissie": {
                "ontvangen": kern["klachtencommissie"]["ontvangen"],
                "ontvankelijk": kern["klachtencommissie"]["ontvankelijk"],
                "onderwerpen": {r["label"]: r["aantal"] for r in kern["klachtencommissie"]["onderwerpen"]},
                "uitkomsten": {r["label"]: r["aantal"] for r in kern["klachtencommissie"]["uitkomsten"]},
            },
            "cif": {
                "meldingen": kern["cif"]["meldingen"],
                "categorieen": {r["label"]: r["aantal"] for r in kern["cif"]["categorieen"]},
            },
            "register": None
            if register is None
            else {
                "peildatum": register["peildatum"].isoformat(),
                "totaal": register["totaal"],
                "per_status": register["per_status"],
            },
        },
    }
