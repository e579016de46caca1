"""The migration to pseudonyms converts existing rows: same content, owner by key, random ids."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from vertrouwenspersonen.pseudoniem import pseudoniem_van

VOOR = [("vertrouwenspersonen", "0004_verwijderrecht")]
NA = [("vertrouwenspersonen", "0005_pseudoniem_en_uuid")]


@pytest.mark.django_db(transaction=True)
def test_bestaande_rijen_krijgen_het_pseudoniem_van_hun_vertrouwenspersoon(vertrouwenspersoon):
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    oud = executor.loader.project_state(VOOR).apps
    Adviesvraag = oud.get_model("vertrouwenspersonen", "Adviesvraag")
    opties = {
        veld: oud.get_model("referentie", model).objects.order_by("pk").first()
        for veld, model in [
            ("onderdeel", "Onderdeel"),
            ("hoofdcategorie", "Hoofdcategorie"),
            ("subcategorie", "Subcategorie"),
            ("wie_betreft", "WieBetreft"),
            ("wijze_van_afdoening", "WijzeVanAfdoening"),
            ("situatie", "SituatieNaInterventie"),
        ]
    }
    Adviesvraag.objects.create(jaar=2023, kwartaal=1, geregistreerd_door_id=vertrouwenspersoon.pk, **opties)
    Adviesvraag.objects.create(jaar=2024, geregistreerd_door_id=vertrouwenspersoon.pk, **opties)
    Adviesvraag.objects.create(jaar=2024, geregistreerd_door_id=None, **opties)

    try:
        executor = MigrationExecutor(connection)
        executor.migrate(NA)
        nieuw = executor.loader.project_state(NA).apps.get_model("vertrouwenspersonen", "Adviesvraag")
        rijen = list(nieuw.objects.values("pk", "jaar", "kwartaal", "pseudoniem"))
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    eigen = pseudoniem_van(vertrouwenspersoon)
    assert sorted((r["jaar"], r["kwartaal"] or 0, r["pseudoniem"]) for r in rijen) == [
        (2023, 1, eigen),
        (2024, 0, ""),  # the account was deleted before: the row belongs to nobody
        (2024, 0, eigen),
    ]
    assert all(r["pk"].version == 4 for r in rijen)
    assert "geregistreerd_door_id" not in {veld.column for veld in nieuw._meta.concrete_fields}
