"""Validate dlseis-kg graphs against the SHACL shapes in ``ontology/shapes.ttl``.

The converter calls :func:`validate` once per inventory graph, with the N-Triples of
that graph and of the vocabularies graph; the result is a :class:`ShaclReport`.

>>> report = validate('<https://w3id.org/dlseis/paper/x> '
...     '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .')
>>> report.conforms
False
>>> sorted(report.shape_names("Violation"))[:3]
['Paper-creator', 'Paper-run', 'Paper-source']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef

from dlseis_kg.namespaces import PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "dlseis.ttl"
SHAPES_NS = "https://w3id.org/dlseis/shapes#"

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_RESULTS_QUERY = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?r ?focus ?path ?inverse ?value ?message ?severity ?shape WHERE {
  ?report a sh:ValidationReport ; sh:result ?r .
  ?r sh:focusNode ?focus ; sh:resultSeverity ?severity ; sh:sourceShape ?shape .
  OPTIONAL { ?r sh:resultPath ?path OPTIONAL { ?path sh:inversePath ?inverse } }
  OPTIONAL { ?r sh:value ?value }
  OPTIONAL { ?r sh:resultMessage ?message }
}"""


@dataclass(frozen=True)
class ShaclResult:
    """One SHACL validation result; terms are IRIs, ``_:id`` or literals in N-Triples."""

    focus_node: str
    path: str | None
    value: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    source_shape: str

    @property
    def shape_name(self) -> str:
        """The shape's local name, e.g. ``Paper-title`` for ``dlsh:Paper-title``."""
        return self.source_shape.removeprefix(SHAPES_NS)


@dataclass
class ShaclReport:
    """The outcome of :func:`validate`.

    Attributes
    ----------
    conforms : bool
        True when there is no result of severity ``sh:Violation`` (warnings allowed).
    violations, warnings : list of ShaclResult
        Results of severity Violation, and of Warning or Info, sorted.
    """

    conforms: bool
    violations: list[ShaclResult] = field(default_factory=list)
    warnings: list[ShaclResult] = field(default_factory=list)

    def shape_names(self, severity: str | None = None) -> set[str]:
        """Return the local names of the shapes that produced results."""
        results = self.violations + self.warnings
        return {r.shape_name for r in results if severity in (None, r.severity)}

    def text(self, max_examples: int = 3) -> str:
        """Return a readable report: one block per message, at most ``max_examples`` each."""
        head = "conforms" if self.conforms else "does not conform"
        lines = [f"SHACL: {head}: {len(self.violations)} violations, {len(self.warnings)} warnings"]
        groups: dict[tuple[str, str], list[ShaclResult]] = {}
        for r in self.violations + self.warnings:
            groups.setdefault((r.severity, r.message), []).append(r)
        for (severity, message), results in groups.items():
            shape = _short(results[0].source_shape)
            lines.append(f"[{severity}] {shape}: {message} ({len(results)}x)")
            for r in results[:max_examples]:
                where = f" {_short(r.path)}" if r.path else ""
                value = f" = {_short(r.value)}" if r.value else ""
                lines.append(f"    {_short(r.focus_node)}{where}{value}")
            if len(results) > max_examples:
                lines.append(f"    ... and {len(results) - max_examples} more")
        return "\n".join(lines)


def validate(
    data: str | bytes | Graph | Iterable[str | bytes],
    *,
    shapes_path: str | Path | None = None,
    ontology_path: str | Path | None = None,
    data_format: str = "nt",
) -> ShaclReport:
    """Validate an RDF graph against the dlseis-kg shapes.

    Parameters
    ----------
    data : str, bytes, rdflib.Graph or iterable of str/bytes
        The graph as N-Triples text (e.g. ``Store.dump(format=RdfFormat.N_TRIPLES,
        from_graph=g)``); several chunks (an inventory graph and the vocabularies
        graph) are validated as one graph.
    shapes_path : str or Path, optional
        SHACL shapes; by default every ``ontology/shapes*.ttl`` file.
    ontology_path : str or Path, optional
        An ontology (e.g. :data:`ONTOLOGY_PATH`) to add to the data graph, so that
        its ``rdfs:subClassOf`` axioms count for ``sh:class`` and ``sh:targetClass``.
        None, the default, adds none: the data state every type the shapes ask
        for, so with the dlseis ontology no result changes (it costs little).
    data_format : str
        rdflib format name of ``data`` when it is text; ``"nt"`` by default.

    Returns
    -------
    ShaclReport
    """
    if isinstance(data, Graph):
        graph, own = data, False
    else:
        chunks = [data] if isinstance(data, str | bytes) else list(data)
        graph, own = Graph(), True
        for chunk in chunks:
            graph.parse(data=chunk, format=data_format)
    ontology = _load(str(ontology_path)) if ontology_path is not None else None
    _, results_graph, _ = pyshacl.validate(
        graph,
        shacl_graph=_load(str(shapes_path)) if shapes_path else _all_shapes(),
        ont_graph=ontology,
        inference="none",
        advanced=False,
        inplace=own,
        allow_warnings=True,
    )
    return _report(results_graph)


@lru_cache(maxsize=1)
def _all_shapes() -> Graph:
    graph = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("shapes*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=8)
def _load(path: str) -> Graph:
    return Graph().parse(path, format="turtle")


def _report(results_graph: Graph) -> ShaclReport:
    seen: dict[object, ShaclResult] = {}
    for row in results_graph.query(_RESULTS_QUERY):
        if row.r in seen:  # a second sh:resultMessage
            continue
        path = row.path if row.inverse is None else row.inverse
        seen[row.r] = ShaclResult(
            focus_node=_term(row.focus),
            path=None if path is None else "^" * (row.inverse is not None) + _term(path),
            value=None if row.value is None else _term(row.value),
            message=str(row.message or ""),
            severity=str(row.severity).rsplit("#", 1)[-1],
            source_shape=_term(row.shape),
        )
    results = sorted(seen.values(), key=lambda r: (r.source_shape, r.focus_node, r.value or ""))
    violations = [r for r in results if r.severity == "Violation"]
    warnings = [r for r in results if r.severity != "Violation"]
    return ShaclReport(conforms=not violations, violations=violations, warnings=warnings)


def _term(term: object) -> str:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):  # N-Triples form; Literal.n3() warns on ill-typed numbers
        text = str(term).translate(_ESCAPES)
        suffix = f"@{term.language}" if term.language else ""
        suffix = f"^^<{term.datatype}>" if term.datatype else suffix
        return f'"{text}"{suffix}'
    return str(term)


def _short(text: str) -> str:
    """Abbreviate an IRI (or a path ``^IRI``, or a literal's datatype) for :meth:`text`."""
    if text.startswith("^"):
        return "^" + _short(text[1:])
    if text.startswith('"'):
        lexical, sep, datatype = text.rpartition("^^<")
        return f"{lexical}^^{_short(datatype[:-1])}" if sep else text
    for prefix, ns in (("dlsh", SHAPES_NS), *PREFIXES.items(), ("", "https://w3id.org/dlseis/")):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}" if prefix else f"<{text[len(ns) :]}>"
    return text
