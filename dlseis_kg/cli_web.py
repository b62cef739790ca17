"""``dlseis-kg serve`` and ``dlseis-kg publish``: the knowledge graph as linked data.

``serve`` answers from the store (opened read-only) on a Starlette application run by
uvicorn; ``publish`` writes the same pages as a static site. docs/publishing.md has the
URL scheme, the redirect pattern and the endpoint's limits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dlseis_kg.cli_common import EPILOG, add_store_arg


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` and ``publish`` sub-commands to ``subparsers``."""
    p = subparsers.add_parser(
        "serve",
        help="serve the graph as linked data with a SPARQL endpoint",
        description="Serve every resource with content negotiation (HTML, Turtle, JSON-LD, "
        "N-Triples), HTML pages, a read-only SPARQL 1.1 endpoint at /sparql, the VoID "
        "description and the ontology's documentation, from the store opened read-only.",
        epilog=EPILOG,
    )
    add_store_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--dumps", default="build", help="folder holding graph.nt/.nq/.ttl/.jsonld (default build)"
    )
    p.add_argument(
        "--figures", default="build/figures", help="folder of figures for the home page, if any"
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, help="SPARQL time limit in s (default 10)"
    )
    p.add_argument(
        "--max-rows", type=int, default=10000, help="SPARQL result limit (rows or triples)"
    )
    p.add_argument("--workers", type=int, default=2, help="SPARQL worker processes (default 2)")
    p.set_defaults(func=run_serve)

    p = subparsers.add_parser(
        "publish",
        help="write the pages, data files, dumps and w3id rules as a static site",
        description="Write every resource as HTML with .ttl, .jsonld and .nt beside it, the "
        "index pages, the dumps, the VoID file, the ontology documentation and the "
        "w3id.org redirect rules (w3id/.htaccess) into a folder.",
        epilog=EPILOG,
    )
    add_store_arg(p)
    p.add_argument("--out", required=True, help="folder for the site (replaced if it is one)")
    p.add_argument(
        "--dumps", default="build", help="folder with the dumps to copy (else written anew)"
    )
    p.add_argument("--figures", default="build/figures", help="folder of figures, if any")
    p.add_argument(
        "--site-url",
        default=None,
        help="URL where the site will be hosted, for the w3id rules (default a placeholder)",
    )
    p.add_argument("--endpoint", default=None, help="URL of a public SPARQL endpoint, if any")
    p.set_defaults(func=run_publish)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from dlseis_kg.web.app import create_app

    if not Path(args.store).is_dir():
        raise FileNotFoundError(f"no store at {args.store}: run `dlseis-kg build` first")
    app = create_app(
        args.store,
        timeout=args.timeout,
        max_rows=args.max_rows,
        workers=args.workers,
        figures=args.figures,
        dumps=args.dumps,
    )
    print(f"serving {args.store} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from dlseis_kg.web.publish import DEFAULT_SITE_URL, publish

    result = publish(
        args.store,
        args.out,
        dumps=args.dumps,
        figures=args.figures,
        site_url=args.site_url or DEFAULT_SITE_URL,
        endpoint=args.endpoint,
    )
    print(f"published {result.documents} documents, {result.files} files -> {result.out}")
    if not args.site_url:
        print("note: w3id/.htaccess points at a placeholder; pass --site-url", file=sys.stderr)
    return 0
