"""Small pieces of meldingen markup that lists repeat per row: a function call, not an include per row."""

from django import template
from django.utils.html import format_html

from ..models import Melding

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
