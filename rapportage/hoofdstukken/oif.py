"""Chapter 2: the Onderzoeksbureau Integriteit Financiën."""

from django.template.defaultfilters import pluralize

from finintegriteit.referentie.models import AfdoeningType

from ..grafieken import Deel
from ..secties import Cijfers, Oif, Telrij
from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN
from ..selectors.oif import GEEN_AFDOENING
from ..tabellen import Hoofdstuk, Kolom, Paragraaf, Tabel, Tekst, tabel_uit_telling
from ._gemeen import Weergave, _grafiek, _met_vorig_jaar, _ring, _t

# --- 2 OIF --------------------------------------------------------------------------------------------

# Table in cijfers["oif"]["tabellen"] -> (title, first column, the total in cijfers["oif"], or None for
# the sum of its rows).
# Each shows this year's count and share, and last year's count when the system has that year.
TABELLEN = {
    "melder": ("Melders van (vermoedelijke) schendingen", "Melder", "meldingen"),
    "onderwerp": ("Onderwerp van de meldingen", "Onderwerp", "meldingen"),
    "onderzoek": ("Betrokkenen naar type onderzoek", "Type onderzoek", "betrokkenen"),
    "feitenonderzoek": ("Volledige feitenonderzoeken naar soort schending", "Soort schending", None),
    "schending": ("Afgedane schendingen naar soort schending", "Soort schending", "betrokkenen"),
    "afdoening_klasse": ("Afdoeningen naar categorie", "Categorie", "betrokkenen"),
    "maatregelen_klasse": ("Maatregelen naar categorie", "Categorie", "maatregelen"),
    "afdoening": ("Wijze waarop is afgedaan", "Afdoening", "betrokkenen"),
    "maatregelen_per_onderdeel": ("Afgedane maatregelen per onderdeel", "Onderdeel", "maatregelen"),
}
NIET_DISCIPLINAIR = AfdoeningType.Klasse.NIET_DISCIPLINAIR.value
DISCIPLINAIR = AfdoeningType.Klasse.DISCIPLINAIR.value
# What each class of afdoening means, under its share in the ring chart.
BETEKENIS_KLASSE = {
    GEEN_AFDOENING: "Geen maatregel: de schending is niet aangetoond of er was geen aanleiding.",
    NIET_DISCIPLINAIR: "Een maatregel zonder straf, zoals een corrigerend gesprek, coaching of een "
    "waarschuwing.",
    DISCIPLINAIR: "Een disciplinaire straf, van schriftelijke berisping tot ontslag.",
}
# These count meldingen (received in the year); the others betrokkenen (afgedaan in the year).
MELDINGEN_TABELLEN = {"melder", "onderwerp"}


def _oif_tabel(c: Cijfers, w: Weergave, naam: str, *, voetnoten=None) -> Tabel:
    jaar, o = c.kader.jaar, c.oif
    titel, eerste_kolom, totaal = TABELLEN[naam]
    deel = OIF_MELDINGEN if naam in MELDINGEN_TABELLEN else OIF_AFDOENINGEN
    kolommen = [Kolom(str(j), j) for j in c.kader.getoonde_jaren(deel, [jaar - 1])]
    rijen = o.tabel(naam)
    # A table without a figure of its own to divide (the volledige feitenonderzoeken) adds up its rows:
    # the reader checks the shares against a total, as in every other table.
    som = getattr(o, totaal) if totaal else sum(r.aantal or 0 for r in rijen)
    totalen = {jaar: som} if som is not None else None
    if totalen and sum(r.aantal or 0 for r in rijen) == som:
        # The rows divide this year's total, so last year's column adds up the same way: its total too.
        totalen[jaar - 1] = sum(r.vorig_jaar or 0 for r in rijen)
    return tabel_uit_telling(
        "oif-" + naam.replace("_", "-"),
        f"{titel} {jaar}",
        eerste_kolom,
        [_met_vorig_jaar(r, jaar) for r in rijen],
        [Kolom(str(jaar), jaar), Kolom("%", jaar, "procent"), *kolommen],
        totalen=totalen,
        weergave=w,
        voetnoten=voetnoten,
    )


