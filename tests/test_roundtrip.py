"""Nothing lost: `export-csv` regenerates each inventory from the store, and every cell
matches the input (after trimming and list parsing), or the quality report says why not.

Concept cells come back as the concept's preferred label: a raw spelling that differs
must resolve to the same concept and be listed in the report as a label variant.
"""

from __future__ import annotations

import ast
import csv
from collections import defaultdict
from decimal import Decimal

import pytest

from dlseis_kg.export import export_csv
from dlseis_kg.listcell import Number
from dlseis_kg.records import CONCEPT_LIST_COLUMNS, read_inventory
from dlseis_kg.vocab import Vocabulary
from tests.conftest import SOURCES, real_csv

PAPER_COLUMNS = ("author", "year", "title", "journal")
SCALAR_CONCEPTS = ("category", "sub_category_I", "sub_category_II", "sub_task")


def _reported(problems, file):
    index = defaultdict(set)
    for p in problems:
        if p.file == file:
            index[(p.row, p.column)].add((p.code, p.value))
    return index


def _num(x):
    return Decimal(x.raw) if isinstance(x, Number) else x


class _Checker:
    def __init__(self, vocab, reported, row):
        self.vocab, self.reported, self.row, self.errors = vocab, reported, row, []

    def has(self, column, code, value=None):
        return any(c == code and (value is None or v == value)
                   for c, v in self.reported.get((self.row, column), ()))  # fmt: skip

    def concept_values(self, column, given, exported):
        scheme = self.vocab.by_column[column].name
        want = set()
        for raw in given:
            pref = self.vocab.resolve(scheme, raw).concept.pref_label
            if pref != raw and not self.has(column, "label-variant", raw):
                self.errors.append(f"{column}: {raw!r} came back as {pref!r}, not reported")
            want.add(pref)
        if want != set(exported):
            self.errors.append(f"{column}: {sorted(want)} != exported {sorted(exported)}")

    def equal(self, column, given, exported, *codes):
        if given != exported and not any(self.has(column, c) for c in codes):
            self.errors.append(f"{column}: {given!r} != exported {exported!r}")


def _check_row(vocab, reported, a, b) -> list[str]:
    ck = _Checker(vocab, reported, a.row)
    for col in PAPER_COLUMNS:
        given, got = getattr(a, col), getattr(b, col)
        if col == "journal" and given and got and given != got:
            if ck.has(col, "merge-conflict"):
                continue
            ck.concept_values(col, [given], [got])
        else:
            ck.equal(col, given, got, "merge-conflict", "invalid-year")
    for col in SCALAR_CONCEPTS:
        ck.concept_values(
            col, [v for v in [getattr(a, col)] if v], [v for v in [getattr(b, col)] if v]
        )
    for col in CONCEPT_LIST_COLUMNS:
        ck.concept_values(col, getattr(a, col), getattr(b, col))
    for col in ("inputs", "outputs"):
        ck.equal(col, set(getattr(a, col)), set(getattr(b, col)))
    ck.equal("hiddenLayers", a.layers, b.layers)
    ck.equal("data_size", sorted(a.data_size), sorted(b.data_size))
    ck.equal("performance_metrice", a.performance_metrice, b.performance_metrice)
    ck.equal("performance_score", [_num(s) for s in a.scores], [_num(s) for s in b.scores])
    ck.equal("baseline", a.baseline, b.baseline)
    ck.equal("notes", a.notes, b.notes)
    return [f"row {a.row}: {e}" for e in ck.errors]


@pytest.mark.parametrize("inventory", sorted(SOURCES))
def test_round_trip_cell_by_cell(all_build, tmp_path, inventory):
    from pyoxigraph import Store

    src = real_csv(inventory)
    out = tmp_path / "exported.csv"
    export_csv(Store.read_only(str(all_build.store)), inventory, out)
    given, _ = read_inventory(src)
    exported = {r.row: r for r in read_inventory(out)[0]}
    assert sorted(exported) == [r.row for r in given], "every input row comes back once"
    reported = _reported(all_build.problems, src.name)
    errors = [e for a in given for e in _check_row(Vocabulary.load(), reported, a, exported[a.row])]
    assert not errors, f"{len(errors)} cells differ:\n" + "\n".join(errors[:40])


def _raw_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(enumerate(csv.DictReader(fh), start=2))


@pytest.mark.parametrize("inventory", sorted(SOURCES))
def test_report_lists_every_misaligned_row_and_bad_year(all_build, inventory):
    path = real_csv(inventory)
    misaligned, bad_years = set(), set()
    for row, cells in _raw_rows(path):  # counted independently, with ast
        metrics = ast.literal_eval(cells["performance_metrice"].strip() or "[]")
        scores = ast.literal_eval(cells["performance_score"].strip() or "[]")
        if len(metrics) != len(scores):
            misaligned.add(row)
        if not (cells["year"].strip().isdigit() and len(cells["year"].strip()) == 4):
            bad_years.add(row)
    codes = defaultdict(set)
    for p in all_build.problems:
        if p.file == path.name:
            codes[p.code].add(p.row)
    assert codes["metric-score-mismatch"] == misaligned
    assert codes["invalid-year"] == bad_years
    assert len(bad_years) == 1 and len(misaligned) > 100


@pytest.mark.parametrize("inventory", sorted(SOURCES))
def test_report_lists_duplicate_titles(all_build, inventory):
    path = real_csv(inventory)
    by_title = defaultdict(list)
    for row, cells in _raw_rows(path):
        key = "".join(ch for ch in cells["title"].lower() if ch.isalnum())
        by_title[key].append(row)
    later_rows = {r for rows in by_title.values() for r in rows[1:]}
    reported = {p.row for p in all_build.problems
                if p.file == path.name and p.code in ("merged-duplicate", "duplicate-title")}  # fmt: skip
    assert later_rows == reported
    assert len(later_rows) >= 6
