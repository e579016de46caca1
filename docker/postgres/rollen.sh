#!/bin/sh
# Runs once, when the database volume is still empty (docker-entrypoint-initdb.d of the postgres image).
# Two roles (README, 'Databaserollen'): the owner of the tables runs the migrations; the application,
# workers and beat use the runtime role, which owns nothing and may only add to the audit trail.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v eigenaar_wachtwoord="$DATABASE_EIGENAAR_WACHTWOORD" \
  -v app_wachtwoord="$DATABASE_APP_WACHTWOORD" <<'SQL'
CREATE ROLE finintegriteit_eigenaar LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'eigenaar_wachtwoord';
CREATE ROLE finintegriteit_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_wachtwoord';
CREATE DATABASE finintegriteit OWNER finintegriteit_eigenaar;
REVOKE ALL ON DATABASE finintegriteit FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE finintegriteit TO finintegriteit_app;
SQL
