"""Weighted networkx graphs projected from the sparse incidence matrices.

The projection is one sparse product: with X (papers x source concepts) and Y (papers x
target concepts) binary, ``C = X.T @ Y`` holds in ``C[a, b]`` the number of papers that
have both *a* and *b*. Node IDs are concept IRIs; see ``docs/analytics.md`` for every
attribute.

>>> from dlseis_kg.queries import KnowledgeGraph
>>> g = graph(KnowledgeGraph("build/store"), "architecture-task")    # doctest: +SKIP
>>> g.nodes["https://w3id.org/dlseis/task/phase-picking"]["label"]  # doctest: +SKIP
'Phase Picking'
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from dlseis_kg.analytics import measures
from dlseis_kg.analytics.incidence import Filters, Incidence, Kind, load
from dlseis_kg.queries import KnowledgeGraph

EDGE_COLUMNS = [
    "source",
    "target",
    "weight",
    "paper_count",
    "expected",
    "jaccard",
    "lift",
    "pmi",
    "npmi",
    "first_year",
    "last_year",
    "paper_iris",
]


def cooccurrence(x: sp.sparray, y: sp.sparray, *, upper: bool = False) -> sp.coo_array:
    """Co-occurrence counts ``x.T @ y`` as a COO array (zeros dropped).

    Parameters
    ----------
    x, y : sparse arrays, shape (papers, concepts)
        Binary incidences over the same papers.
    upper : bool
        Keep only entries above the diagonal (for ``x`` projected on itself).

    >>> x = sp.csr_array(np.array([[1, 1, 0], [1, 1, 1], [0, 0, 1]]))
    >>> c = cooccurrence(x, x, upper=True)
    >>> sorted(zip(c.row.tolist(), c.col.tolist(), c.data.tolist()))
    [(0, 1, 2), (0, 2, 1), (1, 2, 1)]
    """
    c = (x.T @ y).tocoo()
    if upper:
        c = sp.triu(c, k=1, format="coo")
    c.eliminate_zeros()
    return sp.coo_array(c)


def edge_papers(x: sp.sparray, y: sp.sparray, rows: np.ndarray, cols: np.ndarray) -> sp.csc_array:
    """Papers x edges: column ``e`` marks the papers having both ``rows[e]`` and ``cols[e]``.

    >>> x = sp.csr_array(np.array([[1, 0], [1, 1], [0, 1]]))
    >>> z = edge_papers(x, x, np.array([0]), np.array([1]))
    >>> z.indices.tolist()
    [1]
    """
    z = sp.csc_array(x[:, rows]).multiply(sp.csc_array(y[:, cols]))
    z = sp.csc_array(z)
    z.sort_indices()
    return z


def edge_table(inc: Incidence) -> pd.DataFrame:
    """One row per edge (concept pair with at least one paper), all measures included.

    Columns are :data:`EDGE_COLUMNS`; ``source``/``target`` are IRIs, ``weight`` and
    ``paper_count`` the number of papers having both, ``paper_iris`` a list of IRIs.
    Undirected one-scheme kinds list each pair once (source IRI < target IRI).
    """
    x, y = inc.source, inc.target
    c = cooccurrence(x, y, upper=not inc.kind.bipartite and not inc.kind.directed)
    rows, cols, n_ab = c.row, c.col, c.data.astype(np.int64)
    if not inc.kind.bipartite and inc.kind.directed:
        keep = rows != cols
        rows, cols, n_ab = rows[keep], cols[keep], n_ab[keep]
    order = np.lexsort((cols, rows))
    rows, cols, n_ab = rows[order], cols[order], n_ab[order]
    n_a = np.asarray(x.sum(axis=0)).ravel()[rows]
    n_b = np.asarray(y.sum(axis=0)).ravel()[cols]
    n = inc.n
    z = edge_papers(x, y, rows, cols)
    starts = z.indptr[:-1]
    years = inc.years[z.indices]
    first = np.fmin.reduceat(years, starts) if len(rows) else np.zeros(0)
    last = np.fmax.reduceat(years, starts) if len(rows) else np.zeros(0)
    papers = np.split(inc.papers[z.indices], z.indptr[1:-1]) if len(rows) else []
    return pd.DataFrame(
        {
            "source": inc.source_items["iri"].to_numpy()[rows],
            "target": inc.target_items["iri"].to_numpy()[cols],
            "weight": n_ab,
            "paper_count": n_ab,
            "expected": measures.expected(n_a, n_b, n),
            "jaccard": measures.jaccard(n_ab, n_a, n_b),
            "lift": measures.lift(n_ab, n_a, n_b, n),
            "pmi": measures.pmi(n_ab, n_a, n_b, n),
            "npmi": measures.npmi(n_ab, n_a, n_b, n),
            "first_year": pd.array(np.where(np.isnan(first), None, first), dtype="Int64"),
            "last_year": pd.array(np.where(np.isnan(last), None, last), dtype="Int64"),
            "paper_iris": [p.tolist() for p in papers],
        },
        columns=EDGE_COLUMNS,
    )


def node_table(inc: Incidence) -> pd.DataFrame:
    """One row per concept with at least one paper: ``iri``, ``label``, ``scheme``,
    ``paper_count`` and ``bipartite`` (0 source side, 1 target side)."""
    frames = []
    sides = [(inc.source, inc.source_items, 0)]
    if inc.kind.bipartite:
        sides.append((inc.target, inc.target_items, 1))
    for m, items, side in sides:
        counts = np.asarray(m.sum(axis=0)).ravel().astype(np.int64)
        frames.append(items.assign(paper_count=counts, bipartite=side)[counts > 0])
    return pd.concat(frames, ignore_index=True)


def _clean(value):
    """Python scalars for graph attributes; None for NaN."""
    if value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def build_graph(inc: Incidence) -> nx.Graph:
    """The weighted graph of an incidence (``nx.DiGraph`` for directed kinds).

    Graph attributes: ``kind``, ``source_scheme``, ``target_scheme``, ``papers`` (N)
    and the filters; first/last year are left out of an edge whose papers have no year.
    """
    kind: Kind = inc.kind
    g = nx.DiGraph() if kind.directed else nx.Graph()
    g.graph.update(
        kind=kind.name,
        source_scheme=kind.source,
        target_scheme=kind.target,
        papers=inc.n,
        **inc.filters.summary(),
    )
    nodes = node_table(inc)
    g.add_nodes_from(
        (r["iri"], {k: _clean(v) for k, v in r.items()}) for r in nodes.to_dict("records")
    )
    edges = edge_table(inc)
    attrs = [c for c in EDGE_COLUMNS if c not in ("source", "target")]
    g.add_edges_from(
        (r["source"], r["target"], {k: v for k in attrs if (v := _clean(r[k])) is not None})
        for r in edges.to_dict("records")
    )
    return g


def graph(kg: KnowledgeGraph, kind: Kind | str, filters: Filters | None = None) -> nx.Graph:
    """Load the kind's incidence from the store and build its graph."""
    return build_graph(load(kg, kind, filters))


def edges_frame(g: nx.Graph) -> pd.DataFrame:
    """The edges of a built graph as a DataFrame, with node labels added.

    Columns: ``source``, ``target``, ``source_label``, ``target_label`` and every edge
    attribute. Edges of a bipartite graph run from the source side (``bipartite`` 0)
    to the target side.
    """
    side = dict(g.nodes(data="bipartite", default=0))
    flip = not g.is_directed()
    rows = [
        {"source": v, "target": u, **d}
        if flip and side[u] > side[v]
        else {"source": u, "target": v, **d}
        for u, v, d in g.edges(data=True)
    ]
    df = pd.DataFrame(rows, columns=["source", "target"] if not rows else None)
    labels = dict(g.nodes(data="label"))
    df.insert(2, "source_label", df["source"].map(labels))
    df.insert(3, "target_label", df["target"].map(labels))
    return df
