"""With the demo data, `exporteer_cijfers --jaar 2024` gives the figures of the published report.

Every expected number below is copied from the Jaarrapportage integriteit 2024 itself, not from the
system. Where the report contradicts itself, the system shows the true count of its data; the test
names the published figure that differs and why (note ids refer to the reference list in docs/cijfers.md).
"""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from finintegriteit.referentie.models import Onderdeel
from rapportage.demodata import demodata_laden, gegevens
from rapportage.management.opties import ONBEKEND_ONDERDEEL
from rapportage.selectors import jaarcijfers

pytestmark = pytest.mark.django_db

ONDERDELEN = ["Belastingdienst", "Douane", "Toeslagen", "Beleidsdepartement", "Anders"]

# Bijlage 1 of the Jaarverslag Vertrouwenspersonen 2024 (Bijlage 3), column 2024.
VP_2024 = {
    "totaal": 1200,
    # Management summary: 818 / 224 / 117 / 33 / 8.
    "per_onderdeel": {
        "Belastingdienst": 818,
        "Douane": 224,
        "Toeslagen": 117,
        "Beleidsdepartement": 33,
        "Anders": 8,
    },
    "hoofdcategorie": {
        "Financiële schendingen": 5,
        "Misbruik positie en belangenverstrengeling": 21,
        "Lekken en misbruik van informatie": 6,
        "Misbruik (gewelds)bevoegdheden": 6,
        "Ongewenste omgangsvormen": 683,
        "Misbruik bedrijfsmiddelen en overtreding interne regels": 42,
        "Misdragingen in privésfeer": 51,
        "Problematiek personeel en organisatie": 386,
    },
    "subcategorie": {
        "Financiële schendingen": {"Diefstal / verduistering": 0, "Fraude": 3, "Overig": 2},
        "Misbruik positie en belangenverstrengeling": {
            "Ongeoorloofde nevenactiviteiten": 3,
            "Ongeoorloofde financiële belangen": 3,
            "Corruptie (omkoping, favoritisme, vragen van gunsten, diensten etc.)": 5,
            "Misbruik van legitimatiebewijs": 0,
            "Overig": 10,
        },
        "Lekken en misbruik van informatie": {
            "Lekken van informatie": 1,
            "Misbruik van informatie": 0,
            "Ongeoorloofd raadplegen informatie uit vertrouwelijke registers": 2,
            "Verlies / diefstal van informatiedragers": 1,
            "Overig": 2,
        },
        "Misbruik (gewelds)bevoegdheden": {
            "Ongeoorloofde opsporingsmethoden en dwangmiddelen": 1,
            "Meineed": 0,
            "Valsheid in geschrifte": 0,
            "Afgifte van vergunningen en legitimatiebewijzen": 0,
            "Misbruik geweldsbevoegdheid (fysiek)": 1,
            "Misbruik geweldsbevoegdheid (vuurwapen)": 0,
            "Overig": 4,
        },
        "Ongewenste omgangsvormen": {
            "Discriminatie": 30,
            "Pesten, treiteren, roddelen, buitensluiten": 198,
            "Intimidatie": 219,
            "Agressie en geweld": 13,
            "Seksuele intimidatie/geweld": 50,
            "Overig": 173,
        },
        "Misbruik bedrijfsmiddelen en overtreding interne regels": {
            "Ongewenst gebruik email / internet / sociale media": 4,
            "Misbruik van bedrijfsmiddelen / faciliteiten": 10,
            "Werkverzuim (d.i. incl. werkurenregistratie(SAP)": 2,
            "Niet volgen van de procedures": 11,
            "Slordig omgaan met bedrijfsmateriaal": 1,
            "Gebruik van alcohol of drugs": 2,
            "Overig": 12,
        },
        "Misdragingen in privésfeer": {
            "Financiële schendingen wo. Fiscale integriteit": 0,
            "Financiële problemen (privésfeer)": 9,
            "Fiscale integriteit eigen aangifte": 3,
            "Ongewenste omgangsvormen": 6,
            "Alcohol of drugs": 1,
            "Ongewenste contacten": 5,
            "Overig": 27,
        },
        "Problematiek personeel en organisatie": {
            "Functioneringsproblemen": 67,
            "Arbeidsconflict": 93,
            "Onvrede organisatie": 73,
            "PSA (werkdruk, stress etc)": 66,
            "Overig": 87,
        },
    },
    "wie_betreft_de_melding": {
        "Melder zelf": 136,
        "Direct leidinggevende": 518,
        "Andere leidinggevende": 165,
        "Collega eigen organisatieonderdeel": 320,
        "Medewerker ander organisatieonderdeel": 61,
    },
    "wijze_van_afdoening": {
        "Geen actie op verzoek van melder": 97,
        "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)": 571,
        "(Drie)gesprek met betrokkenen / leidinggevende / manager": 111,
        "Doorverwijzing (bijv. Bedrijfsmaatschappelijk werk)": 74,
        "Escalatie naar directeur": 1,
        "Escalatie naar directeur met melder": 65,
        "Anonieme signalering naar directeur op verzoek melder": 23,
        "Escalatie DG / Landelijke VP / Klokkenluidersregeling": 21,
        "Doorverwijzen naar Klachtencommissie, CIF, OIF, etc.": 18,
        "Bijstaan doen van melding bij Klachtencommissie, CIF, OIF, etc.": 10,
        "Loopt nog": 159,
        "Overig (bijv. mediation)": 50,
    },
    "situatie_na_interventie": {
        "Genormaliseerd en geschil opgelost": 398,
        "Ziek gemeld": 28,
        "Arbeidsrelatie of omstandigheden verslechterd": 24,
        "Andere werkplek / functie binnen eigen organisatieonderdeel": 47,
        "Andere werkplek / functie buiten eigen organisatieonderdeel": 34,
        "Ontslag genomen": 24,
        "Arbeidscontract niet verlengd / ontslag": 26,
        "Situatie niet opgelost, melder wil geen verdere actie": 238,
        "Loopt nog": 223,
        "Anders": 158,
    },
}

