"""The 2024 report rendered from the demo data shows the published figures, table by table.

Expected numbers are copied from the published Jaarrapportage integriteit 2024, not from this code.
Where the report contradicts itself the PDF shows the true count of its data; the test says which
published figure differs and why.
"""

import io
import re

import pypdf
import pytest
from django.core.management import call_command

from rapportage.services import rapport_pdf_maken
from rapportage.teksten.standaard import HOOFDSTUKKEN


def pdf_tekst_van_demodata() -> str:
    call_command("laad_demodata", verbosity=0)
    inhoud = rapport_pdf_maken(jaar=2024)
    pagina_teksten = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(inhoud)).pages]
    return re.sub(r"\s+", " ", " ".join(pagina_teksten))


KERNCIJFERS = [
    "Medewerkers 41.069",
    "Klachten bij de Klachtencommissie Ongewenste Omgangsvormen 17",
    "MinFin (totaal) 4.489",
]
OIF_MELDERS = [
    "Management 33",
    "Medewerker 23",
    "Extern 2",
    "Anoniem 1",
    "Vertrouwenspersoon 1",
    "Burger 8",
    "Decentrale meldpunten 146",
    "Totaal 214",
]
OIF_ONDERZOEK = ["Geen onderzoek 170", "Volledig feitenonderzoek 14", "Oriënterend onderzoek 2", "Totaal 186"]
OIF_KLASSEN = ["geen afdoening 100", "niet-disciplinair 66", "disciplinair 20"]
VP_PER_ONDERDEEL = ["Belastingdienst 818", "Douane 224", "Toeslagen 117", "Beleidsdepartement 33", "Anders 8"]
VP_DRIE_JAAR = [
    "Pesten, treiteren, roddelen, buitensluiten 99 158 198",
    "Direct leidinggevende 518",
    "Andere leidinggevende 165",
    "Collega eigen organisatieonderdeel 208 282 320",
    "Situatie niet opgelost, melder wil geen verdere actie 63 238",
]
REGISTER = ["Totaal aantal vertrouwenspersonen 76"]


@pytest.mark.django_db
def test_de_pdf_van_de_demodata_toont_de_gepubliceerde_cijfers():
    tekst = pdf_tekst_van_demodata()
    verwacht = (
        KERNCIJFERS + OIF_MELDERS + OIF_ONDERZOEK + OIF_KLASSEN + VP_PER_ONDERDEEL + VP_DRIE_JAAR + REGISTER
    )
    assert [fragment for fragment in verwacht if fragment not in tekst] == []
    assert "1.200" in tekst
    # Every chapter of the published structure, with the demo's own text and its figures filled in.
    hoofdstukken = [t for t, _inhoud, bijlage in HOOFDSTUKKEN if not bijlage]
    koppen = [f"{n} {t}" for n, t in enumerate(hoofdstukken, start=1)] + [
        f"Bijlage {n} {t}" for n, (t, _i, b) in enumerate([h for h in HOOFDSTUKKEN if h[2]], start=1)
    ]
    assert [kop for kop in koppen if kop not in tekst] == []
    assert "steeg van 7,7 naar 7,9" in tekst
    assert "214 meldingen bij het Onderzoeksbureau Integriteit Financiën" in tekst
    # The coordinator's texts add to what a chapter prints itself; they do not say it a second time.
    assert tekst.count("De commissie ontving in 2024 21 meldingen") == 1
    feitenonderzoek = tekst[tekst.index("Volledige feitenonderzoeken naar soort schending 2024") :]
    assert "Totaal 14" in feitenonderzoek[: feitenonderzoek.index("4.3 Afdoeningen")], "elke tabel telt op"
    # The Tellijst counts adviesvragen, in the report as everywhere else: a melding is OIF's.
    assert "Adviesvragen bij vertrouwenspersonen 2024" in tekst and "Meldingen bij vertrouwensp" not in tekst
    assert "onbekend cijfer" not in tekst and "{{" not in tekst
    # The published infographic says Berisping 6 and Beëindiging tijdelijke arbeidsovereenkomst 5, but
    # Bijlage 2 lists 7 and 4 rows (note N-b2-berisping). The data are the Bijlage 2 rows, so 7 and 4.
    assert "Schriftelijke berisping 7" in tekst
    assert "Beëindiging tijdelijke arbeidsovereenkomst, contract, stage 4" in tekst
