"""Report builders: the dashboard as a user opens it."""

import html
import re

from django.urls import reverse


def dashboard_met_tabellen(client, **params):
    """The coordinator's dashboard as a user sees it with every chapter's tables opened (they load when
    opened): the page's response, its content followed by those of the tables."""
    antwoord = client.get(reverse("rapportage:dashboard"), params)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    for pad in re.findall(r'<details[^>]* hx-get="([^"]+)"', tekst):
        tekst += client.get(html.unescape(pad), HTTP_HX_REQUEST="true").content.decode()
    antwoord.content = tekst.encode()
    return antwoord
