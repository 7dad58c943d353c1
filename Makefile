# Letopis: `make run` (install, ingest the sample corpus, show the events) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sqlite:///letopis-sample.db
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

.PHONY: install run test lint eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[en,server,dev]"
	touch $(STAMP)

run: install
	rm -f letopis-sample.db letopis-sample.db-wal letopis-sample.db-shm
	$(BIN)/letopis ingest examples/ --db $(DB)
	$(BIN)/letopis show --db $(DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests

eval: install
	LETOPIS=$(BIN)/letopis ../shared/tools/run_seeds.sh

bench: install
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) letopis-sample.db*