def oif(c: Cijfers, w: Weergave, nummer: int) -> Hoofdstuk:
    jaar, o = c.kader.jaar, c.oif
    # The rows of this table have the class of afdoening as their code.
    per_klasse = {r.code: r.aantal for r in o.tabel("afdoening_klasse")}
    samenvatting = _samenvatting(
        jaar,
        w,
        o,
        geen=per_klasse.get(GEEN_AFDOENING),
        nd=per_klasse.get(NIET_DISCIPLINAIR),
        dis=per_klasse.get(DISCIPLINAIR),
    )
    p = f"{nummer}."

    def tabel(naam: str, voetnoten=None):
        return _oif_tabel(c, w, naam, voetnoten=voetnoten)

    paragrafen = [
        Paragraaf(
            "oif-meldingen", f"{p}1 Meldingen", [Tekst(samenvatting), tabel("melder"), tabel("onderwerp")]
        ),
        Paragraaf(
            "oif-onderzoek",
            f"{p}2 Onderzoek",
            [tabel("onderzoek"), tabel("feitenonderzoek", voetnoten=_misstanden_voetnoot(o, w))],
        ),
        Paragraaf(
            "oif-afdoeningen",
            f"{p}3 Afdoeningen",
            [
                _grafiek(
                    f"Afgedane schendingen in {jaar} naar soort schending",
                    w.dict(o.schending),
                    sorteren=True,
                ),
                tabel("schending"),
                *_afdoening_ring(o.tabel("afdoening_klasse"), w, jaar=jaar),
                tabel("afdoening_klasse"),
                tabel("maatregelen_klasse"),
                tabel("afdoening"),
                _grafiek(
                    f"Afgedane maatregelen in {jaar} per onderdeel",
                    {k: v for k, v in w.dict(o.maatregelen_per_onderdeel).items() if v},
                    sorteren=True,
                ),
                tabel("maatregelen_per_onderdeel"),
            ],
        ),
    ]
    return Hoofdstuk("oif", f"{nummer} Onderzoeksbureau Integriteit Financiën (OIF)", paragrafen)


def _samenvatting(jaar: int, w: Weergave, o: Oif, *, geen, nd, dis) -> str:
    """The chapter's opening sentences; a count of 0 is left out or said in words, never reported as
    a finding ('Voor de andere 0 ...')."""
    meldingen, afgedaan, maatregelen = (w.a(n) or 0 for n in (o.meldingen, o.betrokkenen, o.maatregelen))
    ontvangen = f"{_t(meldingen)} melding{pluralize(meldingen, 'en')}" if meldingen != 0 else "geen meldingen"
    zinnen = [f"Het Onderzoeksbureau Integriteit Financiën (OIF) kreeg in {jaar} {ontvangen} binnen."]
    if afgedaan == 0:
        zinnen.append("Er is dat jaar geen (vermoedelijke) integriteitsschending afgedaan.")
        return " ".join(zinnen)
    zinnen.append(
        f"Dat jaar {pluralize(afgedaan, 'is,zijn')} {_t(afgedaan)} (vermoedelijke) "
        f"integriteitsschending{pluralize(afgedaan, 'en')} afgedaan."
    )
    geen = w.a(geen) or 0
    if geen != 0:
        zinnen.append(f"Bij {_t(geen)} daarvan was een formele afdoening niet nodig.")
    if maatregelen != 0:
        soorten = [
            f"{_t(n)} {soort}"
            for n, soort in ((w.a(nd) or 0, "niet-disciplinair"), (w.a(dis) or 0, "disciplinair"))
            if n != 0
        ]
        begin = f"Voor de andere {_t(maatregelen)} volgde" if geen != 0 else "Elk daarvan kreeg"
        zinnen.append(f"{begin} een maatregel" + (f": {' en '.join(soorten)}." if soorten else "."))
    return " ".join(zinnen)


def _misstanden_voetnoot(o: Oif, w: Weergave) -> list[str]:
    misstanden = o.misstanden
    if not misstanden:
        return []
    return [
        f"Daarnaast zijn {_t(w.a(misstanden))} vermoedelijke misstanden (klokkenluidersregeling) extern "
        "onderzocht (uitbesteed onderzoek)."
    ]


def _afdoening_ring(rijen: tuple[Telrij, ...], w: Weergave, *, jaar: int) -> list:
    """The afdoeningen of the year by class as shares of the whole, each with what the class means."""
    delen = [Deel(r.label, w.a(r.aantal), BETEKENIS_KLASSE.get(r.code, "")) for r in rijen]
    ring = _ring(f"Afdoeningen in {jaar} naar categorie", delen, totaal_label="afgedaan")
    return [ring] if ring is not None and any(d.waarde for d in delen) else []
