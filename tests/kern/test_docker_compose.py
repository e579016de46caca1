"""docker-compose.yml is production-shaped (no Docker here, so the file itself is checked): TLS in a
proxy in front of an unpublished gunicorn, a body-size limit, two database roles, volumes for static
files and reports, workers that scale, a healthcheck on every long-running service."""

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
LANGLOPEND = ["proxy", "postgres", "redis", "web", "worker", "beat"]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def diensten(compose):
    return compose["services"]


def test_alleen_de_proxy_is_van_buiten_bereikbaar(diensten):
    gepubliceerd = {naam for naam, dienst in diensten.items() if dienst.get("ports")}
    assert gepubliceerd == {"proxy"}
    assert {str(p).split(":")[-1] for p in diensten["proxy"]["ports"]} == {"443", "80"}
    assert "8000" in [str(p) for p in diensten["web"].get("expose", [])]


def test_de_proxy_termineert_tls_met_een_limiet_op_de_body_en_stuurt_naar_gunicorn(diensten):
    proxy = diensten["proxy"]
    assert re.fullmatch(r"caddy:\d+\.\d+\.\d+-alpine", proxy["image"]), "een vaste versie van Caddy"
    caddyfile = (PROJECT / "docker" / "Caddyfile").read_text(encoding="utf-8")
    assert "./docker/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert re.search(r"^\s*tls \{\$TLS:internal\}", caddyfile, re.MULTILINE)
    assert re.search(r"max_size \{\$MAX_BODY:\d+MB\}", caddyfile)
    assert re.search(r"^\s*reverse_proxy web:8000 \{$", caddyfile, re.MULTILINE)
    # The whole body before gunicorn: a slow upload does not hold a sync worker until its timeout.
    assert re.search(r"^\s*request_buffers \{\$MAX_BODY:\d+MB\}$", caddyfile, re.MULTILINE)
    limiet = int(re.search(r"(\d+)MB", proxy["environment"]["MAX_BODY"]).group(1))
    assert 21 <= limiet <= 32, "net boven de grootste upload (een document van 20 MiB)"


def test_elke_langlopende_dienst_heeft_een_healthcheck(diensten):
    for naam in LANGLOPEND:
        assert diensten[naam].get("healthcheck", {}).get("test"), naam


def test_images_hebben_een_vaste_versie(diensten):
    for naam, dienst in diensten.items():
        if "image" in dienst:
            assert re.search(r":\d+\.\d+", dienst["image"]), f"{naam}: {dienst['image']}"
    assert re.search(r"^\s*FROM python:\d+\.\d+\.\d+-", diensten["web"]["build"]["dockerfile_inline"], re.M)


def test_de_applicatie_draait_als_runtime_rol_en_alleen_migrate_als_eigenaar(diensten):
    for naam in ("web", "worker", "beat"):
        omgeving = diensten[naam]["environment"]
        assert omgeving["DATABASE_URL"].startswith("postgres://finintegriteit_app:"), naam
        assert "DATABASE_MIGRATIE_URL" not in omgeving, naam
        assert omgeving["DEBUG"] == "0" and omgeving["REDIS_URL"].startswith("redis://")
        assert diensten[naam]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    migrate = diensten["migrate"]
    assert migrate["environment"]["DATABASE_MIGRATIE_URL"].startswith("postgres://finintegriteit_eigenaar:")
    assert "migrate --noinput" in migrate["command"] and "collectstatic" in migrate["command"]
    assert "POSTGRES_USER" not in diensten["postgres"]["environment"], "de superuser is postgres, niet de app"


def test_het_initscript_maakt_beide_rollen_zonder_superuser(diensten):
    assert (
        "./docker/postgres/rollen.sh:/docker-entrypoint-initdb.d/rollen.sh:ro"
        in diensten["postgres"]["volumes"]
    )
    script = (PROJECT / "docker" / "postgres" / "rollen.sh").read_text(encoding="utf-8")
    assert re.search(r"CREATE ROLE finintegriteit_eigenaar LOGIN NOSUPERUSER", script)
    assert re.search(r"CREATE ROLE finintegriteit_app LOGIN NOSUPERUSER NOCREATEDB", script)
    assert "CREATE DATABASE finintegriteit OWNER finintegriteit_eigenaar" in script


def test_workers_schalen_en_bestanden_staan_op_volumes(compose, diensten):
    for naam in ("web", "worker", "beat", "migrate"):
        assert "container_name" not in diensten[naam], naam
    assert "ports" not in diensten["worker"]
    for naam in ("web", "worker", "migrate"):
        volumes = {"rapporten:/data/rapporten", "documenten:/data/documenten", "static:/app/var/static"}
        assert volumes <= set(diensten[naam]["volumes"])
    assert "static:/srv/static:ro" in diensten["proxy"]["volumes"]
    assert {"database", "rapporten", "documenten", "static", "caddy_data"} <= set(compose["volumes"])


def test_de_proxy_is_de_enige_vertrouwde_bron_van_forwarded_headers(compose, diensten):
    subnet = compose["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert diensten["web"]["environment"]["VERTROUWDE_PROXIES"] == subnet
    assert f'--forwarded-allow-ips "{subnet},127.0.0.1"' in diensten["web"]["command"]


def test_de_readme_zegt_hoe_het_start(diensten):
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    deel = readme[readme.index("## Docker Compose") :]
    deel = deel[: deel.index("\n## ", 5)]
    for woord in ("docker compose up -d", "--scale worker=", "https://localhost", ".env"):
        assert woord in deel, woord
    verplicht = set(re.findall(r"\$\{(\w+):\?", (PROJECT / "docker-compose.yml").read_text(encoding="utf-8")))
    assert verplicht and all(f"{naam}=" in deel for naam in verplicht), verplicht
