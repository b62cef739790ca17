"""Shared fixtures: paths to the real inventories and builds made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlseis_kg.build import build
from dlseis_kg.sources import inventory_dir, load_manifest

TESTS = Path(__file__).resolve().parent
MESSY = TESTS / "data" / "messy" / "messy.csv"
SOURCES = {s.inventory: s for s in load_manifest()}


def real_csv(inventory: str) -> Path:
    """Path of a real inventory CSV; skips the test when set-up has not fetched it."""
    path = inventory_dir() / SOURCES[inventory].file
    if not path.exists():
        pytest.skip(f"{path} is missing: run `make data` (dlseis-kg fetch) first")
    return path


@pytest.fixture(scope="session")
def deep_build(tmp_path_factory):
    """The deep inventory built once (with SHACL validation) into a temporary folder."""
    out = tmp_path_factory.mktemp("deep")
    return build([real_csv("deep-2022-08-22")], store=out / "store", out=out)


@pytest.fixture(scope="session")
def store(deep_build):
    """The deep store directory (built once per session)."""
    return deep_build.store


@pytest.fixture(scope="session")
def kg(store):
    """The deep store, read-only, as a KnowledgeGraph."""
    from dlseis_kg.queries import KnowledgeGraph

    return KnowledgeGraph(store)


@pytest.fixture(scope="session")
def all_build(tmp_path_factory):
    """All three inventories built once into one store."""
    out = tmp_path_factory.mktemp("all")
    paths = [real_csv(name) for name in SOURCES]
    return build(paths, store=out / "store", out=out)


@pytest.fixture(scope="session")
def messy_build(tmp_path_factory):
    """The hand-made messy CSV built once."""
    out = tmp_path_factory.mktemp("messy")
    return build([MESSY], store=out / "store", out=out)
