# Werkpad: `make run` serves the app with demo data, `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/werkpad_test
FRONTEND_STAMP := frontend/node_modules/.installed
PYTHON_STAMP := $(VENV)/.installed

.PHONY: help run serve build test lint fmt typecheck migrate revision client \
        test-python test-sqlite test-postgres test-spa test-e2e lint-docker \
        postgres chromium deps clean bench bench-smoke wrk pdftoppm soak supply-chain

help:
	@echo "make run     start Werkpad with demo data on http://127.0.0.1:8000"
	@echo "make test    every check: lint, types, pytest on SQLite and PostgreSQL, SPA, browser"
	@echo "make client  regenerate the SPA's API types from the OpenAPI schema"
	@echo "make revision m='what changed'   new Alembic migration from the models"

# --- installs ---------------------------------------------------------------------------

$(PYTHON_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(PYTHON_STAMP) $(FRONTEND_STAMP)

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

postgres:
	@if ! pg_isready -q -h 127.0.0.1 -p 5432; then \
		echo "Starting PostgreSQL"; \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n1) main start; \
		for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
	fi

# --- run --------------------------------------------------------------------------------

build: $(FRONTEND_STAMP)
	cd frontend && npm run build

run: $(PYTHON_STAMP) build
	mkdir -p var
	$(BIN)/werkpad migrate
	$(BIN)/werkpad seed-demo
	@echo ""
	@echo "Werkpad runs on http://127.0.0.1:8000  (API docs: http://127.0.0.1:8000/api/v1/docs)"
	$(BIN)/werkpad serve

migrate: $(PYTHON_STAMP)
	$(BIN)/werkpad migrate

revision: $(PYTHON_STAMP)
	@test -n "$(m)" || (echo "usage: make revision m='what changed'" && exit 2)
	WERKPAD_DATABASE_URL=sqlite:///var/revision.db $(BIN)/alembic upgrade head
	WERKPAD_DATABASE_URL=sqlite:///var/revision.db $(BIN)/alembic revision --autogenerate -m "$(m)"
	rm -f var/revision.db*

client: $(PYTHON_STAMP) $(FRONTEND_STAMP)
	$(BIN)/werkpad openapi > frontend/openapi.json
	cd frontend && npm run generate

# --- checks -----------------------------------------------------------------------------

lint: $(PYTHON_STAMP) $(FRONTEND_STAMP) lint-docker
	$(BIN)/ruff check app tests migrations
	$(BIN)/ruff format --check app tests migrations
	$(BIN)/mypy
	cd frontend && npm run typecheck && npm run lint

lint-docker: $(PYTHON_STAMP)
	$(BIN)/hadolint Dockerfile

fmt: $(PYTHON_STAMP)
	$(BIN)/ruff format app tests migrations
	$(BIN)/ruff check --fix app tests migrations

test-sqlite: $(PYTHON_STAMP) wrk pdftoppm
	@echo "== pytest on SQLite"
	rm -f var/battery/hostile-*.json
	$(BIN)/pytest

test-postgres: $(PYTHON_STAMP) postgres wrk pdftoppm
	@echo "== pytest on PostgreSQL"
	WERKPAD_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

# The hostile-input corpus must have answered the same on both databases.
test-python: test-sqlite test-postgres
	$(BIN)/python -m tests.battery.hostile_compare

test-spa: $(FRONTEND_STAMP)
	cd frontend && npm test

test-e2e: $(PYTHON_STAMP) $(FRONTEND_STAMP) chromium
	cd frontend && npm run e2e

supply-chain: $(PYTHON_STAMP) $(FRONTEND_STAMP)
	$(BIN)/python -m tests.battery.supply_chain

# The battery's load test for 30 minutes (it runs for 15 s inside `make test`), and Schemathesis
# with 100 generated examples per operation and mode (4 inside `make test`).
soak: $(PYTHON_STAMP)
	WERKPAD_LOAD_SECONDS=1800 $(BIN)/pytest -s -p no:cacheprovider tests/battery/test_load.py
	WERKPAD_SCHEMATHESIS_EXAMPLES=100 $(BIN)/pytest -p no:cacheprovider tests/battery/test_schemathesis.py

test: deps lint test-python test-spa test-e2e supply-chain
	@echo "All checks passed."

# --- benchmarks (README "Benchmarks"); BENCH_DB=postgresql for PostgreSQL ----------------

BENCH_DB ?= sqlite

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }

# The PDF tests render a page to look at (Debian's poppler-utils).
pdftoppm:
	@command -v pdftoppm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null; }

bench: $(PYTHON_STAMP) wrk $(if $(filter postgresql,$(BENCH_DB)),postgres)
	$(BIN)/python -m bench.run --db $(BENCH_DB)

bench-smoke: $(PYTHON_STAMP) wrk $(if $(filter postgresql,$(BENCH_DB)),postgres)
	$(BIN)/python -m bench.run --db $(BENCH_DB) --participants 2000 --seconds 1 --repeats 3 --out var/bench-smoke.json

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var .pytest_cache .mypy_cache .ruff_cache
