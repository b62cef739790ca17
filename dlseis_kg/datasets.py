"""The named-data-set gazetteer: find well-known data sets named in an inventory row.

The inventory has no data-set column, but titles, inputs, outputs and notes name
well-known data sets (STEAD, Marmousi, the F3 block, KiK-net, ...). ``data/vocab/
datasets.csv`` lists, per data-set concept (scheme ``dataset`` in ``concepts.csv``), the
regular expressions that name it: dataset, pattern, case (``sensitive`` or
``insensitive``), note. Every match is kept (file, row, column, matched text, data set)
so that a curator can check it in ``dataset_matches.csv``.

>>> from dlseis_kg.records import Record
>>> g = Gazetteer.load()
>>> rec = Record("x.csv", 7, title="Picking trained on STEAD", notes="uses the Marmousi model")
>>> [(m.column, m.text, m.dataset) for m in g.find(rec)]
[('title', 'STEAD', 'stead'), ('notes', 'Marmousi', 'marmousi')]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import astuple, dataclass
from pathlib import Path

from dlseis_kg.vocab import DATA_DIR

#: the record fields searched, in this order
COLUMNS = ("title", "inputs", "outputs", "notes")


@dataclass(frozen=True)
class Pattern:
    dataset: str
    regex: re.Pattern
    note: str = ""


@dataclass(frozen=True, order=True)
class Match:
    """One mention of a named data set in one cell."""

    file: str
    row: int
    column: str
    text: str
    dataset: str


MATCH_COLUMNS = ["file", "row", "column", "matched_text", "dataset"]


class Gazetteer:
    """Patterns naming data sets, read from ``data/vocab/datasets.csv``."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Gazetteer:
        path = Path(data_dir or DATA_DIR) / "vocab" / "datasets.csv"
        if not path.exists():
            return cls([])
        patterns = []
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["case"] not in ("sensitive", "insensitive"):
                    raise ValueError(f"datasets.csv: {r['pattern']!r}: case {r['case']!r}")
                flags = re.IGNORECASE if r["case"] == "insensitive" else 0
                patterns.append(Pattern(r["dataset"], re.compile(r["pattern"], flags), r["note"]))
        return cls(patterns)

    @property
    def datasets(self) -> set[str]:
        return {p.dataset for p in self.patterns}

    def find(self, rec) -> list[Match]:
        """Every mention in the record's title, inputs, outputs and notes, in cell order
        and, within a cell, in text order; overlapping mentions of one data set (the
        "Netherlands F3 Block" of two patterns) count once, the longest kept."""
        out: list[Match] = []
        for column in COLUMNS:
            value = getattr(rec, column)
            for text in [value] if isinstance(value, str) else value or []:
                found = sorted(
                    ((m.start(), -len(m.group(0)), p.dataset, m.group(0))
                     for p in self.patterns for m in p.regex.finditer(text)),
                )  # fmt: skip
                kept: list[tuple[int, int, str]] = []
                for start, neg_len, dataset, hit in found:
                    end = start - neg_len
                    if any(d == dataset and start < e and s < end for s, e, d in kept):
                        continue
                    kept.append((start, end, dataset))
                    out.append(Match(rec.file, rec.row, column, hit, dataset))
        return out


def matches_csv(matches: list[Match]) -> str:
    """The ``dataset_matches.csv`` text: header and one sorted row per match."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(MATCH_COLUMNS)
    for m in sorted(set(matches)):
        writer.writerow(astuple(m))
    return buf.getvalue()
