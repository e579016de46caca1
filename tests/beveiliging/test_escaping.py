"""Every free-text field that holds `<script>` shows up escaped on every page that shows it."""

import pytest
from django.urls import reverse

from tests.bouwstenen.meldingen import recht
from tests.factories import AfdoeningFactory, MelderIdentiteitFactory

pytestmark = pytest.mark.django_db

AANVAL = "<script>alert(1)</script>"
ONSCHADELIJK = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _zonder_rauwe_tag(html: str, url: str):
    assert AANVAL not in html, f"{url} toont de tag onge-escaped"
    assert ONSCHADELIJK in html, f"{url} toont de tekst niet (escaped)"


def test_script_in_elk_vrij_tekstveld_wordt_overal_escaped(client, analist, maak_melding, maak_betrokkene):
    analist = recht(analist, "melder_identiteit_inzien")
    melding = maak_melding()
    # Straight into the table: what an import or an old record holds, past any form check.
    melding.omschrijving = AANVAL
    melding.save(update_fields=["omschrijving"])
    betrokkene = maak_betrokkene(melding, naam=AANVAL)
    MelderIdentiteitFactory(melding=melding, naam=AANVAL, contact=AANVAL)
    AfdoeningFactory(
        betrokkene=betrokkene,
        schending=melding.onderwerp,
        aangetoond=True,
        datum=melding.ontvangen_op,
        inhoud=AANVAL + " inhoud",
    )
    client.force_login(analist)
    paginas = [
        reverse("meldingen:detail", args=[melding.pk]),
        reverse("meldingen:wijzigen", args=[melding.pk]),
        reverse("meldingen:betrokkene_wijzigen", args=[betrokkene.pk]),
        reverse("afdoeningen:vastleggen", args=[betrokkene.pk]),
    ]
    for url in paginas:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        _zonder_rauwe_tag(antwoord.content.decode(), url)
    url = reverse("meldingen:melder", args=[melding.pk])
    html = client.post(url, {"stap": "inzien", "reden": "controle"}).content.decode()
    assert html.count(ONSCHADELIJK) >= 2, "naam en contact van de melder, escaped"
    assert AANVAL not in html
    html = client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert AANVAL not in html


def test_afdoeningsinhoud_wordt_escaped(client, analist, maak_melding, maak_betrokkene):
    melding = maak_melding()
    betrokkene = maak_betrokkene(melding)
    AfdoeningFactory(
        betrokkene=betrokkene,
        schending=melding.onderwerp,
        aangetoond=True,
        datum=melding.ontvangen_op,
        inhoud=AANVAL,
    )
    client.force_login(analist)
    for url in (
        reverse("afdoeningen:vastleggen", args=[betrokkene.pk]),
        reverse("meldingen:detail", args=[melding.pk]),
    ):
        html = client.get(url).content.decode()
        assert AANVAL not in html, url
    html = client.get(reverse("afdoeningen:vastleggen", args=[betrokkene.pk])).content.decode()
    assert ONSCHADELIJK in html
