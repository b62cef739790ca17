"""Regenerate the figures from the store: interactive HTML (plotly) and static PNG
(matplotlib), no browser or network needed.

The HTML pages share one ``plotly.min.js`` written beside them, so they open offline.

=====================================  ============================================
file stem                              what
=====================================  ============================================
``fig3a_task_hierarchy``               Figure 3a: category > sub_category_I >
                                       sub_category_II > task > sub_task
``fig3b_architecture_hierarchy``       Figure 3b: sub_category_II > task > network
                                       type > network name
``papers_per_year_network_type``       papers per year, stacked by network type
``architecture_task_network``          the architecture x task graph
=====================================  ============================================

>>> from dlseis_kg.queries import KnowledgeGraph
>>> paths = make_figures(KnowledgeGraph("build/store"), "build/figures")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dlseis_kg.analytics import netplot, sunburst
from dlseis_kg.analytics.graphs import graph
from dlseis_kg.queries import KnowledgeGraph

#: (file stem, named query, levels, title) of each sunburst
SUNBURSTS = (
    (
        "fig3a_task_hierarchy",
        "task_hierarchy",
        ("category", "sub_category_I", "sub_category_II", "task", "sub_task"),
        "Studies by category \u203a sub-category I \u203a sub-category II \u203a task \u203a "
        "sub-task (Figure 3a)",
    ),
    (
        "fig3b_architecture_hierarchy",
        "architecture_hierarchy",
        ("sub_category_II", "task", "network_type", "architecture"),
        "Studies by sub-category II \u203a task \u203a network type \u203a network name "
        "(Figure 3b)",
    ),
)


def write_plotlyjs(out: Path) -> Path:
    """Write the plotly.js bundle of the installed plotly as ``out/plotly.min.js``."""
    from plotly.offline import get_plotlyjs

    path = out / "plotly.min.js"
    js = get_plotlyjs()
    if not path.exists() or path.read_text(encoding="utf-8") != js:
        path.write_text(js, encoding="utf-8")
    return path


def _html(fig, path: Path) -> Path:
    fig.write_html(str(path), include_plotlyjs="directory", full_html=True)
    return path


def sunburst_frames(kg: KnowledgeGraph) -> dict[str, pd.DataFrame]:
    """The segment frame (:func:`~dlseis_kg.analytics.sunburst.hierarchy_frame`) of each
    sunburst, by file stem, computed from its named query."""
    return {
        stem: sunburst.hierarchy_frame(kg.query(query), list(levels))
        for stem, query, levels, _ in SUNBURSTS
    }


def papers_per_year(kg: KnowledgeGraph) -> pd.DataFrame:
    """Year x network type table of paper counts (query ``papers_per_year_network_type``),
    with every year between the first and the last as a row."""
    df = kg.query("papers_per_year_network_type")
    df = df.assign(year=df["year"].astype(int))
    table = df.pivot_table(index="year", columns="network_type", values="papers", fill_value=0)
    years = range(table.index.min(), table.index.max() + 1) if len(table) else []
    table = table.reindex(years, fill_value=0)
    return table[table.sum().sort_values(ascending=False).index].astype(int)


def _per_year_png(table: pd.DataFrame, path: Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(13, 6.5))
    bottom = pd.Series(0, index=table.index)
    colours = plt.get_cmap("tab10").colors
    for i, col in enumerate(table.columns):
        ax.bar(table.index, table[col], bottom=bottom, label=col, color=colours[i % 10], width=0.8)
        bottom += table[col]
    ax.set_ylim(0, max(int(bottom.max()), 1) * 1.08)
    ax.set_xlabel("year", fontsize=12)
    ax.set_ylabel("papers", fontsize=12)
    ax.set_title(title, fontsize=14)
    ax.tick_params(labelsize=11)
    ax.legend(title="network type", fontsize=11, title_fontsize=11, loc="upper left")
    ax.grid(axis="y", alpha=0.3)
    ax.set_xticks([y for y in table.index if y % 2 == 0])
    ax.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)
    return path


def _per_year_html(table: pd.DataFrame, path: Path, title: str) -> Path:
    import plotly.graph_objects as go

    fig = go.Figure([go.Bar(x=table.index, y=table[c], name=c) for c in table.columns])
    fig.update_layout(
        barmode="stack",
        title=title,
        xaxis_title="year",
        yaxis_title="papers",
        legend_title="network type",
        height=600,
    )
    return _html(fig, path)


def make_figures(kg: KnowledgeGraph, out: str | Path = "build/figures") -> list[Path]:
    """Write every figure as HTML and PNG into ``out``; return the paths written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [write_plotlyjs(out)]
    papers = kg.query("analytics_papers")["paper"].nunique()
    frames = sunburst_frames(kg)
    for stem, _, _, title in SUNBURSTS:
        frame = frames[stem]
        total = int(frame.loc[frame["level"] == 0, "value"].sum())
        note = (
            f"{papers} papers; a paper is counted under each of its combinations ({total} in all)"
        )
        written.append(
            _html(
                sunburst.plotly_sunburst(frame, f"{title}<br><sub>{note}</sub>"),
                out / f"{stem}.html",
            )
        )
        written.append(
            sunburst.draw_sunburst(
                frame, out / f"{stem}.png", f"{title}\n{note}", centre=f"{total}"
            )
        )
    table = papers_per_year(kg)
    title = "Papers per year by network type (a paper with several types counted under each)"
    written.append(_per_year_html(table, out / "papers_per_year_network_type.html", title))
    written.append(_per_year_png(table, out / "papers_per_year_network_type.png", title))
    g = graph(kg, "architecture-task")
    title = f"Architecture x task co-usage ({g.graph['papers']} papers)"
    written.append(_html(netplot.plotly_network(g, title), out / "architecture_task_network.html"))
    written.append(netplot.draw_png(g, out / "architecture_task_network.png", title))
    return written