# Infographic 'OIF: meldingen en onderzoeken' and 'Integriteitsschendingen en betrokkenen', labels as in
# the taxonomy (the infographic abbreviates them).
OIF_2024 = {
    "meldingen": 214,
    "melder": {
        "Management": 33,
        "Medewerker": 23,
        "Extern": 2,
        "Anoniem": 1,
        "Vertrouwenspersoon": 1,
        "Burger": 8,
        "Decentrale meldpunten": 146,
    },
    "onderwerp": {
        "Misbruik bedrijfsmiddelen en overtreding interne regels": 61,
        "Ongewenste omgangsvormen": 58,
        "Ongepaste gedragingen in privésfeer": 34,
        "Lekken en misbruik en/of achterhouden van en/of ongeoorloofd omgaan met informatie": 36,
        "Misbruik positie en belangenverstrengeling": 10,
        "Financiele schending (in zakelijke sfeer)": 7,
        "Ongepaste communicatie": 2,
        # The infographic has one row 'Misbruik (gewelds)bevoegdheden 2' for both options.
        "Misbruik bevoegdheden": 2,
        "Misbruik geweldsbevoegdheid": 0,
        "Misstanden volgens Klokkenluidersregeling": 4,
    },
    "onderzoek": {"Geen onderzoek": 170, "Volledig feitenonderzoek": 14, "Oriënterend onderzoek": 2},
    "betrokkenen": 186,
    "afdoening_klasse": {"geen afdoening": 100, "niet-disciplinair": 66, "disciplinair": 20},
    # The report lists the four onderdelen; 'Anders' is in use and has none.
    "maatregelen_per_onderdeel": {
        "Belastingdienst": 54,
        "Douane": 19,
        "Toeslagen": 8,
        "Beleidsdepartement": 5,
        "Anders": 0,
    },
    "maatregelen": 86,
    # 'Feitenonderzoek naar soort schending': the eight numbered types add up to the 14
    # (N-oif-feitenonderzoek).
    "feitenonderzoek": {
        "Misbruik bedrijfsmiddelen en overtreding interne regels": 2,
        "Ongewenste omgangsvormen": 3,
        "Ongepaste gedragingen in privésfeer": 4,
        "Lekken en misbruik en/of achterhouden van en/of ongeoorloofd omgaan met informatie": 2,
        "Misbruik positie en belangenverstrengeling": 2,
        "Financiele schending (in zakelijke sfeer)": 0,
        "Ongepaste communicatie": 0,
        "Misbruik bevoegdheden": 1,
        "Misbruik geweldsbevoegdheid": 0,
        "Misstanden volgens Klokkenluidersregeling": 0,
    },
    # Rows of Bijlage 2 per schending (the incident chart's 221 counts something else: N-oif-chart-221).
    "schending": {
        "Misbruik bedrijfsmiddelen en overtreding interne regels": 56,
        "Ongewenste omgangsvormen": 51,
        "Ongepaste gedragingen in privésfeer": 35,
        "Lekken en misbruik en/of achterhouden van en/of ongeoorloofd omgaan met informatie": 23,
        "Misbruik positie en belangenverstrengeling": 13,
        "Financiele schending (in zakelijke sfeer)": 2,
        "Ongepaste communicatie": 3,
        "Misbruik bevoegdheden": 1,
        "Misbruik geweldsbevoegdheid": 0,
        "Misstanden volgens Klokkenluidersregeling": 2,
    },
    "betrokkenen_per_onderdeel": {
        "Belastingdienst": 122,
        "Douane": 33,
        "Toeslagen": 16,
        "Beleidsdepartement": 15,
        "Anders": 0,
    },
}

# Infographic 'Wijze waarop is afgedaan' (OIF).
AFDOENING_INFOGRAPHIC = {
    "Geen afdoening/actie": 100,
    "Afdoening d.m.v. corrigerend gesprek, waarschuwingsbrief, training, coaching, e.d.": 48,
    "Ontslag op initiatief van de medewerker": 14,
    "Beëindiging tijdelijke arbeidsovereenkomst, contract, stage": 5,
    "Schriftelijke berisping": 6,
    "Vermindering IKB-uren": 3,
    "Verplaatsing": 4,
    "Beëindiging dienstverband": 4,
    "Financiële afdoening (boete/uitsluiting periodiek)": 2,
}

