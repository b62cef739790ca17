"""Problems found while reading and converting an inventory, and the quality report.

Each problem names the file, row and column of the cell it is about, the raw value,
a severity and a reason, in the manner of LinkML's validation report: every problem
is collected first, then reported.

>>> p = Problem("x.csv", 3, "year", "202", "warning", "invalid-year", "not a 4-digit year")
>>> p.where()
'x.csv, row 3, column year'
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from pathlib import Path

#: Severities, most serious first. ``error`` fails the build.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one cell (or row, when ``column`` is empty).

    ``row`` is the spreadsheet row number: the header is row 1, the first paper row 2.
    """

    file: str
    row: int
    column: str
    value: str
    severity: str
    code: str
    message: str

    def where(self) -> str:
        col = f", column {self.column}" if self.column else ""
        return f"{self.file}, row {self.row}{col}"

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f"{self.where()}: {self.severity}: {self.message} (value {shown!r})"


REPORT_COLUMNS = [f.name for f in fields(Problem)]


class InventoryError(ValueError):
    """An inventory that cannot be converted; carries every error-level problem.

    The message names the file, row and column of each problem (the first 20).
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row, p.column))
        lines = [str(p) for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"... and {len(self.problems) - 20} more")
        super().__init__(
            f"{len(self.problems)} error(s) in the input:\n" + "\n".join("  " + s for s in lines)
        )


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems without repeats, ordered by file, row, column, code, value."""
    return sorted(set(problems), key=lambda p: (p.file, p.row, p.column, p.code, p.value))


def report_csv(problems: Iterable[Problem]) -> str:
    """Render problems as the quality-report CSV text (header + one row each)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    for p in sort_problems(problems):
        writer.writerow(astuple(p))
    return buf.getvalue()


def read_report(path: str | Path) -> list[Problem]:
    """Read a quality report written by :func:`report_csv`."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return [Problem(**{**r, "row": int(r["row"])}) for r in reader]


def summarise(problems: Iterable[Problem]) -> Counter:
    """Count problems by (severity, code)."""
    return Counter((p.severity, p.code) for p in problems)
