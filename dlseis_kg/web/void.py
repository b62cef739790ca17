"""The VoID and DCAT description of the knowledge graph.

The dataset is ``https://w3id.org/dlseis/void#dataset``, described by the document
``https://w3id.org/dlseis/void`` (``void.ttl``, ``.jsonld``, ``.nt``, ``.html``): size
(triples, entities, subjects, objects), class and property partitions, one subset per
named graph, the vocabularies used, licence, sources, version, the dumps as DCAT
distributions, the SPARQL endpoint as a DCAT data service, and example resources.
Partitions, distributions and the data service have hash IRIs in the VoID document
(``void#class-fabio-JournalArticle``, ``void#dump-nt``, ``void#sparql``).
"""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from dlseis_kg import __version__
from dlseis_kg.namespaces import BASE, DCAT, DCTERMS, OWL, RDF, RDFS, VOID, XSD
from dlseis_kg.web.resources import select
from dlseis_kg.web.schemaorg import CITATION, LICENSE
from dlseis_kg.web.urls import DATASET_IRI, ONTOLOGY_IRI, VOID_IRI
from dlseis_kg.web.views import Index, curie

DUMPS = [
    ("graph.nt", "application/n-triples"),
    ("graph.nq", "application/n-quads"),
    ("graph.ttl", "text/turtle"),
    ("graph.jsonld", "application/ld+json"),
]
FOAF = "http://xmlns.com/foaf/0.1/"
_STATS = """
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
       (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects)
WHERE { ?s ?p ?o }"""
_ENTITIES = (
    'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "BASE")) }'
)
_CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
_PROPS = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_SOURCES = """
SELECT ?f ?url WHERE { ?f a dlseis:SourceFile . OPTIONAL { ?f dcterms:source ?url } }
ORDER BY ?f"""


def namespace(iri: str) -> str:
    """The namespace of a term: up to its last ``#`` or ``/``."""
    m = re.match(r"(.*[#/])[^#/]*$", iri)
    return m.group(1) if m else iri


def _n(ns: str, local: str = "") -> NamedNode:
    return NamedNode(ns + local)


