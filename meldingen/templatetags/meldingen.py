"""Small pieces of meldingen markup that lists repeat per row: a function call, not an include per row."""

import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe

from finintegriteit.kern.opmaak import escapen
from finintegriteit.kern.selectors import weergavenaam
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie.models import Onderdeel, SchendingSoort

from ..models import Melding
from ..zoeken import redenen

register = template.Library()

STATUSKLEUR = {
    Melding.Status.ONTVANGEN: "text-bg-secondary",
    Melding.Status.IN_BEOORDELING: "text-bg-primary",
    Melding.Status.AFGEDAAN: "text-bg-success",
}
ONDERZOEKSKLEUR = "text-bg-info"  # every status between beoordeling and afgedaan


@register.simple_tag
def statusbadge(melding: Melding):
    kleur = STATUSKLEUR.get(melding.status, ONDERZOEKSKLEUR)
    return mark_safe(  # noqa: S308 (the label went through escapen; the colour is one of ours)
        f'<span class="badge rounded-pill text-wrap {kleur}">{escapen(melding.get_status_display())}</span>'
    )


@register.simple_tag
def zoekredenen(melding: Melding):
    """Why a search found this melding: 'naam betrokkene, omschrijving'. Plain text that wraps, not
    badges that do not: the column must fit beside the others at 1280 pixels."""
    return mark_safe(", ".join(escapen(reden) for reden in redenen(melding)))  # noqa: S308 (escaped)


# Fixed markup of the werkvoorraad's rows: constant text without any data.
DATUM = "%d-%m-%Y"
_STREEP = '<span class="text-body-secondary">—</span>'
_KL_BADGE = (
    ' <span class="badge text-bg-warning" title="Klokkenluidersmelding"><span aria-hidden="true">KL</span>'
    '<span class="visually-hidden">klokkenluidersmelding</span></span>'
)
_AFGESCHERMD_BADGE = ' <span class="badge text-bg-dark">afgeschermd</span>'
_DUPLICAAT = ' <span class="small text-body-secondary">duplicaat</span>'
_MELDER_WACHT = ' <span class="badge text-bg-info">bericht van melder</span>'
_GEEN_BETROKKENEN = (
    '<span class="text-body-secondary" aria-hidden="true">—</span>'
    '<span class="visually-hidden">geen betrokkenen</span>'
)
_VERLOPEN = '<br><span class="te-laat">verlopen</span>'
_TE_LAAT_KLASSE = ' class="table-danger"'


_MERK = 987654321


@functools.cache
def _detailadres_delen(prefix: str, urlconf) -> tuple[str, str]:
    voor, na = reverse("meldingen:detail", args=[_MERK]).split(str(_MERK))
    return voor, na


def detailadres(pk: int) -> str:
    """reverse('meldingen:detail', args=[pk]), resolved once per URL configuration: reversing per row
    took a third of a row's time, for an address that differs only in the number."""
    voor, na = _detailadres_delen(get_script_prefix(), get_urlconf())
    return f"{voor}{pk}{na}"


def _label(melding: Melding, veld: str, model) -> str:
    """A taxonomy's label from the process's option lists rather than a join per page; an option this
    process does not know yet is read through the relation."""
    optie = keuzelijsten.optie(model, getattr(melding, f"{veld}_id"))
    return (optie or getattr(melding, veld)).label


@register.simple_tag
def werkvoorraadregel(melding: Melding, met_redenen: bool = False):
    """One row of the werkvoorraad as a Python function: the list is the page analists open most, and
    the template engine spent about 0.13 ms per row on it, most of the page's rendering time
    (docs/prestaties.md, 'Werkvoorraad'). Every value goes through escapen(); the rest is fixed text."""
    kenmerken = "".join(
        badge
        for voorwaarde, badge in (
            (melding.klokkenluidersmelding, _KL_BADGE),
            (melding.afgeschermd, _AFGESCHERMD_BADGE),
            (melding.duplicaat_van_id, _DUPLICAAT),
            (melding.melder_wacht, _MELDER_WACHT),
        )
        if voorwaarde
    )
    behandelaar = melding.behandelaar
    naam = escapen(weergavenaam(behandelaar)) if behandelaar else _STREEP
    afgedaan = (
        f"{melding.aantal_afdoeningen}/{melding.aantal_betrokkenen}"
        if melding.aantal_betrokkenen
        else _GEEN_BETROKKENEN
    )
    termijn = _STREEP
    if melding.volgende_termijn:
        termijn = melding.volgende_termijn.strftime(DATUM) + (_VERLOPEN if melding.te_laat else "")
    redenen_cel = f'<td class="small">{zoekredenen(melding)}</td>' if met_redenen else ""
    url = detailadres(melding.pk)
    regel = (
        f"<tr{_TE_LAAT_KLASSE if melding.te_laat else ''}>"
        f'<th scope="row"><span class="text-nowrap">'
        f'<a href="{escapen(url)}">{escapen(melding.nummer)}</a></span>{kenmerken}</th>'
        f'<td class="text-nowrap">{melding.ontvangen_op.strftime(DATUM)}</td>'
        f'<td class="small">{escapen(_label(melding, "onderwerp", SchendingSoort))}</td>'
        f'<td class="small">{escapen(_label(melding, "dienstonderdeel", Onderdeel))}</td>'
        f"<td>{statusbadge(melding)}</td>"
        f'<td class="small">{naam}</td>'
        f'<td class="text-end">{afgedaan}</td>'
        f'<td class="text-nowrap">{termijn}</td>'
        f"{redenen_cel}</tr>"
    )
    return mark_safe(regel)  # noqa: S308 (every value in it went through escapen)
