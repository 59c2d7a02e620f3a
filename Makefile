# The two commands of the README: `make run` and `make test`. `make install` is their shared set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install install-test browser-deps search-node gettext messages lock run test lint bench fuzz clean \
	elasticsearch elasticsearch-cluster elasticsearch-stop

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Dependencies come from the lock files, every file checked against its hash; the project itself
# is installed on top without dependencies, built with the locked setuptools. Stamp files make a
# second run skip the installer unless a lock file changed.
$(VENV)/.installed: $(VENV)/bin/activate requirements.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

# Re-resolve the lock files from pyproject.toml (after changing a dependency there), with pip-tools
# in a venv of its own, hashes taken from the public index only (PIP_CONFIG_FILE=/dev/null
# ignores a machine's local mirror, whose files may differ).
LOCK := PIP_CONFIG_FILE=/dev/null $(VENV)/lock-tools/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --all-build-deps
lock: $(VENV)/bin/activate
	$(PYTHON) -m venv $(VENV)/lock-tools
	PIP_CONFIG_FILE=/dev/null $(VENV)/lock-tools/bin/pip install --quiet pip-tools==7.6.2
	$(LOCK) --output-file requirements.lock pyproject.toml
	$(LOCK) --extra test --output-file requirements-test.lock pyproject.toml

# What the browser tests need besides Python packages: Debian's Chromium (installed when we are
# root with apt-get) and axe-core from the npm registry. When either cannot be installed the
# browser tests skip and say why (under CI=true they fail instead).
$(VENV)/node/node_modules/axe-core/axe.min.js:
	-command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@4

browser-deps: $(VENV)/node/node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "Chromium could not be installed: the browser tests will skip (fail under CI=true)."

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

install-test: install $(VENV)/.installed-test browser-deps search-node

# The Elasticsearch node the tests start (search/node/, built with Maven from Maven Central). When
# Java or Maven is missing the Elasticsearch tests skip and say why (under CI=true they fail).
search-node: install
	-$(PY) -m search.localnode build

# A real Elasticsearch 8 node on 127.0.0.1:9200, data under var/elasticsearch/, in the background;
# prints ELASTICSEARCH_URL=... once healthy. `make elasticsearch-cluster` starts three nodes
# (9200-9202, one replica fits). ELASTICSEARCH_HEAP sets each node's heap (default 512m).
elasticsearch: install
	$(PY) -m search.localnode start

elasticsearch-cluster: install
	$(PY) -m search.localnode start --nodes 3

elasticsearch-stop: install
	$(PY) -m search.localnode stop

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	# Before the sync: with several sites, the index holds each page's full address.
	$(PY) manage.py site_address 127.0.0.1:$(PORT)
	$(PY) manage.py search_index sync
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install-test
	mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

# pytest-django prefers the environment to pyproject's setting, so name the test settings here.
test: lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest --durations=20

# Benchmarks (not part of `make test`); see bench/README.md.
bench: install
	$(PY) -m bench.run

# Hostile and generated requests against gunicorn under production settings with the demo, on
# SQLite and PostgreSQL (bench/fuzz/): FUZZ_REQUESTS per database; fails on any 5xx.
FUZZ_REQUESTS ?= 20000
fuzz: install-test
	$(PY) -m bench.fuzz --requests $(FUZZ_REQUESTS)

clean:
	rm -rf $(VENV) var
