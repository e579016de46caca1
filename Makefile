# Two commands do all the set-up on a machine with only Python 3.11 and make:
#   make run   — install, migrate, demo data and users, serve at http://127.0.0.1:8000
#   make test  — install test dependencies, lint (ruff, bandit), audit dependencies, run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := DEBUG=1 $(BIN)/python manage.py
INSTALLED := $(VENV)/.geinstalleerd

.PHONY: run test install lint audit format clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(INSTALLED)

run: install
	$(MANAGE) migrate --noinput
	@if $(MANAGE) help laad_demodata >/dev/null 2>&1; then $(MANAGE) laad_demodata; fi
	$(MANAGE) maak_demogebruikers
	$(MANAGE) laad_demowerkvoorraad
	$(MANAGE) runserver 127.0.0.1:8000

# lint-imports checks the layers of docs/architectuur.md ([tool.importlinter] in pyproject.toml).
# bandit fails the build on a high-severity finding in the application code ([tool.bandit] in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/bandit --quiet --configfile pyproject.toml --recursive . --severity-level high

# pip-audit checks every installed package (the exact pins of pyproject.toml and what they pull in)
# against PyPI's vulnerability data and fails on any known vulnerability. It needs network access
# to PyPI. A package the index has no data for is listed as skipped, not fatal: a mirror without
# that data would otherwise fail every run.
audit: install
	$(BIN)/pip-audit --skip-editable --progress-spinner off

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# axe-core for the accessibility checks of the browser tests; without npm those checks skip.
AXE := var/npm/node_modules/axe-core/axe.min.js

$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix var/npm --no-save --no-audit --no-fund --silent axe-core@4.14.1; \
	fi

test: lint audit $(AXE)
	DEBUG=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
