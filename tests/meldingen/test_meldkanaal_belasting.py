"""The meldkanaal under a flood: limits answer early, and the analists' pages keep working.

Behaviour, not time: the goal in milliseconds is measured by benchmark_web (docs/prestaties.md).
"""

import html
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from meldingen.meldkanaal.views import TE_VEEL_MELDINGEN
from meldingen.models import Bericht, Document, Melding
from meldingen.services.meldkanaal import TE_VEEL_BIJLAGEN
from tests.bouwstenen.meldkanaal import gegevens, melden, terug

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


def test_een_stroom_meldingen_wordt_afgeremd_en_de_werkvoorraad_blijft_antwoorden(settings, analist_client):
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 3
    settings.MELDKANAAL_MELDINGEN_TOTAAL = 12
    statussen = []
    for nummer in range(30):  # from 30 addresses, so only the global limit can stop them
        melder = Client(REMOTE_ADDR=f"10.0.0.{nummer + 1}")
        antwoord = melder.post(reverse("meldkanaal:melden"), gegevens())
        statussen.append(antwoord.status_code)
        if antwoord.status_code == 429:
            assert TE_VEEL_MELDINGEN in antwoord.content.decode()
    assert statussen == [200] * 12 + [429] * 18
    assert Melding.objects.count() == 12

    werkvoorraad = analist_client.get(reverse("meldingen:werkvoorraad"))
    assert werkvoorraad.status_code == 200
    assert all(m.nummer in werkvoorraad.content.decode() for m in Melding.objects.all()[:10])
    zaak = analist_client.get(Melding.objects.first().get_absolute_url())
    assert zaak.status_code == 200
    # Who already reported still gets in with the code: code attempts have their own counter.
    codes = Client(REMOTE_ADDR="10.9.9.9")
    assert codes.post(reverse("meldkanaal:terug"), {"code": "0000-0000-0000-0000-0000"}).status_code == 200


def test_een_adres_dat_blijft_sturen_wordt_na_de_grens_geweigerd(settings):
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 3
    melder = Client(REMOTE_ADDR="10.1.1.1")
    statussen = [melder.post(reverse("meldkanaal:melden"), gegevens()).status_code for _ in range(5)]
    assert statussen == [200, 200, 200, 429, 429]
    assert Client(REMOTE_ADDR="10.2.2.2").post(reverse("meldkanaal:melden"), gegevens()).status_code == 200


def test_een_geweigerde_melding_toont_wat_de_melder_schreef_en_bewaart_niets(settings):
    """Beyond the limit the answer is a short page, not the form again (cheap under a flood), and the
    melder can still copy what they wrote."""
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 1
    melder = Client(REMOTE_ADDR="10.3.3.3")
    assert melder.post(reverse("meldkanaal:melden"), gegevens()).status_code == 200
    tekst = "Mijn leidinggevende <b>zei</b> dat ik moest zwijgen."
    antwoord = melder.post(reverse("meldkanaal:melden"), gegevens(omschrijving=tekst))
    html = antwoord.content.decode()
    assert antwoord.status_code == 429
    assert TE_VEEL_MELDINGEN in html
    assert "Mijn leidinggevende &lt;b&gt;zei&lt;/b&gt; dat ik moest zwijgen." in html
    assert 'name="onderwerp"' not in html, "het hele formulier werd opnieuw opgebouwd"
    assert Melding.objects.count() == 1


def test_een_geweigerde_aanvulling_toont_de_tekst_en_voegt_niets_toe(settings):
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 2
    melder = Client(REMOTE_ADDR="10.4.4.4")
    _, code = melden(melder)
    terug(melder, code)
    eerste = melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "Het gebeurde op dinsdag."})
    assert eerste.status_code == 302
    berichten = Bericht.objects.count()
    tweede = melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "En ook op woensdag."})
    assert tweede.status_code == 429
    assert "En ook op woensdag." in tweede.content.decode()
    assert Bericht.objects.count() == berichten


def test_een_te_groot_verzoek_wordt_geweigerd_voordat_het_gelezen_wordt(settings):
    settings.MAX_VERZOEK_BYTES = 160_000  # the files' limit and room for the form
    settings.DOCUMENT_MAX_BYTES = 150_000
    groot = io.BytesIO(b"%PDF-1.4\n" + b"0" * 200_000)
    groot.name = "groot.pdf"
    antwoord = Client().post(reverse("meldkanaal:melden"), gegevens(bijlagen=[groot]))
    assert antwoord.status_code == 413
    assert not Melding.objects.exists()
    # A page that says what to do, in the site's layout, not a bare line of text.
    pagina = html.unescape(antwoord.content.decode())
    # The limit the form names (0,1 MB here), not the request's: '0,2 MB; hoogstens 0,2 MB' said nothing.
    assert "<h1" in pagina and "is samen 0,2 MB; bestanden mogen samen hoogstens 0,1 MB zijn" in pagina
    assert "Terug" in pagina and "ontvangstcode meer bestanden nasturen" in pagina


def test_een_bijlage_boven_de_documentgrens_en_te_veel_bijlagen_krijgen_een_melding(settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    settings.MELDKANAAL_MAX_BIJLAGEN = 2

    def pdf(naam, grootte):
        bestand = io.BytesIO(b"%PDF-1.4\n" + b"0" * grootte)
        bestand.name = naam
        return bestand

    te_groot = Client().post(reverse("meldkanaal:melden"), gegevens(bijlagen=[pdf("a.pdf", 5000)]))
    assert "a.pdf: Het bestand is te groot" in te_groot.content.decode()
    te_veel = Client().post(
        reverse("meldkanaal:melden"), gegevens(bijlagen=[pdf(f"{n}.pdf", 10) for n in range(3)])
    )
    assert TE_VEEL_BIJLAGEN.format(max=2) in te_veel.content.decode()
    assert not Melding.objects.exists() and not Document.objects.exists()
