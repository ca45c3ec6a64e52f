# One command per chore. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# --dist loadgroup: the tests marked xdist_group(name) stay together on one worker (the OpenAPI run builds its
# district once); the others are spread as with --dist load.
PYTEST_ARGS ?= -n 2 --dist loadgroup

# System packages (Chromium, LibreOffice, fonts, gettext) are installed when missing: needed by the
# browser tests and by PDF documents; `make run` goes on without them (Word documents still work).
.PHONY: install system-packages run test test-fast lint migrations-check messages demo bench load clean

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen
	@touch $@

system-packages:
	@scripts/system-packages.sh

run: install
	-@scripts/system-packages.sh
	HOST=$(HOST) PORT=$(PORT) $(PY) scripts/run.py

test: install system-packages
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	TESTING=1 .venv/bin/mypy liaison config
	.venv/bin/lint-imports

migrations-check: install
	TESTING=1 $(PY) manage.py makemigrations --check --dry-run

# Regenerate the translation catalogues (needs GNU gettext) and compile them.
messages: install
	TESTING=1 $(PY) manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static
	TESTING=1 $(PY) manage.py compilemessages --ignore=.venv

# Province-scale benchmark on PostgreSQL (docs/performance.md): seeds once (~10+ min), then times the pages.
bench: install
	scripts/bench.sh

# Bounded load run (docs/performance.md "Under load"): Locust, USERS (200) for DURATION (10m), gunicorn 2 workers.
load: install
	scripts/load.sh

demo: install
	DEBUG=1 $(PY) manage.py load_demo

clean:
	rm -rf var .venv
