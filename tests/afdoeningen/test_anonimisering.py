"""The 'inhoud' goes into the published annual report: no names, personnel numbers or e-mail addresses."""

import pytest

from afdoeningen.anonimisering import (
    BEVAT_EMAIL,
    BEVAT_MELDERGEGEVEN,
    BEVAT_NAAM,
    BEVAT_NUMMERREEKS,
    BEVAT_PERSONEELSNUMMER,
    naamvormen,
    persoonsgegevens_in,
)
from afdoeningen.selectors import inhoud_problemen


@pytest.mark.parametrize(
    ("tekst", "gevonden"),
    [
        ("Jan de Vries heeft zich ongepast geuit.", "Jan de Vries"),
        ("jan DE vries heeft zich ongepast geuit.", "jan DE vries"),
        ("De heer De Vries heeft zich ongepast geuit.", "De Vries"),
        ("Gesprek met Vries over zijn gedrag.", "Vries"),
        ("Gesprek met Vriës over zijn gedrag.", "Vriës"),
        ("Melding over (Vries) en collega's.", "Vries"),
    ],
)
def test_naam_en_achternaam_van_de_betrokkene_worden_geweigerd(tekst, gevonden):
    assert persoonsgegevens_in(tekst, namen=["Jan de Vries"]) == [BEVAT_NAAM.format(woord=gevonden)]


@pytest.mark.parametrize(
    "tekst",
    [
        "Betrokkene heeft de regels omtrent nevenwerkzaamheden niet in acht genomen.",
        "Medewerker heeft zich niet gehouden aan interne regels.",
        # Whole words only: 'Jansen' and 'Vriesland' are not 'Jan' or 'Vries'.
        "Betrokkene heeft contact gehad met Jansen uit Vriesland.",
        # A first name alone is not matched (too often an ordinary word; identifies no one alone).
        "Jan heeft gebeld.",
    ],
)
def test_legitieme_tekst_wordt_geaccepteerd(tekst):
    assert persoonsgegevens_in(tekst, namen=["Jan de Vries"], personeelsnummers=["1234567"]) == []


def test_dubbele_achternaam_en_achternaam_voorop():
    assert persoonsgegevens_in("Bakker is gewaarschuwd.", namen=["Anna Groot-Bakker"])
    assert persoonsgegevens_in("Groot is gewaarschuwd.", namen=["Anna Groot-Bakker"])
    assert persoonsgegevens_in("Door Vries gemeld.", namen=["Vries, Jan de"])
    assert persoonsgegevens_in("Door de Vries gemeld.", namen=["Vries, Jan de"])


def test_korte_achternaam_alleen_als_volledige_naam():
    # 'Li' on its own is too short to refuse every text containing the word 'li'.
    assert naamvormen("Wei Li") == [["wei", "li"]]
    assert persoonsgegevens_in("Zie Li.", namen=["Wei Li"]) == []
    assert persoonsgegevens_in("Wei Li is gehoord.", namen=["Wei Li"])


def test_een_naam_van_een_deel_wordt_als_geheel_gezocht():
    assert persoonsgegevens_in("Bakker is gehoord.", namen=["Bakker"])
    assert persoonsgegevens_in("Bakkerij is gesloten.", namen=["Bakker"]) == []


def test_tussenvoegsels_alleen_zijn_geen_naam():
    assert persoonsgegevens_in("Hij heeft van de regels afgeweken.", namen=["Piet van der Berg"]) == []


def test_personeelsnummer_ook_met_scheidingstekens():
    assert persoonsgegevens_in("Nummer 1234567 betrokken.", personeelsnummers=["1234567"]) == [
        BEVAT_PERSONEELSNUMMER
    ]
    assert persoonsgegevens_in("Nummer 123-45-67 betrokken.", personeelsnummers=["1234567"]) == [
        BEVAT_PERSONEELSNUMMER
    ]
    assert persoonsgegevens_in("Personeelsnummer ab123 gebruikt.", personeelsnummers=["AB123"]) == [
        BEVAT_PERSONEELSNUMMER
    ]


