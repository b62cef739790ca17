"""Write the graphs as GraphML, GEXF, node-link JSON or a CSV edge list.

GraphML and GEXF cannot hold lists, so ``paper_iris`` is written there (and in the
CSV) as one space-separated string; node-link JSON keeps it a list.

>>> import io, networkx as nx
>>> g = nx.Graph(kind="demo")
>>> g.add_node("a", label="A", paper_count=2)
>>> g.add_node("b", label="B", paper_count=1)
>>> g.add_edge("a", "b", weight=1, paper_iris=["p1"])
>>> print(to_csv(g).splitlines()[1])
a,b,A,B,1,p1
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from dlseis_kg.analytics.graphs import edges_frame

FORMATS = ("graphml", "gexf", "json", "csv")
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}


def format_for(path: str | Path | None, default: str = "graphml") -> str:
    """The export format named by a file suffix, else ``default``.

    >>> format_for("x.gexf"), format_for(None)
    ('gexf', 'graphml')
    """
    return SUFFIXES.get(Path(path).suffix.lower(), default) if path else default


def flat(g: nx.Graph) -> nx.Graph:
    """A copy whose list attributes are space-separated strings and without None values."""

    def scalar(d: dict) -> dict:
        return {
            k: " ".join(map(str, v)) if isinstance(v, list | tuple) else v
            for k, v in d.items()
            if v is not None
        }

    h = g.__class__()
    h.graph.update(scalar(g.graph))
    h.add_nodes_from((n, scalar(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((u, v, scalar(d)) for u, v, d in g.edges(data=True))
    return h


def to_node_link(g: nx.Graph) -> dict:
    """networkx node-link data (``nodes`` and ``edges`` lists), JSON-serialisable."""
    return nx.node_link_data(g, edges="edges")


def to_csv(g: nx.Graph) -> str:
    """The edge list as CSV: source, target, their labels, then every edge attribute."""
    df = edges_frame(flat(g))
    return df.to_csv(index=False, lineterminator="\n")


def write(g: nx.Graph, out: str | Path | BinaryIO, fmt: str = "graphml") -> None:
    """Write ``g`` in ``fmt`` (one of :data:`FORMATS`) to a path or a binary stream.

    Raises
    ------
    ValueError
        For an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "graphml":
        data = _bytes(lambda fh: nx.write_graphml(flat(g), fh, encoding="utf-8"))
    elif fmt == "gexf":
        data = _bytes(lambda fh: nx.write_gexf(flat(g), fh, encoding="utf-8"))
    elif fmt == "json":
        text = json.dumps(to_node_link(g), indent=1, ensure_ascii=False, default=_json_default)
        data = (text + "\n").encode("utf-8")
    else:
        data = to_csv(g).encode("utf-8")
    if isinstance(out, str | Path):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)
    else:
        out.write(data)


def _bytes(writer) -> bytes:
    buf = io.BytesIO()
    writer(buf)
    return buf.getvalue()


def _json_default(value):
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serialisable: {value!r}")