# Bijlage 2 of the Jaarverslag Vertrouwenspersonen: cells as printed (blank = 0), columns as ONDERDELEN.
PER_ONDERDEEL_2024 = {
    "aard": {
        "Financiële schendingen": [1, 2, 2, 0, 0],
        "Misbruik positie en belangenverstrengeling": [14, 2, 2, 1, 2],
        "Lekken en misbruik van informatie": [3, 2, 1, 0, 0],
        "Misbruik (gewelds)bevoegdheden": [2, 4, 0, 0, 0],
        "Ongewenste omgangsvormen": [469, 138, 52, 20, 4],
        "Misbruik bedrijfsmiddelen en overtreding interne regels": [27, 9, 4, 2, 0],
        "Misdragingen in privésfeer": [41, 6, 2, 0, 2],
        "Problematiek personeel en organisatie": [261, 61, 54, 10, 0],
    },
    "subcategorie": {
        ("Financiële schendingen", "Diefstal / verduistering"): [0, 0, 0, 0, 0],
        ("Financiële schendingen", "Fraude"): [1, 0, 2, 0, 0],
        ("Financiële schendingen", "Overig"): [0, 2, 0, 0, 0],
        ("Misbruik positie en belangenverstrengeling", "Ongeoorloofde nevenactiviteiten"): [1, 2, 0, 0, 0],
        ("Misbruik positie en belangenverstrengeling", "Ongeoorloofde financiële belangen"): [2, 0, 1, 0, 0],
        (
            "Misbruik positie en belangenverstrengeling",
            "Corruptie (omkoping, favoritisme, vragen van gunsten, diensten etc.)",
        ): [3, 0, 0, 0, 2],
        ("Misbruik positie en belangenverstrengeling", "Misbruik van legitimatiebewijs"): [0, 0, 0, 0, 0],
        ("Misbruik positie en belangenverstrengeling", "Overig"): [8, 0, 1, 1, 0],
        ("Lekken en misbruik van informatie", "Lekken van informatie"): [1, 0, 0, 0, 0],
        ("Lekken en misbruik van informatie", "Misbruik van informatie"): [0, 0, 0, 0, 0],
        (
            "Lekken en misbruik van informatie",
            "Ongeoorloofd raadplegen informatie uit vertrouwelijke registers",
        ): [2, 0, 0, 0, 0],
        ("Lekken en misbruik van informatie", "Verlies / diefstal van informatiedragers"): [0, 1, 0, 0, 0],
        ("Lekken en misbruik van informatie", "Overig"): [0, 1, 1, 0, 0],
        ("Misbruik (gewelds)bevoegdheden", "Ongeoorloofde opsporingsmethoden en dwangmiddelen"): [
            0,
            1,
            0,
            0,
            0,
        ],
        ("Misbruik (gewelds)bevoegdheden", "Meineed"): [0, 0, 0, 0, 0],
        ("Misbruik (gewelds)bevoegdheden", "Valsheid in geschrifte"): [0, 0, 0, 0, 0],
        ("Misbruik (gewelds)bevoegdheden", "Afgifte van vergunningen en legitimatiebewijzen"): [
            0,
            0,
            0,
            0,
            0,
        ],
        ("Misbruik (gewelds)bevoegdheden", "Misbruik geweldsbevoegdheid (fysiek)"): [0, 1, 0, 0, 0],
        ("Misbruik (gewelds)bevoegdheden", "Misbruik geweldsbevoegdheid (vuurwapen)"): [0, 0, 0, 0, 0],
        ("Misbruik (gewelds)bevoegdheden", "Overig"): [2, 2, 0, 0, 0],
        ("Ongewenste omgangsvormen", "Discriminatie"): [21, 6, 3, 0, 0],
        ("Ongewenste omgangsvormen", "Pesten, treiteren, roddelen, buitensluiten"): [121, 64, 7, 5, 1],
        ("Ongewenste omgangsvormen", "Intimidatie"): [153, 28, 28, 9, 1],
        ("Ongewenste omgangsvormen", "Agressie en geweld"): [12, 1, 0, 0, 0],
        ("Ongewenste omgangsvormen", "Seksuele intimidatie/geweld"): [39, 5, 4, 2, 0],
        ("Ongewenste omgangsvormen", "Overig"): [123, 34, 10, 4, 2],
        (
            "Misbruik bedrijfsmiddelen en overtreding interne regels",
            "Ongewenst gebruik email / internet / sociale media",
        ): [4, 0, 0, 0, 0],
        (
            "Misbruik bedrijfsmiddelen en overtreding interne regels",
            "Misbruik van bedrijfsmiddelen / faciliteiten",
        ): [7, 2, 1, 0, 0],
        (
            "Misbruik bedrijfsmiddelen en overtreding interne regels",
            "Werkverzuim (d.i. incl. werkurenregistratie(SAP)",
        ): [1, 1, 0, 0, 0],
        ("Misbruik bedrijfsmiddelen en overtreding interne regels", "Niet volgen van de procedures"): [
            7,
            2,
            1,
            1,
            0,
        ],
        ("Misbruik bedrijfsmiddelen en overtreding interne regels", "Slordig omgaan met bedrijfsmateriaal"): [
            0,
            1,
            0,
            0,
            0,
        ],
        ("Misbruik bedrijfsmiddelen en overtreding interne regels", "Gebruik van alcohol of drugs"): [
            1,
            0,
            0,
            1,
            0,
        ],
        ("Misbruik bedrijfsmiddelen en overtreding interne regels", "Overig"): [7, 3, 2, 0, 0],
        ("Misdragingen in privésfeer", "Financiële schendingen wo. Fiscale integriteit"): [0, 0, 0, 0, 0],
        ("Misdragingen in privésfeer", "Financiële problemen (privésfeer)"): [7, 0, 1, 0, 1],
        ("Misdragingen in privésfeer", "Fiscale integriteit eigen aangifte"): [3, 0, 0, 0, 0],
        ("Misdragingen in privésfeer", "Ongewenste omgangsvormen"): [5, 1, 0, 0, 0],
        ("Misdragingen in privésfeer", "Alcohol of drugs"): [1, 0, 0, 0, 0],
        ("Misdragingen in privésfeer", "Ongewenste contacten"): [3, 2, 0, 0, 0],
        ("Misdragingen in privésfeer", "Overig"): [22, 3, 1, 0, 1],
        ("Problematiek personeel en organisatie", "Functioneringsproblemen"): [43, 11, 11, 2, 0],
        ("Problematiek personeel en organisatie", "Arbeidsconflict"): [77, 4, 10, 2, 0],
        ("Problematiek personeel en organisatie", "Onvrede organisatie"): [53, 14, 3, 3, 0],
        ("Problematiek personeel en organisatie", "PSA (werkdruk, stress etc)"): [36, 22, 6, 2, 0],
        ("Problematiek personeel en organisatie", "Overig"): [52, 10, 24, 1, 0],
    },
    "wie_betreft_de_melding": {
        "Melder zelf": [96, 33, 7, 0, 0],
        "Leidinggevende": [0, 0, 0, 0, 0],
        "Direct leidinggevende": [348, 72, 79, 18, 1],
        "Andere leidinggevende": [118, 31, 9, 7, 0],
        "Collega eigen organisatieonderdeel": [216, 78, 17, 7, 2],
        "Medewerker ander organisatieonderdeel": [40, 10, 5, 1, 5],
        "Onbekend": [0, 0, 0, 0, 0],
    },
    "wijze_van_afdoening": {
        "Geen actie op verzoek van melder": [61, 24, 7, 4, 1],
        "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)": [415, 90, 47, 18, 1],
        "(Drie)gesprek met betrokkenen / leidinggevende / manager": [70, 21, 17, 3, 0],
        "Doorverwijzing (bijv. Bedrijfsmaatschappelijk werk)": [47, 18, 8, 0, 1],
        "Escalatie naar directeur": [1, 0, 0, 0, 0],
        "Escalatie naar directeur met melder": [45, 17, 2, 1, 0],
        "Anonieme signalering naar directeur op verzoek melder": [7, 2, 12, 2, 0],
        "Escalatie DG / Landelijke VP / Klokkenluidersregeling": [1, 18, 0, 2, 0],
        "Doorverwijzen naar Klachtencommissie, CIF, OIF, etc.": [14, 4, 0, 0, 0],
        "Bijstaan doen van melding bij Klachtencommissie, CIF, OIF, etc.": [3, 2, 2, 0, 3],
        "Aangifte (ambts)misdrijf": [0, 0, 0, 0, 0],
        "Ontslag genomen": [0, 0, 0, 0, 0],
        "Loopt nog": [120, 15, 20, 3, 1],
        "Overig (bijv. mediation)": [34, 13, 2, 0, 1],
        "Onbekend": [0, 0, 0, 0, 0],
    },
    "situatie_na_interventie": {
        "Genormaliseerd": [0, 0, 0, 0, 0],
        "Genormaliseerd en geschil opgelost": [269, 82, 38, 7, 2],
        "Ziek gemeld": [23, 4, 1, 0, 0],
        "Arbeidsrelatie of omstandigheden verslechterd": [9, 14, 0, 1, 0],
        "Andere werkplek / functie binnen eigen organisatieonderdeel": [23, 12, 9, 3, 0],
        "Andere werkplek / functie buiten eigen organisatieonderdeel": [18, 6, 4, 6, 0],
        "Ontslag genomen": [16, 1, 7, 0, 0],
        "Arbeidscontract niet verlengd / ontslag": [18, 1, 5, 2, 0],
        "Situatie is gelijk gebleven, vul kolom Toelichting in": [0, 0, 0, 0, 0],
        "Situatie ongewijzigd, melder wenst geen interventie. Klankbordgesprek voldoende": [0, 0, 0, 0, 0],
        "Situatie niet opgelost, melder wil geen verdere actie": [175, 34, 20, 8, 2],
        "Loopt nog": [157, 37, 26, 3, 0],
        "Anders": [110, 33, 7, 3, 5],
        "Onbekend": [0, 0, 0, 0, 0],
    },
}

