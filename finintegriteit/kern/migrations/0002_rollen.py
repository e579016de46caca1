from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe

TAXONOMIEEN = [
    "onderdeel", "hoofdcategorie", "subcategorie", "wiebetreft", "wijzevanafdoening",
    "situatienainterventie", "meldertype", "schendingsoort", "onderzoektype", "afdoeningtype",
]


def rollen(apps, schema_editor):
    beheer = [f"referentie.{actie}_{model}" for model in TAXONOMIEEN for actie in ("view", "add", "change", "delete")]
    beheer += ["kern.view_profiel", "kern.add_profiel", "kern.change_profiel"]
    ken_rechten_toe(
        apps,
        {
            "OIF-analist": [
                "meldingen.view_melding", "meldingen.add_melding", "meldingen.change_melding",
                "meldingen.view_betrokkene", "meldingen.add_betrokkene", "meldingen.change_betrokkene",
                "afdoeningen.view_afdoening", "afdoeningen.add_afdoening", "afdoeningen.change_afdoening",
            ],
            "Vertrouwenspersoon": [
                "vertrouwenspersonen.add_adviesvraag", "vertrouwenspersonen.change_adviesvraag",
            ],
            "Integriteitscoördinator": [],
            "Functioneel beheerder": beheer,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kern", "0001_initial"),
        ("referentie", "0002_taxonomie_2024"),
        ("meldingen", "0001_initial"),
        ("afdoeningen", "0001_initial"),
        ("vertrouwenspersonen", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(rollen, migrations.RunPython.noop)]
