"""Venue kinds (journal, conference, preprint) and the FaBiO classes they imply.

>>> VenueKinds.load().paper_class("preprint")
'http://purl.org/spar/fabio/Preprint'
"""

from __future__ import annotations

import csv
from pathlib import Path

from dlseis_kg.vocab import DATA_DIR


class VenueKinds:
    """Reads ``data/vocab/venue_kinds.csv``: kind -> paper class and venue class."""

    def __init__(self, rows: list[dict[str, str]]):
        self.rows = {r["kind"]: r for r in rows}

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> VenueKinds:
        path = Path(data_dir or DATA_DIR) / "vocab" / "venue_kinds.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            return cls(list(csv.DictReader(fh)))

    def _row(self, kind: str) -> dict[str, str]:
        if kind not in self.rows:
            raise ValueError(f"unknown venue kind {kind!r}; known: {sorted(self.rows)}")
        return self.rows[kind]

    def paper_class(self, kind: str) -> str:
        return self._row(kind)["paper_class"]

    def venue_class(self, kind: str) -> str:
        return self._row(kind)["venue_class"]