# Hoofdstuk 3 tables 3.2 and 3.3 (percent of the category) and 3.4 (percent of all meldingen), 2022-2024.
HOOFDSTUK3_PROCENTEN = {
    "Ongewenste omgangsvormen": {
        "Agressie en geweld": [3, 3, 2],
        "Discriminatie": [6, 8, 4],
        "Intimidatie": [44, 32, 32],
        "Pesten, treiteren, roddelen, buitensluiten": [22, 26, 29],
        "Seksuele intimidatie/geweld": [6, 7, 7],
        "Overig": [18, 25, 25],
    },
    "Problematiek personeel en organisatie": {
        "Arbeidsconflict": [24, 25, 24],
        "Functioneringsproblemen": [12, 13, 17],
        "Onvrede organisatie": [32, 23, 19],
        "PSA (werkdruk, stress etc)": [11, 13, 17],
        "Overig": [21, 26, 23],
    },
}
BEKLAAGDEN_PROCENTEN = {
    "Melder zelf": [17, 18, 11],
    "Direct leidinggevende": [None, None, 43],
    "Andere leidinggevende": [None, None, 14],
    "Collega eigen organisatieonderdeel": [25, 24, 27],
    "Medewerker ander organisatieonderdeel": [7, 5, 5],
    "Onbekend": [None, 1, None],
}

