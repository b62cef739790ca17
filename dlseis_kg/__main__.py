"""``python -m dlseis_kg`` runs the ``dlseis-kg`` command line."""

import sys

from dlseis_kg.cli import main

sys.exit(main())
