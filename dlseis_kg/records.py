"""Read an inventory CSV into typed records, collecting every problem first.

Clean first, then convert: :func:`read_inventory` checks bytes, header, column
counts and list literals, types every cell, and returns the records together with the
non-fatal problems. Fatal problems (unreadable bytes, a wrong header or column count,
a broken list literal) are all collected and raised at once as
:class:`~dlseis_kg.problems.InventoryError`, naming file, row and column.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "x.csv").write_text(",".join(COLUMNS) + "\\n" +
...     "Wang,1995,C,S1,S2,['Event Detection'], ,A title,BSSA,['ANN'],['FC'],[],['?'],"
...     "['Supervised_Learning'],[],[],['time'],['field'],[50],['Precision'],[0.98],[],n\\n")
>>> records, problems = read_inventory(d / "x.csv")
>>> records[0].tasks, records[0].layers, records[0].scores[0].raw
(['Event Detection'], [None], '0.98')
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from dlseis_kg.listcell import ListCellError, Number, parse_list
from dlseis_kg.problems import InventoryError, Problem

COLUMNS = [
    "author", "year", "category", "sub_category_I", "sub_category_II", "task", "sub_task",
    "title", "journal", "ml_type", "neuralNetwork_type", "neuralNetwork_name", "hiddenLayers",
    "training_process", "inputs", "outputs", "data_domain", "data_type", "data_size",
    "performance_metrice", "performance_score", "baseline", "notes",
]  # fmt: skip

SCALAR_COLUMNS = (
    "author",
    "year",
    "category",
    "sub_category_I",
    "sub_category_II",
    "sub_task",
    "title",
    "journal",
    "notes",
)
LIST_COLUMNS = tuple(c for c in COLUMNS if c not in SCALAR_COLUMNS)
#: List columns whose items are concept labels (a set: order carries no meaning).
CONCEPT_LIST_COLUMNS = (
    "task",
    "ml_type",
    "neuralNetwork_type",
    "neuralNetwork_name",
    "training_process",
    "data_domain",
    "data_type",
)
#: List columns kept in order, one node per item (repeats are meaningful).
POSITIONAL_COLUMNS = ("performance_metrice", "baseline")
YEAR_RANGE = (1900, 2100)
#: editor markers that open a notes cell ("@@", "*$*", "*", "C53", "C31 -")
EDITOR_MARKER = re.compile(r"^(@@|\*\$\*|\*|C\d+\b)")


@dataclass
class Record:
    """One inventory row, trimmed and typed. ``None``/empty list means the cell was empty."""

    file: str
    row: int
    author: str | None = None
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    category: str | None = None
    sub_category_I: str | None = None
    sub_category_II: str | None = None
    sub_task: str | None = None
    notes: str | None = None
    task: list[str] = field(default_factory=list)
    ml_type: list[str] = field(default_factory=list)
    neuralNetwork_type: list[str] = field(default_factory=list)
    neuralNetwork_name: list[str] = field(default_factory=list)
    training_process: list[str] = field(default_factory=list)
    data_domain: list[str] = field(default_factory=list)
    data_type: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    #: layer widths in order; ``None`` is an unknown width (``?``)
    layers: list[int | None] = field(default_factory=list)
    data_size: list[int] = field(default_factory=list)
    performance_metrice: list[str] = field(default_factory=list)
    #: scores in order: :class:`Number` (raw token kept) or a non-numeric string
    scores: list[Number | str] = field(default_factory=list)
    baseline: list[str] = field(default_factory=list)
    #: raw text of the score cell (kept when metric and score lists do not pair up)
    raw_scores: str | None = None

    @property
    def tasks(self) -> list[str]:
        return self.task

    @property
    def metrics_paired(self) -> bool:
        """True when every metric has exactly one score at the same position."""
        return len(self.performance_metrice) == len(self.scores)


def _decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """Decode UTF-8; on bad bytes, name the row and column of each bad cell."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    problems = []
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    for rownum, cells in enumerate(rows, start=2):
        for i, cell in enumerate(cells):
            bad = [c for c in cell if "\udc80" <= c <= "\udcff"]
            if bad:
                col = header[i] if i < len(header) else f"#{i + 1}"
                shown = cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                msg = f"bytes that are not UTF-8: {bytes(ord(c) - 0xDC00 for c in bad)!r}"
                problems.append(Problem(path.name, rownum, col, shown, "error", "bad-bytes", msg))
    return text, problems


