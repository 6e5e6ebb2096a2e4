# Two commands set everything up: `make run` (the site with demo content) and `make test` (what CI checks).
PYTHON ?= python3
PORT ?= 8000
# Links in e-mails and in the staff login message point at the address being served.
export SITE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help run setup install migrate translations demo worker lint format test test-fast messages clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (set PYTHON=...)") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP) ## Create .venv and install the project with its development tools

translations: install ## Compile the gettext catalogues (pure Python, no gettext tools needed)
	$(MANAGE) compile_translations

migrate: install
	mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate translations ## Load the demo content and the map's NUTS regions if available (safe to repeat)
	$(MANAGE) load_demo --with-partners --with-submissions
	@$(MANAGE) load_regions $(if $(NUTS_SOURCE),--source "$(NUTS_SOURCE)") \
		|| echo "Notice: no NUTS region geometry loaded; the site runs without the map (see docs/regions.md)."

setup: demo
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) ensure_staff_login

run: setup ## Set up and serve the site with demo content at http://127.0.0.1:$(PORT) (with the task worker)
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl+C stops the site and the worker)"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) db_worker --verbosity 0 & \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

worker: install ## Run the background task worker alone
	$(MANAGE) db_worker

lint: install ## Ruff, djlint, migrations check and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint alliance/templates alliance/*/templates --lint
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/mypy alliance config tests bench conftest.py

format: install ## Apply ruff and djlint formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint alliance/templates alliance/*/templates --reformat

test: lint translations ## Lint, then the whole test suite, browser journeys included
	$(VENV)/bin/pytest

test-fast: install translations ## The test suite without the browser journeys
	$(VENV)/bin/pytest -m "not browser"

LANGUAGES := bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv

messages: install ## Extract interface strings into locale/ (needs GNU gettext)
	$(MANAGE) makemessages $(addprefix -l ,$(LANGUAGES)) --ignore=.venv --ignore=var --add-location=file --no-obsolete

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
