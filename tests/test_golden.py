"""Golden tests: small input folders with hand-written expected Turtle, compared as
graphs (isomorphism) with a readable diff on failure."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, serialize
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from dlseis_kg import __version__
from dlseis_kg.build import build
from dlseis_kg.namespaces import graph_iri

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "expected.ttl").exists())


def _expected(case: Path) -> Graph:
    sha = hashlib.sha256((case / "input.csv").read_bytes()).hexdigest()
    build_hash = hashlib.sha256(__version__.encode() + sha.encode()).hexdigest()[:16]
    text = (case / "expected.ttl").read_text(encoding="utf-8")
    text = text.replace("SHA256", sha).replace("build/BUILD", f"build/{build_hash}")
    return Graph().parse(data=text, format="turtle")


def _actual(store_dir: Path) -> Graph:
    st = Store.read_only(str(store_dir))
    quads = st.quads_for_pattern(None, None, None, graph_iri("input"))
    data = serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def _diff(expected: Graph, actual: Graph) -> str:
    _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = ["missing (expected, not produced):"]
    lines += sorted(f"  - {s.n3()} {p.n3()} {o.n3()}" for s, p, o in missing)
    lines += ["extra (produced, not expected):"]
    lines += sorted(f"  + {s.n3()} {p.n3()} {o.n3()}" for s, p, o in extra)
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES)
def test_golden_case(tmp_path, case):
    folder = GOLDEN / case
    build([folder / "input.csv"], store=tmp_path / "store", out=tmp_path / "out")
    expected, actual = _expected(folder), _actual(tmp_path / "store")
    assert to_isomorphic(expected) == to_isomorphic(actual), _diff(expected, actual)


def test_golden_cases_exist():
    assert {"one_row", "merge_mismatch"} <= set(CASES)
