"""Reading and typing the hand-made messy CSV: every kind of mess of the real data."""

from decimal import Decimal

from dlseis_kg.listcell import Number
from dlseis_kg.records import read_inventory
from tests.conftest import MESSY


def _by_row():
    records, problems = read_inventory(MESSY)
    return {r.row: r for r in records}, problems


def test_cells_are_trimmed_and_typed():
    rows, _ = _by_row()
    tiira = rows[3]
    assert tiira.author == "Tiira"
    assert tiira.title == "Detecting teleseismic events using LSTMs"
    assert tiira.notes == "C53"
    assert tiira.outputs == ["noise", "event"]
    assert rows[2].sub_task is None  # a single space means none
    assert rows[7].sub_category_II is None


def test_unknown_layer_widths_are_kept_as_none_in_order():
    rows, _ = _by_row()
    assert rows[2].layers == [None, 64, None]
    assert rows[3].layers == [32, 32]


def test_scores_keep_their_raw_token():
    rows, _ = _by_row()
    assert rows[2].scores == [Number("0.98", 0.98), Number("1", 1)]
    assert Decimal(rows[2].scores[0].raw) == Decimal("0.98")


def test_backslash_escapes_are_decoded_as_python_would():
    rows, _ = _by_row()
    assert rows[4].inputs == ["moment rate max\u2000t"]


def test_impossible_year_is_reported_not_guessed():
    rows, problems = _by_row()
    assert rows[4].year is None
    bad = [p for p in problems if p.code == "invalid-year"]
    assert [(p.row, p.column, p.value, p.severity) for p in bad] == [(4, "year", "202", "warning")]


def test_misaligned_metric_and_score_lists_are_reported_and_unpaired():
    rows, problems = _by_row()
    assert not rows[3].metrics_paired
    assert rows[3].raw_scores == "[0.9]"
    mismatch = {p.row: p.severity for p in problems if p.code == "metric-score-mismatch"}
    # both lists non-empty: a warning; one of them empty: an info
    assert mismatch == {3: "warning", 6: "info", 7: "info"}
    assert rows[2].metrics_paired and rows[2].raw_scores is None


def test_non_numeric_paired_score_is_reported():
    _, problems = _by_row()
    found = [(p.row, p.value) for p in problems if p.code == "non-numeric-score"]
    assert found == [(4, "high")]


def test_repeated_value_in_a_concept_list_is_reported():
    rows, problems = _by_row()
    assert rows[4].neuralNetwork_type == ["CNN"]
    assert [(p.row, p.column) for p in problems if p.code == "repeated-item"] == [
        (4, "neuralNetwork_type")
    ]
    # metrics are positional: a repeat is kept
    assert rows[7].performance_metrice == ["MSE", "mse"]


def test_editor_markers_in_notes_are_kept_and_reported():
    rows, problems = _by_row()
    assert rows[2].notes == "developed one of the first detectors *$*"
    assert rows[3].notes == "C53"
    found = [(p.row, p.value) for p in problems if p.code == "editor-marker"]
    assert found == [(3, "C53")]  # a marker that opens the note
