"""Demo structure and texts of the 2024 report, and the named key figures they use.

The chapters follow the published report; the texts are written for the demo (they do not repeat the
published prose) and name their figures, so the demo PDF shows how texts and figures go together.
"""

from decimal import Decimal

from ..models import BenoemdKerncijfer, GepubliceerdCijfer, Kerncijfers, Rapportdeel
from ..teksten.standaard import HOOFDSTUKKEN, STAP

JAAR = 2024

# (naam, omschrijving, waarde, eenheid): figures of 2024 that the system does not register itself.
BENOEMD = [
    ("score_sociale_veiligheid", "Medewerkersonderzoek: sociale veiligheid", Decimal("7.9"), "rapportcijfer"),
    (
        "score_sociale_veiligheid_vorige",
        "Medewerkersonderzoek: sociale veiligheid (vorige meting)",
        Decimal("7.7"),
        "rapportcijfer",
    ),
    (
        "benchmark_sociale_veiligheid",
        "Medewerkersonderzoek: sociale veiligheid, benchmark Rijk",
        Decimal("7.7"),
        "rapportcijfer",
    ),
    ("score_inclusiviteit", "Medewerkersonderzoek: inclusiviteit", Decimal("7.0"), "rapportcijfer"),
    ("weet_bij_wie_terecht", "Medewerkers die weten bij wie ze terechtkunnen", Decimal("89"), "%"),
    (
        "getraind_bescherming",
        "Medewerkers die de training over bescherming afrondden (ten minste)",
        Decimal("25000"),
        "medewerkers",
    ),
    (
        "beoordeling_dag_integriteit",
        "Gemiddelde waardering Landelijke Dag van de Integriteit",
        Decimal("8.5"),
        "rapportcijfer",
    ),
    (
        "rekenkamer_normen_voldaan",
        "Algemene Rekenkamer: normen grotendeels tot volledig voldaan",
        Decimal("12"),
        "normen",
    ),
    ("rekenkamer_normen_deels", "Algemene Rekenkamer: normen deels voldaan", Decimal("3"), "normen"),
]

# (inhoud, omschrijving, gepubliceerd, naam in de export, toelichting): where the published 2024 report
# printed another figure than its own rows give.
GEPUBLICEERD = [
    ("infographic", "Niet betrokken medewerkers (infographic)", "40.846", "",
     "Het systeem rekent medewerkers min betrokkenen: 41.069 − 186 = 40.883."),
    ("infographic", "Schriftelijke berisping (infographic)", "6",
     "oif.afdoening.Schriftelijke berisping", ""),
    ("infographic", "Beëindiging tijdelijke arbeidsovereenkomst (infographic)", "5",
     "oif.afdoening.Beëindiging tijdelijke arbeidsovereenkomst, contract, stage", ""),
    ("infographic", "Leidinggevende als beklaagde (infographic vertrouwenspersonen)", "518 (gedaald)", "",
     "518 is alleen de direct leidinggevende; met de andere leidinggevenden samen zijn het er 683."),
    ("infographic", "Medewerker ander organisatieonderdeel (infographic vertrouwenspersonen)", "320",
     "vertrouwenspersonen.wie_betreft_de_melding.Medewerker ander organisatieonderdeel", ""),
    ("vertrouwenspersonen", "Aandeel ongewenste omgangsvormen in de adviesvragen", "56%", "",
     "683 van 1.200 is 57%."),
    ("per_onderdeel", "Agressie en geweld: afgehandeld in 2024", "zeven", "",
     "De uitkomsten tellen op tot tien."),
    ("per_onderdeel", "Pesten, treiteren, roddelen, buitensluiten: afgehandeld in 2024", "176", "",
     "De uitkomsten tellen op tot 167."),
]  # fmt: skip

