"""Template filters for rules that kern sets for every app."""

from django import template

from finintegriteit.kern import selectors

register = template.Library()


@register.filter
def weergavenaam(gebruiker) -> str:
    """`{{ gebruiker|weergavenaam }}`: the one rule for naming a person (kern.selectors.weergavenaam);
    empty where there is nobody, so that `|default:` can say what the page shows then."""
    return selectors.weergavenaam(gebruiker) if gebruiker else ""
