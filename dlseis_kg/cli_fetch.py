"""``dlseis-kg fetch``: put verified copies of the inventory CSVs in ``inventory/``."""

from __future__ import annotations

import argparse
import sys

from dlseis_kg.sources import ChecksumError, FetchError, fetch_source, load_manifest


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``fetch`` sub-command to ``subparsers`` (its default ``func`` is :func:`run`)."""
    parser = subparsers.add_parser(
        "fetch",
        help="copy or download the inventory CSVs and verify their sha256",
        description="Put verified copies of the inventory CSVs listed in data/sources.csv "
        "in the inventory directory, copying them from the shared directory when present "
        "and downloading them from GitHub otherwise.",
    )
    parser.add_argument(
        "--dest", help="target directory (default: inventory/ or $DLSEIS_INVENTORY_DIR)"
    )
    parser.add_argument(
        "--shared", help="directory to copy from (default: ../shared/... or $DLSEIS_SHARED_DIR)"
    )
    parser.add_argument("--offline", action="store_true", help="never download")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Fetch every source; print one line per file; 0 on success, 1 on any failure."""
    status = 0
    for source in load_manifest():
        try:
            result = fetch_source(
                source,
                dest=getattr(args, "dest", None),
                shared=getattr(args, "shared", None),
                offline=getattr(args, "offline", False),
            )
        except (ChecksumError, FetchError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        print(f"{result.action:<10} {result.path}  sha256:{result.sha256[:12]}")
    return status
