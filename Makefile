# The two commands of the README: `make run` and `make test`. `make install` is their shared set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install install-test browser-deps gettext messages run test lint bench clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make a second run skip the installer unless pyproject.toml changed.
$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# What the browser tests need besides Python packages: Debian's Chromium (installed when we are
# root with apt-get) and axe-core from the npm registry. When either cannot be installed the
# browser tests skip and say why; the rest of the suite still runs.
$(VENV)/node/node_modules/axe-core/axe.min.js:
	-command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@4

browser-deps: $(VENV)/node/node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "Chromium could not be installed: the browser tests will be skipped."

# Translations: portal/locale/<language>/LC_MESSAGES/django.po, compiled with GNU gettext's msgfmt
# (Debian's gettext, installed with apt-get when we are root and it is missing).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard portal/locale/*/LC_MESSAGES/django.po))

gettext:
	@command -v msgfmt >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } \
	  || { echo "GNU gettext (msgfmt) is needed to compile translations: install Debian's gettext."; exit 1; }

%.mo: %.po | gettext
	msgfmt --check-format --check-domain -o $@ $<

# Collect new interface strings into the catalogues (then translate them in the .po files).
messages: install
	$(PY) manage.py makemessages -l vi -l en --no-obsolete --no-wrap --ignore=.venv --ignore=bench --ignore=tests

install: $(VENV)/.installed $(CATALOGUES)

install-test: install $(VENV)/.installed-test browser-deps

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py search_index sync
	$(PY) manage.py ensure_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install-test
	mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

# pytest-django prefers the environment to pyproject's setting, so name the test settings here.
test: lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest

# Benchmarks (not part of `make test`); see bench/README.md.
bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) var
