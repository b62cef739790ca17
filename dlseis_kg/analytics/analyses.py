"""Analyses of the co-usage graphs: associations, centrality, communities, emerging
concepts and under-explored combinations. Every function returns a DataFrame.

>>> from dlseis_kg.queries import KnowledgeGraph
>>> from dlseis_kg.analytics import graph, load
>>> kg = KnowledgeGraph("build/store")                                  # doctest: +SKIP
>>> associations(graph(kg, "architecture-task"), min_papers=3).head()  # doctest: +SKIP
>>> underexplored(load(kg, "architecture-task"), max_papers=0).head()  # doctest: +SKIP
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from dlseis_kg.analytics.graphs import edges_frame
from dlseis_kg.analytics.incidence import Incidence
from dlseis_kg.analytics.measures import expected

MEASURES = ["paper_count", "expected", "lift", "npmi", "jaccard"]


def associations(
    g: nx.Graph, *, min_papers: int = 3, top: int = 5, by: str = "lift", per: str = "target"
) -> pd.DataFrame:
    """The strongest partners of each target concept (each task), by lift.

    Parameters
    ----------
    g : networkx graph
        A graph from :func:`~dlseis_kg.analytics.graphs.build_graph`.
    min_papers : int
        Minimum support: pairs with fewer papers are left out (lift is noisy on 1-2).
    top : int
        Partners kept per concept.
    by : str
        Edge measure to rank by (``lift``, ``npmi``, ``jaccard``, ``paper_count``).
    per : {"target", "source"}
        Group by the target side (tasks) or the source side. In one-scheme graphs
        every edge counts for both of its ends.

    Returns
    -------
    DataFrame
        ``group``, ``group_label``, ``rank``, ``partner``, ``partner_label`` and
        :data:`MEASURES`, sorted by group label and rank.
    """
    e = edges_frame(g)
    cols = ["group", "group_label", "rank", "partner", "partner_label", *MEASURES]
    if e.empty:
        return pd.DataFrame(columns=cols)
    a, b = ("target", "source") if per == "target" else ("source", "target")
    ren = {a: "group", f"{a}_label": "group_label", b: "partner", f"{b}_label": "partner_label"}
    frames = [e.rename(columns=ren)]
    if g.graph.get("source_scheme") == g.graph.get("target_scheme") and not g.is_directed():
        swap = {
            b: "group",
            f"{b}_label": "group_label",
            a: "partner",
            f"{a}_label": "partner_label",
        }
        frames.append(e.rename(columns=swap))
    df = pd.concat(frames, ignore_index=True)
    df = df[df["paper_count"] >= min_papers]
    df = df.sort_values([by, "paper_count", "partner_label"], ascending=[False, False, True])
    df = df.assign(rank=df.groupby("group").cumcount() + 1)
    df = df[df["rank"] <= top].sort_values(["group_label", "rank"])
    return df[cols].reset_index(drop=True)


def centrality(g: nx.Graph) -> pd.DataFrame:
    """Degree, strength and degree centrality of every node, strongest first.

    ``degree`` counts neighbours (in + out for directed graphs), ``strength`` sums the
    weights (papers) of a node's edges, ``degree_centrality`` is degree / (nodes - 1).
    """
    cols = ["node", "label", "scheme", "paper_count", "degree", "strength", "degree_centrality"]
    dc = nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)
    rows = [
        (
            n,
            d.get("label"),
            d.get("scheme"),
            d.get("paper_count"),
            g.degree(n),
            g.degree(n, weight="weight"),
            dc[n],
        )
        for n, d in g.nodes(data=True)
    ]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(
        ["strength", "degree", "label"], ascending=[False, False, True]
    ).reset_index(drop=True)


def communities(g: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> pd.DataFrame:
    """Louvain communities (weighted by papers, seeded); community 0 is the largest.

    The modularity of the partition is in ``result.attrs["modularity"]``.
    """
    cols = ["community", "node", "label", "scheme", "paper_count"]
    if g.number_of_edges() == 0:
        df = pd.DataFrame(columns=cols)
        df.attrs["modularity"] = 0.0
        return df
    parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    parts = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    rows = [
        (i, n, g.nodes[n].get("label"), g.nodes[n].get("scheme"), g.nodes[n].get("paper_count"))
        for i, part in enumerate(parts)
        for n in part
    ]
    df = pd.DataFrame(rows, columns=cols)
    df = df.sort_values(["community", "paper_count", "label"], ascending=[True, False, True])
    df = df.reset_index(drop=True)
    df.attrs["modularity"] = nx.community.modularity(g, parts, weight="weight")
    return df


def emerging(
    inc: Incidence, *, recent: int = 3, since: int | None = None, min_recent: int = 2, top: int = 5
) -> pd.DataFrame:
    """Source concepts (architectures) gaining share within each target concept (task).

    Papers of year >= ``since`` (default: the last ``recent`` years with papers) are
    *recent*, older ones *earlier*; papers without a year are left out. For a task t
    with R_t recent and E_t earlier papers, an architecture a with r recent and e
    earlier papers on t has ``share_recent = r / R_t``, ``share_earlier = e / E_t``
    (0 when E_t = 0) and ``growth = share_recent - share_earlier``. Pairs with fewer
    than ``min_recent`` recent papers are left out; the ``top`` by growth per task kept.
    """
    cols = [
        "target",
        "target_label",
        "rank",
        "source",
        "source_label",
        "recent",
        "earlier",
        "share_recent",
        "share_earlier",
        "growth",
        "since",
    ]
    known = ~np.isnan(inc.years)
    if not known.any():
        return pd.DataFrame(columns=cols)
    since = int(np.nanmax(inc.years)) - recent + 1 if since is None else since
    is_recent = known & (inc.years >= since)
    is_early = known & (inc.years < since)
    x, y = inc.source, inc.target
    c_r = (x[is_recent].T @ y[is_recent]).tocoo()
    c_e = (x[is_early].T @ y[is_early]).tocsr()
    keep = c_r.data >= max(min_recent, 1)
    rows, tcols, r = c_r.row[keep], c_r.col[keep], c_r.data[keep]
    e = np.asarray(c_e[rows, tcols]).ravel() if len(rows) else np.zeros(0)
    n_r = np.asarray(y[is_recent].sum(axis=0)).ravel()[tcols]
    n_e = np.asarray(y[is_early].sum(axis=0)).ravel()[tcols]
    share_r = r / n_r
    share_e = np.divide(e, n_e, out=np.zeros(len(e)), where=n_e > 0)
    df = pd.DataFrame(
        {
            "target": inc.target_items["iri"].to_numpy()[tcols],
            "target_label": inc.target_items["label"].to_numpy()[tcols],
            "source": inc.source_items["iri"].to_numpy()[rows],
            "source_label": inc.source_items["label"].to_numpy()[rows],
            "recent": r.astype(int),
            "earlier": e.astype(int),
            "share_recent": share_r,
            "share_earlier": share_e,
            "growth": share_r - share_e,
            "since": since,
        }
    )
    if not inc.kind.bipartite:
        df = df[df["source"] != df["target"]]
    df = df.sort_values(["growth", "recent", "source_label"], ascending=[False, False, True])
    df = df.assign(rank=df.groupby("target").cumcount() + 1)
    df = df[df["rank"] <= top].sort_values(["target_label", "rank"])
    return df[cols].reset_index(drop=True)


def underexplored(inc: Incidence, *, max_papers: int = 1, top: int = 20) -> pd.DataFrame:
    """Pairs common enough to expect papers under independence, yet with few or none.

    For every source x target pair (every unordered pair for one-scheme kinds),
    ``expected = n_a n_b / N``; pairs with at most ``max_papers`` papers are ranked by
    ``expected`` (then by the shortfall ``expected - observed``) and the ``top`` kept.
    """
    x, y = inc.source, inc.target
    n_a = np.asarray(x.sum(axis=0)).ravel()
    n_b = np.asarray(y.sum(axis=0)).ravel()
    observed = (x.T @ y).toarray()
    exp = expected(n_a[:, None], n_b[None, :], max(inc.n, 1))
    mask = (observed <= max_papers) & (n_a[:, None] > 0) & (n_b[None, :] > 0)
    if not inc.kind.bipartite:
        mask &= np.triu(np.ones_like(mask), k=1).astype(bool)
    i, j = np.nonzero(mask)
    df = pd.DataFrame(
        {
            "source": inc.source_items["iri"].to_numpy()[i],
            "source_label": inc.source_items["label"].to_numpy()[i],
            "target": inc.target_items["iri"].to_numpy()[j],
            "target_label": inc.target_items["label"].to_numpy()[j],
            "observed": observed[i, j].astype(int),
            "expected": exp[i, j],
            "shortfall": exp[i, j] - observed[i, j],
            "source_papers": n_a[i].astype(int),
            "target_papers": n_b[j].astype(int),
        }
    )
    df = df.sort_values(
        ["expected", "shortfall", "source_label", "target_label"],
        ascending=[False, False, True, True],
    )
    return df.head(top).reset_index(drop=True)
