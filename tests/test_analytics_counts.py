"""Edge weights of every graph kind against counts computed independently from the CSV.

The expected counts come from the inventory CSVs through ``read_inventory`` and pandas:
rows of one paper (same first author + title, ``paper_key``) are merged, raw values are
resolved to concepts with the vocabulary, and pairs are counted over distinct papers.
The graphs come from the store through the named queries.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dlseis_kg.analytics import KINDS, Filters, build_graph, edges_frame, graph, load, measures
from dlseis_kg.build import build
from dlseis_kg.namespaces import BASE, paper_iri
from dlseis_kg.queries import KnowledgeGraph
from dlseis_kg.records import read_inventory
from dlseis_kg.registry import PaperRegistry, paper_key
from dlseis_kg.sources import source_for_path
from dlseis_kg.vocab import Vocabulary

pytestmark = pytest.mark.real
INVENTORY = Path(__file__).resolve().parent.parent / "inventory"
DEEP = INVENTORY / "paper_inventory_deep.csv"
OLD = INVENTORY / "paper_inventory_deep.2022-07-31.csv"
COLUMNS = {
    "architecture": "neuralNetwork_name",
    "task": "task",
    "network-type": "neuralNetwork_type",
    "ml-family": "ml_type",
    "learning-paradigm": "training_process",
    "metric": "performance_metrice",
    "baseline": "baseline",
    "data-origin": "data_type",
}


def built_store(factory: pytest.TempPathFactory, name: str, files: list[Path]) -> KnowledgeGraph:
    """Build once per session (other analytics test modules reuse the directory)."""
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        pytest.skip(f"inventory CSVs missing ({', '.join(missing)}): run `dlseis-kg fetch`")
    base = factory.getbasetemp() / name
    if not (base / "store").is_dir():
        build([str(f) for f in files], store=base / "store", out=base / "out", validate=False)
    return KnowledgeGraph(base / "store")


@pytest.fixture(scope="session")
def kg2(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return built_store(tmp_path_factory, "analytics-two", [DEEP, OLD])


def csv_tables(paths: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """papers (paper IRI, inventory, year) and items (paper IRI, inventory, scheme, iri)."""
    vocab, registry = Vocabulary.load(), PaperRegistry.load()
    papers, items, slugs = [], [], {}
    for path in paths:
        inventory = source_for_path(path).inventory
        first: dict[str, object] = {}
        for rec in read_inventory(path)[0]:
            key = paper_key(rec.author, rec.title)
            if key not in first:
                first[key] = rec
                slugs.setdefault(key, registry.slug_for(rec.author, rec.year, rec.title)[0])
                papers.append((paper_iri(slugs[key]), inventory, rec.year))
            for scheme, column in COLUMNS.items():
                for raw in getattr(rec, column):
                    slug = vocab.resolve(scheme, raw).concept.slug
                    items.append(
                        (paper_iri(slugs[key]), inventory, scheme, f"{BASE}{scheme}/{slug}")
                    )
    return (
        pd.DataFrame(papers, columns=["paper", "inventory", "year"]),
        pd.DataFrame(items, columns=["paper", "inventory", "scheme", "iri"]).drop_duplicates(),
    )


@pytest.fixture(scope="session")
def deep_csv() -> tuple[pd.DataFrame, pd.DataFrame]:
    if not DEEP.is_file():
        pytest.skip("inventory/paper_inventory_deep.csv missing: run `dlseis-kg fetch`")
    return csv_tables([DEEP])


def select(papers: pd.DataFrame, items: pd.DataFrame, *, years=None, origin=None, inventory=None):
    """The filtered paper set (paper -> year) and its items, as the filters define them."""
    if inventory:
        papers, items = papers[papers.inventory == inventory], items[items.inventory == inventory]
    year = papers.groupby("paper")["year"].min()
    keep = pd.Series(True, index=year.index)
    if years:
        keep &= year.between(*years)
    if origin:
        with_origin = items[(items.scheme == "data-origin") & items.iri.str.endswith("/" + origin)]
        keep &= keep.index.isin(set(with_origin.paper))
    year = year[keep]
    return year, items[items.paper.isin(year.index)].drop(columns="inventory").drop_duplicates()


def expected_edges(year: pd.Series, items: pd.DataFrame, kind: str) -> pd.DataFrame:
    """source, target, n, first, last, papers (sorted tuple) for every pair with papers."""
    k = KINDS[kind]
    a = items[items.scheme == k.source][["paper", "iri"]]
    b = items[items.scheme == k.target][["paper", "iri"]]
    pairs = a.merge(b, on="paper", suffixes=("_s", "_t"))
    if not k.bipartite:
        pairs = pairs[pairs.iri_s < pairs.iri_t]
    pairs = pairs.assign(year=pairs.paper.map(year))
    grouped = pairs.groupby(["iri_s", "iri_t"])
    return pd.DataFrame(
        {
            "n": grouped.paper.nunique(),
            "first": grouped.year.min(),
            "last": grouped.year.max(),
            "papers": grouped.paper.agg(lambda s: tuple(sorted(set(s)))),
        }
    )


def check_graph(g, year: pd.Series, items: pd.DataFrame, kind: str) -> None:
    exp = expected_edges(year, items, kind)
    got = edges_frame(g).set_index(["source", "target"])
    assert g.graph["papers"] == len(year)
    assert set(got.index) == set(exp.index), kind
    assert (got.loc[exp.index, "weight"] == exp["n"]).all(), kind
    assert (got.loc[exp.index, "paper_count"] == exp["n"]).all()
    assert [tuple(p) for p in got.loc[exp.index, "paper_iris"]] == list(exp["papers"])
    for col, ref in (("first_year", "first"), ("last_year", "last")):
        np.testing.assert_array_equal(
            got.loc[exp.index, col].to_numpy(float), exp[ref].to_numpy(float)
        )
    k = KINDS[kind]
    per_node = items[items.scheme.isin({k.source, k.target})].groupby("iri").paper.nunique()
    assert dict(g.nodes(data="paper_count")) == per_node.to_dict(), kind


@pytest.mark.parametrize("kind", list(KINDS))
def test_edge_weights_equal_csv_counts(kg, deep_csv, kind: str) -> None:
    year, items = select(*deep_csv)
    assert len(year) == 635
    check_graph(graph(kg, kind), year, items, kind)


@pytest.mark.parametrize("kind", ["architecture-task", "task-task", "comparison"])
def test_measures_follow_the_formulas(kg, deep_csv, kind: str) -> None:
    year, items = select(*deep_csv)
    n = len(year)
    k = KINDS[kind]
    exp = expected_edges(year, items, kind).reset_index()
    count = items.groupby("iri").paper.nunique()
    n_a, n_b, n_ab = exp.iri_s.map(count), exp.iri_t.map(count), exp.n
    got = (
        edges_frame(graph(kg, kind))
        .set_index(["source", "target"])
        .loc[list(zip(exp.iri_s, exp.iri_t, strict=True))]
    )
    p_ab, p_a, p_b = n_ab / n, n_a / n, n_b / n
    assert got["jaccard"].to_numpy() == pytest.approx((n_ab / (n_a + n_b - n_ab)).to_numpy())
    assert got["lift"].to_numpy() == pytest.approx((p_ab / (p_a * p_b)).to_numpy())
    assert got["pmi"].to_numpy() == pytest.approx(np.log2(p_ab / (p_a * p_b)).to_numpy())
    npmi = np.log2(p_ab / (p_a * p_b)) / -np.log2(p_ab)
    assert got["npmi"].to_numpy() == pytest.approx(npmi.to_numpy())
    assert got["expected"].to_numpy() == pytest.approx((n_a * n_b / n).to_numpy())
    assert k.directed == graph(kg, kind).is_directed()


def test_year_filter(kg, deep_csv) -> None:
    year, items = select(*deep_csv, years=(2019, 2020))
    g = graph(kg, "architecture-task", Filters(year_from=2019, year_to=2020))
    check_graph(g, year, items, "architecture-task")
    assert g.graph["year_from"] == 2019 and g.graph["papers"] < 635


@pytest.mark.parametrize("origin", ["synthetic", "field"])
def test_data_origin_filter(kg, deep_csv, origin: str) -> None:
    year, items = select(*deep_csv, origin=origin)
    check_graph(graph(kg, "task-task", Filters(data_origins=(origin,))), year, items, "task-task")
    g = graph(kg, "network-type-task", Filters(data_origins=(origin.upper(),)))
    check_graph(g, year, items, "network-type-task")


def test_inventory_filter_and_union(kg2) -> None:
    papers, items = csv_tables([DEEP, OLD])
    for inventory in ("deep-2022-07-31", "deep-2022-08-22"):
        year, its = select(papers, items, inventory=inventory)
        g = graph(kg2, "architecture-task", Filters(inventory=inventory))
        check_graph(g, year, its, "architecture-task")
    year, its = select(papers, items)
    check_graph(graph(kg2, "architecture-task"), year, its, "architecture-task")


def test_combined_filters(kg2) -> None:
    papers, items = csv_tables([DEEP, OLD])
    year, its = select(
        papers, items, years=(2015, 2021), origin="field", inventory="deep-2022-07-31"
    )
    f = Filters(year_from=2015, year_to=2021, data_origins=("field",), inventory="deep-2022-07-31")
    check_graph(graph(kg2, "comparison", f), year, its, "comparison")


def test_unknown_names_raise_key_error(kg) -> None:
    for bad in (Filters(inventory="nope"), Filters(data_origins=("nope",))):
        with pytest.raises(KeyError, match="nope"):
            load(kg, "architecture-task", bad)
    with pytest.raises(KeyError, match="kinds"):
        load(kg, "nope")


def test_empty_selection_gives_empty_graph(kg) -> None:
    g = build_graph(load(kg, "architecture-task", Filters(year_from=2100)))
    assert g.number_of_nodes() == 0 and g.graph["papers"] == 0


def test_measure_edge_cases() -> None:
    assert measures.jaccard([0], [0], [0]).tolist() == [0.0]
    assert measures.lift([1], [0], [3], 10).tolist() == [0.0]
    assert measures.pmi([0], [2], [2], 10).tolist() == [-np.inf]
    assert measures.npmi([0, 10, 5], [3, 10, 5], [3, 10, 5], 10).tolist() == [-1.0, 1.0, 1.0]
    assert measures.npmi([2], [4], [5], 10).tolist() == [0.0]  # independence


@pytest.mark.parametrize(
    "module",
    [
        f"dlseis_kg.analytics.{m}"
        for m in (
            "measures",
            "incidence",
            "graphs",
            "exports",
            "sunburst",
            "netplot",
            "analyses",
            "figures",
        )
    ]
    + ["dlseis_kg.cli_analytics"],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
