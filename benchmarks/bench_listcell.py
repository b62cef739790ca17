"""Time parse_list against ast.literal_eval over every list cell of the inventories.

Run ``python benchmarks/bench_listcell.py [--repeat N]`` after ``dlseis-kg fetch``.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dlseis_kg.listcell import parse_list  # noqa: E402
from dlseis_kg.sources import inventory_dir, load_manifest  # noqa: E402


def list_cells() -> list[str]:
    """Every cell of the fetched inventories whose stripped text starts with '['."""
    cells = []
    for source in load_manifest():
        path = inventory_dir() / source.file
        if not path.is_file():
            raise SystemExit(f"{path} is missing: run `dlseis-kg fetch` first")
        with open(path, newline="", encoding="utf-8") as fh:
            cells += [c for row in csv.reader(fh) for c in row if c.strip().startswith("[")]
    return cells


def best_time(func: Callable[[str], object], cells: list[str], repeat: int) -> float:
    """The minimum over ``repeat`` runs of the seconds taken to parse all ``cells``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for cell in cells:
            func(cell)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print a table of timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per parser (min is reported)")
    args = parser.parse_args(argv)
    cells = list_cells()
    stripped = [c.strip() for c in cells]  # as the real-data test feeds ast
    rows = [
        ("parse_list", best_time(parse_list, cells, args.repeat)),
        ("ast.literal_eval", best_time(ast.literal_eval, stripped, args.repeat)),
    ]
    base = rows[0][1]
    print(f"{len(cells)} list cells, {sum(map(len, cells))} chars, min of {args.repeat} runs")
    print(f"{'parser':<18}{'total ms':>10}{'µs/cell':>10}{'relative':>10}")
    for name, seconds in rows:
        per_cell = seconds / len(cells) * 1e6
        print(f"{name:<18}{seconds * 1e3:>10.1f}{per_cell:>10.2f}{seconds / base:>9.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
