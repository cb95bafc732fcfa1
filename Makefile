# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test typecheck install install-dev e2e-deps train evaluate bench chaos fuzz load load-matrix teams-package clean

$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

## Start the bot on SQLite with the example config (development mode, loopback only).
run: install
	$(PY) app.py

## Install what the tests need (Python packages, the Agents Playground if npm is here), check the types, run the tests.
test: install-dev e2e-deps typecheck
	$(PY) -m pytest

## mypy over app.py, bot/ and storage/ (strict for bot/policy and bot/services; see pyproject.toml).
typecheck: install-dev
	$(PY) -m mypy

## The Teams emulator for the end-to-end test; skipped quietly where npm is missing.
e2e-deps:
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/e2e && npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the Agents Playground test will be skipped"; fi

train: install
	$(PY) -m nlu_models.train

evaluate: install-dev
	$(PY) -m nlu_models.evaluate

$(VENV)/.bench: $(VENV)/.dev requirements-bench.txt
	$(PY) -m pip install --quiet -r requirements-bench.txt
	@touch $@

bench: $(VENV)/.bench
	$(PY) -m bench.nlu_peers
	$(PY) -m bench.nlu_latency --e5

## Kill -9, connector faults and a database outage against two replicas on the local PostgreSQL.
chaos: install-dev
	$(PY) -m bench.chaos $(CHAOS_ARGS)

## The load benchmark: botbuilder's echo bot, then this bot (SQLite), under 1, 16 and 64 Teams users; the ratio.
load: install-dev
	$(PY) -m bench.load

## Every group: also production mode, PostgreSQL (TEST_POSTGRES_URL or the local server) and two replicas.
load-matrix: install-dev
	$(PY) -m bench.load --matrix

## The Teams app packages (zip) for a Teams admin: needs MicrosoftAppId and BOT_DOMAIN; see docs/azure.md.
teams-package: install-dev
	$(PY) -m deploy.teams.package
## The long fuzz run of /api/messages (SQLite; PostgreSQL too when TEST_POSTGRES_URL is set).
fuzz: install-dev
	$(PY) -m bench.fuzz

clean:
	rm -rf $(VENV) data build devTools tests/e2e/node_modules
