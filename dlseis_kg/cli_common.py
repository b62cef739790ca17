"""Pieces every ``dlseis-kg`` sub-command shares: the exit-code epilog and ``--store``."""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EPILOG = "exit codes: 0 ok, 1 invalid input (file, row and column named), 2 usage or internal error"


def add_store_arg(p: argparse.ArgumentParser) -> None:
    """Add the ``--store DIR`` option (default ``build/store``)."""
    p.add_argument("--store", default="build/store", help="store directory (default build/store)")
