"""Small pieces of meldingen markup that lists repeat per row: a function call, not an include per row."""

from django import template
from django.utils.html import format_html, format_html_join

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
