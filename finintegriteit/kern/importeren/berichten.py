"""Every message of the spreadsheet imports that is not about one import's own rules, in one place.

Tests import these constants, so a text changes here and nowhere else.
"""

# The file as a whole.
LEEG = "Het bestand is leeg."
ONBEKEND_FORMAAT = (
    "Dit is geen .xlsx- of .csv-bestand. Sla het op als Excel-werkmap (.xlsx) of als CSV (UTF-8)."
)
ONLEESBARE_TEKST = (
    "Het bestand is geen geldige UTF-8-tekst (regel {regel}). "
    "Sla het op als 'CSV UTF-8 (door komma's gescheiden)'."
)
EXCEL_ONLEESBAAR = "Het Excel-bestand kan niet worden gelezen. Sla het opnieuw op als Excel-werkmap (.xlsx)."
EXCEL_MEER_BLADEN = (
    "Het Excel-bestand heeft meer dan één werkblad met deze kolommen ({bladen}). Er wordt maar één "
    "werkblad ingelezen: zet alle rijen op één werkblad, of sla elk werkblad op als een eigen bestand."
)
EXCEL_GEEN_BLAD = "Het Excel-bestand heeft geen zichtbaar werkblad."
CSV_ONLEESBAAR = "Het CSV-bestand kan niet worden gelezen op regel {regel}: {reden}."
GEEN_KOPREGEL = "Het bestand heeft geen kopregel."
GEEN_REGELS = "Het bestand bevat geen {wat} onder de kopregel."

# Limits, checked before and while reading.
TE_GROOT = "Het bestand is te groot ({grootte} MB); het maximum is {maximum} MB."
TE_GROOT_UITGEPAKT = (
    "De Excel-werkmap is uitgepakt te groot ({grootte} MB; het maximum is {maximum} MB). "
    "Sla alleen de gegevens op als .xlsx of .csv, zonder opmaak, afbeeldingen of extra bladen."
)
TE_VEEL_DELEN = (
    "De Excel-werkmap bestaat uit te veel onderdelen ({aantal}; het maximum is {maximum}). "
    "Sla alleen de gegevens op als .xlsx of .csv."
)
TE_VEEL_REGELS = "Het bestand heeft meer dan {maximum} regels. Splits het in kleinere bestanden."

# The header row.
KOLOM_DUBBEL = "De kolom '{kolom}' staat meer dan eens in de kopregel."
KOLOM_ONBEKEND = "Onbekende kolom '{kolom}'. Gebruik precies de kolommen van het sjabloon."
KOLOM_ZONDER_NAAM = "Kolom {nummer} heeft geen naam in de kopregel."
KOLOM_ONTBREEKT = "De kolom '{kolom}' ontbreekt in de kopregel."
ANDER_BESTAND = (
    "Dit lijkt een ander soort bestand: maar {gevonden} van de {verwacht} kolommen van het sjabloon staan "
    "in de kopregel. Gebruik het sjabloon van deze import."
)
WAARDE_ZONDER_KOLOM = "Deze regel heeft een waarde in kolom {nummer}, waar de kopregel geen kolom heeft."

# Cells.
ONBEKENDE_WAARDE = "Onbekende waarde."
BEDOELDE_U = "Bedoelde u '{label}'?"
VOORBEELDREGEL = (
    "Dit is de voorbeeldregel van het sjabloon. Vervang haar door echte gegevens of verwijder haar."
)

# The flow: preview, confirmation, earlier imports.
NIETS_TE_IMPORTEREN = "Er wacht geen gecontroleerd bestand (meer). Upload het bestand opnieuw."
AL_GEIMPORTEERD = (
    "Dit bestand is al eerder geïmporteerd: op {datum}, {rijen} regels. Een tweede import telt dezelfde "
    "gevallen dubbel. Bevestig alleen als u dat echt bedoelt."
)
AL_GEIMPORTEERD_OPDRACHT = (
    "Dit bestand is al eerder geïmporteerd: op {datum}, {rijen} regels. Er is niets opgeslagen. "
    "Gebruik --opnieuw als u het echt nog een keer wilt importeren."
)
GEANNULEERD = "De import is geannuleerd. Er is niets opgeslagen en het bestand is verwijderd."
MISLUKT = (
    "De import is niet gelukt; er is niets opgeslagen. Probeer het opnieuw of neem contact op met de "
    "beheerder."
)
VERLOPEN = (
    "De import is afgebroken (de verwerking stopte); er is niets opgeslagen. Upload het bestand opnieuw."
)

# The request as a whole (before any view reads it).
VERZOEK_TE_GROOT = "Wat u verstuurde, is samen {grootte} MB; dat mag hoogstens {maximum} MB zijn."
# Where files may be sent: the limit the form names, not the request's (that has room for the form).
BESTANDEN_TE_GROOT = (
    "Wat u verstuurde, is samen {grootte} MB; bestanden mogen samen hoogstens {maximum} MB zijn."
)
TEKST_TE_GROOT = "De tekst in het formulier is te lang: samen mag die hoogstens {maximum} MB zijn."


def mb(aantal: int) -> str:
    """Bytes as megabytes with a Dutch decimal comma: 10485760 -> '10,0'."""
    return f"{aantal / (1024 * 1024):.1f}".replace(".", ",")