def test_lange_cijferreeks_lijkt_op_een_persoonsnummer():
    assert persoonsgegevens_in("BSN 123456789 geraadpleegd.") == [
        BEVAT_NUMMERREEKS.format(aantal=9, reeks="123456789")
    ]
    assert persoonsgegevens_in("In 2024 twaalf keer geraadpleegd.") == []


def test_e_mailadres_wordt_geweigerd():
    assert persoonsgegevens_in("Mail naar j.devries@minfin.nl gestuurd.") == [
        BEVAT_EMAIL.format(adres="j.devries@minfin.nl")
    ]


def test_gegevens_van_de_melder_worden_geweigerd_zonder_ze_te_noemen():
    problemen = persoonsgegevens_in(
        "Gemeld door Karel Appel, 06-12345678.", melder_namen=["Karel Appel"], melder_gegevens=["06-12345678"]
    )
    assert problemen[0] == BEVAT_MELDERGEGEVEN
    assert "Appel" not in " ".join(problemen)
    assert persoonsgegevens_in("Bel 06 12345678.", melder_gegevens=["06-12345678"])[0] == BEVAT_MELDERGEGEVEN


def test_alle_betrokkenen_van_de_melding_tellen_mee(maak_melding):
    melding = maak_melding(betrokkenen=["Jan de Vries", "Fatima El Amrani"])
    assert inhoud_problemen(inhoud="Samen met El Amrani gehandeld.", melding=melding, met_melder=False) == [
        BEVAT_NAAM.format(woord="El Amrani")
    ]
    assert inhoud_problemen(inhoud="Samen met Amrani gehandeld.", melding=melding, met_melder=False)
    assert (
        inhoud_problemen(inhoud="Ongewenste omgangsvormen medewerker.", melding=melding, met_melder=False)
        == []
    )


def test_standaardomschrijving_wordt_altijd_geaccepteerd(maak_melding):
    # A betrokkene called 'Medewerker' cannot make the published phrase personal.
    melding = maak_melding(betrokkenen=["Piet Medewerker"])
    assert (
        inhoud_problemen(inhoud="Ongewenste omgangsvormen medewerker.", melding=melding, met_melder=False)
        == []
    )
    assert inhoud_problemen(
        inhoud="Ongewenste omgangsvormen door medewerker.", melding=melding, met_melder=False
    )


def test_standaardomschrijvingen_komen_uit_bijlage_2(db):
    from afdoeningen.models import StandaardInhoud

    teksten = set(StandaardInhoud.objects.values_list("tekst", flat=True))
    assert len(teksten) == 27
    assert "Medewerker heeft zich niet gehouden aan interne regels." in teksten
    assert "Familielid van betrokkene wordt verdacht van strafbare feiten." in teksten


def test_beheerder_beheert_de_standaardomschrijvingen(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/beheer/afdoeningen/standaardinhoud/").status_code == 200
    assert (
        client.post(
            "/beheer/afdoeningen/standaardinhoud/add/",
            {"tekst": "Betrokkene heeft gelogen.", "volgorde": 5, "actief": "on"},
        ).status_code
        == 302
    )


def test_achternaam_die_een_gewoon_woord_is_geeft_bewust_vals_alarm():
    """Documented trade-off: better to rephrase once than to publish a surname."""
    assert persoonsgegevens_in("Dit is meer dan eens gebeurd.", namen=["Kees van der Meer"])
    assert persoonsgegevens_in("Er is grote schade ontstaan.", namen=["Els de Groot"]) == []
    assert persoonsgegevens_in("Er is een groot risico ontstaan.", namen=["Els de Groot"])


@pytest.mark.parametrize(
    "tekst", ["Bel 06-12345678.", "Tel. 070 123 45 67", "Via +31 (0)6 1234 5678 gebeld", "06 12 34 56 78"]
)
def test_telefoonnummer_wordt_zonder_melder_geweigerd(tekst):
    assert persoonsgegevens_in(tekst)[0].startswith("De omschrijving bevat iets dat op een telefoonnummer")


def test_jaartallen_zijn_geen_telefoonnummer():
    assert persoonsgegevens_in("In 2022 2023 2024 herhaald.") == []
