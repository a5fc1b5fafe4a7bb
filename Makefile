# Quartier: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
MANAGE := $(PY) manage.py
LANGS  := de_LS en tr ar ru uk

.PHONY: install run serve test lint migrations-check messages translations worker collectstatic bench clean lock \
        cluster-test backup restore

## install: Python packages (runtime and development tools) from the lock files, npm packages,
## compiled translations. Production installs only requirements.lock (no test or bench tools).
install: $(VENV)/.installed node_modules/.installed translations

$(VENV)/.installed: requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.lock
	touch $@

## lock: re-resolve both lock files from pyproject.toml, keeping pinned versions where possible
lock:
	uv pip compile pyproject.toml --python-version 3.11 -o requirements.lock --quiet --custom-compile-command "make lock"
	uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements-dev.lock --quiet --custom-compile-command "make lock"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## translations: compile locale/*/LC_MESSAGES/django.po (pure Python, no gettext tools needed)
translations: $(VENV)/.installed
	$(MANAGE) compile_translations

## run: install, migrate, load the demo neighbourhood, start a task worker and serve on :8000
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_demo
	@echo "Starting the background task worker and the server on http://127.0.0.1:8000 (Ctrl-C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker --interval 2 & \
	  $(MANAGE) runserver 127.0.0.1:8000

## serve: the production set-up on this machine: portal.settings.production served by gunicorn
## (deploy/gunicorn.conf.py) on http://127.0.0.1:8000 with a task worker beside it (Ctrl-C
## stops both). Settings come from the environment, else from .env (NAME=value lines, made
## with a generated local SECRET_KEY and plain-http switches if missing; never committed).
SERVE_DEFAULTS := SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SITE_URL=http://127.0.0.1:8000
serve: install
	@touch .env
	@grep -q '^SECRET_KEY=' .env || { echo "Writing a generated local SECRET_KEY to .env"; \
	  echo "SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" >> .env; }
	@for setting in $(SERVE_DEFAULTS); do \
	  grep -q "^$${setting%%=*}=" .env || echo "$$setting" >> .env; done
	@set -e; eval "$$(sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=\(.*\)$$/: "$${\1=\2}"; export \1/p' .env)"; \
	  export DJANGO_SETTINGS_MODULE=portal.settings.production; \
	  $(MANAGE) compile_translations; \
	  $(MANAGE) collectstatic --noinput -v0; \
	  $(MANAGE) migrate --noinput; \
	  $(MANAGE) createcachetable; \
	  $(MANAGE) setup_site; \
	  echo "Starting the task worker and gunicorn on http://127.0.0.1:8000 (Ctrl-C stops both)"; \
	  $(MANAGE) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' INT TERM EXIT; \
	  $(BIN)/gunicorn -c deploy/gunicorn.conf.py

## worker: the background task worker alone (e-mails, reminders, text extraction)
worker: install
	$(MANAGE) db_worker

## test: install, lint, check migrations, run the whole suite (SQLite unless DATABASE_URL is set).
## PYTEST_ARGS passes options to pytest, e.g. `make test PYTEST_ARGS="--durations=60"`.
PYTEST_ARGS ?=
test: install lint migrations-check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest $(PYTEST_ARGS)

## cluster-test: the production stack on this machine (a fresh PostgreSQL database, Redis,
## SeaweedFS, two gunicorn instances, two task workers, nginx, Varnish) under a bounded load
## while parts of it are killed (deploy/cluster/run.py). Needs nginx, varnish, redis-server,
## PostgreSQL at CLUSTER_POSTGRES_URL; skipped with the reason if one is missing, failed then
## if QUARTIER_REQUIRE_CLUSTER=1.
cluster-test: install
	QUARTIER_CLUSTER_TEST=1 DJANGO_SETTINGS_MODULE=portal.settings.test \
	  $(BIN)/pytest tests/deploy/test_cluster.py -q -rs -p no:cacheprovider

## backup: the database (pg_dump) and the uploaded files (buckets or media folders) of the
## environment's settings into a new dated folder below BACKUP_DIR (default ./backups).
backup:
	$(MANAGE) backup --to "$${BACKUP_DIR:-backups}"

## restore: BACKUP=<folder made by make backup> into the environment's fresh database and
## buckets (or folders); refuses to overwrite a database or bucket that holds something.
restore:
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/quartier-<date>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

## lint: ruff (lint and format) and the dependency direction between apps (import-linter)
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

migrations-check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

## messages: extract UI strings into the .po files of every shipped language (needs GNU gettext)
messages: $(VENV)/.installed
	$(MANAGE) makemessages --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests $(addprefix -l ,$(LANGS))

collectstatic: install
	$(MANAGE) collectstatic --noinput

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache

## bench: seed realistic volumes into bench.sqlite3 (or BENCH_DATABASE_URL) and measure the portal
bench: install
	DJANGO_SETTINGS_MODULE=portal.settings.bench \
	  DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/bench.sqlite3} \
	  $(MANAGE) bench
