"""Regenerate an inventory CSV from the store (the round trip).

Each source row of an inventory's named graph becomes one CSV row, rebuilt from the
paper, its run and the run's child nodes in that graph. Concept cells carry the
concept's preferred label; metrics and baselines their raw labels; lists of concepts
come out sorted (the graph holds them as sets), ordered lists (layers, metrics, scores,
baselines) in their original order.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from dlseis_kg.namespaces import DCTERMS, DLSEIS, MLS, PROV, RDF, SCHEMA, SKOS, graph_iri
from dlseis_kg.records import COLUMNS

_FACETS = {
    "category": DLSEIS + "category",
    "sub_category_I": DLSEIS + "subCategory1",
    "sub_category_II": DLSEIS + "subCategory2",
    "task": MLS + "achieves",
    "sub_task": DLSEIS + "subTask",
    "ml_type": DLSEIS + "mlFamily",
    "neuralNetwork_type": DLSEIS + "networkType",
    "neuralNetwork_name": DLSEIS + "architecture",
    "training_process": DLSEIS + "learningParadigm",
}
RDF_TYPE = RDF + "type"
_SCALAR_FACETS = ("category", "sub_category_I", "sub_category_II", "sub_task")


class _Graph:
    """Subject -> predicate -> objects index of one named graph."""

    def __init__(self, st: Store, graph: NamedNode):
        self.index: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.reverse: dict[tuple[str, str], list[str]] = defaultdict(list)
        for q in st.quads_for_pattern(None, None, None, graph):
            self.index[q.subject.value][q.predicate.value].append(q.object)
            if isinstance(q.object, NamedNode):
                self.reverse[(q.predicate.value, q.object.value)].append(q.subject.value)

    def objects(self, s: str, p: str) -> list:
        return self.index.get(s, {}).get(p, [])

    def one(self, s: str, p: str):
        objs = self.objects(s, p)
        return objs[0] if objs else None

    def subjects(self, p: str, o: str) -> list[str]:
        return sorted(self.reverse.get((p, o), []))


class _Token(str):
    """A number token, written into a list cell as it is (no quotes)."""


def _list_cell(items: list) -> str:
    return "[" + ", ".join(x if isinstance(x, _Token) else repr(x) for x in items) + "]"


def export_rows(st: Store, inventory: str) -> list[dict[str, str]]:
    """Rows of one inventory (its slug names the graph), sorted by source row number."""
    g = _Graph(st, graph_iri(inventory))
    if not g.index:
        raise KeyError(f"the store holds no graph for inventory {inventory!r}")
    labels = {s: str(objs[SKOS + "prefLabel"][0].value)
              for s, objs in _Graph(st, graph_iri("vocabularies")).index.items()
              if SKOS + "prefLabel" in objs}  # fmt: skip
    rows = []
    for src_row in g.subjects(DCTERMS + "isPartOf", f"https://w3id.org/dlseis/source/{inventory}"):
        rows.append(_row(g, labels, src_row))
    rows.sort(key=lambda r: int(r["_row"]))
    return rows


def _row(g: _Graph, labels: dict[str, str], src_row: str) -> dict[str, str]:
    derived = g.subjects(PROV + "wasDerivedFrom", src_row)
    run = next(s for s in derived if any(t.value == MLS + "Run" for t in g.objects(s, RDF_TYPE)))
    paper = g.subjects(DLSEIS + "reportsRun", run)[0]
    row = dict.fromkeys(COLUMNS, "")
    row["_row"] = g.one(src_row, DLSEIS + "rowNumber").value
    author = g.one(paper, DCTERMS + "creator")
    if author is not None:
        row["author"] = g.one(author.value, SCHEMA + "familyName").value
    for col, prop in (("year", DCTERMS + "issued"), ("title", DCTERMS + "title")):
        lit = g.one(paper, prop)
        row[col] = lit.value if lit is not None else ""
    venue = g.one(paper, DCTERMS + "isPartOf")
    row["journal"] = labels[venue.value] if venue is not None else ""
    for col, prop in _FACETS.items():
        values = sorted(labels[o.value] for o in g.objects(run, prop))
        row[col] = ", ".join(values) if col in _SCALAR_FACETS else _list_cell(values)
    notes = g.one(run, DCTERMS + "description")
    row["notes"] = notes.value if notes is not None else ""
    row["hiddenLayers"] = _list_cell(_layers(g, run))
    _data(g, labels, run, row)
    _evaluations(g, run, row)
    comps = _ordered(g, g.objects(run, DLSEIS + "comparedWith"))
    row["baseline"] = _list_cell([g.one(c, DLSEIS + "rawLabel").value for c in comps])
    return row


def _ordered(g: _Graph, nodes: list) -> list[str]:
    return sorted((n.value for n in nodes), key=lambda n: int(g.one(n, DLSEIS + "position").value))


def _layers(g: _Graph, run: str) -> list[str]:
    out = []
    for layer in _ordered(g, g.objects(run, DLSEIS + "hasLayer")):
        width = g.one(layer, DLSEIS + "width")
        out.append(_Token(width.value) if width is not None else "?")
    return out


def _data(g: _Graph, labels: dict[str, str], run: str, row: dict[str, str]) -> None:
    data = g.one(run, MLS + "hasInput")
    for col in ("data_domain", "data_type", "data_size", "inputs", "outputs"):
        row[col] = "[]"
    if data is None:
        return
    d = data.value
    row["data_domain"] = _list_cell(
        sorted(labels[o.value] for o in g.objects(d, DLSEIS + "dataDomain"))
    )
    row["data_type"] = _list_cell(
        sorted(labels[o.value] for o in g.objects(d, DLSEIS + "dataOrigin"))
    )
    row["data_size"] = _list_cell([_Token(o.value) for o in g.objects(d, DLSEIS + "sampleCount")])
    row["inputs"] = _list_cell(sorted(o.value for o in g.objects(d, DLSEIS + "inputDescription")))
    row["outputs"] = _list_cell(sorted(o.value for o in g.objects(d, DLSEIS + "outputDescription")))


def _evaluations(g: _Graph, run: str, row: dict[str, str]) -> None:
    evs = _ordered(g, g.objects(run, MLS + "hasOutput"))
    row["performance_metrice"] = _list_cell([g.one(e, DLSEIS + "rawLabel").value for e in evs])
    raw = g.one(run, DLSEIS + "rawScores")
    if raw is not None:
        row["performance_score"] = raw.value
        return
    scores = []
    for e in evs:
        value: Literal | None = g.one(e, MLS + "hasValue")
        scores.append(
            _Token(value.value) if value is not None else g.one(e, DLSEIS + "rawScore").value
        )
    row["performance_score"] = _list_cell(scores)


def export_csv(st: Store, inventory: str, out: str | Path | None = None) -> str:
    """Write (or return) the regenerated inventory CSV of one inventory."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(export_rows(st, inventory))
    text = buf.getvalue()
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text
