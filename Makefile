# Same Story: the two commands of the README, and a few for maintainers.
#   make report   install (first time), run every notebook on the bundled corpus, render site/
#                 (another corpus: make report CORPUS=path/to/folder OUT=path/to/site)
#   make test     install (first time), run the unit tests, nbval over every notebook, the browser test

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
OUT ?= site

.PHONY: install report test notebooks lock clean

$(STAMP): requirements-lock.txt pyproject.toml
	@echo "Installing the pinned packages into $(VENV)/ (first run only, about a minute) ..."
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report $(if $(CORPUS),--corpus "$(CORPUS)") --out "$(OUT)"

test: $(STAMP)
	$(PY) -m pytest

# Maintainers: re-execute the stored notebooks top to bottom after changing code or notebooks.
notebooks: $(STAMP)
	$(PY) -m analysis execute

# Maintainers: re-pin every package from a fresh install of pyproject.toml's dependencies.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check ".[test]"
	{ head -3 requirements-lock.txt; .venv-lock/bin/pip freeze --disable-pip-version-check | grep -v '^same-story'; } > requirements-lock.new
	mv requirements-lock.new requirements-lock.txt && rm -rf .venv-lock
	cp requirements-lock.txt .binder/requirements.txt  # Binder installs the same versions

clean:
	rm -rf site outputs test-artifacts
