"""Describe a resource: the triples of its document, from a store opened read-only.

A document holds its resource's own triples and those of the nodes inside it (a paper's
author, runs, data, layers, evaluations and comparisons), the triples that point at it,
how the subjects of those reach their paper, and the labels of every resource it names,
so that a client can show it without another request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, Variable, serialize

from dlseis_kg.namespaces import BASE, DCTERMS, PREFIXES, RDFS, SCHEMA, SKOS
from dlseis_kg.web.negotiate import JSONLD, NTRIPLES, TURTLE, DocFormat
from dlseis_kg.web.urls import ONTOLOGY_IRI, PAPER_PREFIX, document_of

LABELS = [NamedNode(SKOS + "prefLabel"), NamedNode(DCTERMS + "title"), NamedNode(RDFS + "label")]
LABELS.append(NamedNode(SCHEMA + "name"))
ONTOLOGY_GRAPH = NamedNode(BASE + "graph/ontology")


def open_store(path: str | Path) -> Store:
    """Open a built store read-only (the web code never writes)."""
    p = Path(path)
    if not p.is_dir():
        raise FileNotFoundError(f"no store at {p}: run `dlseis-kg build` first")
    return Store.read_only(str(p))


def select(store: Store, sparql: str, **bind: str) -> list[dict]:
    """Run a SELECT on the union graph; ``bind`` substitutes variables with IRIs.

    Values come back as Python strings, ints and floats (IRIs as strings, None unbound).
    """
    from dlseis_kg.queries import to_python

    subs = {Variable(k): NamedNode(v) for k, v in bind.items()}
    res = store.query(
        sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs
    )
    names = [v.value for v in res.variables]
    return [{n: to_python(row[n]) for n in names} for row in res]


def compact_jsonld(data: bytes) -> bytes:
    """Shorten the keys of pyoxigraph's expanded JSON-LD with the project prefixes."""
    nodes = json.loads(data)
    prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def key(k: str) -> str:
        for p, ns in prefixes:
            if k.startswith(ns) and len(k) > len(ns) and ":" not in k[len(ns) :]:
                return f"{p}:{k[len(ns) :]}"
        return k

    graph = [{key(k): v for k, v in node.items()} for node in nodes]
    doc = {"@context": dict(sorted(PREFIXES.items())), "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def serialize_triples(triples: Iterable[Triple], fmt: DocFormat) -> bytes:
    """Sorted triples in Turtle, compact JSON-LD or sorted N-Triples."""
    ordered = sorted(set(triples), key=str)
    if fmt is TURTLE:
        return serialize(ordered, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt is JSONLD:
        return compact_jsonld(serialize(ordered, format=RdfFormat.JSON_LD))
    if fmt is NTRIPLES:
        text = serialize(ordered, format=RdfFormat.N_TRIPLES).decode("utf-8")
        return "".join(sorted(text.splitlines(keepends=True))).encode("utf-8")
    raise ValueError(f"not an RDF format: {fmt.ext}")


class Describer:
    """The documents of a store: which IRIs exist, and the triples describing each.

    ``extra`` maps a document IRI to triples not in the store (the VoID description).
    """

    def __init__(self, store: Store, extra: dict[str, list[Triple]] | None = None):
        self.store = store
        self.extra = dict(extra or {})

    def _subject(self, iri: str) -> bool:
        return (
            next(iter(self.store.quads_for_pattern(NamedNode(iri), None, None)), None) is not None
        )

    def exists(self, iri: str) -> bool:
        """True when the IRI is described (it is the subject of a triple)."""
        return iri.split("#", 1)[0] in self.extra or self._subject(iri)

    def is_document(self, iri: str) -> bool:
        """True when ``iri`` has a document of its own (it is not a node inside a paper)."""
        return document_of(iri) == iri and "#" not in iri and self.exists(iri)

    def documents(self) -> list[str]:
        """Every document IRI, sorted: resources under the base that are not inner nodes."""
        rows = self.store.query(
            "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }",
            use_default_graph_as_union=True,
        )
        docs = {document_of(r["s"].value) for r in rows if r["s"].value.startswith(BASE)}
        docs.discard(BASE)
        return sorted(docs | set(self.extra))

    def _triples(self, s=None, p=None, o=None, g=None) -> set[Triple]:
        return {q.triple for q in self.store.quads_for_pattern(s, p, o, g)}

    def own_nodes(self, doc: str) -> list[str]:
        """The document's resource and the nodes inside it (reached through IRIs below it)."""
        nodes, todo, inside = [doc], [doc], doc + "/"
        seen = {doc}
        while todo:
            for t in self._triples(NamedNode(todo.pop())):
                o = t.object
                if isinstance(o, NamedNode) and o.value.startswith(inside) and o.value not in seen:
                    seen.add(o.value)
                    nodes.append(o.value)
                    todo.append(o.value)
        return nodes

    def _chain(self, iri: str) -> set[Triple]:
        """Triples from a paper down to a node inside it, and the paper's title."""
        doc = document_of(iri)
        if doc == iri or not doc.startswith(PAPER_PREFIX):
            return set()
        out = self._triples(NamedNode(doc), NamedNode(DCTERMS + "title"))
        parts = iri[len(doc) + 1 :].split("/")
        ancestors = [doc] + [f"{doc}/{'/'.join(parts[:i])}" for i in range(1, len(parts))]
        ancestors = [a for a in ancestors if a == doc or self._subject(a)] + [iri]
        for a, b in zip(ancestors, ancestors[1:], strict=False):
            out |= self._triples(NamedNode(a), None, NamedNode(b))
        return out

    def labels(self, iris: Iterable[str]) -> set[Triple]:
        out: set[Triple] = set()
        for iri in iris:
            node = NamedNode(iri)
            for p in LABELS:
                out |= self._triples(node, p)
        return out

    def triples(self, doc: str) -> list[Triple]:
        """The triples of ``doc``'s document (empty when it does not exist)."""
        if doc in self.extra:
            return sorted(self.extra[doc], key=str)
        if doc == ONTOLOGY_IRI:
            return sorted(self._triples(g=ONTOLOGY_GRAPH), key=str)
        nodes = self.own_nodes(doc)
        out: set[Triple] = set()
        for n in nodes:
            out |= self._triples(NamedNode(n))
        incoming = self._triples(None, None, NamedNode(doc))
        named = set()
        for t in incoming:
            if isinstance(t.subject, NamedNode):
                out |= self._chain(t.subject.value)
                named.add(t.subject.value)
        out |= incoming
        inside = set(nodes)
        for t in list(out):
            for term in (t.subject, t.object):
                if isinstance(term, NamedNode) and term.value.startswith(BASE):
                    named.add(term.value)
        out |= self.labels(named - inside)
        return sorted(out, key=str)

    def serialize(self, doc: str, fmt: DocFormat) -> bytes:
        return serialize_triples(self.triples(doc), fmt)


def not_found_body(iri: str, fmt: DocFormat) -> bytes:
    """A body in ``fmt`` for an IRI that is not described (an empty graph with a note)."""
    note = f"Not found: {iri} is not described in this knowledge graph."
    if fmt is JSONLD:
        doc = {"@context": {"rdfs": RDFS}, "rdfs:comment": note}
        return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
    return f"# {note}\n".encode()
