# prov — the targets a newcomer can guess. Everything installs into .venv with the machine's python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= prov.db
QUERY  ?= Kazakhstan

.PHONY: install trace test lint eval bench golden clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

trace: $(STAMP)
	$(BIN)/prov --db $(DB) ingest fixtures/
	$(BIN)/prov --db $(DB) trace "$(QUERY)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

SHARED ?= ../shared

eval: $(STAMP)
	PROV_SHARED=$(SHARED) $(BIN)/python -m evaluation.cleaner
	PROV_SHARED=$(SHARED) $(BIN)/python -m evaluation.mapper

# Regenerate tests/golden/ (trace report formats) on purpose, after reviewing why the output changed.
golden: $(STAMP)
	PROV_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_trace_golden.py

lint: $(STAMP)
	$(BIN)/ruff check provenance cli tests

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis $(DB) $(DB)-wal $(DB)-shm
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
