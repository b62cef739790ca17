"""Unit tests of the web modules that need no server: negotiation, paths, serialisers,
escaping of inventory text, redirect rules."""

from __future__ import annotations

import json
import re

import pytest
from pyoxigraph import (
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)

from dlseis_kg.namespaces import BASE, DCTERMS, DLSEIS, MLS, RDF, SCHEMA, SKOS, XSD
from dlseis_kg.web import results
from dlseis_kg.web.negotiate import JSONLD, NTRIPLES, TURTLE, choose, choose_doc_format
from dlseis_kg.web.pages import Pages
from dlseis_kg.web.redirects import htaccess
from dlseis_kg.web.resources import Describer, serialize_triples
from dlseis_kg.web.urls import Linker, document_of, fragment_of, html_href, safe_path

EVIL = '<script>alert("x")</script> & </script><b>bold</b>'


def n(iri: str) -> NamedNode:
    return NamedNode(iri)


@pytest.mark.parametrize(
    ("accept", "ext"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
        ("text/turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "nt"),
        ("text/turtle;q=0.4, application/ld+json;q=0.9", "jsonld"),
        ("application/*", "jsonld"),
        ("*/*", "html"),
        (None, "html"),
    ],
)
def test_choose_doc_format(accept, ext):
    assert choose_doc_format(accept).ext == ext


def test_nothing_acceptable():
    assert choose_doc_format("image/png") is None
    assert choose("text/html;q=0", ["text/html"]) is None


@pytest.mark.parametrize(
    "path",
    ["../etc/passwd", "a/../b", "a//b", "/abs", ".hidden", "a/.hidden", "a\\b", "a%2fb", "", "a/"],
)
def test_unsafe_paths(path):
    assert not safe_path(path)


def test_paths_and_documents():
    assert safe_path("paper/zhu2019phasenet.ttl")
    layer = BASE + "paper/x/run/layer/3"
    assert document_of(layer) == BASE + "paper/x"
    assert fragment_of(layer) == "run/layer/3"
    assert html_href(layer) == "paper/x.html#run/layer/3"
    assert document_of(BASE + "ontology#HiddenLayer") == BASE + "ontology"
    assert Linker("static", "task/x.html")("paper/y.html#run") == "../paper/y.html#run"
    assert Linker("static", "index.html")("task/x.html") == "task/x.html"
    assert Linker("server", "task/x.html")("paper/y.html") == "/paper/y.html"


def _sample_store() -> Store:
    st = Store()
    g = n(BASE + "graph/test")
    paper, run, task, scheme = (
        n(BASE + "paper/evil"),
        n(BASE + "paper/evil/run"),
        n(BASE + "task/evil-task"),
        n(BASE + "scheme/task"),
    )
    quads = [
        (paper, n(RDF + "type"), n(SCHEMA + "ScholarlyArticle")),
        (paper, n(DCTERMS + "title"), Literal(EVIL)),
        (paper, n(DCTERMS + "issued"), Literal("2020", datatype=n(XSD + "gYear"))),
        (paper, n(DLSEIS + "reportsRun"), run),
        (run, n(RDF + "type"), n(MLS + "Run")),
        (run, n(DCTERMS + "description"), Literal("<img src=x onerror=alert(1)> notes")),
        (run, n(MLS + "achieves"), task),
        (task, n(RDF + "type"), n(SKOS + "Concept")),
        (task, n(SKOS + "prefLabel"), Literal("<i>task</i>", language="en")),
        (task, n(SKOS + "altLabel"), Literal("<u>alt</u>", language="en")),
        (task, n(SKOS + "inScheme"), scheme),
        (scheme, n(RDF + "type"), n(SKOS + "ConceptScheme")),
        (scheme, n(DCTERMS + "title"), Literal("<b>Task</b>", language="en")),
    ]
    for s, p, o in quads:
        st.add(Quad(s, p, o, g))
    return st


def _jsonld_blocks(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


@pytest.mark.parametrize("mode", ["server", "static"])
def test_inventory_text_is_escaped(mode):
    pages = Pages(_sample_store(), mode=mode)
    for iri in (BASE + "paper/evil", BASE + "task/evil-task", BASE + "scheme/task"):
        html = pages.document(iri)
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<i>task</i>" not in html and "<b>Task</b>" not in html
        assert "<u>alt</u>" not in html
    html = pages.document(BASE + "paper/evil")
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt; notes" in html
    (data,) = _jsonld_blocks(html)
    assert data["name"] == EVIL
    assert data["@type"] == "ScholarlyArticle"
    search = pages.search("<script>")
    assert "<script>" not in search.split("<main>")[1].split("</main>")[0]
    assert "&lt;script&gt;" in search


def test_document_triples_and_formats():
    st = _sample_store()
    d = Describer(st)
    assert d.exists(BASE + "paper/evil/run") and not d.is_document(BASE + "paper/evil/run")
    assert d.documents() == sorted(
        [BASE + "paper/evil", BASE + "scheme/task", BASE + "task/evil-task"]
    )
    triples = set(d.triples(BASE + "paper/evil"))
    assert any(t.subject == n(BASE + "paper/evil/run") for t in triples)
    assert any(t.predicate == n(SKOS + "prefLabel") for t in triples)  # the task's label
    for fmt, rdf in ((TURTLE, RdfFormat.TURTLE), (JSONLD, RdfFormat.JSON_LD)):
        back = {q.triple for q in parse(serialize_triples(triples, fmt), format=rdf)}
        assert back == triples, fmt.ext
    nt = serialize_triples(triples, NTRIPLES).decode()
    assert nt.splitlines() == sorted(nt.splitlines())


@pytest.mark.parametrize(
    ("fmt", "qrf"),
    [
        ("json", QueryResultsFormat.JSON),
        ("xml", QueryResultsFormat.XML),
        ("tsv", QueryResultsFormat.TSV),
    ],
)
def test_results_match_pyoxigraph(fmt, qrf):
    st = _sample_store()
    query = "SELECT ?s ?l ?missing WHERE { ?s ?p ?l OPTIONAL { ?s <urn:x> ?missing } }"
    expected = st.query(query, use_default_graph_as_union=True)
    names = [v.value for v in expected.variables]
    rows = [[sol[v] for v in names] for sol in expected]
    body = results.solutions(names, rows, fmt)
    back = parse_query_results(body, format=qrf)
    assert [v.value for v in back.variables] == names
    assert sorted(str([s[v] for v in names]) for s in back) == sorted(str(r) for r in rows)


def test_boolean_results():
    assert json.loads(results.boolean(True, "json")) == {"head": {}, "boolean": True}
    assert (
        bool(parse_query_results(results.boolean(False, "xml"), format=QueryResultsFormat.XML))
        is False
    )


def test_htaccess_rules():
    text = htaccess("https://example.org/site", endpoint="https://example.org/sparql")
    assert "RewriteEngine on" in text
    for media in ("text/turtle", r"application/ld\+json", "application/n-triples"):
        assert f"RewriteCond %{{HTTP_ACCEPT}} {media}" in text
    assert "https://example.org/site/$1.ttl [R=303,L]" in text
    assert "https://example.org/site/$1.html [R=303,L]" in text
    assert "https://example.org/site/paper/$1.html#$2 [R=303,NE,L]" in text
    assert "RewriteRule ^sparql$ https://example.org/sparql [R=307,L]" in text
