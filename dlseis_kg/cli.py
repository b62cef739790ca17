"""The ``dlseis-kg`` command line.

Exit codes (as pySHACL's): 0 success; 1 invalid input (a malformed inventory, a SHACL
violation, a checksum mismatch, an unknown query or store); 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dlseis_kg import __version__, cli_analytics, cli_fetch, cli_web
from dlseis_kg.cli_common import EPILOG, EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_store_arg


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dlseis-kg",
        description="A knowledge graph of machine learning in seismology.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"dlseis-kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    cli_fetch.add_parser(sub)

    p = sub.add_parser(
        "build",
        help="build the store, dumps and quality report",
        description="Read the inventories, convert them, validate with SHACL, "
        "and replace the store and dumps atomically.",
        epilog=EPILOG,
    )
    p.add_argument(
        "--input",
        action="append",
        metavar="CSV",
        help="an inventory CSV; repeat for several (default: the deep inventory)",
    )
    add_store_arg(p)
    p.add_argument("--out", default="build", help="directory for dumps and reports (default build)")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument(
        "--allow-new-concepts",
        action="store_true",
        help="mint a concept (a warning) for a raw value the vocabularies do not cover, "
        "instead of failing",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "query",
        help="run a named query or a .rq file",
        description="Run a named query (see `dlseis-kg query --list`), a .rq "
        "file, or SPARQL text on the union of all graphs.",
        epilog=EPILOG,
    )
    p.add_argument("name", nargs="?", help="query name, FILE.rq or SPARQL text")
    add_store_arg(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--list", action="store_true", help="list the named queries")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "stats", help="counts: papers, triples, concepts and labels per scheme", epilog=EPILOG
    )
    add_store_arg(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "export-csv", help="regenerate an inventory CSV from the store", epilog=EPILOG
    )
    add_store_arg(p)
    p.add_argument("--inventory", help="inventory slug (default: the only or the default one)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "registry", help="add unregistered papers of the inputs to the ID registry", epilog=EPILOG
    )
    p.add_argument("--input", action="append", metavar="CSV", help="inventory CSV (repeatable)")
    p.set_defaults(func=cmd_registry)

    p = sub.add_parser(
        "vocab-sync", help="add unmapped raw values of the inputs to data/vocab", epilog=EPILOG
    )
    p.add_argument("--input", action="append", metavar="CSV", help="inventory CSV (repeatable)")
    p.set_defaults(func=cmd_vocab_sync)
    cli_analytics.add_parsers(sub)
    cli_web.add_parsers(sub)
    return parser


def _print_frame(df, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", indent=1, force_ascii=False) + "\n")
    else:
        sys.stdout.write((df.to_string(index=False) if len(df) else "(no rows)") + "\n")


def cmd_build(args) -> int:
    from dlseis_kg.build import build

    result = build(
        args.input,
        store=args.store,
        out=args.out,
        validate=not args.no_validate,
        allow_new_concepts=args.allow_new_concepts,
    )
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
        return EXIT_OK
    print(f"built {result.store} from {', '.join(summary['inputs'])}")
    print(f"  papers: {result.papers}   triples: {result.triples}   quads: {result.quads}")
    print("  concepts per scheme: " + ", ".join(f"{k} {v}" for k, v in result.concepts.items()))
    sev = summary["report rows by severity"]
    print(
        f"  quality report: {len(result.problems)} rows ({sev['warning']} warnings, "
        f"{sev['info']} infos) -> {result.files.get('quality_report.csv')}"
    )
    for key, n in summary["report rows by code"].items():
        print(f"    {key}: {n}")
    print(
        f"  SHACL: conforms, {result.shacl_warnings} warnings"
        if not args.no_validate
        else "  SHACL: skipped"
    )
    print(
        f"  dumps: {', '.join(sorted(n for n in result.files if n.startswith('graph.')))} "
        f"in {result.out}"
    )
    return EXIT_OK


def cmd_query(args) -> int:
    from dlseis_kg.queries import KnowledgeGraph, describe, named_queries

    if args.list or not args.name:
        for name, path in named_queries().items():
            print(f"{name}\n    {describe(path)}")
        return EXIT_OK
    result = KnowledgeGraph(args.store).query(args.name)
    if isinstance(result, bool):
        print("true" if result else "false")
    elif isinstance(result, list):
        for triple in result:
            print(f"{triple} .")
    else:
        _print_frame(result, args.format)
    return EXIT_OK


def cmd_stats(args) -> int:
    from dlseis_kg.queries import KnowledgeGraph
    from dlseis_kg.stats import stats

    _print_frame(stats(KnowledgeGraph(args.store)), args.format)
    return EXIT_OK


def cmd_export(args) -> int:
    from dlseis_kg.export import export_csv
    from dlseis_kg.queries import KnowledgeGraph
    from dlseis_kg.stats import inventories

    kg = KnowledgeGraph(args.store)
    names = inventories(kg)
    inventory = args.inventory or (names[0] if len(names) == 1 else None)
    if inventory is None:
        raise KeyError(f"the store holds several inventories; pick one with --inventory: {names}")
    text = export_csv(kg.store, inventory, args.output)
    if args.output is None:
        sys.stdout.write(text)
    return EXIT_OK


def _paths(inputs: list[str] | None) -> list[Path]:
    from dlseis_kg.sources import inventory_dir, load_manifest

    return (
        [Path(p) for p in inputs] if inputs else [inventory_dir() / s.file for s in load_manifest()]
    )


def cmd_registry(args) -> int:
    from dlseis_kg.records import read_inventory
    from dlseis_kg.registry import PaperRegistry

    reg = PaperRegistry.load()
    for path in _paths(args.input):
        for rec in read_inventory(path)[0]:
            reg.slug_for(rec.author, rec.year, rec.title)
    print(f"{len(reg.new)} new paper(s) -> {reg.save()}")
    return EXIT_OK


def cmd_vocab_sync(args) -> int:
    from dlseis_kg.vocab_sync import sync

    concepts, aliases = sync(_paths(args.input))
    print(f"{concepts} new concept(s), {aliases} new alias(es) in data/vocab")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    from dlseis_kg.build import BuildError
    from dlseis_kg.problems import InventoryError
    from dlseis_kg.sources import ChecksumError, FetchError

    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InventoryError, BuildError, ChecksumError, FetchError) as exc:
        print(f"dlseis-kg {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (FileNotFoundError, KeyError, SyntaxError, ValueError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"dlseis-kg {args.command}: {msg}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the documented exit code 2
        print(f"dlseis-kg {args.command}: internal error: {exc!r}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
