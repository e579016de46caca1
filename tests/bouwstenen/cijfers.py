"""Hand-built figures in the documented shape (docs/cijfers.md): a small year in which the test knows
every number, for the PDF and the dashboard without counting in the database."""

from datetime import date

JAREN = [2022, 2023, 2024]


def driejaars(label, aantallen, totalen=(100, 110, 120), in_gebruik=(True, True, True), **extra):
    waarden = [
        {"jaar": j, "aantal": a, "procent": round(a * 100 / t), "in_gebruik": g, **extra}
        for j, a, t, g in zip(JAREN, aantallen, totalen, in_gebruik, strict=True)
    ]
    return {
        "code": label.lower(),
        "label": label,
        "aantal": aantallen[-1],
        "procent": waarden[-1]["procent"],
        "vorig_jaar": aantallen[-2],
        "pijl": "↑" if aantallen[-1] > aantallen[-2] else "↓" if aantallen[-1] < aantallen[-2] else "=",
        "in_gebruik": in_gebruik[-1],
        "waarden": waarden,
        **extra,
    }


def rij(label, aantal, procent=None, vorig=0, pijl="="):
    return {
        "code": label.lower(),
        "label": label,
        "aantal": aantal,
        "procent": procent,
        "vorig_jaar": vorig,
        "pijl": pijl,
    }


