# The two commands of the README:
#   make bench   create .venv, install zitat and every first-party plugin, run `zitat bench run`
#   make test    the same install with test extras, then lint, type-check, contracts and tests
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP := $(VENV)/.installed

.PHONY: bench test install lint clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# a current pip resolves the plugins' dependencies on each other (zitat-crf needs zitat-rules)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test,ray]" \
		$(foreach p,$(PLUGIN_DIRS),-e "$(p)[test]")
	touch $(STAMP)

install: $(STAMP)

bench: $(STAMP)
	$(VENV)/bin/zitat bench run

lint: $(STAMP)
	$(PY) -m ruff check src tests plugins benchmarks
	$(PY) -m ruff format --check src tests plugins benchmarks
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest tests $(foreach p,$(PLUGIN_DIRS),$(p)/tests) -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
