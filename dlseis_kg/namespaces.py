"""Namespaces and IRI builders shared by every module.

>>> from dlseis_kg.namespaces import BASE, concept_iri
>>> concept_iri("task", "phase-picking").value
'https://w3id.org/dlseis/task/phase-picking'
"""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/dlseis/"
DLSEIS = BASE + "ontology#"
MLS = "http://www.w3.org/ns/mls#"
FABIO = "http://purl.org/spar/fabio/"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
CITO = "http://purl.org/spar/cito/"

PREFIXES: dict[str, str] = {
    "dlseis": DLSEIS,
    "mls": MLS,
    "fabio": FABIO,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "prov": PROV,
    "schema": SCHEMA,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "sh": SH,
    "void": VOID,
    "dcat": DCAT,
    "cito": CITO,
}


def sparql_prefixes() -> str:
    """Return the PREFIX lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def iri(value: str) -> NamedNode:
    """Return a NamedNode for an absolute IRI."""
    return NamedNode(value)


def term(namespace: str, local: str) -> NamedNode:
    """Return ``namespace + local`` as a NamedNode.

    >>> term(SKOS, "prefLabel").value
    'http://www.w3.org/2004/02/skos/core#prefLabel'
    """
    return NamedNode(namespace + local)


def paper_iri(slug: str) -> str:
    return f"{BASE}paper/{slug}"


def concept_iri(scheme: str, slug: str) -> NamedNode:
    return NamedNode(f"{BASE}{scheme}/{slug}")


def scheme_iri(scheme: str) -> NamedNode:
    return NamedNode(f"{BASE}scheme/{scheme}")


def graph_iri(name: str) -> NamedNode:
    return NamedNode(f"{BASE}graph/{name}")


def source_iri(inventory: str, row_slug: str | None = None) -> NamedNode:
    tail = f"/{row_slug}" if row_slug else ""
    return NamedNode(f"{BASE}source/{inventory}{tail}")
