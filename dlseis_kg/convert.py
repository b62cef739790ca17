"""Convert typed inventory records into RDF quads (see ``docs/model.md``).

>>> from dlseis_kg.records import Record
>>> from dlseis_kg.vocab import Vocabulary
>>> from dlseis_kg.registry import PaperRegistry
>>> rec = Record("x.csv", 2, author="Wang", year=1995, title="A detector", journal="BSSA",
...              category="Data Processing Automation", task=["Event Detection"])
>>> src = InputFile("x", "x.csv", "0" * 64)
>>> conv = convert([(src, [rec])], Vocabulary.load(), PaperRegistry([]))
>>> conv.papers
{'wang1995detector'}
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from dlseis_kg import __version__
from dlseis_kg.datasets import Match
from dlseis_kg.enrich import NAMED_DATASET, Enricher
from dlseis_kg.glossary import vocabulary_quads
from dlseis_kg.listcell import Number
from dlseis_kg.namespaces import (
    BASE,
    DCTERMS,
    DLSEIS,
    MLS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    XSD,
    graph_iri,
    paper_iri,
    source_iri,
)
from dlseis_kg.problems import Problem
from dlseis_kg.records import Record
from dlseis_kg.registry import PaperRegistry, paper_key
from dlseis_kg.venues import VenueKinds
from dlseis_kg.vocab import Resolution, Vocabulary


def _n(ns: str, local: str) -> NamedNode:
    return NamedNode(ns + local)


A = _n(RDF, "type")
XSD_INT, XSD_DEC, XSD_BOOL, XSD_YEAR = (
    _n(XSD, t) for t in ("integer", "decimal", "boolean", "gYear")
)
PROV_GRAPH = graph_iri("provenance")

#: run property for each concept column of a record (paper-level facets also go to dcterms:subject)
RUN_FACETS = {
    "category": _n(DLSEIS, "category"),
    "sub_category_I": _n(DLSEIS, "subCategory1"),
    "sub_category_II": _n(DLSEIS, "subCategory2"),
    "task": _n(MLS, "achieves"),
    "sub_task": _n(DLSEIS, "subTask"),
    "ml_type": _n(DLSEIS, "mlFamily"),
    "neuralNetwork_type": _n(DLSEIS, "networkType"),
    "neuralNetwork_name": _n(DLSEIS, "architecture"),
    "training_process": _n(DLSEIS, "learningParadigm"),
}
DATA_FACETS = {"data_type": _n(DLSEIS, "dataOrigin"), "data_domain": _n(DLSEIS, "dataDomain")}
SUBJECT_COLUMNS = ("category", "sub_category_I", "sub_category_II", "task", "sub_task")
PAPER_COLUMNS = ("author", "year", "title", "journal")


@dataclass(frozen=True)
class InputFile:
    """One input inventory: its slug (names its graph), file name and sha256."""

    inventory: str
    file: str
    sha256: str
    url: str = ""
    commit: str = ""

    @property
    def graph(self) -> NamedNode:
        return graph_iri(self.inventory)


@dataclass
class Conversion:
    quads: list[Quad] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    papers: set[str] = field(default_factory=set)
    build: NamedNode | None = None
    #: named data sets found in the rows (for ``dataset_matches.csv``)
    dataset_matches: list[Match] = field(default_factory=list)


def build_iri(inputs: Iterable[InputFile]) -> NamedNode:
    """The build activity's IRI: a hash of converter version and input checksums."""
    digest = hashlib.sha256(__version__.encode())
    for src in inputs:
        digest.update(src.sha256.encode())
    return NamedNode(f"{BASE}build/{digest.hexdigest()[:16]}")


