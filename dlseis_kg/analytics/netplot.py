"""Pictures of a bipartite co-usage graph: a two-column layout drawn with matplotlib
(PNG) and with plotly (interactive HTML).

Source concepts (architectures) sit in the left column, target concepts (tasks) in the
right one; each column is ordered by the barycentre heuristic so that edges cross
little. Node size follows the paper count, edge width the papers shared, edge colour
the normalised PMI.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", bipartite=0, paper_count=2)
>>> g.add_node("t", bipartite=1, paper_count=2)
>>> g.add_edge("a", "t", weight=2, npmi=1.0)
>>> bipartite_layout(g)
{'a': (0.0, 0.0), 't': (1.0, 0.0)}
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np


def _order(g: nx.Graph, fixed: list, moving: list) -> list:
    pos = {n: i for i, n in enumerate(fixed)}

    def centre(n):
        nb = [(pos[m], g.edges[n, m].get("weight", 1)) for m in g.neighbors(n) if m in pos]
        if not nb:
            return float("inf")
        return sum(p * w for p, w in nb) / sum(w for _, w in nb)

    return sorted(moving, key=lambda n: (centre(n), -g.nodes[n].get("paper_count", 0), str(n)))


def bipartite_layout(g: nx.Graph, sweeps: int = 6) -> dict:
    """Positions ``{node: (x, y)}``: side 0 at x = 0, side 1 at x = 1, y = 0, -1, ...

    Both columns start by decreasing paper count and are reordered ``sweeps`` times by
    the weighted mean position of their neighbours.
    """
    side = nx.get_node_attributes(g, "bipartite")
    by_count = sorted(g, key=lambda n: (-g.nodes[n].get("paper_count", 0), str(n)))
    left = [n for n in by_count if side.get(n, 0) == 0]
    right = [n for n in by_count if side.get(n, 0) == 1]
    for _ in range(sweeps):
        right = _order(g, left, right)
        left = _order(g, right, left)
    pos = {}
    for x, column in ((0.0, left), (1.0, right)):
        span = max(len(left), len(right)) - 1 or 1
        step = span / max(len(column) - 1, 1)
        for i, n in enumerate(column):
            pos[n] = (x, 0.0 - i * step + 0.0)
    return pos


def draw_png(g: nx.Graph, path: str | Path, title: str, dpi: int = 150) -> Path:
    """Draw the two-column picture with every node labelled ("label (papers)")."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    pos = bipartite_layout(g)
    rows = max(1, max((-y for _, y in pos.values()), default=0) + 1)
    fig, ax = plt.subplots(figsize=(13, max(8, 0.32 * rows + 2)))
    cmap, norm = colormaps["coolwarm"], Normalize(-1, 1)
    edges = sorted(g.edges(data=True), key=lambda e: e[2].get("weight", 1))
    wmax = max((d.get("weight", 1) for _, _, d in edges), default=1)
    for u, v, d in edges:
        (x0, y0), (x1, y1) = pos[u], pos[v]
        w = d.get("weight", 1)
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=cmap(norm(d.get("npmi", 0.0))),
            linewidth=0.6 + 5.5 * w / wmax,
            alpha=0.35 + 0.5 * w / wmax,
            solid_capstyle="round",
            zorder=1,
        )
    counts = np.array([g.nodes[n].get("paper_count", 1) for n in g])
    sizes = 30 + 500 * counts / max(counts.max(initial=1), 1)
    xy = np.array([pos[n] for n in g]) if len(g) else np.zeros((0, 2))
    sides = [g.nodes[n].get("bipartite", 0) for n in g]
    colours = ["#4c72b0" if s == 0 else "#dd8452" for s in sides]
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="white", zorder=2)
    for n, (x, y) in pos.items():
        d = g.nodes[n]
        left = d.get("bipartite", 0) == 0
        ax.text(
            x - 0.025 if left else x + 0.025,
            y,
            f"{d.get('label', n)} ({d.get('paper_count', '')})",
            ha="right" if left else "left",
            va="center",
            fontsize=10,
        )
    sm = plt.cm.ScalarMappable(cmap=cmap, norm=norm)
    fig.colorbar(sm, ax=ax, shrink=0.35, pad=0.01, label="edge colour: normalised PMI")
    ax.set_xlim(-0.55, 1.55)
    ax.axis("off")
    src, tgt = g.graph.get("source_scheme", "source"), g.graph.get("target_scheme", "target")
    ax.set_title(
        f"{title}\n{src} (left) x {tgt} (right); node size: papers, "
        "edge width: papers sharing both",
        fontsize=13,
    )
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=dpi)
    plt.close(fig)
    return out


def plotly_network(g: nx.Graph, title: str):
    """An interactive ``plotly`` figure of the same layout; hover shows the measures."""
    import plotly.graph_objects as go

    pos = bipartite_layout(g)
    wmax = max((d.get("weight", 1) for *_, d in g.edges(data=True)), default=1)
    traces = []
    mx, my, mtext = [], [], []
    for u, v, d in g.edges(data=True):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        w = d.get("weight", 1)
        traces.append(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                hoverinfo="skip",
                line=dict(width=0.5 + 6 * w / wmax, color="rgba(90,90,140,0.35)"),
                showlegend=False,
            )
        )
        mx.append((x0 + x1) / 2)
        my.append((y0 + y1) / 2)
        mtext.append(
            f"<b>{g.nodes[u].get('label')} \u2014 {g.nodes[v].get('label')}</b><br>"
            f"papers: {w}<br>lift: {d.get('lift', 0):.2f}<br>NPMI: {d.get('npmi', 0):.2f}<br>"
            f"Jaccard: {d.get('jaccard', 0):.3f}<br>years: {d.get('first_year', '?')}"
            f"\u2013{d.get('last_year', '?')}"
        )
    traces.append(
        go.Scatter(
            x=mx,
            y=my,
            mode="markers",
            marker=dict(size=6, opacity=0),
            hovertext=mtext,
            hoverinfo="text",
            showlegend=False,
        )
    )
    for side, name, colour in (
        (0, g.graph.get("source_scheme"), "#4c72b0"),
        (1, g.graph.get("target_scheme"), "#dd8452"),
    ):
        nodes = [n for n, s in g.nodes(data="bipartite", default=0) if s == side]
        counts = np.array([g.nodes[n].get("paper_count", 1) for n in nodes] or [1])
        traces.append(
            go.Scatter(
                x=[pos[n][0] for n in nodes],
                y=[pos[n][1] for n in nodes],
                mode="markers+text",
                name=str(name),
                text=[g.nodes[n].get("label") for n in nodes],
                textposition="middle left" if side == 0 else "middle right",
                marker=dict(size=8 + 30 * np.sqrt(counts / counts.max()), color=colour),
                hovertext=[
                    f"<b>{g.nodes[n].get('label')}</b><br>{n}<br>papers: "
                    f"{g.nodes[n].get('paper_count')}<br>partners: {g.degree(n)}"
                    for n in nodes
                ],
                hoverinfo="text",
            )
        )
    fig = go.Figure(traces)
    height = 250 + 22 * max((-y for _, y in pos.values()), default=10)
    fig.update_layout(
        title=title,
        height=height,
        plot_bgcolor="white",
        xaxis=dict(visible=False, range=[-0.8, 1.8]),
        yaxis=dict(visible=False),
        margin=dict(l=10, r=10, t=60, b=10),
    )
    return fig
