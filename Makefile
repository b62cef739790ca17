# dlseis-kg: the targets the README and CI use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup data browser run test lint format bench figures serve site clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## setup: create .venv and install the package with its dev tools
setup: $(STAMP)

## data: obtain the inventory CSVs (copy from ../shared or download), verify sha256
data: $(STAMP)
	$(PY) -m dlseis_kg fetch

## run: set up, fetch, build the graph from the deep inventory, print a summary
run: data
	$(PY) -m dlseis_kg build

## browser: Debian's Chromium for the browser test (installed when missing and we are root)
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser test"; \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else echo "note: /usr/bin/chromium missing and not root: the browser test will be skipped"; fi

## test: set up, fetch, install the test browser, run the whole test suite
test: data browser
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check dlseis_kg tests benchmarks
	$(PY) -m ruff format --check dlseis_kg tests benchmarks

format: $(STAMP)
	$(PY) -m ruff format dlseis_kg tests benchmarks
	$(PY) -m ruff check --fix dlseis_kg tests benchmarks

bench: data
	$(PY) benchmarks/bench_listcell.py
	$(PY) benchmarks/bench_build.py
	$(PY) benchmarks/bench_projection.py

## figures: regenerate the paper's figures and the network pictures into build/figures
figures: run
	$(PY) -m dlseis_kg figures

## serve: build, then serve the linked data, pages and SPARQL endpoint on localhost:8000
serve: run
	$(PY) -m dlseis_kg serve

## site: build, then write the static site into build/site
site: run
	$(PY) -m dlseis_kg publish --out build/site

clean:
	rm -rf build .pytest_cache
