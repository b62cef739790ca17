"""Time the co-occurrence projection: scipy.sparse against networkx and a pair loop.

Each method starts from the same (paper, concept) incidence pairs of a graph kind and
ends with the paper count of every concept pair:

- ``sparse``: build the CSR incidence matrices and multiply (``X.T @ Y``);
- ``networkx``: build the paper-concept bipartite graph and call
  ``networkx.algorithms.bipartite.weighted_projected_graph`` on the concepts (for a
  two-scheme kind the projection also pairs concepts of one scheme; those edges are
  dropped afterwards);
- ``pair loop``: for each paper, count every (source, target) pair of its concepts.

Datasets: the real deep inventory and a synthetic one 100 times larger (each copy of a
paper gets its concepts through a random permutation of each scheme's concepts).

Run ``python benchmarks/bench_projection.py [--store DIR] [--repeat N] [--scale 100]``;
without ``--store`` the deep inventory is built into a temporary directory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import numpy as np
import scipy.sparse as sp
from networkx.algorithms import bipartite

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dlseis_kg.analytics.incidence import Incidence, load  # noqa: E402
from dlseis_kg.queries import KnowledgeGraph  # noqa: E402

Pairs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, int, int, bool]


def pairs_of(inc: Incidence) -> Pairs:
    """(paper, source) and (paper, target) index pairs plus the shape and bipartiteness."""
    xs, ts = inc.source.tocoo(), inc.target.tocoo()
    return (
        xs.row,
        xs.col,
        ts.row,
        ts.col,
        inc.n,
        inc.source.shape[1],
        inc.target.shape[1],
        inc.kind.bipartite,
    )


def n_pairs(p: Pairs) -> int:
    """Incidence pairs of a dataset (one side only for one-scheme kinds)."""
    return len(p[0]) + (len(p[2]) if p[7] else 0)


def scale_up(p: Pairs, factor: int, seed: int = 0) -> Pairs:
    """``factor`` copies of every paper; copy k > 0 permutes each scheme's concepts."""
    pr, pc, tr, tc, n, ns, nt, bip = p
    rng = np.random.default_rng(seed)
    out = ([], [], [], [])
    for k in range(factor):
        perm_s = np.arange(ns) if k == 0 else rng.permutation(ns)
        perm_t = (np.arange(nt) if k == 0 else rng.permutation(nt)) if bip else perm_s
        out[0].append(pr + k * n)
        out[1].append(perm_s[pc])
        out[2].append(tr + k * n)
        out[3].append(perm_t[tc])
    return (*(np.concatenate(a) for a in out), n * factor, ns, nt, bip)


def by_sparse(p: Pairs) -> dict[tuple[int, int], int]:
    pr, pc, tr, tc, n, ns, nt, bip = p
    x = sp.csr_array((np.ones(len(pr), np.int32), (pr, pc)), shape=(n, ns))
    y = sp.csr_array((np.ones(len(tr), np.int32), (tr, tc)), shape=(n, nt)) if bip else x
    c = (x.T @ y).tocoo()
    if not bip:
        c = sp.triu(c, k=1, format="coo")
    return dict(zip(zip(c.row.tolist(), c.col.tolist(), strict=True), c.data.tolist(), strict=True))


def by_networkx(p: Pairs) -> dict[tuple[int, int], int]:
    pr, pc, tr, tc, n, ns, nt, bip = p
    b = nx.Graph()
    b.add_edges_from((("p", i), ("s", j)) for i, j in zip(pr.tolist(), pc.tolist(), strict=True))
    if bip:
        b.add_edges_from(
            (("p", i), ("t", j)) for i, j in zip(tr.tolist(), tc.tolist(), strict=True)
        )
    concepts = [v for v in b if v[0] != "p"]
    proj = bipartite.weighted_projected_graph(b, concepts)
    out = {}
    for u, v, w in proj.edges(data="weight"):
        if bip and u[0] == v[0]:
            continue
        if bip and u[0] == "t":
            u, v = v, u
        key = (u[1], v[1]) if bip or u[1] < v[1] else (v[1], u[1])
        out[key] = w
    return out


def by_pair_loop(p: Pairs) -> dict[tuple[int, int], int]:
    pr, pc, tr, tc, n, ns, nt, bip = p
    src: dict[int, list[int]] = {}
    for i, j in zip(pr.tolist(), pc.tolist(), strict=True):
        src.setdefault(i, []).append(j)
    tgt: dict[int, list[int]] = src
    if bip:
        tgt = {}
        for i, j in zip(tr.tolist(), tc.tolist(), strict=True):
            tgt.setdefault(i, []).append(j)
    counts: Counter = Counter()
    for i, items in src.items():
        for a in items:
            for b in tgt.get(i, ()):
                if bip or a < b:
                    counts[(a, b)] += 1
    return dict(counts)


METHODS: dict[str, Callable[[Pairs], dict]] = {
    "sparse": by_sparse,
    "networkx": by_networkx,
    "pair loop": by_pair_loop,
}


def best(func: Callable[[Pairs], dict], p: Pairs, repeat: int) -> tuple[float, dict]:
    times, result = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(p)
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    """Print one table row per (dataset, kind, method)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a built store (default: build the deep inventory)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per method (min reported)")
    parser.add_argument("--scale", type=int, default=100, help="synthetic size factor")
    parser.add_argument(
        "--kind",
        action="append",
        help="graph kind (default architecture-task, architecture-architecture)",
    )
    args = parser.parse_args(argv)
    kinds = args.kind or ["architecture-task", "architecture-architecture"]
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if not store:
            from dlseis_kg.build import build

            store = str(Path(tmp) / "store")
            build(None, store=store, out=Path(tmp) / "out", validate=False)
        kg = KnowledgeGraph(store)
        print(
            f"{'dataset':<10}{'kind':<27}{'papers':>8}{'pairs':>9}{'method':>11}"
            f"{'ms':>11}{'edges':>8}{'vs sparse':>11}"
        )
        for kind in kinds:
            real = pairs_of(load(kg, kind))
            for name, data in (("real", real), (f"{args.scale}x", scale_up(real, args.scale))):
                base, ref = None, None
                for method, func in METHODS.items():
                    seconds, result = best(func, data, args.repeat)
                    if ref is None:
                        base, ref = seconds, result
                    elif result != ref:
                        raise SystemExit(f"{method} disagrees with sparse on {kind} {name}")
                    print(
                        f"{name:<10}{kind:<27}{data[4]:>8}{n_pairs(data):>9}"
                        f"{method:>11}{seconds * 1e3:>11.1f}{len(result):>8}"
                        f"{seconds / base:>10.1f}x"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
