"""Analyses: associations, centrality, communities, emerging and under-explored pairs,
each checked against a direct computation (the graphs' weights are checked against
the CSV in test_analytics_counts.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from dlseis_kg.analytics import (
    Filters,
    associations,
    build_graph,
    centrality,
    communities,
    emerging,
    load,
    underexplored,
)

pytestmark = pytest.mark.real
DEEP = Path(__file__).resolve().parent.parent / "inventory" / "paper_inventory_deep.csv"


@pytest.fixture(scope="module")
def inc(kg):
    return load(kg, "architecture-task")


@pytest.fixture(scope="module")
def g(inc):
    return build_graph(inc)


def test_associations_rank_by_lift_with_minimum_support(g) -> None:
    df = associations(g, min_papers=3, top=4)
    assert (df.paper_count >= 3).all() and (df["rank"] <= 4).all()
    for task, rows in df.groupby("group"):
        assert rows.lift.is_monotonic_decreasing
        partners = [d["lift"] for _, _, d in g.edges(task, data=True) if d["weight"] >= 3]
        assert rows.iloc[0].lift == pytest.approx(max(partners))
        assert len(rows) == min(4, len(partners))
    unet_fault = df[(df.group_label == "Fault Detection") & (df.partner_label == "U-Net")]
    assert unet_fault.paper_count.tolist() == [15]


def test_associations_in_one_scheme_graph_count_both_ends(kg) -> None:
    tt = build_graph(load(kg, "task-task"))
    df = associations(tt, min_papers=1, top=100)
    assert len(df) == 2 * tt.number_of_edges()


def test_centrality_degree_and_strength(g) -> None:
    df = centrality(g).set_index("node")
    for n in g:
        assert df.loc[n, "degree"] == g.degree(n)
        assert df.loc[n, "strength"] == sum(d["weight"] for *_, d in g.edges(n, data=True))
    assert df.strength.is_monotonic_decreasing
    assert df.iloc[0]["label"] == "U-Net"
    assert df.degree_centrality.max() <= 1


def test_communities_are_seeded_and_partition_the_nodes(g) -> None:
    a, b = communities(g, seed=7), communities(g, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert sorted(a.node) == sorted(g) and a.node.is_unique
    sizes = a.groupby("community").size()
    assert sizes.is_monotonic_decreasing and sizes.index[0] == 0
    parts = [set(p.node) for _, p in a.groupby("community")]
    assert a.attrs["modularity"] == pytest.approx(nx.community.modularity(g, parts))
    assert a.attrs["modularity"] > 0.2


def test_emerging_shares_match_a_direct_count(kg, inc) -> None:
    df = emerging(inc, recent=3, min_recent=2, top=50)
    assert (df.since == 2020).all() and (df.recent >= 2).all()
    rows = kg.query("analytics_architecture_task")
    rows = rows[rows.year.notna()]
    recent = rows[rows.year >= 2020]
    early = rows[rows.year < 2020]

    def papers(frame, iri):
        return set(frame[frame["item"] == iri].paper)

    for r in df.sample(min(len(df), 15), random_state=0).itertuples():
        for frame, count, share in (
            (recent, r.recent, r.share_recent),
            (early, r.earlier, r.share_earlier),
        ):
            task, both = papers(frame, r.target), papers(frame, r.source)
            assert len(task & both) == count
            assert share == pytest.approx(len(task & both) / len(task) if task else 0.0)
        assert r.growth == pytest.approx(r.share_recent - r.share_earlier)


def test_underexplored_is_the_top_of_all_sparse_pairs(g, inc) -> None:
    df = underexplored(inc, max_papers=1, top=10)
    n = g.graph["papers"]
    side = nx.get_node_attributes(g, "bipartite")
    count = nx.get_node_attributes(g, "paper_count")
    cands = []
    for a, t in itertools.product([v for v in g if side[v] == 0], [v for v in g if side[v] == 1]):
        observed = g.edges[a, t]["weight"] if g.has_edge(a, t) else 0
        if observed <= 1:
            cands.append((count[a] * count[t] / n, observed, a, t))
    cands.sort(key=lambda c: -c[0])
    assert df.expected.tolist() == pytest.approx([c[0] for c in cands[:10]])
    assert (df.observed <= 1).all() and df.expected.is_monotonic_decreasing
    first = df.iloc[0]
    assert (first.source_label, first.target_label, first.observed) == (
        "U-Net",
        "Event Discrimination",
        1,
    )


def test_underexplored_one_scheme_pairs_are_unordered(kg) -> None:
    df = underexplored(load(kg, "task-task"), max_papers=0, top=30)
    assert (df.source < df.target).all() and (df.observed == 0).all()


def test_analyses_on_an_empty_selection(kg) -> None:
    empty = load(kg, "architecture-task", Filters(year_from=2100))
    h = build_graph(empty)
    assert associations(h).empty and centrality(h).empty and communities(h).empty
    assert emerging(empty).empty and underexplored(empty).empty
