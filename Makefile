# Two commands do all the set-up on a machine with only Python 3.11 and make:
#   make run   — install, migrate, demo data and users, serve at http://127.0.0.1:8000
#   make test  — install test dependencies, lint, run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := DEBUG=1 $(BIN)/python manage.py
INSTALLED := $(VENV)/.geinstalleerd

.PHONY: run test install lint format clean

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
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	DEBUG=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