def _part(kind: str, iri: str) -> NamedNode:
    """A hash IRI in the VoID document for a partition of a class or property."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", curie(iri).replace(":", "-")).strip("-")
    return NamedNode(f"{VOID_IRI}#{kind}-{name}")


def _int(n: int) -> Literal:
    return Literal(str(int(n)), datatype=NamedNode(XSD + "integer"))


def examples(index: Index) -> list[str]:
    """A paper, a task and an architecture: the most used task and architecture, and the
    first paper (by IRI) that has both."""
    out = []

    def top(slug: str) -> str | None:
        scheme = index.schemes.get(BASE + "scheme/" + slug)
        if not scheme or not scheme.concepts:
            return None
        return min(scheme.concepts, key=lambda c: (-index.count(c), c))

    task, arch = top("task"), top("architecture")
    papers = set(index.papers)
    for c in (task, arch):
        if c:
            papers &= index.papers_of.get(c, set())
    if papers:
        out.append(min(papers))
    elif index.papers:
        out.append(min(index.papers))
    return out + [c for c in (task, arch) if c]


def void_triples(
    index: Index,
    *,
    base: str = BASE,
    dumps_dir: str | Path | None = None,
    endpoint: str | None = None,
) -> list[Triple]:
    """The VoID/DCAT triples for the store behind ``index``."""
    store = index.store
    ds = NamedNode(DATASET_IRI)
    doc = NamedNode(VOID_IRI)
    a = _n(RDF, "type")
    out: list[Triple] = []

    def add(s, p, o) -> None:
        out.append(Triple(s, p, o))

    add(doc, a, _n(VOID, "DatasetDescription"))
    add(doc, _n(DCTERMS, "title"), Literal("VoID and DCAT description of dlseis-kg", language="en"))
    add(doc, _n(FOAF, "primaryTopic"), ds)
    for t in (_n(VOID, "Dataset"), _n(DCAT, "Dataset")):
        add(ds, a, t)
    add(
        ds,
        _n(DCTERMS, "title"),
        Literal("dlseis-kg: machine learning in seismology", language="en"),
    )
    add(
        ds,
        _n(DCTERMS, "description"),
        Literal(
            "Papers on machine learning in seismology, the studies they report (tasks, "
            "architectures, training data, metrics, baselines) and the SKOS vocabularies "
            "behind them, from the inventories of Mousavi & Beroza (2022).",
            language="en",
        ),
    )
    add(ds, _n(DCTERMS, "license"), NamedNode(LICENSE))
    add(ds, _n(DCTERMS, "bibliographicCitation"), Literal(CITATION))
    add(ds, _n(OWL, "versionInfo"), Literal(__version__))
    add(ds, _n(DCAT, "version"), Literal(__version__))
    add(ds, _n(DCTERMS, "creator"), Literal("dlseis-kg contributors"))
    add(ds, _n(FOAF, "homepage"), NamedNode(base))
    add(ds, _n(DCAT, "landingPage"), NamedNode(base))
    for kw in ("seismology", "machine learning", "deep learning", "knowledge graph"):
        add(ds, _n(DCAT, "keyword"), Literal(kw, language="en"))
    add(ds, _n(VOID, "uriSpace"), Literal(BASE))
    add(ds, _n(VOID, "rootResource"), NamedNode(BASE + "scheme/task"))
    for r in select(store, _SOURCES):
        add(ds, _n(DCTERMS, "source"), NamedNode(r["url"] or r["f"]))
        add(ds, _n("http://www.w3.org/ns/prov#", "wasDerivedFrom"), NamedNode(r["f"]))
    add(ds, _n(RDFS, "seeAlso"), NamedNode(ONTOLOGY_IRI))

    stats = select(store, _STATS)[0]
    add(ds, _n(VOID, "triples"), _int(stats["triples"]))
    add(ds, _n(VOID, "distinctSubjects"), _int(stats["subjects"]))
    add(ds, _n(VOID, "distinctObjects"), _int(stats["objects"]))
    add(ds, _n(VOID, "properties"), _int(stats["properties"]))
    entities = select(store, _ENTITIES.replace("BASE", BASE))[0]["n"]
    add(ds, _n(VOID, "entities"), _int(entities))

    classes = select(store, _CLASSES)
    props = select(store, _PROPS)
    add(ds, _n(VOID, "classes"), _int(len(classes)))
    vocabularies = set()
    for r in classes:
        b = _part("class", r["c"])
        add(ds, _n(VOID, "classPartition"), b)
        add(b, _n(VOID, "class"), NamedNode(r["c"]))
        add(b, _n(VOID, "entities"), _int(r["n"]))
        vocabularies.add(namespace(r["c"]))
    for r in props:
        b = _part("property", r["p"])
        add(ds, _n(VOID, "propertyPartition"), b)
        add(b, _n(VOID, "property"), NamedNode(r["p"]))
        add(b, _n(VOID, "triples"), _int(r["n"]))
        vocabularies.add(namespace(r["p"]))
    for ns in sorted(vocabularies):
        add(ds, _n(VOID, "vocabulary"), NamedNode(ns))
    for r in select(store, _GRAPHS):
        g = NamedNode(r["g"])
        add(ds, _n(VOID, "subset"), g)
        add(g, a, _n(VOID, "Dataset"))
        add(g, _n(VOID, "triples"), _int(r["n"]))

    for iri in examples(index):
        add(ds, _n(VOID, "exampleResource"), NamedNode(iri))

    endpoint = endpoint or base + "sparql"
    add(ds, _n(VOID, "sparqlEndpoint"), NamedNode(endpoint))
    service = NamedNode(VOID_IRI + "#sparql")
    add(service, a, _n(DCAT, "DataService"))
    add(service, _n(DCAT, "endpointURL"), NamedNode(endpoint))
    add(service, _n(DCAT, "servesDataset"), ds)
    add(service, _n(DCTERMS, "conformsTo"), NamedNode("https://www.w3.org/TR/sparql11-protocol/"))

    folder = Path(dumps_dir) if dumps_dir else None
    for name, media in DUMPS:
        url = NamedNode(f"{base}dumps/{name}")
        add(ds, _n(VOID, "dataDump"), url)
        dist = NamedNode(f"{VOID_IRI}#dump-{name.split('.')[-1]}")
        add(ds, _n(DCAT, "distribution"), dist)
        add(dist, a, _n(DCAT, "Distribution"))
        add(dist, _n(DCAT, "downloadURL"), url)
        add(
            dist,
            _n(DCAT, "mediaType"),
            NamedNode(f"https://www.iana.org/assignments/media-types/{media}"),
        )
        add(dist, _n(DCTERMS, "title"), Literal(f"{name}: the whole graph ({media})"))
        add(dist, _n(DCTERMS, "license"), NamedNode(LICENSE))
        if folder and (folder / name).is_file():
            add(dist, _n(DCAT, "byteSize"), _int((folder / name).stat().st_size))
    return out