TEKSTEN = {
    "Voorwoord": (
        "Dit verslag laat zien hoe het ministerie in {{ jaar }} met integriteit omging: welke vragen "
        "medewerkers stelden, welke vermoedens werden gemeld en wat daarmee gebeurde.\n\n"
        "Achter elk cijfer staat een collega die iets zag of meemaakte en de stap zette om erover te "
        "praten. Die bereidheid is de basis van een veilige organisatie. Wij danken iedereen die daaraan "
        "bijdroeg: melders, vertrouwenspersonen, leidinggevenden en de medewerkers van de "
        "integriteitsorganisatie."
    ),
    "Jaar in vogelvlucht": (
        "Het jaar in enkele getallen:\n\n"
        "- {{ vertrouwenspersonen.totaal }} adviesvragen bij de vertrouwenspersonen;\n"
        "- {{ oif.meldingen }} meldingen bij het Onderzoeksbureau Integriteit Financiën, en "
        "{{ oif.betrokkenen }} afgedane (vermoedelijke) schendingen;\n"
        "- {{ kerncijfers.klachtencommissie.ontvangen }} klachten bij de Klachtencommissie Ongewenste "
        "Omgangsvormen;\n"
        "- {{ kerncijfers.cif.meldingen }} meldingen bij de Commissie sociale veiligheid en integriteit."
    ),
    "Weergave integriteitsbeleid": (
        "Het integriteitsbeleid rust op drie pijlers: voorkomen, signaleren en handelen. Elk onderdeel "
        "heeft een eigen integriteitsorganisatie; de coördinatie ligt bij het kerndepartement.\n\n"
        "In {{ jaar }} toetste de Algemene Rekenkamer het beleid aan vijftien normen. Aan "
        "{{ benoemd.rekenkamer_normen_voldaan }} normen werd grotendeels of volledig voldaan, aan "
        "{{ benoemd.rekenkamer_normen_deels }} gedeeltelijk. De verbeterpunten zijn opgenomen in de "
        "plannen voor het komende jaar."
    ),
    "Melden van (vermoedelijke) integriteitsschendingen (OIF)": (
        "Het Onderzoeksbureau Integriteit Financiën registreert meldingen van vermoedelijke "
        "schendingen en doet zo nodig feitenonderzoek. De meeste meldingen komen binnen via de "
        "decentrale meldpunten van de onderdelen; medewerkers kunnen ook zelf melden, zo nodig "
        "anoniem.\n\n"
        "Niet elke melding leidt tot een maatregel: soms blijkt na onderzoek dat er geen schending was, "
        "of volstaat een gesprek met de leidinggevende."
    ),
    "Vertrouwenspersonen": (
        "Vertrouwenspersonen zijn het eerste aanspreekpunt voor medewerkers met een vraag of zorg over "
        "integriteit of omgangsvormen. Zij registreren elke adviesvraag anoniem in de Tellijst.\n\n"
        "Ongewenste omgangsvormen bleven het grootste onderwerp "
        "({{ vertrouwenspersonen.hoofdcategorie.Ongewenste omgangsvormen }}), "
        "gevolgd door problematiek rond personeel en organisatie "
        "({{ vertrouwenspersonen.hoofdcategorie.Problematiek personeel en organisatie }}). Vaak is één "
        "gesprek genoeg; soms verwijst de vertrouwenspersoon door naar een leidinggevende of een melding."
    ),
    "Klachtencommissie Ongewenste Omgangsvormen": (
        "Wie zich ongewenst behandeld voelt, kan een klacht indienen bij de onafhankelijke "
        "klachtencommissie. Een klacht die niet ontvankelijk is, gaat meestal over iets waarvoor een "
        "andere weg openstaat; de commissie wijst de klager dan op die weg."
    ),
    "Commissie sociale veiligheid en integriteit Financiën": (
        "De commissie besprak dit jaar haar werkwijze met de integriteitscoördinatoren, zodat melders "
        "eerder weten waar zij aan toe zijn."
    ),
    "Preventieve integriteitsactiviteiten": (
        "Voorkomen is beter dan onderzoeken. Het ministerie organiseerde dilemmasessies, "
        "introductiebijeenkomsten voor nieuwe medewerkers en een landelijke dag rond integriteit, die "
        "deelnemers gemiddeld met een {{ benoemd.beoordeling_dag_integriteit }} waardeerden.\n\n"
        "Een online training over bescherming van informatie en personen werd door ten minste "
        "{{ benoemd.getraind_bescherming }} medewerkers afgerond."
    ),
    "Integriteitsbeleving": (
        "Het medewerkersonderzoek meet hoe veilig medewerkers zich voelen. De score voor sociale "
        "veiligheid steeg van {{ benoemd.score_sociale_veiligheid_vorige }} naar "
        "{{ benoemd.score_sociale_veiligheid }}, boven het rijksgemiddelde van "
        "{{ benoemd.benchmark_sociale_veiligheid }}. Van de medewerkers zegt "
        "{{ benoemd.weet_bij_wie_terecht }}% te weten bij wie zij met een integriteitsvraag terechtkunnen."
    ),
    "Nevenwerkzaamheden": (
        "Medewerkers melden nevenwerkzaamheden die de belangen van het ministerie kunnen raken. De "
        "leidinggevende beoordeelt of de nevenwerkzaamheid verenigbaar is met de functie; de "
        "registraties per onderdeel staan hieronder."
    ),
    "Financiële belangen": (
        "Medewerkers in functies met een verhoogd risico melden hun financiële belangen en transacties. "
        "De onderdelen controleren deze meldingen steekproefsgewijs."
    ),
    "Screening": (
        "Voor vertrouwensfuncties geldt een veiligheidsonderzoek; voor overige functies vraagt het "
        "ministerie een verklaring omtrent het gedrag. Bij een functiewisseling wordt beoordeeld of een "
        "nieuwe screening nodig is."
    ),
    "Analyse": (
        "De cijfers laten een stabiel beeld zien: het aantal adviesvragen ({{ vertrouwenspersonen.totaal }}) "
        "ligt op het niveau van het vorige jaar en ongewenste omgangsvormen blijven het belangrijkste "
        "onderwerp. Dat medewerkers de vertrouwenspersonen weten te vinden, is een goed teken; dat "
        "leidinggevenden vaak de beklaagde zijn, vraagt aandacht."
    ),
    "Ambities": (
        "Voor het komende jaar staan drie dingen centraal:\n\n"
        "1. leidinggevenden beter toerusten om signalen op te pakken;\n"
        "2. de opvolging van meldingen sneller en zichtbaarder maken;\n"
        "3. de registratie van de vertrouwenspersonen verder verfijnen."
    ),
    "Infographic": "De belangrijkste cijfers van {{ jaar }} op een rij.",
    "Overzicht schendingen en afdoeningen": (
        "Per onderdeel de afgedane (vermoedelijke) schendingen van {{ jaar }} en hoe ze zijn afgedaan."
    ),
    "Jaarverslag vertrouwenspersonen": (
        "De adviesvragen van {{ jaar }} per onderdeel, naar onderwerp, beklaagde, afdoening en situatie "
        "na de interventie."
    ),
}


