"""The default structure of the jaarrapportage: the chapters of the published report, without texts.

A year without a structure of its own starts from the previous year's (titles and texts); only the
first year ever starts here.
"""

# A chapter's own fields, apart from its year: what the coordinator edits, what a new year takes over
# from the previous one, and what the vaststelling freezes.
VELDEN = ("volgorde", "niveau", "bijlage", "titel", "inhoud", "tekst")

# (titel, gegenereerde inhoud, bijlage)
HOOFDSTUKKEN = [
    ("Voorwoord", "", False),
    ("Jaar in vogelvlucht", "kerncijfers", False),
    ("Weergave integriteitsbeleid", "", False),
    ("Melden van (vermoedelijke) integriteitsschendingen (OIF)", "oif", False),
    ("Vertrouwenspersonen", "vertrouwenspersonen", False),
    ("Klachtencommissie Ongewenste Omgangsvormen", "klachtencommissie", False),
    ("Commissie sociale veiligheid en integriteit Financiën", "cif", False),
    ("Preventieve integriteitsactiviteiten", "", False),
    ("Integriteitsbeleving", "benoemde_kerncijfers", False),
    ("Nevenwerkzaamheden", "nevenwerkzaamheden", False),
    ("Financiële belangen", "", False),
    ("Screening", "", False),
    ("Analyse", "", False),
    ("Ambities", "", False),
    ("Infographic", "infographic", True),
    ("Overzicht schendingen en afdoeningen", "bijlage2", True),
    ("Jaarverslag vertrouwenspersonen", "per_onderdeel", True),
]
STAP = 10  # room between chapters, so a section can go in between without renumbering
