from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe


def rechten(apps, schema_editor):
    # A vertrouwenspersoon removes a row they registered by mistake (only their own: the selector scopes it).
    ken_rechten_toe(apps, {"Vertrouwenspersoon": ["vertrouwenspersonen.delete_adviesvraag"]})


class Migration(migrations.Migration):
    dependencies = [("vertrouwenspersonen", "0003_rechten")]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
