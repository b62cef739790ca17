"""The ontology's documentation at the ontology IRI (``/ontology`` -> ``ontology.html``).

pyLODE (``pip install pylode``; 3.4.1 fails on import, 3.3.4 works offline) documents
the ontology graph of the store; an anchor named after each term's local name is added,
so ``ontology#HiddenLayer`` lands on its entry. Without pyLODE, or if it fails, a page
is generated from the ontology's labels and comments with the site's template.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from pyoxigraph import RdfFormat, Store, serialize

from dlseis_kg.namespaces import DLSEIS
from dlseis_kg.web.resources import ONTOLOGY_GRAPH, select
from dlseis_kg.web.urls import ONTOLOGY_IRI
from dlseis_kg.web.views import curie

_TERMS = """
SELECT ?t ?kind ?label ?comment ?sup WHERE {
  GRAPH <ONTO> {
    ?t a ?k .
    VALUES (?k ?kind) { (owl:Class "class") (owl:ObjectProperty "object property")
                        (owl:DatatypeProperty "datatype property") }
    OPTIONAL { ?t rdfs:label ?label }
    OPTIONAL { ?t rdfs:comment ?comment }
    OPTIONAL { ?t rdfs:subClassOf|rdfs:subPropertyOf ?sup FILTER(isIRI(?sup)) }
  }
  FILTER(STRSTARTS(STR(?t), STR(dlseis:)))
} ORDER BY ?kind ?t"""
_ONTO = """
SELECT ?title ?comment ?version WHERE { GRAPH <ONTO> { ?o a owl:Ontology .
  OPTIONAL { ?o dcterms:title ?title } OPTIONAL { ?o rdfs:comment ?comment }
  OPTIONAL { ?o owl:versionInfo ?version } } }"""


@dataclass
class Term:
    iri: str
    kind: str
    label: str
    comment: str
    curie: str
    anchor: str
    extra: str = ""


def terms(store: Store) -> list[Term]:
    """The classes and properties the ontology defines (in the dlseis namespace)."""
    out: dict[str, Term] = {}
    for r in select(store, _TERMS.replace("<ONTO>", f"<{ONTOLOGY_GRAPH.value}>")):
        t = r["t"]
        if t not in out:
            local = t[len(DLSEIS) :]
            comment = " ".join((r["comment"] or "").split())
            out[t] = Term(t, r["kind"], r["label"] or local, comment, curie(t), local)
        if r["sup"]:
            out[t].extra = f"sub-term of {curie(r['sup'])}"
    return sorted(out.values(), key=lambda t: t.label.lower())


def info(store: Store) -> dict:
    rows = select(store, _ONTO.replace("<ONTO>", f"<{ONTOLOGY_GRAPH.value}>"))
    r = rows[0] if rows else {"title": None, "comment": None, "version": None}
    ts = terms(store)
    sections = [
        (name, [t for t in ts if t.kind == kind])
        for name, kind in (
            ("Classes", "class"),
            ("Object properties", "object property"),
            ("Datatype properties", "datatype property"),
        )
    ]
    return {
        "iri": ONTOLOGY_IRI,
        "title": r["title"] or "dlseis ontology",
        "comment": r["comment"] or "",
        "version": r["version"] or "",
        "sections": [s for s in sections if s[1]],
    }


def pylode_html(store: Store) -> str | None:
    """pyLODE's documentation of the ontology graph, or None if pyLODE is absent or fails."""
    try:
        import rdflib
        from pylode import OntPub
    except Exception:  # noqa: BLE001 - any import failure means: use the fallback
        return None
    data = serialize(
        [q.triple for q in store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH)],
        format=RdfFormat.TURTLE,
    )
    level = logging.getLogger().level
    try:
        graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")
        html = OntPub(graph).make_html()
    except Exception:  # noqa: BLE001 - fall back to the generated page
        return None
    finally:
        logging.getLogger().setLevel(level)
    for t in terms(store):
        if f'id="{t.anchor}"' not in html:
            pattern = re.compile(rf'(<[^>]+ id="{re.escape(t.anchor.lower())}")')
            html = pattern.sub(lambda m, a=t.anchor: f'<span id="{a}"></span>{m.group(1)}', html, 1)
    return html
