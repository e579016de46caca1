"""The chapter a later copy of an adopted report opens with: every figure that changed since adoption."""

from ..tabellen import AANTAL, Hoofdstuk, Paragraaf, Rij, Tabel, Tekst
from . import selectors

GEEN_WIJZIGINGEN = (
    "Dit rapport is vastgesteld op {op:%d-%m-%Y}. Het toont de vastgestelde cijfers; sinds de vaststelling "
    "is in de registraties geen van deze cijfers gewijzigd."
)
WEL_WIJZIGINGEN = (
    "Dit rapport is vastgesteld op {op:%d-%m-%Y}. Het toont de vastgestelde cijfers. Sindsdien zijn in de "
    "registraties {aantal} cijfers gewijzigd (een late registratie of een correctie); de tabel geeft per "
    "cijfer beide waarden."
)


def wijzigingen_sinds(vaststelling, *, onderdeel=None) -> Hoofdstuk:
    from .. import inhoud
    from ..selectors import export_uit_jaarcijfers

    # Against the figures as the pages show them: the Tellijst as last published, not the live rows.
    nu = export_uit_jaarcijfers(inhoud.paginacijfers(jaar=vaststelling.jaar, onderdeel=onderdeel))
    gewijzigd = selectors.gewijzigde_cijfers(vastgesteld=selectors.vastgestelde_cijfers(vaststelling), nu=nu)
    blokken = [
        Tekst(
            (WEL_WIJZIGINGEN if gewijzigd else GEEN_WIJZIGINGEN).format(
                op=vaststelling.vastgesteld_op, aantal=len(gewijzigd)
            )
        )
    ]
    if gewijzigd:
        blokken.append(
            Tabel(
                "wijzigingen-na-vaststelling",
                "Cijfers gewijzigd na de vaststelling",
                "Cijfer (naam in de cijferexport)",
                ["Vastgesteld", "Nu in de registraties"],
                [Rij(naam, [oud, nieuw]) for naam, oud, nieuw in gewijzigd],
                [AANTAL, AANTAL],
            )
        )
    return Hoofdstuk(
        "wijzigingen-na-vaststelling",
        "Wijzigingen na de vaststelling",
        [Paragraaf("wijzigingen-na-vaststelling-lijst", "", blokken, False)],
    )
