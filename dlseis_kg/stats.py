"""Counts over a built store: papers and triples per graph, concepts and labels per scheme.

>>> from dlseis_kg.queries import KnowledgeGraph
>>> stats(KnowledgeGraph("build/store")).columns.tolist()   # doctest: +SKIP
['what', 'name', 'count']
"""

from __future__ import annotations

import pandas as pd

from dlseis_kg.namespaces import BASE
from dlseis_kg.queries import KnowledgeGraph

_GRAPHS = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g
"""
_PAPERS = """
SELECT ?g (COUNT(DISTINCT ?paper) AS ?n) WHERE { GRAPH ?g { ?paper a schema:ScholarlyArticle } }
GROUP BY ?g ORDER BY ?g
"""
_SCHEMES = """
SELECT ?scheme ?concepts ?labels (COALESCE(?n, 0) AS ?raw) WHERE {
  { SELECT ?s (COUNT(DISTINCT ?c) AS ?concepts) (COUNT(DISTINCT ?label) AS ?labels) WHERE {
      ?c skos:inScheme ?s .
      OPTIONAL { ?c skos:prefLabel|skos:altLabel|skos:hiddenLabel|skos:notation ?l }
      BIND(STR(?l) AS ?label)
    } GROUP BY ?s }
  OPTIONAL { ?s dlseis:rawValueCount ?n }
  BIND(STRAFTER(STR(?s), "/scheme/") AS ?scheme)
} ORDER BY ?scheme
"""


def inventories(kg: KnowledgeGraph) -> list[str]:
    """Slugs of the inventories in the store (graphs holding papers)."""
    df = kg.query(_PAPERS)
    return [g.removeprefix(BASE + "graph/") for g in df["g"]]


def stats(kg: KnowledgeGraph) -> pd.DataFrame:
    """One row per count: papers per inventory and in all, triples per graph, and per
    scheme its concepts, the distinct raw values of the inputs that resolved to them
    (raw variants), and the distinct labels the concepts carry."""
    rows = []
    papers = kg.query(_PAPERS)
    for g, n in zip(papers["g"], papers["n"], strict=True):
        rows.append(("papers", g.removeprefix(BASE + "graph/"), n))
    total = kg.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }")
    rows.append(("papers", "all inventories", int(total["n"][0])))
    triples = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    rows.append(("triples", "union (distinct)", int(triples["n"][0])))
    graphs = kg.query(_GRAPHS)
    for g, n in zip(graphs["g"], graphs["n"], strict=True):
        rows.append(("triples", g.removeprefix(BASE + "graph/"), n))
    schemes = kg.query(_SCHEMES)
    cols = ("scheme", "concepts", "labels", "raw")
    for s, c, lab, raw in zip(*(schemes[k] for k in cols), strict=True):
        rows.append(("concepts", s, c))
        rows.append(("raw variants", s, raw))
        rows.append(("labels", s, lab))
    return pd.DataFrame(rows, columns=["what", "name", "count"])