# Hoofdstuk 3, per subcategorie: (afgehandeld, lopen door, genormaliseerd, niet genormaliseerd, niet bekend).
AFHANDELING_GEPUBLICEERD = {
    "Agressie en geweld": (7, 3, 2, 6, 2),
    "Discriminatie": (22, 8, 8, 9, 5),
    "Intimidatie": (174, 45, 72, 81, 21),
    "Pesten, treiteren, roddelen, buitensluiten": (176, 31, 47, 88, 32),
    "Seksuele intimidatie/geweld": (38, 12, 24, 13, 1),
    "Overig (ongewenste omgangsvormen)": (140, 33, 76, 45, 19),
    "Arbeidsconflict": (79, 14, 29, 40, 10),
    "Functioneringsproblemen": (45, 22, 17, 22, 6),
    "Onvrede organisatie": (63, 10, 20, 36, 7),
    "PSA (werkdruk, stress etc)": (51, 15, 17, 27, 7),
    "Overig (problematiek personeel en organisatie)": (76, 11, 33, 23, 20),
}

# VP infographic 2024: arrows as printed (None = no arrow printed).
PIJLEN_INFOGRAPHIC = {
    "hoofdcategorie": {
        "Ongewenste omgangsvormen": None,
        "Problematiek personeel en organisatie": "↓",
        "Misdragingen in privésfeer": "↑",
        "Misbruik bedrijfsmiddelen en overtreding interne regels": "↓",
        "Misbruik positie en belangenverstrengeling": "↑",
        "Lekken en misbruik van informatie": "↑",
        "Financiële schendingen": "↓",
        "Misbruik (gewelds)bevoegdheden": "↑",
    },
    "wijze_van_afdoening": {
        "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)": "↑",
        "(Drie)gesprek met betrokkenen / leidinggevende / manager": "↓",
        "Loopt nog": "↓",
        "Escalatie naar directeur": "↓",
        "Doorverwijzing (bijv. Bedrijfsmaatschappelijk werk)": "↓",
        "Overig (bijv. mediation)": "↓",
        "Escalatie DG / Landelijke VP / Klokkenluidersregeling": "↑",
        "Aangifte (ambts)misdrijf": "↓",
        "Geen actie op verzoek van melder": "↑",
        "Doorverwijzen naar Klachtencommissie, CIF, OIF, etc.": "↓",
        "Onbekend": "↓",
        "Ontslag genomen": "↓",
        "Bijstaan doen van melding bij Klachtencommissie, CIF, OIF, etc.": "↑",
        "Anonieme signalering naar directeur op verzoek melder": "↑",
        "Escalatie naar directeur met melder": None,
    },
    "situatie_na_interventie": {
        "Genormaliseerd": "↓",
        "Loopt nog": "↓",
        "Anders": "↓",
        "Andere werkplek / functie binnen eigen organisatieonderdeel": "↓",
        "Andere werkplek / functie buiten eigen organisatieonderdeel": "↓",
        "Ontslag genomen": "↓",
        "Arbeidscontract niet verlengd / ontslag": "↓",
        "Ziek gemeld": "↑",
        "Arbeidsrelatie of omstandigheden verslechterd": "↑",
        "Genormaliseerd en geschil opgelost": "↑",
        "Situatie is gelijk gebleven, vul kolom Toelichting in": "↓",
        "Situatie ongewijzigd, melder wenst geen interventie. Klankbordgesprek voldoende": "↓",
        "Situatie niet opgelost, melder wil geen verdere actie": "↑",
        "Onbekend": None,
    },
}
# Where the infographic itself is wrong (notes N-vpinfo-arrows-missing): what the data say instead.
PIJLEN_GECORRIGEERD = {
    # 606 -> 683: the arrow is missing in the infographic.
    ("hoofdcategorie", "Ongewenste omgangsvormen"): "↑",
    # 40 -> 65: the arrow is missing.
    ("wijze_van_afdoening", "Escalatie naar directeur met melder"): "↑",
    # 19 -> 0: the arrow is missing.
    ("situatie_na_interventie", "Onbekend"): "↓",
}


@pytest.fixture
def demodata(db):
    demodata_laden()


def export(*argumenten) -> dict:
    uitvoer = io.StringIO()
    call_command("exporteer_cijfers", *argumenten, stdout=uitvoer)
    # stdout holds nothing but the JSON document.
    return json.loads(uitvoer.getvalue())


