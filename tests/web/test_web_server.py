"""The running server, checked over HTTP: content negotiation, redirects, 404/406, path
safety, the SPARQL endpoint (formats, read-only, time and size limits) and a real
SPARQL client."""

from __future__ import annotations

import csv
import hashlib
import http.client
import io
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, Store, parse, parse_query_results

from dlseis_kg.namespaces import BASE, PREFIXES
from dlseis_kg.queries import KnowledgeGraph, query_text

RESOURCES = ["paper/zhu2019phasenet", "task/phase-picking", "architecture/u-net"]
FORMATS = {
    "html": ("text/html", None),
    "ttl": ("text/turtle", RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
    "nt": ("application/n-triples", RdfFormat.N_TRIPLES),
}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


def raw_get(base: str, path: str) -> tuple[int, bytes]:
    """GET a path exactly as written (no client-side normalisation of ``..``)."""
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


def rdf_triples(body: bytes, fmt) -> set:
    return {q.triple for q in parse(body, format=fmt)}


def store_snapshot(store: Path) -> dict[str, str]:
    return {
        str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.rglob("*"))
        if p.is_file()
    }


# ------------------------------------------------------------------ content negotiation


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("ext", list(FORMATS))
def test_resource_redirects_by_accept(client, resource, ext):
    media, rdf = FORMATS[ext]
    r = client.get(f"/{resource}", headers={"Accept": media})
    assert r.status_code == 303
    assert "accept" in r.headers["vary"].lower()
    assert r.headers["location"] == f"/{resource}.{ext}"
    doc = client.get(r.headers["location"])
    assert doc.status_code == 200
    assert doc.headers["content-type"].split(";")[0] == media
    if rdf is None:
        assert "<!DOCTYPE html>" in doc.text
    else:
        subjects = {t.subject for t in rdf_triples(doc.content, rdf)}
        assert NamedNode(BASE + resource) in subjects
    assert client.get(f"/{resource}.{ext}", headers={"Accept": "image/png"}).status_code == 200


def test_browser_accept_and_q_values(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert (
        client.get("/task/phase-picking", headers={"Accept": browser}).headers["location"]
        == "/task/phase-picking.html"
    )
    r = client.get(
        "/task/phase-picking", headers={"Accept": "text/turtle;q=0.3, application/ld+json"}
    )
    assert r.headers["location"] == "/task/phase-picking.jsonld"
    r = client.get("/task/phase-picking", headers={"Accept": "image/png"})
    assert r.status_code == 406 and "accept" in r.headers["vary"].lower()


def test_node_inside_a_paper(client):
    r = client.get("/paper/zhu2019phasenet/run/layer/3", headers={"Accept": "text/html"})
    assert r.status_code == 303
    assert r.headers["location"] == "/paper/zhu2019phasenet.html#run/layer/3"
    html = client.get("/paper/zhu2019phasenet.html").text
    assert 'id="run/layer/3"' in html
    r = client.get("/paper/zhu2019phasenet/run/layer/3", headers={"Accept": "text/turtle"})
    ttl = client.get(r.headers["location"]).content
    layer = NamedNode(BASE + "paper/zhu2019phasenet/run/layer/3")
    assert layer in {t.subject for t in rdf_triples(ttl, RdfFormat.TURTLE)}


@pytest.mark.parametrize("ext", list(FORMATS))
def test_unknown_iri_is_404_in_the_requested_format(client, ext):
    media, rdf = FORMATS[ext]
    for r in (
        client.get("/paper/no-such-paper", headers={"Accept": media}),
        client.get(f"/paper/no-such-paper.{ext}"),
    ):
        assert r.status_code == 404
        assert r.headers["content-type"].split(";")[0] == media
        if rdf is not None:
            parse(r.content, format=rdf)  # a well-formed (empty or note-only) graph
        else:
            assert "Not found" in r.text


def test_ontology_void_and_well_known(client):
    r = client.get("/ontology", headers={"Accept": "text/html"})
    assert r.headers["location"] == "/ontology.html"
    assert client.get("/ontology.html").status_code == 200
    onto = rdf_triples(client.get("/ontology.ttl").content, RdfFormat.TURTLE)
    owl_onto = NamedNode("http://www.w3.org/2002/07/owl#Ontology")
    assert any(t.object == owl_onto for t in onto)
    void = rdf_triples(client.get("/void.ttl").content, RdfFormat.TURTLE)
    preds = {t.predicate.value for t in void}
    for term in (
        "triples",
        "classes",
        "vocabulary",
        "dataDump",
        "exampleResource",
        "sparqlEndpoint",
    ):
        assert "http://rdfs.org/ns/void#" + term in preds
    assert "http://www.w3.org/ns/dcat#distribution" in preds
    assert "http://purl.org/dc/terms/license" in preds
    r = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == "/void.ttl"
    assert client.get("/void.html").status_code == 200
    assert client.get("/dumps/graph.nt").headers["content-type"].startswith("application/n-triples")


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/dumps/..%2fstore%2fCURRENT",
        "/figures/..%2f..%2f..%2fetc%2fpasswd",
        "/../../../etc/passwd",
        "/paper/..%2f..%2f..%2fetc%2fpasswd.ttl",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/dumps/quality_report.csv",
        "/dumps/summary.json",
    ],
)
def test_no_file_outside_the_site(server, path):
    status, body = raw_get(server, path)
    assert status in (400, 404)
    assert b"root:" not in body and b"[project]" not in body


# ------------------------------------------------------------------ pages