def klein_cijfers() -> dict:
    oo = driejaars("Ongewenste omgangsvormen", [60, 70, 83], nummer=5, uitsplitsen=True)
    oo["subcategorieen"] = [
        driejaars("Intimidatie", [40, 45, 57], procent_van_hoofdcategorie=69),
        driejaars("Discriminatie", [20, 25, 26], procent_van_hoofdcategorie=31),
    ]
    po = driejaars("Problematiek personeel en organisatie", [40, 40, 37], nummer=8, uitsplitsen=True)
    po["subcategorieen"] = [driejaars("Arbeidsconflict", [40, 40, 37], procent_van_hoofdcategorie=100)]
    leiding = driejaars("Leidinggevende", [30, 35, 0], in_gebruik=(True, True, False))
    direct = driejaars("Direct leidinggevende", [0, 0, 41], in_gebruik=(False, False, True))
    anders = driejaars("Andere leidinggevende", [0, 0, 13], in_gebruik=(False, False, True))
    collega = driejaars("Collega eigen organisatieonderdeel", [70, 75, 66])
    groep = driejaars("Leidinggevende", [30, 35, 54])
    groep.update(
        code="groep:Leidinggevende",
        opties=["Leidinggevende", "Direct leidinggevende", "Andere leidinggevende"],
        voetnoot="Vanaf 2024 worden direct leidinggevende en andere leidinggevende apart geteld.",
    )
    return {
        "jaar": 2024,
        "jaren": JAREN,
        "onderdeel": None,
        "onderdeel_code": None,
        "drempel": 0,
        # Every year has data here, so every table shows last year (see test_jaren_zonder_gegevens.py).
        "jaren_met_gegevens": {
            "tellijst": JAREN,
            "oif_meldingen": [2023, 2024],
            "oif_afdoeningen": [2023, 2024],
        },
        "vertrouwenspersonen": {
            "totaal": 120,
            "per_onderdeel": {"Belastingdienst": 90, "Douane": 30},
            "totalen": [
                {"jaar": 2022, "aantal": 100},
                {"jaar": 2023, "aantal": 110},
                {"jaar": 2024, "aantal": 120},
            ],
            "bijlage1": {
                "aard": [oo, po],
                "wie_betreft_de_melding": [leiding, direct, anders, collega],
                "wijze_van_afdoening": [driejaars("Klankbordgesprek/advies", [100, 110, 120])],
                "situatie_na_interventie": [driejaars("Loopt nog", [100, 110, 120])],
            },
            "vergelijkingsgroepen": {"wie_betreft_de_melding": [groep]},
            "per_onderdeel_tabel": {
                "kolommen": [
                    {"code": "belastingdienst", "label": "Belastingdienst"},
                    {"code": "douane", "label": "Douane"},
                ],
                "totaal": {"cellen": [90, 30], "aantal": 120},
                "aard": [
                    {
                        "code": "oo",
                        "label": "Ongewenste omgangsvormen",
                        "nummer": 5,
                        "cellen": [61, 22],
                        "aantal": 83,
                        "subcategorieen": [],
                    }
                ],
                "wie_betreft_de_melding": [],
                "wijze_van_afdoening": [],
                "situatie_na_interventie": [],
            },
            "afhandeling_per_subcategorie": [
                {
                    "code": "ongewenste omgangsvormen",
                    "label": "Ongewenste omgangsvormen",
                    "nummer": 5,
                    "subcategorieen": [
                        {
                            "code": "intimidatie",
                            "label": "Intimidatie",
                            "totaal": 57,
                            "afgehandeld": 47,
                            "loopt_door": 10,
                            "genormaliseerd": 20,
                            "niet_genormaliseerd": 19,
                            "onbekend": 8,
                        }
                    ],
                }
            ],
        },
        "oif": {
            "meldingen": 214,
            "betrokkenen": 186,
            "maatregelen": 86,
            "misstanden": 2,
            "schending": {"Ongewenste omgangsvormen": 120, "Ongepaste communicatie": 66},
            "maatregelen_per_onderdeel": {"Belastingdienst": 54, "Douane": 32},
            "tabellen": {
                "melder": [
                    rij("Decentrale meldpunten", 146, 68, 120, "↑"),
                    rij("Management", 67, 31, 70, "↓"),
                    rij("Anoniem", 1, 0, 2, "↓"),
                ],
                "onderwerp": [rij("Ongewenste omgangsvormen", 214, 100, 200, "↑")],
                "onderzoek": [rij("Geen onderzoek", 170, 91), rij("Volledig feitenonderzoek", 16, 9)],
                "feitenonderzoek": [rij("Ongewenste omgangsvormen", 16, 100)],
                "schending": [
                    rij("Ongewenste omgangsvormen", 120, 65),
                    rij("Ongepaste communicatie", 66, 35),
                ],
                "afdoening": [rij("Geen afdoening/actie", 100, 54), rij("Schriftelijke berisping", 86, 46)],
                "afdoening_klasse": [
                    {**rij("Geen afdoening", 100, 54), "code": "geen afdoening"},
                    {**rij("Niet-disciplinair", 66, 35), "code": "niet-disciplinair"},
                    {**rij("Disciplinair", 20, 11), "code": "disciplinair"},
                ],
                "maatregelen_klasse": [rij("Niet-disciplinair", 66, 77), rij("Disciplinair", 20, 23)],
                "maatregelen_per_onderdeel": [rij("Belastingdienst", 54, 63), rij("Douane", 32, 37)],
            },
            "bijlage2": [
                {
                    "dienstonderdeel": "Belastingdienst",
                    "schending": "Ongewenste omgangsvormen",
                    "inhoud": "Medewerker heeft zich grensoverschrijdend gedragen.",
                    "afdoening": "Geen afdoening/actie",
                },
                {
                    "dienstonderdeel": "Douane",
                    "schending": "Ongepaste communicatie",
                    "inhoud": '=HYPERLINK("x") is tekst, geen formule.',
                    "afdoening": "Schriftelijke berisping",
                },
            ],
        },
        "kerncijfers": {
            "ingevoerd": True,
            "medewerkers": {"totaal": 41069, "per_onderdeel": {}, "niet_betrokken": 40883},
            "nevenwerkzaamheden": {
                "rijen": [{"label": "DG Belastingdienst", "aantal": 3327}],
                "totaal": 3327,
            },
            "klachtencommissie": {
                "ontvangen": 17,
                "ontvankelijk": 6,
                "niet_ontvankelijk": 11,
                "onderwerpen": [{"label": "intimidatie", "aantal": 3}],
                "uitkomsten": [{"label": "ongegrond verklaard", "aantal": 1}],
                "uitkomst_niet_vermeld": 5,
            },
            "cif": {
                "meldingen": 21,
                "categorieen": [{"label": "Arbeidsrechtelijk geschil", "aantal": 6}],
                "niet_toegewezen": 15,
            },
            "register": {
                "peildatum": date(2025, 2, 25),
                "totaal": 76,
                "per_status": {"LVV-registervertrouwenspersoon": 54},
            },
        },
    }
