"""Paper x concept incidence matrices of the graph kinds, read from the store.

Every graph kind pairs a *source* and a *target* concept scheme (``architecture`` and
``task`` for ``architecture-task``; the same scheme twice for co-usage graphs). Its
named query ``queries/analytics_<kind>.rq`` returns one row per (paper, inventory graph,
concept); :func:`load` keeps the papers of the filtered set and turns the rows into two
binary ``scipy.sparse`` matrices, papers x source concepts and papers x target concepts.
A paper has a concept when any of its runs has it.

>>> from dlseis_kg.queries import KnowledgeGraph
>>> inc = load(KnowledgeGraph("build/store"), "architecture-task")    # doctest: +SKIP
>>> inc.n, inc.source.shape[1], inc.target.shape[1]                   # doctest: +SKIP
(635, 32, 35)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from dlseis_kg.namespaces import BASE
from dlseis_kg.queries import KnowledgeGraph

ITEM_COLUMNS = ["iri", "label", "scheme"]


@dataclass(frozen=True)
class Kind:
    """A graph kind: which schemes its two sides are, and whether edges have a direction.

    >>> KINDS["comparison"].source, KINDS["comparison"].target, KINDS["comparison"].directed
    ('architecture', 'baseline', True)
    >>> KINDS["task-task"].query, KINDS["task-task"].bipartite
    ('analytics_task_task', False)
    """

    name: str
    source: str
    target: str
    directed: bool = False
    title: str = ""

    @property
    def query(self) -> str:
        """The named query (``queries/<query>.rq``) that feeds this kind."""
        return "analytics_" + self.name.replace("-", "_")

    @property
    def bipartite(self) -> bool:
        """True when the two sides are different schemes."""
        return self.source != self.target


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("architecture-task", "architecture", "task", title="Architecture x task"),
        Kind("network-type-task", "network-type", "task", title="Network type x task"),
        Kind("ml-family-task", "ml-family", "task", title="ML family x task"),
        Kind(
            "learning-paradigm-task", "learning-paradigm", "task", title="Learning paradigm x task"
        ),
        Kind("metric-task", "metric", "task", title="Metric x task"),
        Kind(
            "architecture-architecture",
            "architecture",
            "architecture",
            title="Architecture co-usage",
        ),
        Kind("task-task", "task", "task", title="Task co-occurrence"),
        Kind(
            "comparison",
            "architecture",
            "baseline",
            directed=True,
            title="Architecture -> baseline comparisons",
        ),
    )
}


@dataclass(frozen=True)
class Filters:
    """Which papers make up the analysed set (all papers by default).

    Parameters
    ----------
    year_from, year_to : int, optional
        Inclusive bounds on the paper's year (``dcterms:issued``); with either bound
        set, papers without a year are left out.
    data_origins : tuple of str
        Keep papers with training data of one of these origins (in any run), named by
        label, slug or IRI (``field``, ``synthetic``, ...).
    inventory : str, optional
        Use only the named graph of this inventory (``deep-2022-07-31``); by default
        the union of all inventories.

    >>> Filters(year_from=2019).summary()
    {'year_from': 2019, 'year_to': '', 'data_origins': '', 'inventory': ''}
    """

    year_from: int | None = None
    year_to: int | None = None
    data_origins: tuple[str, ...] = ()
    inventory: str | None = None

    def summary(self) -> dict[str, int | str]:
        """Scalar description (unset filters as ``""``), for graph attributes."""
        d = asdict(self)
        d["data_origins"] = " ".join(self.data_origins)
        return {k: ("" if v is None else v) for k, v in d.items()}


@dataclass(frozen=True)
class Incidence:
    """Binary paper x concept matrices of one kind over the filtered paper set.

    ``source`` and ``target`` are ``scipy.sparse.csr_array`` of shape (papers, concepts)
    with 0/1 entries; row ``i`` is ``papers[i]``, column ``j`` of ``source`` is row ``j``
    of ``source_items`` (``iri``, ``label``, ``scheme``). For one-scheme kinds ``target``
    is ``source``. ``years`` holds each paper's year as a float (NaN when unknown).
    """

    kind: Kind
    papers: np.ndarray
    years: np.ndarray
    source: sp.csr_array
    target: sp.csr_array
    source_items: pd.DataFrame
    target_items: pd.DataFrame
    filters: Filters = field(default_factory=Filters)

    @property
    def n(self) -> int:
        """N: the number of papers in the filtered set."""
        return len(self.papers)


def scheme_name(iri: str) -> str:
    """Short scheme name of a scheme IRI.

    >>> scheme_name("https://w3id.org/dlseis/scheme/task")
    'task'
    """
    return iri.removeprefix(BASE + "scheme/")


def _matches(values: pd.Series, labels: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    keys = {w.casefold() for w in wanted}
    slugs = values.fillna("").str.rsplit("/", n=1).str[-1]
    return (
        values.str.casefold().isin(keys)
        | slugs.str.casefold().isin(keys)
        | labels.fillna("").str.casefold().isin(keys)
    )


def paper_universe(rows: pd.DataFrame, filters: Filters | None = None) -> pd.DataFrame:
    """The filtered paper set from ``analytics_papers`` rows: columns ``paper``, ``year``.

    A paper's year is the earliest ``dcterms:issued`` among the graphs used.

    Raises
    ------
    KeyError
        When the inventory or a data origin is not in the store.
    """
    f = filters or Filters()
    if f.inventory:
        graph = f"{BASE}graph/{f.inventory}"
        if graph not in set(rows["g"]):
            known = sorted(g.removeprefix(BASE + "graph/") for g in set(rows["g"]))
            raise KeyError(f"no inventory {f.inventory!r} in the store; inventories: {known}")
        rows = rows[rows["g"] == graph]
    years = rows.groupby("paper", sort=True)["year"].min()
    keep = pd.Series(True, index=years.index)
    if f.year_from is not None:
        keep &= years >= f.year_from
    if f.year_to is not None:
        keep &= years <= f.year_to
    if f.data_origins:
        known = rows["data_origin"].dropna()
        for w in f.data_origins:
            if not _matches(known, rows.loc[known.index, "data_origin_label"], (w,)).any():
                labels = sorted(set(rows["data_origin_label"].dropna()))
                raise KeyError(f"no data origin {w!r} in the store; data origins: {labels}")
        hit = rows[_matches(rows["data_origin"], rows["data_origin_label"], f.data_origins)]
        keep &= keep.index.isin(set(hit["paper"]))
    years = years[keep]
    return pd.DataFrame({"paper": years.index.to_numpy(), "year": years.to_numpy(float)})


def _matrix(rows: pd.DataFrame, papers: pd.Index) -> tuple[sp.csr_array, pd.DataFrame]:
    items = rows[ITEM_COLUMNS].drop_duplicates("iri").sort_values("iri").reset_index(drop=True)
    pairs = rows[["paper", "iri"]].drop_duplicates()
    r = papers.get_indexer(pairs["paper"])
    c = pd.Index(items["iri"]).get_indexer(pairs["iri"])
    data = np.ones(len(pairs), dtype=np.int32)
    return sp.csr_array((data, (r, c)), shape=(len(papers), len(items))), items


def from_rows(
    kind: Kind | str,
    rows: pd.DataFrame,
    universe: pd.DataFrame,
    filters: Filters | None = None,
) -> Incidence:
    """Build the incidence of ``kind`` from query rows and the filtered paper set.

    Parameters
    ----------
    kind : Kind or str
    rows : DataFrame
        Rows of the kind's query (``paper``, ``g``, ``item``, ``label``, ``scheme``).
    universe : DataFrame
        :func:`paper_universe` (``paper``, ``year``); its order is the row order.
    filters : Filters, optional
        Only ``inventory`` is applied here (to the rows); the rest is in ``universe``.
    """
    kind = KINDS[kind] if isinstance(kind, str) else kind
    f = filters or Filters()
    if f.inventory:
        rows = rows[rows["g"] == f"{BASE}graph/{f.inventory}"]
    papers = pd.Index(universe["paper"])
    rows = rows[rows["paper"].isin(papers)].rename(columns={"item": "iri"})
    rows = rows.assign(scheme=rows["scheme"].map(scheme_name))
    src, src_items = _matrix(rows[rows["scheme"] == kind.source], papers)
    if kind.bipartite:
        tgt, tgt_items = _matrix(rows[rows["scheme"] == kind.target], papers)
    else:
        tgt, tgt_items = src, src_items
    return Incidence(
        kind,
        papers.to_numpy(),
        universe["year"].to_numpy(float),
        src,
        tgt,
        src_items,
        tgt_items,
        f,
    )


def load(kg: KnowledgeGraph, kind: Kind | str, filters: Filters | None = None) -> Incidence:
    """Run the kind's named query and the paper-universe query; return the incidence.

    Raises
    ------
    KeyError
        For an unknown kind, inventory or data origin.
    """
    if isinstance(kind, str):
        if kind not in KINDS:
            raise KeyError(f"no graph kind {kind!r}; kinds: {', '.join(KINDS)}")
        kind = KINDS[kind]
    universe = paper_universe(kg.query("analytics_papers"), filters)
    return from_rows(kind, kg.query(kind.query), universe, filters)
