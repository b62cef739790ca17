"""``dlseis-kg figures``: HTML and PNG files written, offline HTML, sunburst totals equal
the ``task_hierarchy`` and ``architecture_hierarchy`` query results."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import pytest

from dlseis_kg import cli_analytics
from dlseis_kg.analytics import figures, sunburst
from dlseis_kg.queries import KnowledgeGraph

pytestmark = pytest.mark.real
DEEP = Path(__file__).resolve().parent.parent / "inventory" / "paper_inventory_deep.csv"
STEMS = [
    "fig3a_task_hierarchy",
    "fig3b_architecture_hierarchy",
    "papers_per_year_network_type",
    "architecture_task_network",
]


@pytest.fixture(scope="module")
def written(store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Run ``dlseis-kg figures`` once (through the sub-command's parser)."""
    out = tmp_path_factory.mktemp("figures")
    parser = argparse.ArgumentParser(prog="dlseis-kg")
    cli_analytics.add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["figures", "--store", str(store), "--out", str(out)])
    assert args.func(args) == 0
    return out


def test_figures_writes_html_and_png(written: Path, capsys) -> None:
    from PIL import Image

    for stem in STEMS:
        html = (written / f"{stem}.html").read_text(encoding="utf-8")
        assert '<script src="plotly.min.js"' in html or "plotly.min.js" in html
        assert "cdn.plot.ly" not in html
        with Image.open(written / f"{stem}.png") as im:
            assert im.format == "PNG" and min(im.size) >= 900
    assert (written / "plotly.min.js").stat().st_size > 1_000_000


def expected_totals(rows: pd.DataFrame, levels: list[str]) -> dict[str, int]:
    """Segment id -> papers summed over the query rows under it (computed with pandas)."""
    filled = rows[levels].fillna("").astype(str).apply(lambda c: c.str.strip())
    present = filled.ne("").to_numpy()
    depth = pd.Series([max((i + 1 for i, p in enumerate(r) if p), default=0) for r in present])
    filled = filled.replace("", sunburst.UNSPECIFIED)
    totals = {}
    for d in range(1, len(levels) + 1):
        sel = (depth >= d).to_numpy()
        keys = filled.loc[sel, levels[:d]].agg(sunburst.SEP.join, axis=1)
        totals.update(rows.loc[sel, "papers"].groupby(keys.to_numpy()).sum().to_dict())
    return totals


@pytest.mark.parametrize("spec", figures.SUNBURSTS, ids=lambda s: s[0])
def test_sunburst_totals_equal_the_query(store: Path, spec) -> None:
    stem, query, levels, title = spec
    kg = KnowledgeGraph(store)
    rows = kg.query(query)
    frame = figures.sunburst_frames(kg)[stem]
    assert dict(zip(frame["id"], frame["value"], strict=True)) == expected_totals(
        rows, list(levels)
    )
    assert frame.loc[frame.level == 0, "value"].sum() == rows.papers.sum()
    children = frame[frame.parent != ""].groupby("parent")["value"].sum()
    assert (children <= frame.set_index("id").loc[children.index, "value"]).all()
    trace = sunburst.plotly_sunburst(frame, title).data[0]
    assert list(trace.values) == frame["value"].tolist() and trace.branchvalues == "total"
    totals = rows.groupby(levels[0])["papers"].sum()
    assert frame[frame.level == 0].set_index("label")["value"].to_dict() == totals.to_dict()


def test_papers_per_year_table_equals_the_query(store: Path) -> None:
    kg = KnowledgeGraph(store)
    table = figures.papers_per_year(kg)
    q = kg.query("papers_per_year_network_type")
    assert table.to_numpy().sum() == q.papers.sum()
    for r in q.itertuples():
        assert table.loc[int(r.year), r.network_type] == r.papers


def test_hierarchy_frame_fills_and_trims_levels() -> None:
    rows = pd.DataFrame(
        {"a": ["X", "X", "X"], "b": ["", "", "p"], "c": ["q", "", ""], "papers": [1, 2, 3]}
    )
    frame = sunburst.hierarchy_frame(rows, ["a", "b", "c"])
    values = dict(zip(frame["id"], frame["value"], strict=True))
    assert values == {
        "X": 6,
        "X/p": 3,
        f"X/{sunburst.UNSPECIFIED}": 1,
        f"X/{sunburst.UNSPECIFIED}/q": 1,
    }
