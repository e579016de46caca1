"""Seeds the taxonomies as the Jaarrapportage integriteit 2024 uses them (data/taxonomie_2024.json).

The JSON file is frozen with this migration: later changes to options go through the admin or a new
migration, never by editing that file.
"""

import json
from pathlib import Path

from django.db import migrations

BESTAND = Path(__file__).resolve().parent.parent / "data" / "taxonomie_2024.json"

MODELLEN = {
    "onderdeel": "Onderdeel",
    "hoofdcategorie": "Hoofdcategorie",
    "subcategorie": "Subcategorie",
    "wie_betreft": "WieBetreft",
    "wijze_van_afdoening": "WijzeVanAfdoening",
    "situatie_na_interventie": "SituatieNaInterventie",
    "melder_type": "MelderType",
    "schending_soort": "SchendingSoort",
    "onderzoek_type": "OnderzoekType",
    "afdoening_type": "AfdoeningType",
}


def laad(apps, schema_editor):
    data = json.loads(BESTAND.read_text(encoding="utf-8"))
    Hoofdcategorie = apps.get_model("referentie", "Hoofdcategorie")
    for sleutel, modelnaam in MODELLEN.items():
        model = apps.get_model("referentie", modelnaam)
        for rij in data[sleutel]:
            rij = dict(rij)
            if sleutel == "subcategorie":
                rij["hoofdcategorie"] = Hoofdcategorie.objects.get(code=rij["hoofdcategorie"])
            model.objects.update_or_create(code=rij.pop("code"), defaults=rij)


class Migration(migrations.Migration):
    dependencies = [("referentie", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
