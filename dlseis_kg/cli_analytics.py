"""``dlseis-kg graph``, ``dlseis-kg analyze`` and ``dlseis-kg figures``: co-usage analytics.

Wire into :func:`dlseis_kg.cli.make_parser` with ``cli_analytics.add_parsers(sub)``; each
sub-command's ``func`` takes the parsed arguments and returns the exit code.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="dlseis-kg")
>>> _ = add_parsers(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["graph", "task-task", "--from-year", "2019", "-o", "t.gexf"])
>>> args.kind, filters_from(args).year_from, args.func.__name__
('task-task', 2019, 'cmd_graph')
"""

from __future__ import annotations

import argparse
import sys

from dlseis_kg.analytics.exports import FORMATS
from dlseis_kg.analytics.incidence import KINDS, Filters
from dlseis_kg.cli_common import EPILOG, add_store_arg

ANALYSES = ("associations", "centrality", "communities", "emerging", "underexplored")


def _common(p: argparse.ArgumentParser) -> None:
    add_store_arg(p)
    f = p.add_argument_group("filters (default: every paper of every inventory)")
    f.add_argument("--from-year", type=int, metavar="YEAR", help="papers from YEAR on")
    f.add_argument("--to-year", type=int, metavar="YEAR", help="papers up to YEAR")
    f.add_argument(
        "--data-origin",
        action="append",
        metavar="ORIGIN",
        help="papers with training data of this origin (field, synthetic, "
        "semi-synthetic, ...); repeat for several",
    )
    f.add_argument(
        "--inventory", metavar="SLUG", help="one inventory version's graph (e.g. deep-2022-07-31)"
    )


def filters_from(args: argparse.Namespace) -> Filters:
    """The :class:`Filters` given on the command line."""
    return Filters(
        year_from=getattr(args, "from_year", None),
        year_to=getattr(args, "to_year", None),
        data_origins=tuple(getattr(args, "data_origin", None) or ()),
        inventory=getattr(args, "inventory", None),
    )


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Add ``graph``, ``analyze`` and ``figures`` to ``subparsers``."""
    kinds = ", ".join(KINDS)
    p = subparsers.add_parser(
        "graph",
        help="export a co-usage graph (GraphML, GEXF, JSON, CSV)",
        description="Build a weighted graph from the store and write it. Nodes are concept "
        "IRIs; edges carry paper count (weight), Jaccard, lift, PMI, NPMI, first and last "
        f"year and the paper IRIs. Kinds: {kinds}.",
        epilog=EPILOG,
    )
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help=f"one of: {kinds}")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix, else graphml)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    _common(p)
    p.set_defaults(func=cmd_graph)

    p = subparsers.add_parser(
        "analyze",
        help="associations, centrality, communities, emerging, under-explored",
        description="Run one analysis on a graph kind and print a table. See "
        "docs/analytics.md for the definitions.",
        epilog=EPILOG,
    )
    p.add_argument("analysis", choices=ANALYSES, metavar="ANALYSIS", help=", ".join(ANALYSES))
    p.add_argument(
        "--kind",
        choices=list(KINDS),
        default="architecture-task",
        metavar="KIND",
        help=f"graph kind (default architecture-task): {kinds}",
    )
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    o = p.add_argument_group("analysis options")
    o.add_argument(
        "--top",
        type=int,
        help="rows per group (associations 5, emerging 5) or in all (underexplored 20)",
    )
    o.add_argument(
        "--min-papers",
        type=int,
        default=3,
        help="associations: minimum papers of a pair (default 3)",
    )
    o.add_argument(
        "--by",
        default="lift",
        choices=("lift", "npmi", "jaccard", "paper_count"),
        help="associations: ranking measure (default lift)",
    )
    o.add_argument("--seed", type=int, default=42, help="communities: Louvain seed (default 42)")
    o.add_argument(
        "--resolution", type=float, default=1.0, help="communities: Louvain resolution (default 1)"
    )
    o.add_argument(
        "--recent", type=int, default=3, help="emerging: the last N years are recent (default 3)"
    )
    o.add_argument("--since", type=int, help="emerging: recent means from this year on")
    o.add_argument(
        "--min-recent",
        type=int,
        default=2,
        help="emerging: minimum recent papers of a pair (default 2)",
    )
    o.add_argument(
        "--max-papers",
        type=int,
        default=1,
        help="underexplored: at most this many papers (default 1)",
    )
    _common(p)
    p.set_defaults(func=cmd_analyze)

    p = subparsers.add_parser(
        "figures",
        help="regenerate the figures (HTML and PNG) from the store",
        description="Write Figure 3a and 3b sunbursts, papers per year by network type and "
        "the architecture x task network, each as interactive HTML and static PNG.",
        epilog=EPILOG,
    )
    add_store_arg(p)
    p.add_argument("--out", default="build/figures", help="output directory (build/figures)")
    p.set_defaults(func=cmd_figures)


def cmd_graph(args: argparse.Namespace) -> int:
    """Build the graph of ``args.kind`` and write it."""
    from dlseis_kg.analytics import exports
    from dlseis_kg.analytics.graphs import graph
    from dlseis_kg.queries import KnowledgeGraph

    g = graph(KnowledgeGraph(args.store), args.kind, filters_from(args))
    fmt = args.format or exports.format_for(args.output)
    exports.write(g, args.output or sys.stdout.buffer, fmt)
    if args.output:
        print(
            f"{args.kind}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
            f"{g.graph['papers']} papers -> {args.output}"
        )
    return 0


def run_analysis(args: argparse.Namespace):
    """The DataFrame of the analysis named in ``args``."""
    from dlseis_kg.analytics import analyses
    from dlseis_kg.analytics.graphs import build_graph
    from dlseis_kg.analytics.incidence import load
    from dlseis_kg.queries import KnowledgeGraph

    inc = load(KnowledgeGraph(args.store), args.kind, filters_from(args))
    top = {} if args.top is None else {"top": args.top}
    if args.analysis == "emerging":
        return analyses.emerging(
            inc, recent=args.recent, since=args.since, min_recent=args.min_recent, **top
        )
    if args.analysis == "underexplored":
        return analyses.underexplored(inc, max_papers=args.max_papers, **top)
    g = build_graph(inc)
    if args.analysis == "associations":
        return analyses.associations(g, min_papers=args.min_papers, by=args.by, **top)
    if args.analysis == "centrality":
        df = analyses.centrality(g)
        return df.head(args.top) if args.top else df
    return analyses.communities(g, seed=args.seed, resolution=args.resolution)


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print (or write) the analysis table; IRIs are left out of the plain table."""
    df = run_analysis(args)
    if args.format == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
    elif args.format == "json":
        text = df.to_json(orient="records", indent=1, force_ascii=False) + "\n"
    else:
        iris = [c for c in ("group", "partner", "node", "source", "target") if c in df.columns]
        shown = df.drop(columns=iris)
        text = (shown.to_string(index=False) if len(shown) else "(no rows)") + "\n"
        if "modularity" in df.attrs:
            text += f"modularity: {df.attrs['modularity']:.4f}\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    """Write every figure and list the files."""
    from dlseis_kg.analytics.figures import make_figures
    from dlseis_kg.queries import KnowledgeGraph

    for path in make_figures(KnowledgeGraph(args.store), args.out):
        print(path)
    return 0
