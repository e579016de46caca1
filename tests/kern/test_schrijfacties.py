"""A write is recognised by the table it writes, from the SQL itself; reads are not writes. (That a write in
plain SQL reaches the dashboard: tests/rapportage/test_dashboard_cache.py.)"""

import pytest

from finintegriteit.kern.schrijfacties import geschreven_tabel


@pytest.mark.parametrize(
    ("sql", "tabel"),
    [
        ('INSERT INTO "meldingen_melding" ("nummer") VALUES (%s)', "meldingen_melding"),
        ('UPDATE "afdoeningen_afdoening" SET "datum" = %s WHERE "id" = %s', "afdoeningen_afdoening"),
        ('DELETE FROM "rapportage_kerncijfers" WHERE "jaar" = %s', "rapportage_kerncijfers"),
        ("  update rapportage_kerncijfers set medewerkers_totaal = 1", "rapportage_kerncijfers"),
        ('TRUNCATE "meldingen_melding", "afdoeningen_afdoening"', "*"),
        ('SELECT "id" FROM "meldingen_melding" WHERE "status" = %s', None),
        ("SAVEPOINT s1", None),
    ],
)
def test_de_geschreven_tabel_uit_de_sql(sql, tabel):
    assert geschreven_tabel(sql) == tabel
