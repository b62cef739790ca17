# dlseis-kg: the targets the README and CI use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup data run test lint format bench figures clean

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

## test: set up, fetch, run the whole test suite
test: data
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

clean:
	rm -rf build .pytest_cache