def test_pages(client):
    home = client.get("/").text
    assert 'name="q"' in home and "Papers per year" in home
    paper = client.get("/paper/zhu2019phasenet.html").text
    assert 'href="/architecture/u-net.html"' in paper and 'href="/task/phase-picking.html"' in paper
    assert '<script type="application/ld+json">' in paper
    task = client.get("/task/phase-picking.html").text
    assert "/paper/zhu2019phasenet.html" in task and "Related concepts" in task
    assert "U-Net" in client.get("/scheme/architecture.html").text
    assert client.get("/glossary.html").status_code == 200
    search = client.get("/search", params={"q": "phase picking"}).text
    assert "/task/phase-picking.html" in search
    evil = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in evil
    headers = client.get("/").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in headers["content-security-policy"]


# ------------------------------------------------------------------ SPARQL endpoint

SELECT = ("SELECT ?c ?label WHERE { ?c skos:inScheme <SCHEME> ; skos:prefLabel ?label }").replace(
    "SCHEME", BASE + "scheme/network-type"
)
CONSTRUCT = (
    "CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c skos:inScheme <SCHEME> ; skos:prefLabel ?l }"
).replace("SCHEME", BASE + "scheme/task")


def local(web_build, sparql: str):
    st = Store.read_only(str(web_build[0]))
    return st.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)


@pytest.mark.parametrize(
    ("media", "qrf"),
    [
        ("application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/tab-separated-values", QueryResultsFormat.TSV),
        ("text/csv", None),
    ],
)
def test_select_formats(client, web_build, media, qrf):
    r = client.get("/sparql", params={"query": SELECT}, headers={"Accept": media})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    expected = sorted((s["c"].value, s["label"].value) for s in local(web_build, SELECT))
    if qrf is None:
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["c", "label"]
        assert sorted(tuple(row) for row in rows[1:]) == expected
    else:
        got = sorted(
            (s["c"].value, s["label"].value) for s in parse_query_results(r.content, format=qrf)
        )
        assert got == expected


@pytest.mark.parametrize(
    ("media", "rdf"),
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", RdfFormat.N_TRIPLES),
    ],
)
@pytest.mark.parametrize("kind", ["construct", "describe"])
def test_graph_formats(client, web_build, media, rdf, kind):
    query = CONSTRUCT if kind == "construct" else f"DESCRIBE <{BASE}task/phase-picking>"
    r = client.post("/sparql", data={"query": query}, headers={"Accept": media})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    assert rdf_triples(r.content, rdf) == set(local(web_build, query))


def test_post_direct_and_ask(client):
    r = client.post(
        "/sparql",
        content="ASK { ?p a schema:ScholarlyArticle }",
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_syntax_error_is_400(client):
    r = client.get(
        "/sparql", params={"query": "SELECT ?x WHERE {"}, headers={"Accept": "application/json"}
    )
    assert r.status_code == 400 and "syntax" in r.text.lower()


def test_updates_are_refused(client, web_build):
    before = store_snapshot(web_build[0])
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    responses = [
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
        client.post("/sparql", data={"update": update}),
        client.get("/sparql", params={"update": update}),
        client.get("/sparql", params={"query": update}),
        client.post("/sparql", data={"query": "PREFIX x: <urn:x:>\nDELETE WHERE { ?s ?p ?o }"}),
    ]
    for r in responses:
        assert r.status_code == 403, r.text
        assert "read-only" in r.text.lower()
    ask = client.get(
        "/sparql",
        params={"query": "ASK { <urn:x:a> ?p ?o }"},
        headers={"Accept": "application/json"},
    )
    assert ask.json()["boolean"] is False
    assert store_snapshot(web_build[0]) == before


def test_time_limit_stops_a_long_query(client, limits):
    timeout = limits["timeout"]
    start = time.monotonic()
    r = client.get(
        "/sparql", params={"query": SLOW}, headers={"Accept": "application/sparql-results+json"}
    )
    elapsed = time.monotonic() - start
    assert r.status_code == 503
    assert "time limit" in r.text and f"{timeout:g} s" in r.text
    assert elapsed < timeout + 10
    page = client.get("/sparql", params={"query": SLOW}, headers={"Accept": "text/html"})
    assert page.status_code == 503 and "time limit" in page.text and 'role="alert"' in page.text
    ok = client.get(
        "/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"}
    )
    assert ok.status_code == 200 and ok.json()["boolean"] is True


def test_result_size_limit(client, limits):
    max_rows = limits["max_rows"]
    r = client.get(
        "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 200
    assert r.headers["x-sparql-maxrows"] == str(max_rows)
    assert len(r.json()["results"]["bindings"]) == max_rows


def test_html_results_table(client):
    r = client.get(
        "/sparql", params={"query": query_text("papers_per_task")}, headers={"Accept": "text/html"}
    )
    assert r.status_code == 200 and "<table" in r.text and "Phase Picking" in r.text


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_gets_the_local_rows(server, web_build, method):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    kg = KnowledgeGraph(web_build[0])
    expected = kg.query("papers_per_task")
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery(query_text("papers_per_task"))
    sw.setReturnFormat(JSON)
    if method == "POST":
        sw.setMethod(POST)
    data = sw.query().convert()
    rows = [(b["task"]["value"], int(b["papers"]["value"])) for b in data["results"]["bindings"]]
    assert rows == list(zip(expected["task"], expected["papers"], strict=True))
    assert data["head"]["vars"] == ["task", "papers"]


def test_search_json(client):
    entries = json.loads(client.get("/search.json").content)
    assert any(e["label"] == "Phase Picking" for e in entries)
