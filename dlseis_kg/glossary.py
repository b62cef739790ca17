"""The curated vocabularies as RDF, and the glossary they form.

Besides ``schemes.csv``, ``concepts.csv`` and ``aliases.csv`` (read by
:class:`~dlseis_kg.vocab.Vocabulary`), ``data/vocab`` holds:

- ``links.csv``: scheme, concept, relation, target, source; a SKOS mapping
  (``skos:exactMatch``, ``skos:closeMatch``, ...) to an outside IRI (Wikidata, MLSO) or
  a link to a concept of another scheme (``application-area/...``, ``ml-taxonomy/...``),
  with the source that confirms it;
- ``metrics.csv``: slug, direction (``higher``/``lower``/empty), min, max, note: which
  way a metric is better and its range where the range is fixed;
- ``venues.csv``: slug, full name, abbreviation of each venue (its kind is the
  ``kind`` column of ``concepts.csv``);
- ``baseline_papers.csv``: baseline slug, paper slug (``data/registry/papers.csv``),
  reason: the baselines that are methods introduced by a paper of the inventory.

>>> data = VocabData.load()
>>> data.metrics["accuracy"].likely_percentage(98)
True
>>> data.venues["geophysical-journal-international"].abbreviation
'GJI'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from dlseis_kg.namespaces import BASE, DCTERMS, DLSEIS, RDF, SKOS, XSD, graph_iri, paper_iri
from dlseis_kg.venues import VenueKinds
from dlseis_kg.vocab import DATA_DIR, Vocabulary

VOCAB_GRAPH = graph_iri("vocabularies")
#: relation names allowed in links.csv and the property each stands for
RELATIONS = {
    "skos:exactMatch": SKOS + "exactMatch",
    "skos:closeMatch": SKOS + "closeMatch",
    "skos:broadMatch": SKOS + "broadMatch",
    "skos:narrowMatch": SKOS + "narrowMatch",
    "skos:relatedMatch": SKOS + "relatedMatch",
    "skos:related": SKOS + "related",
    "dlseis:applicationArea": DLSEIS + "applicationArea",
}
DIRECTIONS = ("higher", "lower", "")


@dataclass(frozen=True)
class Link:
    scheme: str
    concept: str
    relation: str
    target: str
    source: str

    @property
    def internal(self) -> bool:
        """True when the target is a concept of this vocabulary (``scheme/slug``)."""
        return not self.target.startswith(("http://", "https://"))

    def target_iri(self) -> NamedNode:
        return NamedNode(BASE + self.target if self.internal else self.target)


@dataclass(frozen=True)
class MetricInfo:
    """Which way a metric is better and its fixed range (None where open)."""

    direction: str = ""
    min: Decimal | None = None
    max: Decimal | None = None

    def in_range(self, value: Decimal | float) -> bool:
        v = Decimal(str(value))
        return (self.min is None or v >= self.min) and (self.max is None or v <= self.max)

    def likely_percentage(self, value: Decimal | float) -> bool:
        """A score out of a [0, 1] range that fits [0, 100]: reported as a percentage."""
        v = Decimal(str(value))
        return self.max == 1 and 1 < v <= 100


@dataclass(frozen=True)
class VenueNames:
    full_name: str
    abbreviation: str = ""


@dataclass
class VocabData:
    """The curated tables beside the concepts: links, metrics, venues, baseline papers."""

    links: list[Link] = field(default_factory=list)
    metrics: dict[str, MetricInfo] = field(default_factory=dict)
    venues: dict[str, VenueNames] = field(default_factory=dict)
    #: baseline slug -> (paper slug, reason)
    baseline_papers: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> VocabData:
        vdir = Path(data_dir or DATA_DIR) / "vocab"
        links = [Link(r["scheme"], r["concept"], r["relation"], r["target"], r["source"])
                 for r in _rows(vdir / "links.csv")]  # fmt: skip
        for link in links:
            if link.relation not in RELATIONS:
                raise ValueError(f"links.csv: unknown relation {link.relation!r} ({link})")
            if not link.source.strip():
                raise ValueError(f"links.csv: {link.scheme}/{link.concept} -> {link.target} "
                                 "names no source")  # fmt: skip
        metrics = {}
        for r in _rows(vdir / "metrics.csv"):
            if r["direction"] not in DIRECTIONS:
                raise ValueError(f"metrics.csv: {r['slug']}: direction {r['direction']!r}")
            metrics[r["slug"]] = MetricInfo(r["direction"], _dec(r["min"]), _dec(r["max"]))
        venues = {r["slug"]: VenueNames(r["full_name"], r["abbreviation"])
                  for r in _rows(vdir / "venues.csv")}  # fmt: skip
        papers = {r["baseline"]: (r["paper"], r["reason"])
                  for r in _rows(vdir / "baseline_papers.csv")}  # fmt: skip
        return cls(links, metrics, venues, papers)

    def problems(self, vocab: Vocabulary, paper_slugs: set[str] | None = None) -> list[str]:
        """Dangling references: links, metrics, venues, baseline papers naming nothing."""
        out = []
        for link in self.links:
            if (link.scheme, link.concept) not in vocab.concepts:
                out.append(f"links.csv: unknown concept {link.scheme}/{link.concept}")
            if link.internal and tuple(link.target.split("/", 1)) not in vocab.concepts:
                out.append(f"links.csv: unknown target {link.target}")
        tables = [
            ("metrics.csv", "metric", self.metrics),
            ("venues.csv", "venue", self.venues),
            ("baseline_papers.csv", "baseline", self.baseline_papers),
        ]
        for table, scheme, slugs in tables:
            out += [
                f"{table}: unknown concept {scheme}/{s}"
                for s in slugs
                if (scheme, s) not in vocab.concepts
            ]
        if paper_slugs is not None:
            out += [
                f"baseline_papers.csv: {b} -> unknown paper {p}"
                for b, (p, _) in self.baseline_papers.items()
                if p not in paper_slugs
            ]
        return out


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _dec(text: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"metrics.csv: {text!r} is not a number") from None


def _n(ns: str, local: str) -> NamedNode:
    return NamedNode(ns + local)


def _decimal(value: Decimal) -> Literal:
    text = format(value, "f")
    return Literal(text if "." in text else text + ".0", datatype=_n(XSD, "decimal"))


def vocabulary_quads(
    vocab: Vocabulary, kinds: VenueKinds, data: VocabData | None = None
) -> list[Quad]:
    """The concept schemes and every concept with its labels, definition, hierarchy,
    links, metric direction and range, venue names, in the vocabularies graph."""
    data = data if data is not None else VocabData.load()
    g, out = VOCAB_GRAPH, []
    a = _n(RDF, "type")

    def add(s, p, o):
        out.append(Quad(s, p, o, g))

    for scheme in vocab.schemes.values():
        s = NamedNode(f"{BASE}scheme/{scheme.name}")
        add(s, a, _n(SKOS, "ConceptScheme"))
        add(s, _n(DCTERMS, "title"), Literal(scheme.title, language="en"))
        add(s, _n(SKOS, "definition"), Literal(scheme.definition, language="en"))
        if scheme.column:
            seen = str(len(vocab.seen.get(scheme.name, ())))
            add(s, _n(DLSEIS, "rawValueCount"), Literal(seen, datatype=_n(XSD, "integer")))
        for c in vocab.in_scheme(scheme.name):
            node = NamedNode(f"{BASE}{scheme.name}/{c.slug}")
            add(node, a, _n(SKOS, "Concept"))
            if scheme.cls:
                add(node, a, NamedNode(scheme.cls))
            if scheme.name == "venue":
                add(node, a, NamedNode(kinds.venue_class(c.kind or "journal")))
            if c.minted:
                add(node, a, _n(DLSEIS, "UncuratedConcept"))
            add(node, _n(SKOS, "inScheme"), s)
            add(node, _n(SKOS, "prefLabel"), Literal(c.pref_label, language="en"))
            for broader in c.broaders:
                add(node, _n(SKOS, "broader"), NamedNode(BASE + broader))
            if not any(b.split("/", 1)[0] == scheme.name for b in c.broaders):
                add(node, _n(SKOS, "topConceptOf"), s)
                add(s, _n(SKOS, "hasTopConcept"), node)
            if c.definition:
                add(node, _n(SKOS, "definition"), Literal(c.definition, language="en"))
            if c.note:
                add(node, _n(SKOS, "scopeNote"), Literal(c.note, language="en"))
            for kind, label in sorted(c.labels):
                if label == c.pref_label:
                    continue
                obj = Literal(label) if kind == "notation" else Literal(label, language="en")
                add(node, _n(SKOS, kind), obj)
    for link in data.links:
        subject = NamedNode(f"{BASE}{link.scheme}/{link.concept}")
        add(subject, NamedNode(RELATIONS[link.relation]), link.target_iri())
    for slug, m in sorted(data.metrics.items()):
        node = NamedNode(f"{BASE}metric/{slug}")
        if m.direction:
            value = "true" if m.direction == "higher" else "false"
            add(node, _n(DLSEIS, "higherIsBetter"), Literal(value, datatype=_n(XSD, "boolean")))
        if m.min is not None:
            add(node, _n(DLSEIS, "minValue"), _decimal(m.min))
        if m.max is not None:
            add(node, _n(DLSEIS, "maxValue"), _decimal(m.max))
    for slug, v in sorted(data.venues.items()):
        node = NamedNode(f"{BASE}venue/{slug}")
        add(node, _n(DLSEIS, "fullName"), Literal(v.full_name, language="en"))
        if v.abbreviation:
            add(node, _n(DLSEIS, "abbreviation"), Literal(v.abbreviation, language="en"))
    for slug, (paper, _) in sorted(data.baseline_papers.items()):
        add(NamedNode(f"{BASE}baseline/{slug}"), _n(DLSEIS, "introducedIn"),
            NamedNode(paper_iri(paper)))  # fmt: skip
    return out


def glossary_rows(vocab: Vocabulary) -> list[dict[str, str]]:
    """One row per concept: scheme, slug, preferred label, definition (sorted)."""
    return [
        {"scheme": s, "concept": c.slug, "label": c.pref_label, "definition": c.definition}
        for s in sorted(vocab.schemes)
        for c in vocab.in_scheme(s)
    ]
