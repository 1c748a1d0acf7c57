# prov — the targets a newcomer can guess. Everything installs into .venv with the machine's python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= prov.db
QUERY  ?= Kazakhstan

.PHONY: install trace test lint eval bench golden clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The mypyc build of the per-article modules (setup.py), redone when their sources changed since: without it
# prov runs their .py files, with the same results, slower (provenance/compiled.py).
BUILT := $(VENV)/.built
$(BUILT): $(STAMP) setup.py provenance/compiled.txt $(wildcard provenance/*.py provenance/clean/*.py provenance/attribution/*.py provenance/registry/*.py)
	$(BIN)/python -c "import sys, provenance.compiled as c; sys.exit(not c.build_status()[0])" \
		|| $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(BUILT)

trace: $(BUILT)
	$(BIN)/prov --db $(DB) ingest fixtures/
	$(BIN)/prov --db $(DB) trace "$(QUERY)"

test: $(BUILT)
	$(BIN)/python -m pytest -q

SHARED ?= ../shared

eval: $(BUILT)
	PROV_SHARED=$(SHARED) $(BIN)/python -m evaluation.cleaner
	PROV_SHARED=$(SHARED) $(BIN)/python -m evaluation.mapper

# Regenerate tests/golden/ (trace report formats) on purpose, after reviewing why the output changed.
golden: $(BUILT)
	PROV_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_trace_golden.py

lint: $(STAMP)
	$(BIN)/ruff check provenance cli tests setup.py
	$(BIN)/mypy $$($(BIN)/python -c "import provenance.compiled as c; print(*map(c.source_of, c.module_names()))")

clean:
	rm -rf $(VENV) bench/out build dist *.egg-info provenance/compiled.sha256 .pytest_cache .ruff_cache .hypothesis $(DB) $(DB)-wal $(DB)-shm
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find provenance -name '*.so' -delete
	rm -f ./*__mypyc*.so

# Benchmarks: never part of `make test`. SIZES picks archive sizes (100000 takes long: see README, Performance);
# REPEATS and ROUNDS are the alternating rounds below and from 10000 articles; HTML_SIZES limits HTML to some sizes.
SIZES   ?= 1000,10000
REPEATS ?= 3
ROUNDS  ?= 2
JOBS    ?= 1,2
INPUTS  ?= text,html
HTML_SIZES ?=

bench: $(BUILT)
	$(BIN)/python -m bench.run --sizes $(SIZES) --repeats $(REPEATS) --rounds-large $(ROUNDS) --jobs $(JOBS) --inputs $(INPUTS) --html-sizes '$(HTML_SIZES)'