def rij(rijen, label):
    return next(r for r in rijen if r["label"] == label)


def test_export_2024_geeft_de_gepubliceerde_cijfers(demodata):
    cijfers = export("--jaar", "2024")

    assert cijfers["jaar"] == 2024 and cijfers["onderdeel"] is None
    vp = cijfers["vertrouwenspersonen"]
    for sleutel, gepubliceerd in VP_2024.items():
        assert vp[sleutel] == gepubliceerd, sleutel
    oif = cijfers["oif"]
    for sleutel, gepubliceerd in OIF_2024.items():
        assert oif[sleutel] == gepubliceerd, sleutel
    kern = cijfers["kerncijfers"]
    assert kern["medewerkers"] == 41069
    assert kern["nevenwerkzaamheden"] == {
        "Beleidsdepartement": 371,
        "DG Belastingdienst": 3327,
        "DG Douane": 630,
        "DG Toeslagen": 158,
        "Inspectie BTD": 3,
    }
    assert kern["klachtencommissie"] == {
        "ontvangen": 17,
        "ontvankelijk": 6,
        "onderwerpen": {"pesten & treiteren": 3, "discriminatie": 1, "agressie": 2, "intimidatie": 3},
        "uitkomsten": {"door de klager ingetrokken": 1, "ongegrond verklaard": 1, "nog in behandeling": 3},
    }
    assert kern["cif"]["meldingen"] == 21
    assert kern["register"] == {
        "peildatum": "2025-02-25",
        "totaal": 76,
        "per_status": {
            "LVV-registervertrouwenspersoon": 54,
            "Bezig met certificering": 16,
            "Gestart met de basisopleiding": 4,
            "Geen voornemen tot certificering": 2,
        },
    }


def test_afdoeningen_volgen_bijlage2_en_niet_de_infographic(demodata):
    """N-b2-berisping: the infographic prints Berisping 6 and Beëindiging tijdelijke arbeidsovereenkomst 5,
    but Bijlage 2 lists 7 and 4 rows. The system counts its afdoeningen, one per Bijlage 2 row."""
    afdoening = export("--jaar", "2024")["oif"]["afdoening"]

    assert afdoening["Schriftelijke berisping"] == 7  # infographic: 6
    assert afdoening["Beëindiging tijdelijke arbeidsovereenkomst, contract, stage"] == 4  # infographic: 5
    anders = {
        k: v
        for k, v in afdoening.items()
        if k not in ("Schriftelijke berisping", "Beëindiging tijdelijke arbeidsovereenkomst, contract, stage")
    }
    assert anders == {k: v for k, v in AFDOENING_INFOGRAPHIC.items() if k in anders}
    assert sum(afdoening.values()) == sum(AFDOENING_INFOGRAPHIC.values()) == 186


def test_bijlage2_rij_voor_rij(demodata):
    cijfers = jaarcijfers(jaar=2024)["oif"]
    onderdeel_label = {o.code: o.label for o in Onderdeel.objects.all()}
    from finintegriteit.referentie.models import AfdoeningType, SchendingSoort

    schending = dict(SchendingSoort.objects.values_list("code", "label"))
    afdoening = dict(AfdoeningType.objects.values_list("code", "label"))
    gepubliceerd = sorted(
        (onderdeel_label[o], schending[s], inhoud, afdoening[a])
        for o, s, inhoud, a in gegevens()["oif_2024"]["bijlage2"]
    )

    rijen = cijfers["bijlage2"]
    assert (
        sorted((r["dienstonderdeel"], r["schending"], r["inhoud"], r["afdoening"]) for r in rijen)
        == gepubliceerd
    )
    assert len(rijen) == 186
    assert all(r["datum"].year == 2024 for r in rijen)
    # Per onderdeel as in Bijlage 2: Belastingdienst 122, Douane 33, Dienst Toeslagen 16, (p) SG-cluster 15.
    assert [r["dienstonderdeel"] for r in rijen] == ["Belastingdienst"] * 122 + ["Douane"] * 33 + [
        "Toeslagen"
    ] * 16 + ["Beleidsdepartement"] * 15
    # (p) SG-cluster: geen afdoening 10, ontslag op initiatief van de medewerker 1, gesprek 4.
    assert cijfers["afdoening_per_onderdeel"]["Beleidsdepartement"] == {
        "Geen afdoening/actie": 10,
        "Afdoening d.m.v. corrigerend gesprek, waarschuwingsbrief, training, coaching, e.d.": 4,
        "Ontslag op initiatief van de medewerker": 1,
    }


