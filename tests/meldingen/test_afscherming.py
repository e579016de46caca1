"""Need to know: an afgeschermde melding does not exist for an analist who is neither its behandelaar nor
the teamleider. The attack: a colleague knows (or guesses) the case's number, pk, a name, a personnel
number and words from it, and tries every way in: the URLs, search, the lists, the counts, the document.
"""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditRegel
from meldingen.models import Melding
from meldingen.services import fouten
from meldingen.services.aantekeningen import aantekening_toevoegen
from meldingen.services.afscherming import melding_afscherming_wijzigen
from meldingen.services.documenten import document_toevoegen
from rapportage.selectors import exporteer_cijfers

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
GEHEIM = {"naam": "Xaviera Quist", "personeelsnummer": "Q998877"}


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"


@pytest.fixture
def behandelaar(maak_gebruiker):
    return maak_gebruiker("behandelaar", r.OIF_ANALIST)


@pytest.fixture
def zaak(maak_melding, maak_betrokkene, behandelaar, teamleider):
    """An afgeschermde klokkenluidersmelding with a betrokkene, a note and a document, and an ordinary one."""
    gewoon = maak_melding(omschrijving="Gewone zaak.")
    melding = maak_melding(
        behandelaar=behandelaar,
        klokkenluidersmelding=True,
        ontvangen_op=datetime.date(2025, 1, 6),
        omschrijving="Kasgeldverduistering door een collega van OIF.",
    )
    betrokkene = maak_betrokkene(melding, **GEHEIM)
    aantekening_toevoegen(melding=melding, door=behandelaar, tekst="Gesprek over de zwartboekmap gepland.")
    document = document_toevoegen(
        melding=melding, door=behandelaar, bestand=SimpleUploadedFile("verslag.pdf", PDF)
    )
    melding.refresh_from_db()
    melding_afscherming_wijzigen(
        melding=melding,
        door=teamleider,
        afgeschermd=True,
        reden="Betreft een OIF-collega.",
        versie=melding.versie,
    )
    return {"melding": melding, "betrokkene": betrokkene, "document": document, "gewoon": gewoon}


def _zonder_ruis(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'nonce="[^"]*"', "", html)


def test_voor_een_andere_analist_bestaat_de_zaak_niet(client, analist, zaak):
    melding, betrokkene, document = zaak["melding"], zaak["betrokkene"], zaak["document"]
    client.force_login(analist)
    bestaat_niet = Melding.objects.order_by("-pk").first().pk + 100
    urls = {
        "detail": reverse("meldingen:detail", args=[melding.pk]),
        "wijzigen": reverse("meldingen:wijzigen", args=[melding.pk]),
        "bewaren": reverse("meldingen:bewaren", args=[melding.pk]),
        "melder": reverse("meldingen:melder", args=[melding.pk]),
        "termijnen_vastleggen": reverse("meldingen:termijnen_vastleggen", args=[melding.pk]),
        "duplicaat": reverse("meldingen:duplicaat", args=[melding.pk]),
        "afschermen": reverse("meldingen:afschermen", args=[melding.pk]),
        "betrokkene_toevoegen": reverse("meldingen:betrokkene_toevoegen", args=[melding.pk]),
        "betrokkene_wijzigen": reverse("meldingen:betrokkene_wijzigen", args=[betrokkene.pk]),
        "betrokkene_verwijderen": reverse("meldingen:betrokkene_verwijderen", args=[betrokkene.pk]),
        "afdoening": reverse("afdoeningen:vastleggen", args=[betrokkene.pk]),
        "document": reverse("meldingen:document_downloaden", args=[document.pk]),
    }
    for naam, url in urls.items():
        assert client.get(url).status_code == 404, naam
    for naam in ("status", "heropenen", "aantekening_toevoegen", "document_toevoegen", "bericht_versturen"):
        assert client.post(reverse(f"meldingen:{naam}", args=[melding.pk]), {}).status_code == 404, naam
    # Exactly the answer for a case that was never registered.
    echt = client.get(urls["detail"])
    nep = client.get(reverse("meldingen:detail", args=[bestaat_niet]))
    assert _zonder_ruis(echt.content.decode()) == _zonder_ruis(nep.content.decode())