def convert(
    inputs: list[tuple[InputFile, list[Record]]],
    vocab: Vocabulary,
    registry: PaperRegistry,
    venue_kinds: VenueKinds | None = None,
    *,
    enricher: Enricher | None = None,
    allow_new_concepts: bool = False,
) -> Conversion:
    """Convert every input's records; the vocabulary graph covers all of them.

    A raw value no vocabulary table covers is an error-level problem (``unmapped-value``)
    unless ``allow_new_concepts``, which mints a concept and warns (``new-concept``).
    """
    conv = Conversion(build=build_iri(src for src, _ in inputs))
    kinds = venue_kinds or VenueKinds.load()
    enrich = enricher or Enricher()
    for src, records in inputs:
        _FileConverter(src, vocab, registry, kinds, conv, enrich, allow_new_concepts).run(records)
    conv.quads.extend(vocabulary_quads(vocab, kinds, enrich.data))
    conv.quads.extend(_provenance_quads(conv.build, [src for src, _ in inputs]))
    return conv


class _FileConverter:
    def __init__(self, src: InputFile, vocab, registry, kinds, conv: Conversion, enrich, allow_new):
        self.src, self.vocab, self.registry, self.kinds, self.conv = (
            src,
            vocab,
            registry,
            kinds,
            conv,
        )
        self.enrich: Enricher = enrich
        self.allow_new: bool = allow_new
        self.first_row: dict[str, Record] = {}
        self.runs: dict[str, int] = {}
        self.title_authors: dict[str, Record] = {}

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        self.conv.quads.append(Quad(s, p, o, self.src.graph))

    def report(self, rec: Record, column: str, value: str, sev: str, code: str, msg: str) -> None:
        self.conv.problems.append(Problem(rec.file, rec.row, column, value, sev, code, msg))

    def run(self, records: list[Record]) -> None:
        self.add(source_iri(self.src.inventory), A, _n(DLSEIS, "SourceFile"))
        self.add(source_iri(self.src.inventory), A, _n(PROV, "Entity"))
        self.add(source_iri(self.src.inventory), _n(DCTERMS, "title"), Literal(self.src.file))
        self.add(source_iri(self.src.inventory), _n(DLSEIS, "sha256"), Literal(self.src.sha256))
        if self.src.url:
            self.add(source_iri(self.src.inventory), _n(DCTERMS, "source"), NamedNode(self.src.url))
        if self.src.commit:
            commit = Literal(self.src.commit)
            self.add(source_iri(self.src.inventory), _n(DLSEIS, "upstreamCommit"), commit)
        self.add(self.src.graph, _n(PROV, "wasGeneratedBy"), self.conv.build)
        for rec in records:
            self.record(rec)

    def resolve(self, rec: Record, column: str, raw: str, *, raw_kept: bool = False) -> NamedNode:
        """The concept ``raw`` names; reports new concepts, and spelling variants unless
        the raw label is kept on the node (``raw_kept``)."""
        scheme = self.vocab.by_column[column].name
        res: Resolution = self.vocab.resolve(scheme, raw)
        c = res.concept
        if c.minted and self.allow_new:
            msg = f"not in the {scheme} vocabulary; new concept {c.slug!r}"
            self.report(rec, column, raw, "warning", "new-concept", msg)
        elif c.minted:
            msg = f"not in the {scheme} vocabulary tables (data/vocab); add it to aliases.csv"
            self.report(rec, column, raw, "error", "unmapped-value", msg)
        elif raw != c.pref_label and not raw_kept:
            self.report(
                rec,
                column,
                raw,
                "info",
                "label-variant",
                f"{res.label_kind} of {scheme} concept {c.pref_label!r}",
            )
        return NamedNode(f"{BASE}{scheme}/{c.slug}")

    def record(self, rec: Record) -> None:
        slug, is_new = self.registry.slug_for(rec.author, rec.year, rec.title)
        paper = NamedNode(paper_iri(slug))
        self.conv.papers.add(slug)
        if is_new:
            self.report(
                rec,
                "title",
                rec.title or "",
                "info",
                "new-paper-id",
                f"paper not in the ID registry; minted {slug!r}",
            )
        n = self.runs[slug] = self.runs.get(slug, 0) + 1
        suffix = "" if n == 1 else f"-{n}"
        row_node = source_iri(self.src.inventory, slug + suffix)
        run = NamedNode(f"{paper.value}/run{suffix}")
        self.add(row_node, A, _n(DLSEIS, "SourceRow"))
        self.add(row_node, A, _n(PROV, "Entity"))
        self.add(row_node, _n(DLSEIS, "rowNumber"), Literal(str(rec.row), datatype=XSD_INT))
        self.add(row_node, _n(DCTERMS, "isPartOf"), source_iri(self.src.inventory))
        self.add(paper, _n(PROV, "wasDerivedFrom"), row_node)
        self.add(paper, _n(DLSEIS, "reportsRun"), run)
        if n == 1:
            self.first_row[slug] = rec
            self.paper(rec, paper)
        else:
            self.merged(rec, self.first_row[slug])
        self.check_title(rec)
        self.study(rec, paper, run, row_node)

    def paper(self, rec: Record, paper: NamedNode) -> None:
        venue_kind = "journal"
        if rec.journal:
            venue = self.resolve(rec, "journal", rec.journal)
            self.add(paper, _n(DCTERMS, "isPartOf"), venue)
            venue_kind = self.vocab.resolve("venue", rec.journal).concept.kind or "journal"
        self.add(paper, A, NamedNode(self.kinds.paper_class(venue_kind)))
        self.add(paper, A, _n(SCHEMA, "ScholarlyArticle"))
        if rec.title:
            self.add(paper, _n(DCTERMS, "title"), Literal(rec.title))
        if rec.year:
            self.add(paper, _n(DCTERMS, "issued"), Literal(str(rec.year), datatype=XSD_YEAR))
        if rec.author:
            author = NamedNode(paper.value + "/author")
            self.add(paper, _n(DCTERMS, "creator"), author)
            self.add(paper, _n(SCHEMA, "author"), author)
            self.add(author, A, _n(SCHEMA, "Person"))
            self.add(author, _n(SCHEMA, "familyName"), Literal(rec.author))
            self.add(author, _n(RDFS, "label"), Literal(rec.author))

    def merged(self, rec: Record, first: Record) -> None:
        self.report(
            rec,
            "",
            rec.title or "",
            "info",
            "merged-duplicate",
            f"same paper as row {first.row}: one paper, second run",
        )
        if rec.journal:  # checked and reported like the first row's, though not used
            self.resolve(rec, "journal", rec.journal)
        for col in PAPER_COLUMNS:
            mine, theirs = getattr(rec, col), getattr(first, col)
            if mine is not None and mine != theirs:
                self.report(
                    rec,
                    col,
                    str(mine),
                    "warning",
                    "merge-conflict",
                    f"row {first.row} of the same paper says {theirs!r}; kept that",
                )

    def check_title(self, rec: Record) -> None:
        key = paper_key("", rec.title).lstrip("|")
        other = self.title_authors.setdefault(key, rec)
        if other is not rec and paper_key(other.author, "") != paper_key(rec.author, ""):
            self.report(
                rec,
                "title",
                rec.title or "",
                "warning",
                "duplicate-title",
                f"same title as row {other.row} ({other.author}) but another first "
                "author: kept as two papers",
            )

    def study(self, rec: Record, paper: NamedNode, run: NamedNode, row_node: NamedNode) -> None:
        self.add(run, A, _n(MLS, "Run"))
        self.add(run, _n(PROV, "wasDerivedFrom"), row_node)
        for column, prop in RUN_FACETS.items():
            for raw in _values(getattr(rec, column)):
                concept = self.resolve(rec, column, raw)
                self.add(run, prop, concept)
                if column in SUBJECT_COLUMNS:
                    self.add(paper, _n(DCTERMS, "subject"), concept)
        if rec.notes:
            self.add(run, _n(DCTERMS, "description"), Literal(rec.notes))
        for i, width in enumerate(rec.layers, start=1):
            layer = NamedNode(f"{run.value}/layer/{i}")
            self.add(run, _n(DLSEIS, "hasLayer"), layer)
            self.add(layer, A, _n(DLSEIS, "HiddenLayer"))
            self.add(layer, _n(DLSEIS, "position"), _int(i))
            if width is None:
                self.add(layer, _n(DLSEIS, "widthUnknown"), Literal("true", datatype=XSD_BOOL))
            else:
                self.add(layer, _n(DLSEIS, "width"), _int(width))
        self.data(rec, run)
        self.evaluations(rec, run)
        for i, raw in enumerate(rec.baseline, start=1):
            node = NamedNode(f"{run.value}/comparison/{i}")
            self.add(run, _n(DLSEIS, "comparedWith"), node)
            self.add(node, A, _n(DLSEIS, "BaselineComparison"))
            baseline = self.resolve(rec, "baseline", raw, raw_kept=True)
            self.add(node, _n(DLSEIS, "baseline"), baseline)
            for triple in self.enrich.comparison(paper, node, baseline.value.rsplit("/", 1)[1]):
                self.add(*triple)
            self.add(node, _n(DLSEIS, "rawLabel"), Literal(raw))
            self.add(node, _n(DLSEIS, "position"), _int(i))

    def data(self, rec: Record, run: NamedNode) -> None:
        named, matches = self.enrich.datasets(rec)
        self.conv.dataset_matches.extend(matches)
        cells = rec.data_type or rec.data_domain or rec.data_size or rec.inputs or rec.outputs
        if not (cells or named):
            return
        data = NamedNode(run.value + "/data")
        for dataset in named:
            self.add(data, NAMED_DATASET, dataset)
        self.add(run, _n(MLS, "hasInput"), data)
        self.add(data, A, _n(MLS, "Dataset"))
        for column, prop in DATA_FACETS.items():
            for raw in getattr(rec, column):
                self.add(data, prop, self.resolve(rec, column, raw))
        for size in rec.data_size:
            self.add(data, _n(DLSEIS, "sampleCount"), _int(size))
        for text in rec.inputs:
            self.add(data, _n(DLSEIS, "inputDescription"), Literal(text))
        for text in rec.outputs:
            self.add(data, _n(DLSEIS, "outputDescription"), Literal(text))

    def evaluations(self, rec: Record, run: NamedNode) -> None:
        paired = rec.metrics_paired
        for i, raw in enumerate(rec.performance_metrice, start=1):
            node = NamedNode(f"{run.value}/evaluation/{i}")
            self.add(run, _n(MLS, "hasOutput"), node)
            self.add(node, A, _n(MLS, "ModelEvaluation"))
            metric = self.resolve(rec, "performance_metrice", raw, raw_kept=True)
            self.add(node, _n(MLS, "specifiedBy"), metric)
            self.add(node, _n(DLSEIS, "rawLabel"), Literal(raw))
            self.add(node, _n(DLSEIS, "position"), _int(i))
            if paired:
                score = rec.scores[i - 1]
                if isinstance(score, Number):
                    self.add(node, _n(MLS, "hasValue"), _decimal(score.raw))
                    slug = metric.value.rsplit("/", 1)[1]
                    found = self.enrich.score_problem(rec, slug, raw, score.raw)
                    self.conv.problems.extend([found] if found else [])
                else:
                    self.add(node, _n(DLSEIS, "rawScore"), Literal(score))
        if rec.raw_scores is not None:
            self.add(run, _n(DLSEIS, "rawScores"), Literal(rec.raw_scores))


def _values(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INT)


def _decimal(raw: str) -> Literal:
    text = format(Decimal(raw), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD_DEC)


def _provenance_quads(build: NamedNode, inputs: list[InputFile]) -> list[Quad]:
    g, out = PROV_GRAPH, []
    agent = NamedNode(f"{BASE}software/dlseis-kg")
    out.append(Quad(build, A, _n(PROV, "Activity"), g))
    out.append(Quad(build, _n(RDFS, "label"), Literal("dlseis-kg build"), g))
    out.append(Quad(build, _n(DLSEIS, "converterVersion"), Literal(__version__), g))
    out.append(Quad(build, _n(PROV, "wasAssociatedWith"), agent, g))
    out.append(Quad(agent, A, _n(PROV, "SoftwareAgent"), g))
    out.append(Quad(agent, _n(RDFS, "label"), Literal(f"dlseis-kg {__version__}"), g))
    for src in inputs:
        out.append(Quad(build, _n(PROV, "used"), source_iri(src.inventory), g))
        out.append(Quad(source_iri(src.inventory), _n(DLSEIS, "sha256"), Literal(src.sha256), g))
    return out
