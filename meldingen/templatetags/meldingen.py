"""Small pieces of meldingen markup that lists repeat per row: a function call, not an include per row."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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
    return format_html(
        '<span class="badge rounded-pill text-wrap {}">{}</span>',
        STATUSKLEUR.get(melding.status, ONDERZOEKSKLEUR),
        melding.get_status_display(),
    )


@register.simple_tag
def zoekredenen(melding: Melding):
    """Why a search found this melding: 'naam betrokkene, omschrijving'. Plain text that wraps, not
    badges that do not: the column must fit beside the others at 1280 pixels."""
    return format_html_join(", ", "{}", ((r,) for r in redenen(melding)))


# Fixed markup of the werkvoorraad's rows: constants without any data, so marked safe as they are.
DATUM = "%d-%m-%Y"
_STREEP = mark_safe('<span class="text-body-secondary">—</span>')  # noqa: S308
_KL_BADGE = mark_safe(  # noqa: S308
    ' <span class="badge text-bg-warning" title="Klokkenluidersmelding"><span aria-hidden="true">KL</span>'
    '<span class="visually-hidden">klokkenluidersmelding</span></span>'
)
_AFGESCHERMD_BADGE = mark_safe(' <span class="badge text-bg-dark">afgeschermd</span>')  # noqa: S308
_DUPLICAAT = mark_safe(' <span class="small text-body-secondary">duplicaat</span>')  # noqa: S308
_GEEN_BETROKKENEN = mark_safe(  # noqa: S308
    '<span class="text-body-secondary" aria-hidden="true">—</span>'
    '<span class="visually-hidden">geen betrokkenen</span>'
)
_VERLOPEN = mark_safe('<br><span class="te-laat">verlopen</span>')  # noqa: S308
_TE_LAAT_KLASSE = mark_safe(' class="table-danger"')  # noqa: S308


@register.simple_tag
def werkvoorraadregel(melding: Melding, met_redenen: bool = False):
    """One row of the werkvoorraad as a Python function: the list is the page analists open most, and
    the template engine spent about 0.13 ms per row on it, most of the page's rendering time
    (docs/prestaties.md, 'Werkvoorraad'). Built only with format_html, so every value is escaped."""
    kenmerken = format_html_join(
        "",
        "{}",
        (
            (badge,)
            for voorwaarde, badge in (
                (melding.klokkenluidersmelding, _KL_BADGE),
                (melding.afgeschermd, _AFGESCHERMD_BADGE),
                (melding.duplicaat_van_id, _DUPLICAAT),
            )
            if voorwaarde
        ),
    )
    behandelaar = melding.behandelaar
    if behandelaar is None:
        naam = _STREEP
    else:
        naam = behandelaar.get_full_name() or behandelaar.username
    if melding.aantal_betrokkenen:
        afgedaan = format_html("{}/{}", melding.aantal_afdoeningen, melding.aantal_betrokkenen)
    else:
        afgedaan = _GEEN_BETROKKENEN
    if melding.volgende_termijn:
        termijn = format_html(
            "{}{}", melding.volgende_termijn.strftime(DATUM), _VERLOPEN if melding.te_laat else ""
        )
    else:
        termijn = _STREEP
    redenen_cel = format_html('<td class="small">{}</td>', zoekredenen(melding)) if met_redenen else ""
    return format_html(
        "<tr{}>"
        '<th scope="row"><span class="text-nowrap"><a href="{}">{}</a></span>{}</th>'
        '<td class="text-nowrap">{}</td>'
        '<td class="small">{}</td>'
        '<td class="small">{}</td>'
        "<td>{}</td>"
        '<td class="small">{}</td>'
        '<td class="text-end">{}</td>'
        '<td class="text-nowrap">{}</td>'
        "{}</tr>",
        _TE_LAAT_KLASSE if melding.te_laat else "",
        reverse("meldingen:detail", args=[melding.pk]),
        melding.nummer,
        kenmerken,
        melding.ontvangen_op.strftime(DATUM),
        melding.onderwerp,
        melding.dienstonderdeel,
        statusbadge(melding),
        naam,
        afgedaan,
        termijn,
        redenen_cel,
    )
