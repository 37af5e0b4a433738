# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python 3.13 or 3.12 that actually runs (pyenv shims exist for versions not selected).
PYTHON ?= $(shell for candidate in python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) python3; do \
	  $$candidate -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 12), (3, 13)))' 2>/dev/null && { echo $$candidate; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://root@127.0.0.1:5432/wego
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# pytest-xdist workers for `make test`: one per core of these machines.
TEST_WORKERS ?= 2
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test smoke bench faults vendor messages lint check-python check-services

help:
	@echo "make run    serve the portal at http://127.0.0.1:$(PORT) with the 2020 report's data (SQLite unless DATABASE_URL is set)"
	@echo "make test   run the whole suite on PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL)"
	@echo "make bench  load-test the portal with gunicorn on PostgreSQL"
	@echo "make faults replay the fault campaign (worker killed, Redis, SMTP, PostgreSQL down) on parts of its own"

check-python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "No Python 3.13 or 3.12 found. Install one (for example 'pyenv install 3.13') or run 'make PYTHON=/path/to/python3.13 ...'." >&2; \
	  exit 1; fi

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)

$(VENV)/.synced: pyproject.toml uv.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv sync --frozen --inexact --python $(BIN)/python
	@touch $@

install: $(VENV)/.synced

run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_report_2020
	@echo "The portal is at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)."
	@# Links in the mail it sends lead to the port it serves on.
	DEBUG=$${DEBUG:-1} PORTAL_URL=$${PORTAL_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

check-services: install
	@TEST_DATABASE_URL="$(TEST_DATABASE_URL)" TEST_REDIS_URL="$(TEST_REDIS_URL)" $(BIN)/python tests/check_services.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

test: install lint check-services
	@command -v chromium >/dev/null || { echo "The browser tests need Debian's Chromium: apt-get install -y chromium" >&2; exit 1; }
	TEST_DATABASE_URL="$(TEST_DATABASE_URL)" TEST_REDIS_URL="$(TEST_REDIS_URL)" $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

smoke: install
	bash .ci/smoke

bench: install
	bash bench/run

# The fault campaign (bench/faults.py): a worker killed, Redis, SMTP and PostgreSQL stopped, gunicorn
# signalled, on parts of its own; prints the mails expected, delivered and duplicated, and the answers.
faults: install
	$(BIN)/python -m bench.faults

vendor:
	npm ci --no-audit --no-fund
	mkdir -p static/vendor/bootstrap static/vendor/htmx tests/browser/vendor
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map \
	   node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map \
	   node_modules/bootstrap/LICENSE static/vendor/bootstrap/
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE static/vendor/htmx/
	cp node_modules/axe-core/axe.min.js tests/browser/vendor/

messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages --all -e html,txt,py --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv
