"""Malformed inventories fail the build with file, row and column named, and the
previous store keeps answering queries (builds are atomic)."""

from __future__ import annotations

import pytest

from dlseis_kg.build import build
from dlseis_kg.cli import main
from dlseis_kg.problems import InventoryError
from dlseis_kg.queries import KnowledgeGraph
from tests.conftest import MESSY


def _variant(tmp_path, name: str, old: bytes, new: bytes) -> str:
    data = MESSY.read_bytes()
    assert old in data, "the messy fixture changed; update this test"
    path = tmp_path / name
    path.write_bytes(data.replace(old, new, 1))
    return str(path)


@pytest.fixture
def good_store(tmp_path):
    out = tmp_path / "out"
    build([MESSY], store=tmp_path / "store", out=out, validate=False)
    return tmp_path / "store", out


def _papers(store) -> int:
    df = KnowledgeGraph(store).query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:ScholarlyArticle }"
    )
    return int(df["n"][0])


CASES = {
    # wrong column count: a cell dropped from row 3 (the notes column goes missing)
    "columns.csv": (b"['Murdock\xc2\xb1Hutt detector', 'STA/LTA']\",  C53", b"['x']\"", 3, "notes"),
    # broken list literal in row 2: unterminated string
    "list.csv": (b"\"['?', 64, '?']\"", b"\"['?', 64, '?]\"", 2, "hiddenLayers"),
    # bytes that are not UTF-8 in row 5's title
    "bytes.csv": (b"Artificial neural network-based  seismic", b"Artificial neural \xff\xfe-based  seismic",
                  5, "title"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_input_names_file_row_column(tmp_path, name):
    old, new, row, column = CASES[name]
    path = _variant(tmp_path, name, old, new)
    with pytest.raises(InventoryError) as err:
        build([path], store=tmp_path / "s", out=tmp_path / "o", validate=False)
    problem = err.value.problems[0]
    assert (problem.file, problem.row, problem.column, problem.severity) == (
        name,
        row,
        column,
        "error",
    )
    assert f"{name}, row {row}, column {column}" in str(err.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_failed_build_leaves_previous_store_answering(tmp_path, good_store, capsys, name):
    store, out = good_store
    before = _papers(store)
    report_before = (out / "quality_report.csv").read_bytes()
    old, new, row, column = CASES[name]
    path = _variant(tmp_path, name, old, new)
    code = main(["build", "--input", path, "--store", str(store), "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{name}, row {row}, column {column}" in err
    assert _papers(store) == before == 5
    assert (out / "quality_report.csv").read_bytes() == report_before
    assert not list(tmp_path.glob("store.tmp-*")) and not list(out.glob(".tmp-*"))


def test_all_errors_of_a_file_are_collected(tmp_path):
    data = MESSY.read_bytes()
    data = data.replace(b"\"['?', 64, '?']\"", b"\"['?', 64 '?']\"", 1)
    data = data.replace(b"['Magnitude Estimation']", b"[Magnitude Estimation]", 1)
    path = tmp_path / "two.csv"
    path.write_bytes(data)
    with pytest.raises(InventoryError) as err:
        build([path], store=tmp_path / "s", out=tmp_path / "o", validate=False)
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "hiddenLayers"), (4, "task")]


def test_wrong_header_is_an_error(tmp_path):
    path = tmp_path / "header.csv"
    path.write_bytes(MESSY.read_bytes().replace(b"performance_metrice", b"metric", 1))
    with pytest.raises(InventoryError, match="header.csv, row 1: error: header differs"):
        build([path], store=tmp_path / "s", out=tmp_path / "o", validate=False)
