import datetime
import hashlib
import json
import secrets

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

TRIGGER = "meldingen_auditregel_onveranderlijk"


def ketenen(apps, schema_editor):
    """Move existing reasons to their own table and chain every existing row, oldest first.

    The rows are append-only, so on PostgreSQL the owner switches the trigger off for this one change.
    A reason about an identity that the bewaartermijn already removed is not kept: only its digest.
    """
    AuditRegel = apps.get_model("meldingen", "AuditRegel")
    AuditReden = apps.get_model("meldingen", "AuditReden")
    Melding = apps.get_model("meldingen", "Melding")
    MelderIdentiteit = apps.get_model("meldingen", "MelderIdentiteit")
    alias = schema_editor.connection.alias
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute(f"ALTER TABLE meldingen_auditregel DISABLE TRIGGER {TRIGGER}")
    meldingen = dict(Melding.objects.using(alias).values_list("pk", "persoonsgegevens_gewist_op"))
    identiteiten = dict(MelderIdentiteit.objects.using(alias).values_list("pk", "melding_id"))
    vorige = BEGIN
    bijwerken, redenen = [], []
    for regel in AuditRegel.objects.using(alias).order_by("pk").iterator(chunk_size=2000):
        if regel.reden:
            zout = nieuw_zout()
            regel.reden_hash = reden_hash(tekst=regel.reden, zout=zout)
            melding_id = _melding_id(regel, meldingen, identiteiten)
            if melding_id is not False:
                redenen.append(
                    AuditReden(regel_id=regel.pk, melding_id=melding_id, tekst=regel.reden, zout=zout)
                )
        regel.hash = vorige = hash_van_regel(vorige=vorige, regel=regel)
        bijwerken.append(regel)
        if len(bijwerken) >= 2000:
            AuditRegel.objects.using(alias).bulk_update(bijwerken, ["hash", "reden_hash"])
            bijwerken = []
    AuditRegel.objects.using(alias).bulk_update(bijwerken, ["hash", "reden_hash"])
    if postgres:
        schema_editor.execute(f"ALTER TABLE meldingen_auditregel ENABLE TRIGGER {TRIGGER}")
    AuditReden.objects.using(alias).bulk_create(redenen, batch_size=2000)


# The chain's serialization as it was when this migration was written, frozen here so that a later
# change to kern/auditketen.py (which would come with its own migration re-chaining the rows)
# cannot change what this step wrote.
BEGIN = ""


def nieuw_zout():
    return secrets.token_hex(16)


def reden_hash(*, tekst, zout):
    return hashlib.sha256(f"{zout}:{tekst}".encode()).hexdigest()


def hash_van_regel(*, vorige, regel):
    tijd = regel.op.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    inhoud = [
        vorige,
        tijd,
        regel.gebruiker_id,
        regel.actie,
        regel.object_type,
        regel.object_id,
        regel.velden,
        regel.reden_hash,
    ]
    tekst = json.dumps(inhoud, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(tekst.encode()).hexdigest()


def terug(apps, schema_editor):
    """Nothing to undo: the old column comes back empty. Not RunPython.noop, so that the test suite does
    not take this for a data seed to re-run after a flush."""


def _melding_id(regel, meldingen, identiteiten):
    """The case a reason belongs to; None for a reason of no case; False for an erased identity's."""
    if not regel.object_id.isdigit():
        return None
    pk = int(regel.object_id)
    if regel.object_type == "melding":
        if pk not in meldingen:
            return None
        # The bewaartermijn erased this case already; its own 'gewist' row names no case content.
        return False if meldingen[pk] and regel.actie != "gewist" else pk
    if regel.object_type == "melderidentiteit":
        return identiteiten.get(pk, False)
    return None


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0006_bewaartermijn"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditregel",
            name="hash",
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name="controlewaarde"),
        ),
        migrations.AddField(
            model_name="auditregel",
            name="reden_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="controlewaarde reden"
            ),
        ),
        migrations.AlterField(
            model_name="auditregel",
            name="actie",
            field=models.CharField(
                choices=[
                    ("bekeken", "Bekeken"),
                    ("aangemaakt", "Aangemaakt"),
                    ("gewijzigd", "Gewijzigd"),
                    ("verwijderd", "Verwijderd"),
                    ("status", "Status gewijzigd"),
                    ("geweigerd", "Toegang geweigerd"),
                    ("identiteit", "Identiteit melder ingezien"),
                    ("gewist", "Persoonsgegevens gewist"),
                    ("geexporteerd", "Geëxporteerd"),
                    ("ingelogd", "Ingelogd"),
                    ("inloggen_mislukt", "Inloggen mislukt"),
                    ("geblokkeerd", "Inloggen geblokkeerd"),
                    ("tweede_factor", "Tweede factor gewijzigd"),
                    ("rechten", "Rollen of rechten gewijzigd"),
                ],
                max_length=20,
                verbose_name="actie",
            ),
        ),
        migrations.AlterField(
            model_name="auditregel",
            name="op",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False, verbose_name="tijdstip"
            ),
        ),
        migrations.CreateModel(
            name="AuditReden",
            fields=[
                (
                    "regel",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="reden_tekst",
                        serialize=False,
                        to="meldingen.auditregel",
                    ),
                ),
                ("tekst", models.TextField(verbose_name="reden")),
                ("zout", models.CharField(max_length=32, verbose_name="zout")),
                (
                    "melding",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="meldingen.melding",
                        verbose_name="melding",
                    ),
                ),
            ],
            options={
                "verbose_name": "reden bij auditregel",
                "verbose_name_plural": "redenen bij auditregels",
            },
        ),
        migrations.RunPython(ketenen, terug, elidable=False),
        migrations.RemoveField(
            model_name="auditregel",
            name="reden",
        ),
    ]
