"""Tellijst builders: rows in a few words (published or not), and the entry form's data and HTML."""

from finintegriteit.referentie import models as ref
from tests.factories import AdviesvraagFactory

# A day on which two years are open for the Tellijst: 2024, which closes on 1 February 2025
# (TELLIJST_SLUITDAG), and the first quarter of 2025. Tests that enter or import rows of those years
# run on it (pytest.mark.time_machine), whatever the real date.
TELLIJST_OPEN = "2025-01-20 10:00 +0100"

SUB_HOOFD = {
    "5-intimidatie": "ongewenste-omgangsvormen",
    "5-discriminatie": "ongewenste-omgangsvormen",
    "5-pesten-treiteren-roddelen-buitensluiten": "ongewenste-omgangsvormen",
    "8-arbeidsconflict": "problematiek-personeel-en-organisatie",
    "1-fraude": "financiele-schendingen",
}


def tellijst(
    aantal=1,
    *,
    jaar=2024,
    sub="5-intimidatie",
    onderdeel="douane",
    wie="collega-eigen-organisatieonderdeel",
    wijze="klankbordgesprek-advies-incl-nazorgcontact-ook-telefonisch-mail",
    situatie="genormaliseerd-en-geschil-opgelost",
):
    subcategorie = ref.Subcategorie.objects.select_related("hoofdcategorie").get(code=sub)
    return AdviesvraagFactory.create_batch(
        aantal,
        jaar=jaar,
        onderdeel=ref.Onderdeel.objects.get(code=onderdeel),
        hoofdcategorie=subcategorie.hoofdcategorie,
        subcategorie=subcategorie,
        wie_betreft=ref.WieBetreft.objects.get(code=wie),
        wijze_van_afdoening=ref.WijzeVanAfdoening.objects.get(code=wijze),
        situatie=ref.SituatieNaInterventie.objects.get(code=situatie),
    )


def tellijst_gepubliceerd(*args, **kwargs):
    """Tellijst rows, then a publication: pages and requested reports show the Tellijst only as published."""
    from rapportage.services.publicatie import tellijst_publiceren

    rijen = tellijst(*args, **kwargs)
    tellijst_publiceren()
    return rijen


def pk(model, code):
    return model.objects.get(code=code).pk


def geldige_invoer(**anders):
    """What the entry form (vertrouwenspersonen:invoeren) posts for a valid row."""
    return {
        "jaar": "2025",
        "kwartaal": "1",
        "onderdeel": pk(ref.Onderdeel, "belastingdienst"),
        "hoofdcategorie": pk(ref.Hoofdcategorie, "problematiek-personeel-en-organisatie"),
        "subcategorie": pk(ref.Subcategorie, "8-arbeidsconflict"),
        "wie_betreft": pk(ref.WieBetreft, "direct-leidinggevende"),
        "wijze_van_afdoening": pk(ref.WijzeVanAfdoening, "loopt-nog"),
        "situatie": pk(ref.SituatieNaInterventie, "loopt-nog"),
        "melder_is_beklaagde": "nee",
        "evaluatielink": "niet_aangegeven",
        **anders,
    }


def formulier(html: str) -> str:
    """The entry form itself (the page also has the logout form)."""
    begin = html.rindex("<form", 0, html.index("tellijst-formulier"))
    return html[begin : html.index("</form>", begin)]