def test_zoeken_lijsten_en_aantallen_zwijgen_erover(client, analist, zaak):
    melding = zaak["melding"]
    client.force_login(analist)
    werkvoorraad = reverse("meldingen:werkvoorraad")
    lijst = client.get(werkvoorraad, {"status": "alle"})
    assert melding.nummer not in lijst.content.decode()
    assert lijst.context["pagina"].paginator.count == 1
    assert "1 melding in alle statussen." in lijst.content.decode()
    # Each term against one of the same kind that matches nothing: the pages must be the same.
    paren = {
        melding.nummer: "OIF-2025-0999",
        melding.nummer[-7:]: "25-0999",
        "Quist": "Zwolsma",
        GEHEIM["personeelsnummer"]: "Q112233",
        "kasgeldverduistering": "ruimtevaart",
        "zwartboekmap": "ruimtevaart",
    }
    for term, niets in paren.items():
        # With a filter that hides matches the page says how many: it must say none.
        for filters in ({}, {"status": Melding.Status.AFGEDAAN}):
            antwoord = client.get(werkvoorraad, {"q": term, **filters})
            assert antwoord.context["pagina"].paginator.count == 0, term
            assert antwoord.context["verborgen"] == 0, term
            leeg = client.get(werkvoorraad, {"q": niets, **filters})
            assert _zonder_ruis(antwoord.content.decode()).replace(term, "TERM") == _zonder_ruis(
                leeg.content.decode()
            ).replace(niets, "TERM")
    termijnen = client.get(reverse("meldingen:termijnen"))
    assert termijnen.context["pagina"].paginator.count == 0
    assert melding.nummer not in termijnen.content.decode()
    # Marking another case as its duplicate: the same answer as for a number that does not exist.
    duplicaat = reverse("meldingen:duplicaat", args=[zaak["gewoon"].pk])
    for nummer in (melding.nummer, "OIF-2025-0999"):
        antwoord = client.post(duplicaat, {"origineel": nummer, "reden": "Zelfde zaak.", "versie": 1})
        assert antwoord.context["form"].errors["origineel"] == [fouten.DUPLICAAT_ONBEKEND]


def test_behandelaar_en_teamleider_zien_en_vinden_haar(client, behandelaar, teamleider, zaak):
    melding = zaak["melding"]
    for gebruiker in (behandelaar, teamleider):
        client.force_login(gebruiker)
        assert client.get(reverse("meldingen:detail", args=[melding.pk])).status_code == 200
        assert (
            client.get(reverse("meldingen:document_downloaden", args=[zaak["document"].pk])).status_code
            == 200
        )
        antwoord = client.get(reverse("meldingen:werkvoorraad"), {"q": "Quist"})
        assert [m.nummer for m in antwoord.context["pagina"].object_list] == [melding.nummer]
        assert '<span class="badge text-bg-dark">afgeschermd</span>' in antwoord.content.decode()
        assert melding.nummer in client.get(reverse("meldingen:termijnen")).content.decode()


def test_de_jaarcijfers_tellen_haar_wel(zaak):
    assert exporteer_cijfers(jaar=2025)["oif"]["meldingen"] == 2


def test_afschermen_en_opheffen_staan_met_reden_in_de_audittrail(
    client, analist, behandelaar, teamleider, zaak
):
    melding = zaak["melding"]
    client.force_login(behandelaar)
    url = reverse("meldingen:afschermen", args=[melding.pk])
    assert "Afscherming opheffen" in client.get(url).content.decode()
    antwoord = client.post(url, {"reden": "Toch geen collega.", "versie": melding.versie})
    assert antwoord.status_code == 302
    client.force_login(analist)
    assert client.get(reverse("meldingen:detail", args=[melding.pk])).status_code == 200
    # Visible again, but need to know is not the colleague's call: no link, and the page refuses.
    assert "Afschermen" not in client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert client.get(url).status_code == 403
    regels = AuditRegel.objects.filter(
        object_type="melding", object_id=str(melding.pk), velden=["afgeschermd"]
    )
    assert [(r.gebruiker, r.reden) for r in regels.order_by("pk")] == [
        (teamleider, "Betreft een OIF-collega."),
        (behandelaar, "Toch geen collega."),
    ]


def test_afschermen_zonder_reden_verandert_niets(client, behandelaar, zaak):
    melding = zaak["melding"]
    client.force_login(behandelaar)
    antwoord = client.post(
        reverse("meldingen:afschermen", args=[melding.pk]), {"reden": " ", "versie": melding.versie}
    )
    assert antwoord.status_code == 200
    assert "Geef een reden op." in antwoord.content.decode()
    assert Melding.objects.get(pk=melding.pk).afgeschermd