def teksten_laden() -> int:
    """Replace the 2024 structure by the demo chapters with their texts, and the named figures."""
    Rapportdeel.objects.filter(jaar=JAAR).delete()
    delen = Rapportdeel.objects.bulk_create(
        Rapportdeel(
            jaar=JAAR,
            volgorde=(i + 1) * STAP,
            titel=titel,
            inhoud=inhoud,
            bijlage=bijlage,
            tekst=TEKSTEN[titel],
        )
        for i, (titel, inhoud, bijlage) in enumerate(HOOFDSTUKKEN)
    )
    kern = Kerncijfers.objects.get(jaar=JAAR)
    BenoemdKerncijfer.objects.filter(kerncijfers=kern).delete()
    BenoemdKerncijfer.objects.bulk_create(
        BenoemdKerncijfer(
            kerncijfers=kern, naam=naam, omschrijving=omschrijving, waarde=waarde, eenheid=eenheid, volgorde=i
        )
        for i, (naam, omschrijving, waarde, eenheid) in enumerate(BENOEMD, start=1)
    )
    GepubliceerdCijfer.objects.filter(jaar=JAAR).delete()
    GepubliceerdCijfer.objects.bulk_create(
        GepubliceerdCijfer(jaar=JAAR, inhoud=i, omschrijving=o, gepubliceerd=g, naam=n, toelichting=t)
        for i, o, g, n, t in GEPUBLICEERD
    )
    return len(delen)