def test_oif_percentages_en_medewerkers(demodata):
    cijfers = jaarcijfers(jaar=2024)
    oif = cijfers["oif"]

    # Prose 4.3: 5% beëindiging arbeidsovereenkomst (4 of 86).
    assert rij(oif["tabellen"]["afdoening"], "Beëindiging dienstverband")["aantal"] == 4
    assert round(4 / oif["maatregelen"] * 100) == 5
    # N-oif-afdoeningen-chart: the prose says '18% met een gesprek', but gesprek/coaching is 48 of the 86
    # maatregelen (56%); 18% belongs to 16 other disciplinary measures, 77% to the 66 niet-disciplinaire.
    gesprek = rij(
        oif["tabellen"]["afdoening"],
        "Afdoening d.m.v. corrigerend gesprek, waarschuwingsbrief, training, coaching, e.d.",
    )
    assert gesprek["aantal"] == 48
    assert oif["percentages"]["maatregelen_klasse"] == {"niet-disciplinair": 77, "disciplinair": 23}
    # N-oif-feitenonderzoek: the two misstanden were investigated externally, on top of the 14.
    assert oif["misstanden"] == 2
    assert sum(oif["feitenonderzoek"].values()) == 14
    # N-oif-medewerkers: the infographic prints 40.846 niet-betrokken medewerkers, but 41.069 - 186 = 40.883.
    assert cijfers["kerncijfers"]["medewerkers"]["niet_betrokken"] == 40883
    # N-koo-uitkomsten: the outcome of one of the 6 ontvankelijke klachten is not stated.
    assert cijfers["kerncijfers"]["klachtencommissie"]["uitkomst_niet_vermeld"] == 1
    assert cijfers["kerncijfers"]["klachtencommissie"]["niet_ontvankelijk"] == 11
    # N-cif: only 10 (ongewenst gedrag) and 6 (arbeidsrechtelijk geschil) can be paired with a category;
    # the other 5 stay without one rather than being guessed.
    cif = {r["label"][:20]: r["aantal"] for r in cijfers["kerncijfers"]["cif"]["categorieen"]}
    assert cif["Onbehoorlijk en/of i"] == 10 and cif["Arbeidsrechtelijk ge"] == 6
    assert cijfers["kerncijfers"]["cif"]["niet_toegewezen"] == 5
    assert cijfers["kerncijfers"]["nevenwerkzaamheden"]["totaal"] == 4489


def test_per_onderdeel_tabel_2024(demodata):
    tabel = jaarcijfers(jaar=2024)["vertrouwenspersonen"]["per_onderdeel_tabel"]

    assert [k["label"] for k in tabel["kolommen"]] == ONDERDELEN
    assert tabel["totaal"]["cellen"] == [818, 224, 117, 33, 8]
    for hoofd in tabel["aard"]:
        assert hoofd["cellen"] == PER_ONDERDEEL_2024["aard"][hoofd["label"]], hoofd["label"]
        for sub in hoofd["subcategorieen"]:
            assert sub["cellen"] == PER_ONDERDEEL_2024["subcategorie"][hoofd["label"], sub["label"]], sub[
                "label"
            ]
    for sleutel in ("wie_betreft_de_melding", "wijze_van_afdoening", "situatie_na_interventie"):
        rijen = {r["label"]: r["cellen"] for r in tabel[sleutel]}
        assert set(rijen) == set(PER_ONDERDEEL_2024[sleutel]), sleutel
        for label, cellen in PER_ONDERDEEL_2024[sleutel].items():
            if label == "Situatie niet opgelost, melder wil geen verdere actie":
                # N-po-niet-opgelost: printed 175/34/20/8/2 adds up to 239, not the 238 of Bijlage 1, and
                # makes the Anders column 9 instead of 8. The data hold Anders 1, so every sum holds.
                assert cellen == [175, 34, 20, 8, 2]
                assert rijen[label] == [175, 34, 20, 8, 1]
            else:
                assert rijen[label] == cellen, label


def test_hoofdstuk3_percentages_zoals_het_verslag_afrondt(demodata):
    vp = jaarcijfers(jaar=2024)["vertrouwenspersonen"]

    for hoofd_label, subs in HOOFDSTUK3_PROCENTEN.items():
        hoofd = rij(vp["bijlage1"]["aard"], hoofd_label)
        for label, procenten in subs.items():
            waarden = rij(hoofd["subcategorieen"], label)["waarden"]
            assert [w["procent_van_hoofdcategorie"] for w in waarden] == procenten, label
    wie = vp["bijlage1"]["wie_betreft_de_melding"]
    for label, procenten in BEKLAAGDEN_PROCENTEN.items():
        waarden = rij(wie, label)["waarden"]
        assert [w["procent"] if w["aantal"] else None for w in waarden] == procenten, label
    # Footnote 2: Leidinggevende = direct + andere leidinggevende: 415 (50%), 627 (52%), (683) (57%).
    (leidinggevende,) = vp["vergelijkingsgroepen"]["wie_betreft_de_melding"]
    assert [(w["aantal"], w["procent"]) for w in leidinggevende["waarden"]] == [
        (415, 50),
        (627, 52),
        (683, 57),
    ]
    assert leidinggevende["voetnoot"].startswith(
        "Vanaf 2024 worden direct leidinggevende en andere leidinggevende apart geteld"
    )
    oo = rij(vp["bijlage1"]["aard"], "Ongewenste omgangsvormen")
    # N-text-56pct-oo: main report 5.4 prints 'ongewenste omgangsvormen (683 = 56%)'; 683/1.200 = 56,9%.
    assert oo["procent"] == 57
    assert rij(vp["bijlage1"]["aard"], "Problematiek personeel en organisatie")["procent"] == 32
    # N-text-56pct-klankbord: 'klankbordgesprek (56%)', but 571/1.200 = 47,6%.
    assert (
        rij(
            vp["bijlage1"]["wijze_van_afdoening"],
            "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)",
        )["procent"]
        == 48
    )
    # 5.7: 398 genormaliseerd = 33%.
    assert (
        rij(vp["bijlage1"]["situatie_na_interventie"], "Genormaliseerd en geschil opgelost")["procent"] == 33
    )


