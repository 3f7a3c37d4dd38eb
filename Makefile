# Meldcodewijzer: every set-up step lives here, so a fresh clone needs only
# `make serve` or `make test` (Python >= 3.12, Node >= 18, make).

# The build runs `pyodide lockfile add-wheels` (pyodide-lock, pyodide-cli),
# which needs Python >= 3.12. The first of these that is at least 3.12 is
# used; pyenv (as on these machines) keeps every version but its global one
# behind shims that refuse to run, so its installed versions are tried too.
# PYTHON=... names another.
ifndef PYTHON
PYTHON := $(shell for p in python3.12 python3.13 python3 $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3; do \
  "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo "$$p"; break; }; done)
endif
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# uv installs the pinned packages of requirements.txt in seconds where pip
# takes half a minute; it is itself pinned, and installed beside the venv's
# packages by the chosen Python's pip. `$(UV) pip install ...` adds one.
UV_VERSION := 0.13.8
UV_HOME := $(VENV)/uv
UV := $(UV_HOME)/bin/uv

PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
# Lighthouse (an optional npm dependency) is only for `make bench`: `make test`
# installs without its 200 packages.
NPM_BENCH_STAMP := node_modules/.installed-bench

.PHONY: all deps build serve dev test bench chromium clean

all: build

$(PY_STAMP): requirements.txt
	@"$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "Python >= 3.12 is needed and none was found ('$(PYTHON)'): install one, or name it: make PYTHON=/path/to/python3.12" >&2; exit 1; }
	@"$(PYTHON)" -m pip --version >/dev/null 2>&1 || { \
	  echo "$(PYTHON) has no pip, which installs uv: install it (python3-pip), or name another Python: make PYTHON=..." >&2; exit 1; }
	@# A venv of another Python (an older clone's) is made anew, not patched.
	@if [ -x $(PY) ] && [ "$$($(PY) -c 'import sys; print(sys.version_info[:2])')" != "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	  echo "$(VENV) was made by another Python: making it anew with $(PYTHON)"; rm -rf $(VENV); fi
	@# Without pip: making it takes seconds, and uv installs everything.
	$(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target $(UV_HOME) uv==$(UV_VERSION)
	$(UV) pip install --quiet --python $(PY) --link-mode copy -r requirements.txt
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --omit=optional --no-audit --no-fund
	touch $@

$(NPM_BENCH_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ $(NPM_STAMP)

# The installs wait on the network more than on the CPU: side by side.
INSTALL := $(MAKE) --no-print-directory --jobs=3

deps:
	@$(INSTALL) $(PY_STAMP) $(NPM_STAMP)

# The browser tests drive the system Chromium; Playwright's own browser
# download does not work on these machines.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "Chromium not found: installing the Debian package 'chromium'"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

build: deps
	$(PY) -m mkdocs build --strict

# Serves the built site exactly as a static host would (with application/wasm).
serve: build
	$(PY) -m tests.support.static_server --directory site --host $(HOST) --port $(PORT)

# Live-reloading preview for writers; the service worker is left out.
dev: deps
	$(PY) -m mkdocs serve --dev-addr $(HOST):$(PORT)

test:
	@$(INSTALL) $(PY_STAMP) $(NPM_STAMP) chromium
	$(PY) -m pytest

bench:
	@$(INSTALL) $(PY_STAMP) $(NPM_BENCH_STAMP) chromium
	$(PY) -m tests.bench

clean:
	rm -rf site .cache
