"""Serialise the store: sorted N-Triples, N-Quads, Turtle and JSON-LD.

The sorted N-Triples dump is the union of all graphs, one distinct triple per line in
code-point order, so two builds of the same inputs give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize

from dlseis_kg.namespaces import PREFIXES

DUMPS = {
    "graph.nt": RdfFormat.N_TRIPLES,
    "graph.nq": RdfFormat.N_QUADS,
    "graph.ttl": RdfFormat.TURTLE,
    "graph.jsonld": RdfFormat.JSON_LD,
}


def union_triples(st: Store, graphs: list[NamedNode] | None = None) -> list[Triple]:
    """Distinct triples of the given graphs (all graphs when None), sorted."""
    if graphs is None:
        quads = st.quads_for_pattern(None, None, None, None)
        triples = {q.triple for q in quads}
    else:
        triples = {q.triple for g in graphs for q in st.quads_for_pattern(None, None, None, g)}
    return sorted(triples, key=str)


def ntriples(st: Store, graphs: list[NamedNode] | None = None) -> str:
    """Sorted N-Triples text of the given graphs (all when None)."""
    data = serialize(union_triples(st, graphs), format=RdfFormat.N_TRIPLES)
    return "".join(sorted(data.decode("utf-8").splitlines(keepends=True)))


def write_all(st: Store, out: Path) -> int:
    """Write every dump into ``out``; return the number of distinct triples."""
    triples = union_triples(st)
    nt = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8")
    lines = sorted(nt.splitlines(keepends=True))
    (out / "graph.nt").write_text("".join(lines), encoding="utf-8")
    quads = sorted(st.quads_for_pattern(None, None, None, None), key=str)
    (out / "graph.nq").write_bytes(serialize(quads, format=RdfFormat.N_QUADS))
    (out / "graph.ttl").write_bytes(serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES))
    (out / "graph.jsonld").write_bytes(serialize(quads, format=RdfFormat.JSON_LD))
    return len(lines)
