"""HTML built in Python for the rows and choice lists of the busiest pages.

Django's `format_html` and `conditional_escape` check every argument for lazy strings on each call;
on the werkvoorraad (some 900 escapes per request) that check cost more than the escaping itself
(docs/prestaties.md, 'Werkvoorraad'). `escapen` does what `conditional_escape` does — an object with
`__html__` is taken as it is, anything else goes through the standard library's `html.escape`,
which Django's `escape` calls too — so the markup is the same, character for character.
"""

from html import escape as _html_escape


def escapen(waarde) -> str:
    html = getattr(waarde, "__html__", None)
    return html() if html is not None else _html_escape(str(waarde))


def attributen(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: in the given order, True as a bare name, False left out."""
    return "".join(
        f" {escapen(naam)}" if waarde is True else f' {escapen(naam)}="{escapen(waarde)}"'
        for naam, waarde in attrs.items()
        if waarde is not False
    )
