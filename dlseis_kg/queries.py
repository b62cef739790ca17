"""Named SPARQL queries and a Python API returning pandas DataFrames.

The named queries live in ``queries/*.rq``, one question per file with a comment
saying what it answers; the namespaces of :mod:`dlseis_kg.namespaces` are predeclared.
The default graph is the union of all named graphs.

>>> kg = KnowledgeGraph("build/store")          # doctest: +SKIP
>>> kg.query("papers_per_task").head(3)         # doctest: +SKIP
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, Store

from dlseis_kg.namespaces import PREFIXES, XSD

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_INTS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
_FLOATS = {XSD + t for t in ("double", "float")}


def named_queries(directory: str | Path | None = None) -> dict[str, Path]:
    """Map query name (file stem) to path, sorted by name."""
    d = Path(directory or QUERY_DIR)
    return {p.stem: p for p in sorted(d.glob("*.rq"))}


def describe(path: Path) -> str:
    """The leading ``#`` comment of a query file, as one line."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    return " ".join(lines)


def query_text(name_or_path: str | Path) -> str:
    """Return the SPARQL text of a named query, a ``.rq`` file, or the text itself."""
    text = str(name_or_path)
    queries = named_queries()
    if text in queries:
        return queries[text].read_text(encoding="utf-8")
    if text.endswith(".rq"):
        path = Path(text)
        if not path.exists():
            raise FileNotFoundError(f"no query file {path}; named queries: {', '.join(queries)}")
        return path.read_text(encoding="utf-8")
    if any(k in text.upper() for k in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return text
    raise KeyError(f"no named query {text!r}; named queries: {', '.join(queries)}")


def to_python(term):
    """Convert an RDF term to a plain Python value (IRIs as strings)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        dt = term.datatype.value
        if dt in _INTS:
            return int(term.value)
        if dt == XSD + "decimal":
            return float(Decimal(term.value))
        if dt in _FLOATS:
            return float(term.value)
        return term.value
    if isinstance(term, NamedNode):
        return term.value
    return str(term)


def run_query(store: Store, sparql: str) -> pd.DataFrame | bool | list:
    """Run SPARQL on the union graph: a DataFrame for SELECT, bool for ASK, triples else."""
    result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, QuerySolutions):
        cols = [v.value for v in result.variables]
        rows = [[to_python(sol[c]) for c in cols] for sol in result]
        return pd.DataFrame(rows, columns=cols)
    return list(result)


class KnowledgeGraph:
    """Read-only access to a built store.

    Parameters
    ----------
    store : str or Path
        The store directory written by ``dlseis-kg build`` (default ``build/store``).
    """

    def __init__(self, store: str | Path = "build/store"):
        path = Path(store)
        if not path.is_dir():
            raise FileNotFoundError(f"no store at {path}: run `dlseis-kg build` first")
        self.path = path
        self.store = Store.read_only(str(path))

    def query(self, name_or_sparql: str | Path) -> pd.DataFrame:
        """Run a named query, a ``.rq`` file or SPARQL text; SELECT gives a DataFrame."""
        return run_query(self.store, query_text(name_or_sparql))

    def named_queries(self) -> dict[str, str]:
        """Name -> description of every named query."""
        return {name: describe(p) for name, p in named_queries().items()}