def test_afhandeling_per_subcategorie_uit_hoofdstuk3(demodata):
    vp = jaarcijfers(jaar=2024)["vertrouwenspersonen"]
    per_sub = {}
    for hoofd in vp["afhandeling_per_subcategorie"]:
        for sub in hoofd["subcategorieen"]:
            label = sub["label"]
            if label == "Overig":
                label = f"Overig ({hoofd['label'].lower()})"
            per_sub[label] = (
                sub["afgehandeld"],
                sub["loopt_door"],
                sub["genormaliseerd"],
                sub["niet_genormaliseerd"],
                sub["onbekend"],
            )

    for label, gepubliceerd in AFHANDELING_GEPUBLICEERD.items():
        if label == "Agressie en geweld":
            # N-text-agressie: 'Zeven meldingen zijn afgehandeld', but the outcomes 2 + 6 + 2 = 10 and
            # 10 + 3 lopend = the 13 meldingen. The data hold 10 afgehandeld.
            assert per_sub[label] == (10, *gepubliceerd[1:])
        elif label == "Pesten, treiteren, roddelen, buitensluiten":
            # N-text-pesten: '176 afgehandeld' + 31 lopend = 207, not 198; the outcomes add up to 167
            # (176 transposed). The data hold 167.
            assert per_sub[label] == (167, *gepubliceerd[1:])
        else:
            assert per_sub[label] == gepubliceerd, label
    # N-text-lopen-door: 'lopen door in 2025' is 159 under afdoening and 223 under situatie.
    assert vp["uitkomst"]["loopt_door"] == 223
    assert vp["uitkomst"]["afdoening_loopt_nog"] == 159


def test_pijlen_van_de_infographic(demodata):
    vp = jaarcijfers(jaar=2024)["vertrouwenspersonen"]
    tabellen = {
        "hoofdcategorie": vp["bijlage1"]["aard"],
        "wijze_van_afdoening": vp["bijlage1"]["wijze_van_afdoening"],
        "situatie_na_interventie": vp["bijlage1"]["situatie_na_interventie"],
    }
    for sleutel, pijlen in PIJLEN_INFOGRAPHIC.items():
        for label, gepubliceerd in pijlen.items():
            verwacht = PIJLEN_GECORRIGEERD.get((sleutel, label), gepubliceerd)
            assert rij(tabellen[sleutel], label)["pijl"] == verwacht, label
    wie = vp["bijlage1"]["wie_betreft_de_melding"]
    assert rij(wie, "Collega eigen organisatieonderdeel")["pijl"] == "↑"
    assert rij(wie, "Melder zelf")["pijl"] == "↓"
    # N-vpinfo-andere-org: printed '↓ 320' repeats the collega figure; Bijlage 1 gives 61 in 2023 and 2024.
    assert (
        rij(wie, "Medewerker ander organisatieonderdeel")["aantal"],
        rij(wie, "Medewerker ander organisatieonderdeel")["pijl"],
    ) == (61, "=")
    # N-vpinfo-leidinggevende: printed 'Leidinggevende ↓ 518' is only the direct leidinggevenden; all
    # leidinggevenden together rose from 627 to 683.
    (leidinggevende,) = vp["vergelijkingsgroepen"]["wie_betreft_de_melding"]
    assert (leidinggevende["aantal"], leidinggevende["pijl"]) == (683, "↑")
    subs = rij(vp["bijlage1"]["aard"], "Ongewenste omgangsvormen")["subcategorieen"]
    assert {r["label"]: r["pijl"] for r in subs} == {
        "Discriminatie": "↓",
        "Pesten, treiteren, roddelen, buitensluiten": "↑",
        "Intimidatie": "↑",
        "Agressie en geweld": "↓",
        "Seksuele intimidatie/geweld": "↑",
        "Overig": "↑",
    }


def test_export_voor_een_onderdeel(demodata):
    cijfers = export("--jaar", "2024", "--onderdeel", "DG Douane")

    assert cijfers["onderdeel"] == "Douane"
    vp = cijfers["vertrouwenspersonen"]
    douane = ONDERDELEN.index("Douane")
    assert vp["totaal"] == 224
    assert vp["per_onderdeel"] == {"Douane": 224}
    assert vp["hoofdcategorie"] == {
        label: cellen[douane] for label, cellen in PER_ONDERDEEL_2024["aard"].items()
    }
    assert vp["wie_betreft_de_melding"] == {
        label: cellen[douane]
        for label, cellen in PER_ONDERDEEL_2024["wie_betreft_de_melding"].items()
        if label in vp["wie_betreft_de_melding"]
    }
    assert cijfers["oif"]["betrokkenen"] == 33
    assert cijfers["oif"]["maatregelen_per_onderdeel"] == {"Douane": 19}


def test_onbekend_onderdeel_geeft_een_duidelijke_fout(demodata):
    with pytest.raises(CommandError) as fout:
        export("--jaar", "2024", "--onderdeel", "Marine")

    assert str(fout.value) == ONBEKEND_ONDERDEEL.format(naam="Marine", opties=", ".join(ONDERDELEN))
