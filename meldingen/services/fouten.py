"""Error texts of the meldingen services, as constants so that forms and tests use the same words."""

from finintegriteit.kern.teksten import (  # noqa: F401 (shown by the meldingen services too)
    DATUM_IN_TOEKOMST,
    DATUM_VOOR_ONTVANGST,
    NIET_IN_GEBRUIK,
    REDEN_VERPLICHT,
)

MELDING_AFGEDAAN = "Deze melding is afgedaan en kan niet meer worden gewijzigd. Heropen haar eerst."
OVERGANG_NIET_TOEGESTAAN = "Van ‘{van}’ naar ‘{naar}’ is geen toegestane statuswijziging."
ZONDER_BETROKKENEN_REDEN = "Geef een reden om een melding zonder betrokkenen af te doen."
NIET_AFGEDAAN = "Alleen een afgedane melding kan worden heropend."
GEEN_RECHT_HEROPENEN = "U hebt niet het recht om een afgedane melding te heropenen."
GEEN_RECHT_IDENTITEIT = "U hebt niet het recht om de identiteit van de melder in te zien."
JAAR_VAST = (
    "Het jaar van ontvangst bepaalt het meldingsnummer en kan niet meer veranderen ({jaar}). "
    "Kies een datum in {jaar}."
)
BEHANDELAAR_GEEN_ANALIST = "De behandelaar moet een OIF-analist zijn."
GEEN_KLOKKENLUIDERSMELDING = (
    "Termijnen gelden alleen voor een melding van een misstand (Klokkenluidersregeling)."
)
TERUGKOPPELING_VOOR_BEVESTIGING = "De terugkoppeling ligt vóór de ontvangstbevestiging."
BEWAREN_REDEN_VERPLICHT = (
    "Geef de reden waarom deze zaak niet vernietigd mag worden, bijvoorbeeld een lopende procedure."
)
AL_GEWIST = "De persoonsgegevens van deze melding zijn al gewist; er valt niets meer te bewaren."
AANTEKENING_LEEG = "Schrijf een aantekening."
AANTEKENING_TE_LANG = "Een aantekening is hoogstens {max} tekens; verdeel de tekst over meer aantekeningen."
AANTEKENING_ANDERE_MELDING = "De aantekening die u corrigeert hoort bij een andere melding."
DOCUMENT_TE_GROOT = "Het bestand is te groot; het maximum is {maximum} MB."
DOCUMENT_LEEG = "Het bestand is leeg."
# {uitleg}: why the cleaning failed (meldingen/metadata.py), in the melder's words.
BIJLAGE_NIET_OP_TE_SCHONEN = (
    "{uitleg} Daarom is het niet meegestuurd: er kan uw naam in staan. Sla het opnieuw op (een PDF "
    "bijvoorbeeld met Afdrukken en dan Opslaan als PDF) en voeg het opnieuw toe, of laat het weg."
)
DOCUMENT_SOORT = (
    "Dit bestand wordt niet geaccepteerd: de inhoud is geen document van een toegestane soort, of past "
    "niet bij de naam. Toegestaan: {toegestaan}."
)
ONDERZOEK_CORRECTIE_NIET_MOGELIJK = (
    "Het type onderzoek kan alleen worden gecorrigeerd als de melding al in onderzoek is, "
    "naar een ander type."
)
BETROKKENE_HEEFT_AFDOENING = (
    "Deze betrokkene heeft een afdoening. Trek eerst de afdoening in; daarna kan de betrokkene "
    "worden verwijderd."
)
DUPLICAAT_ONBEKEND = "Er is geen melding met dit nummer die u kunt zien."
DUPLICAAT_VAN_ZICHZELF = "Een melding kan geen duplicaat van zichzelf zijn."
DUPLICAAT_VAN_DUPLICAAT = "{nummer} is zelf een duplicaat van {origineel}; kies {origineel}."
DUPLICAAT_HEEFT_DUPLICATEN = (
    "Andere meldingen zijn als duplicaat van deze melding gemarkeerd; deze melding is het origineel."
)
DUPLICAAT_HEEFT_AFDOENING = (
    "Een betrokkene van deze melding heeft een afdoening, die in de jaarcijfers zou tellen. Trek de "
    "afdoening eerst in of leg haar vast bij het origineel."
)
AFSCHERMING_GEEN_RECHT = (
    "Alleen de behandelaar en de teamleider kunnen een melding afschermen of de afscherming opheffen."
)
AFSCHERMING_ONGEWIJZIGD = "De melding is al {stand}."
AFSCHERMING_ORIGINEEL_AFGESCHERMD = (
    "Deze melding is een duplicaat van {nummer}, en die is afgeschermd: opgeheven zou deze melding die zaak "
    "aan elke analist tonen. Hef eerst de afscherming van {nummer} op, of laat de afscherming staan."
)
CONTACT_GEEN_DATUM = "Vul de datum in, of laat ook ‘hoe’ leeg."
CONTACT_GEEN_WIJZE = "Kies hoe de melder dit kreeg."
