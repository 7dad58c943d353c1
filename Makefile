# Letopis: `make run` (install, ingest the sample corpus, serve the web view) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sqlite:///letopis-sample.db
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

HOST ?= 127.0.0.1
PORT ?= 8000
ASSETS := src/letopis/web/static/vendor/cytoscape.min.js.version
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install assets browser postgres java run test lint eval bench clean

install: $(ASSETS) $(STAMP)

# front-end packages (chart.js, cytoscape) pinned in package-lock.json, fetched from the npm registry and
# checked against its integrity into the package's static/vendor/ (the wheel build does the same)
assets: $(ASSETS)

$(ASSETS): package-lock.json tools/vendor_assets.py
	$(PYTHON) tools/vendor_assets.py src/letopis/web/static/vendor

# the browser tests drive Debian's chromium through its chromedriver
browser:
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[en,server,postgres,spark,dev]"
	touch $(STAMP)

run: install
	rm -f letopis-sample.db letopis-sample.db-wal letopis-sample.db-shm
	$(BIN)/letopis ingest examples/ --db $(DB)
	$(BIN)/letopis show --db $(DB) --limit 10
	@echo "Open http://$(HOST):$(PORT)/ (Ctrl+C stops the server)"
	$(BIN)/letopis serve --db $(DB) --host $(HOST) --port $(PORT)

# the PostgreSQL tests start a throwaway server on loopback with Debian's postgresql binaries
postgres:
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql)

# Spark (letopis spark ingest, and its tests with local[2]) runs on a Java runtime: Debian's
java:
	command -v java >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless)

# two processes (pytest-xdist), each test file in one of them (its module fixtures built once)
test: install browser postgres java
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check src tests

eval: install
	$(BIN)/python eval/run.py

bench: install
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_growth.py
	$(BIN)/python bench/bench_spark.py
	$(BIN)/python bench/bench_web.py

clean:
	rm -rf $(VENV) node_modules src/letopis/web/static/vendor build dist letopis-sample.db*
