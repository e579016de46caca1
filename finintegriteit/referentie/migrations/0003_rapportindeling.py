"""Display rules of the report as data on the taxonomy: which hoofdcategorieën the report splits out
(their own paragraph, infographic block and breakdown by beklaagde), and which options of 'wie betreft
de melding' form the groups of beklaagden. Set for the existing rows by code, as the published report
of 2024 has them.
"""

from django.db import migrations, models

UITGESPLITST = ["ongewenste-omgangsvormen", "problematiek-personeel-en-organisatie"]
BEKLAAGDENGROEPEN = {
    "leidinggevende": ["leidinggevende", "direct-leidinggevende", "andere-leidinggevende"],
    "collega": ["collega-eigen-organisatieonderdeel", "medewerker-ander-organisatieonderdeel"],
}


def vullen(apps, schema_editor):
    Hoofdcategorie = apps.get_model("referentie", "Hoofdcategorie")
    WieBetreft = apps.get_model("referentie", "WieBetreft")
    Hoofdcategorie.objects.filter(code__in=UITGESPLITST).update(uitsplitsen=True)
    for groep, codes in BEKLAAGDENGROEPEN.items():
        WieBetreft.objects.filter(code__in=codes).update(beklaagdengroep=groep)


class Migration(migrations.Migration):
    dependencies = [("referentie", "0002_taxonomie_2024")]

    operations = [
        migrations.AddField(
            model_name="hoofdcategorie",
            name="uitsplitsen",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Het rapport geeft deze hoofdcategorie een eigen paragraaf met haar subcategorieën, toont "
                    "ze in de infographic per subcategorie en splitst ze uit naar beklaagde."
                ),
                verbose_name="in het rapport uitgesplitst",
            ),
        ),
        migrations.AddField(
            model_name="wiebetreft",
            name="beklaagdengroep",
            field=models.CharField(
                blank=True,
                choices=[
                    ("leidinggevende", "Leidinggevende"),
                    ("collega", "Collega of medewerker van een ander organisatieonderdeel"),
                ],
                help_text=(
                    "Het rapport toont de aard van de adviesvragen per groep van beklaagden; leeg: in geen "
                    "groep (bijv. Melder zelf)."
                ),
                max_length=20,
                verbose_name="beklaagdengroep",
            ),
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]
