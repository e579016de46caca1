"""Tellijst rows lose the user id and the sequential id.

1. Every row gets a keyed pseudonym of the user who registered it (HMAC with settings.TELLIJST_SLEUTEL,
   read now: the key in force when the migration runs) and a random UUID.
2. The user column and the integer id are dropped; the UUID becomes the primary key.

The HMAC is frozen here on purpose: a migration must not depend on code that may change later.
Rows whose user was already deleted get an empty pseudonym: they belong to nobody.

Going back restores the columns but not the owners (the pseudonym cannot be turned back into a user
id without trying every account, and should not be): the rows then belong to nobody.
"""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.db import migrations, models


def _pseudoniem(sleutel: str, gebruiker_id: int) -> str:
    return hmac.new(
        sleutel.encode(), f"tellijst-eigenaar:{gebruiker_id}".encode(), hashlib.sha256
    ).hexdigest()


def pseudoniemen_vullen(apps, schema_editor):
    Adviesvraag = apps.get_model("vertrouwenspersonen", "Adviesvraag")
    sleutel = settings.TELLIJST_SLEUTEL
    rijen = Adviesvraag.objects.only("pk", "geregistreerd_door_id")
    gewijzigd = []
    for rij in rijen.iterator(chunk_size=2000):
        door = rij.geregistreerd_door_id
        rij.pseudoniem = _pseudoniem(sleutel, door) if door is not None else ""
        rij.nieuw_id = uuid.uuid4()
        gewijzigd.append(rij)
        if len(gewijzigd) >= 2000:
            Adviesvraag.objects.bulk_update(gewijzigd, ["pseudoniem", "nieuw_id"])
            gewijzigd = []
    Adviesvraag.objects.bulk_update(gewijzigd, ["pseudoniem", "nieuw_id"])


def primaire_sleutel_loslaten(apps, schema_editor):
    """Drop the table's primary key constraint, so another column can take its place.

    Needed on PostgreSQL before the UUID replaces the integer id (and back); SQLite rebuilds the
    table on the next step and replaces the key itself.
    """
    if schema_editor.connection.vendor == "sqlite":
        return
    tabel = apps.get_model("vertrouwenspersonen", "Adviesvraag")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        beperkingen = schema_editor.connection.introspection.get_constraints(cursor, tabel)
    for naam, beperking in beperkingen.items():
        if beperking["primary_key"]:
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(tabel)} DROP CONSTRAINT {schema_editor.quote_name(naam)}"
            )


def niets_terug_te_zetten(apps, schema_editor):
    """The reverse of a conversion step. Not RunPython.noop on purpose: steps whose reverse is noop
    count as data seeds that may be re-run on the current schema (tests re-seed after a flush), and
    these steps only make sense at this point in the migration history."""


class Migration(migrations.Migration):
    dependencies = [("vertrouwenspersonen", "0004_verwijderrecht")]

    operations = [
        migrations.AddField(
            model_name="adviesvraag",
            name="pseudoniem",
            field=models.CharField(
                default="",
                help_text="Sleutel-HMAC van het gebruikers-id; zonder de sleutel van niemand.",
                max_length=64,
                verbose_name="pseudoniem van de vertrouwenspersoon",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="adviesvraag", name="nieuw_id", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(pseudoniemen_vullen, niets_terug_te_zetten),
        migrations.RemoveIndex(model_name="adviesvraag", name="adviesvraag_door_jaar"),
        migrations.RemoveField(model_name="adviesvraag", name="geregistreerd_door"),
        # The UUID becomes the primary key before the old id goes.
        migrations.RunPython(primaire_sleutel_loslaten, niets_terug_te_zetten),
        migrations.AlterField(
            model_name="adviesvraag",
            name="nieuw_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
        ),
        migrations.RemoveField(model_name="adviesvraag", name="id"),
        migrations.RunPython(niets_terug_te_zetten, primaire_sleutel_loslaten),
        migrations.RenameField(model_name="adviesvraag", old_name="nieuw_id", new_name="id"),
        migrations.AlterField(
            model_name="adviesvraag",
            name="id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, primary_key=True, serialize=False, verbose_name="id"
            ),
        ),
        migrations.AddIndex(
            model_name="adviesvraag",
            index=models.Index(fields=["pseudoniem", "jaar"], name="adviesvraag_pseudoniem_jaar"),
        ),
    ]
