"""Time the build stages on the real inventories (run: python benchmarks/bench_build.py).

Prints the minimum over a few repetitions of: reading and typing the CSV, converting
to quads, and the whole build with and without SHACL validation.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dlseis_kg.build import build, input_file  # noqa: E402
from dlseis_kg.convert import convert  # noqa: E402
from dlseis_kg.records import read_inventory  # noqa: E402
from dlseis_kg.registry import PaperRegistry  # noqa: E402
from dlseis_kg.sources import inventory_dir, load_manifest  # noqa: E402
from dlseis_kg.vocab import Vocabulary  # noqa: E402


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    paths = [inventory_dir() / s.file for s in load_manifest()]
    deep = paths[:1]
    records = read_inventory(deep[0])[0]
    src = input_file(deep[0])
    rows = [
        ("read + type deep CSV", best(lambda: read_inventory(deep[0]))),
        ("convert deep to quads",
         best(lambda: convert([(src, records)], Vocabulary.load(), PaperRegistry.load()))),
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for label, inputs, validate in (
            ("build deep, no SHACL", deep, False),
            ("build deep, with SHACL", deep, True),
            ("build all three, with SHACL", paths, True),
        ):
            out = Path(tmp) / label.replace(" ", "_")

            def run(i=inputs, v=validate, o=out):
                build(i, store=o / "store", out=o, validate=v)

            rows.append((label, best(run, 2)))
    width = max(len(r[0]) for r in rows)
    print(f"{'stage':<{width}}  seconds (min)")
    for label, secs in rows:
        print(f"{label:<{width}}  {secs:8.3f}")


if __name__ == "__main__":
    main()