def read_inventory(path: str | Path) -> tuple[list[Record], list[Problem]]:
    """Read and type one inventory CSV.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, the 23 inventory columns).

    Returns
    -------
    records : list of Record
    problems : list of Problem
        Warnings and infos (data-quality findings that do not stop the build).

    Raises
    ------
    InventoryError
        With every error-level problem (file, row, column named), when the file cannot
        be converted: unreadable bytes, wrong header, wrong column count, broken list.
    OSError
        When the file cannot be read.
    """
    path = Path(path)
    text, fatal = _decode(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if header != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        extra = [c for c in header if c not in COLUMNS]
        msg = f"header differs from the inventory's 23 columns (missing {missing}, extra {extra})"
        fatal.append(Problem(path.name, 1, "", ",".join(header), "error", "bad-header", msg))
        raise InventoryError(fatal)
    records, problems = [], []
    for rownum, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(COLUMNS):
            if len(cells) < len(COLUMNS):
                col, what = COLUMNS[len(cells)], "missing from here on"
            else:
                col, what = f"#{len(COLUMNS) + 1}", "extra cells after notes"
            msg = f"{len(cells)} cells where the header has {len(COLUMNS)} ({what})"
            fatal.append(Problem(path.name, rownum, col, "", "error", "column-count", msg))
            continue
        rec, found = _type_row(path.name, rownum, dict(zip(COLUMNS, cells, strict=True)))
        records.append(rec)
        problems.extend(found)
    fatal.extend(p for p in problems if p.severity == "error")
    if fatal:
        raise InventoryError(fatal)
    return records, problems


def _type_row(file: str, row: int, cells: dict[str, str]) -> tuple[Record, list[Problem]]:
    rec = Record(file=file, row=row)
    problems: list[Problem] = []

    def report(column: str, value: str, severity: str, code: str, message: str) -> None:
        problems.append(Problem(file, row, column, value, severity, code, message))

    for col in SCALAR_COLUMNS:
        value = cells[col].strip()
        if col == "year":
            _set_year(rec, value, report)
        elif value:
            setattr(rec, col, value)
    marker = EDITOR_MARKER.match(rec.notes or "")
    if marker:
        report("notes", marker.group(1), "info", "editor-marker",
               "the note opens with an editor's marker; kept verbatim")  # fmt: skip
    for col in LIST_COLUMNS:
        raw = cells[col].strip()
        if not raw:
            continue
        try:
            items = parse_list(raw)
        except ListCellError as exc:
            report(
                col, raw, "error", "bad-list", f"not a list literal: {exc.reason} at {exc.offset}"
            )
            continue
        _set_list(rec, col, raw, items, report)
    _check_pairing(rec, report)
    return rec, problems


def _set_year(rec: Record, value: str, report) -> None:
    if not value:
        return
    if value.isdigit() and len(value) == 4 and YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]:
        rec.year = int(value)
    else:
        report("year", value, "warning", "invalid-year", "not a plausible 4-digit year; left out")


def _set_list(rec: Record, col: str, raw: str, items: list, report) -> None:
    if col == "hiddenLayers":
        rec.layers = [_layer(it, raw, report) for it in items]
        return
    if col == "data_size":
        for it in items:
            if isinstance(it, Number) and isinstance(it.value, int) and it.value >= 0:
                rec.data_size.append(it.value)
            else:
                report(col, str(it), "warning", "bad-size", "training-set size is not a count")
        return
    if col == "performance_score":
        rec.scores = [it if isinstance(it, Number) else it.strip() for it in items]
        rec.raw_scores = raw
        return
    values: list[str] = []
    for it in items:
        text = it.raw if isinstance(it, Number) else it.strip()
        if not text:
            report(col, raw, "info", "empty-item", "an empty item in the list; left out")
        elif col not in POSITIONAL_COLUMNS and text in values:
            report(col, text, "info", "repeated-item", "the same value twice in one list")
        else:
            values.append(text)
    setattr(rec, col, values)


def _layer(item, raw: str, report) -> int | None:
    if isinstance(item, Number) and isinstance(item.value, int) and item.value > 0:
        return item.value
    if item != "?":
        report("hiddenLayers", raw, "warning", "bad-layer", f"{item!s} is not a width; unknown")
    return None


def _check_pairing(rec: Record, report) -> None:
    n_m, n_s = len(rec.performance_metrice), len(rec.scores)
    if n_m == n_s:
        rec.raw_scores = None
        for metric, score in zip(rec.performance_metrice, rec.scores, strict=True):
            if not isinstance(score, Number):
                report(
                    "performance_score",
                    score,
                    "warning",
                    "non-numeric-score",
                    f"score for {metric!r} is not a number; kept as raw text",
                )
        return
    severity = "warning" if n_m and n_s else "info"
    msg = f"{n_m} metric(s) but {n_s} score(s): scores kept unpaired"
    report("performance_score", rec.raw_scores or "", severity, "metric-score-mismatch", msg)
