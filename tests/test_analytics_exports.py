"""Exports read back (networkx, igraph) with the same nodes, edges and weights; the CLI."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from dlseis_kg import cli_analytics
from dlseis_kg.analytics import KINDS, cooccurrence, exports, graph
from dlseis_kg.queries import KnowledgeGraph

pytestmark = pytest.mark.real
DEEP = Path(__file__).resolve().parent.parent / "inventory" / "paper_inventory_deep.csv"
ROUND_TRIP_KINDS = ["architecture-task", "task-task", "comparison", "metric-task"]


def weights(g) -> dict[tuple[str, str], float]:
    return {(u, v): float(w) for u, v, w in g.edges(data="weight")}


def same_edges(a: dict, b: dict, directed: bool) -> bool:
    if directed:
        return a == b
    norm = lambda d: {tuple(sorted(k)): v for k, v in d.items()}  # noqa: E731
    return norm(a) == norm(b)


@pytest.mark.parametrize("kind", ROUND_TRIP_KINDS)
def test_graphml_and_gexf_read_back_by_networkx(kg, tmp_path: Path, kind: str) -> None:
    g = graph(kg, kind)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        exports.write(g, path, fmt)
        h = reader(path)
        assert h.is_directed() == g.is_directed() == KINDS[kind].directed
        assert (h.number_of_nodes(), h.number_of_edges()) == (
            g.number_of_nodes(),
            g.number_of_edges(),
        )
        assert set(h) == set(g)
        assert same_edges(weights(h), weights(g), g.is_directed()), fmt
        assert {n: d["label"] for n, d in h.nodes(data=True)} == dict(g.nodes(data="label"))
        assert dict(h.nodes(data="paper_count")) == dict(g.nodes(data="paper_count"))
        u, v, d = next(iter(g.edges(data=True)))
        assert h.edges[u, v]["paper_iris"].split() == d["paper_iris"]
        assert h.edges[u, v]["lift"] == pytest.approx(d["lift"])


@pytest.mark.parametrize("kind", ROUND_TRIP_KINDS)
def test_graphml_read_back_by_igraph(kg, tmp_path: Path, kind: str) -> None:
    ig = pytest.importorskip("igraph")
    g = graph(kg, kind)
    path = tmp_path / "g.graphml"
    exports.write(g, path, "graphml")
    h = ig.Graph.Read_GraphML(str(path))
    assert (h.vcount(), h.ecount(), h.is_directed()) == (
        g.number_of_nodes(),
        g.number_of_edges(),
        g.is_directed(),
    )
    ids = h.vs["id"]
    got = {(ids[e.source], ids[e.target]): e["weight"] for e in h.es}
    assert same_edges(got, weights(g), g.is_directed())
    assert sum(h.es["weight"]) == sum(w for *_, w in g.edges(data="weight"))
    assert dict(zip(ids, h.vs["label"], strict=True)) == dict(g.nodes(data="label"))


def test_json_and_csv(kg) -> None:
    g = graph(kg, "comparison")
    buf = io.BytesIO()
    exports.write(g, buf, "json")
    h = nx.node_link_graph(json.loads(buf.getvalue()), edges="edges")
    assert h.is_directed() and weights(h) == weights(g)
    assert nx.utils.edges_equal(h.edges, g.edges)
    df = pd.read_csv(io.StringIO(exports.to_csv(g)))
    assert len(df) == g.number_of_edges()
    pairs = zip(df.source, df.target, strict=True)
    assert dict(zip(pairs, df.weight, strict=True)) == weights(g)
    assert (df.paper_iris.str.split().str.len() == df.weight).all()
    with pytest.raises(ValueError, match="formats"):
        exports.write(g, buf, "dot")


def test_sparse_projection_equals_networkx() -> None:
    rng = np.random.default_rng(1)
    x = sp.csr_array((rng.random((300, 12)) < 0.2).astype(np.int32))
    c = cooccurrence(x, x, upper=True)
    b = nx.Graph()
    b.add_nodes_from((f"c{j}" for j in range(12)), bipartite=1)
    b.add_edges_from((f"p{i}", f"c{j}") for i, j in zip(*x.nonzero(), strict=True))
    proj = nx.bipartite.weighted_projected_graph(b, [f"c{j}" for j in range(12)])
    want = {tuple(sorted((int(u[1:]), int(v[1:])))): w for u, v, w in proj.edges(data="weight")}
    got = dict(zip(zip(c.row.tolist(), c.col.tolist(), strict=True), c.data.tolist(), strict=True))
    assert got == want


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dlseis-kg")
    cli_analytics.add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_cli_graph_writes_every_format(store: Path, tmp_path: Path, capsys) -> None:
    for fmt in exports.FORMATS:
        out = tmp_path / f"at.{fmt}"
        assert run_cli("graph", "architecture-task", "--store", str(store), "-o", str(out)) == 0
        assert out.stat().st_size > 0
    h = nx.read_graphml(tmp_path / "at.graphml")
    assert (
        h.number_of_edges() == graph(KnowledgeGraph(store), "architecture-task").number_of_edges()
    )
    assert "edges" in capsys.readouterr().out
    out = tmp_path / "tt.xml"
    args = [
        "graph",
        "task-task",
        "--store",
        str(store),
        "--format",
        "gexf",
        "-o",
        str(out),
        "--from-year",
        "2019",
        "--to-year",
        "2020",
        "--data-origin",
        "field",
    ]
    assert run_cli(*args) == 0
    assert nx.read_gexf(out).graph["mode"] == "static"


@pytest.mark.parametrize("analysis", cli_analytics.ANALYSES)
def test_cli_analyze(store: Path, tmp_path: Path, capsys, analysis: str) -> None:
    assert run_cli("analyze", analysis, "--store", str(store)) == 0
    text = capsys.readouterr().out
    assert "https://" not in text and len(text.splitlines()) > 2
    out = tmp_path / "a.csv"
    assert (
        run_cli(
            "analyze",
            analysis,
            "--store",
            str(store),
            "--format",
            "csv",
            "-o",
            str(out),
            "--kind",
            "network-type-task",
            "--top",
            "3",
        )
        == 0
    )
    assert len(pd.read_csv(out)) > 0


def test_cli_unknown_origin_is_key_error(store: Path) -> None:
    with pytest.raises(KeyError, match="data origins"):
        run_cli("analyze", "centrality", "--store", str(store), "--data-origin", "martian")
