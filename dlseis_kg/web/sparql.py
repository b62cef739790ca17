"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: read-only, time- and size-limited.

- Query operations: ``GET ?query=``, ``POST`` form-encoded ``query=``, ``POST`` with
  ``Content-Type: application/sparql-query``; ``default-graph-uri`` and
  ``named-graph-uri`` are honoured; without them the default graph is the union of all
  graphs. The prefixes of :data:`dlseis_kg.namespaces.PREFIXES` are predeclared.
- Results: SELECT and ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as
  Turtle, JSON-LD, N-Triples or RDF/XML; HTML for a browser. The format comes from
  ``Accept`` or from a ``format`` (or ``output``) parameter.
- Updates are refused with 403: ``update=`` or ``application/sparql-update`` requests,
  and update operations sent as a query (which do not parse as queries). The store is
  opened read-only as well.
- Limits: a query runs in a worker process killed after the time limit (503 with a
  message); results are cut at ``max_rows`` rows or triples, which the response says
  in the ``X-SPARQL-MaxRows`` header.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from dlseis_kg.namespaces import XSD
from dlseis_kg.queries import describe, named_queries
from dlseis_kg.web.negotiate import choose
from dlseis_kg.web.pages import Pages
from dlseis_kg.web.urls import Linker
from dlseis_kg.web.workers import EndpointBusy, QueryFailed, QueryTimeout, WorkerPool

MAX_QUERY_BYTES = 64 * 1024
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
}
GRAPH_TYPES = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdf",
    "text/html": "html",
}
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
# values of the format/output parameters (as SPARQLWrapper and others send them)
FORMAT_PARAM = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdf"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "html": ("html", "html"),
    "turtle": (None, "ttl"),
    "ttl": (None, "ttl"),
    "n3": (None, "ttl"),
    "json-ld": (None, "jsonld"),
    "jsonld": (None, "jsonld"),
    "nt": (None, "nt"),
    "ntriples": (None, "nt"),
    "n-triples": (None, "nt"),
    "rdf+xml": (None, "rdf"),
    "rdf": (None, "rdf"),
}
RESULT_FORMATS = [
    ("html", "table"),
    ("json", "SPARQL JSON"),
    ("xml", "SPARQL XML"),
    ("csv", "CSV"),
    ("tsv", "TSV"),
    ("turtle", "Turtle (CONSTRUCT, DESCRIBE)"),
    ("json-ld", "JSON-LD (CONSTRUCT, DESCRIBE)"),
    ("ntriples", "N-Triples (CONSTRUCT, DESCRIBE)"),
]
_UPDATE = re.compile(
    r"^\s*((PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*\n)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
VARY = {"Vary": "Accept"}
DEFAULT_QUERY = """SELECT ?paper ?title WHERE {
  ?paper a schema:ScholarlyArticle ; dcterms:title ?title .
}
LIMIT 10
"""


class ProtocolError(Exception):
    def __init__(self, status: int, title: str, message: str):
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def examples(link: Linker) -> list[dict]:
    """The named queries, each with a link that loads it into the query page."""
    out = []
    for name, path in named_queries().items():
        if name.endswith("-violation"):
            continue
        text = path.read_text(encoding="utf-8")
        href = link("sparql") + "?example=" + quote(name)
        out.append({"name": name, "description": describe(path), "text": text, "href": href})
    return out


def _formats(request: Request, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(solutions format, graph format) from the format/output parameter or Accept."""
    for key in ("format", "output"):
        for value in params.get(key, []):
            v = value.strip().lower()
            if v in FORMAT_PARAM:
                s, g = FORMAT_PARAM[v]
                return s or "json", g or "ttl"
            if v in SOLUTION_TYPES or v in GRAPH_TYPES:
                return SOLUTION_TYPES.get(v), GRAPH_TYPES.get(v)
    accept = request.headers.get("accept")
    s = choose(accept, list(SOLUTION_TYPES))
    g = choose(accept, list(GRAPH_TYPES))
    return (SOLUTION_TYPES[s] if s else None), (GRAPH_TYPES[g] if g else None)


async def _params(request: Request) -> dict[str, list[str]]:
    """Protocol parameters from the URL and a POST body; refuse updates."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if len(body) > MAX_QUERY_BYTES:
            raise ProtocolError(413, "Query too long", f"a query may be {MAX_QUERY_BYTES} bytes")
        if ctype == "application/sparql-update":
            raise ProtocolError(403, "Read-only endpoint", "SPARQL Update is not accepted here")
        if ctype == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", "replace"))
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
        else:
            raise ProtocolError(
                415,
                "Unsupported media type",
                "POST a query as application/x-www-form-urlencoded or application/sparql-query",
            )
    if "update" in params:
        raise ProtocolError(403, "Read-only endpoint", "SPARQL Update is not accepted here")
    if len(params.get("query", [])) > 1:
        raise ProtocolError(400, "Bad request", "give exactly one query parameter")
    if sum(len(v) for v in params.get("query", [])) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "Query too long", f"a query may be {MAX_QUERY_BYTES} bytes")
    return params


def _cell(term: dict | None, link: Linker) -> dict | None:
    if term is None:
        return None
    if term["type"] == "uri":
        return {"text": term["value"], "href": link.iri(term["value"])}
    dt = term.get("datatype", "")
    note = term.get("xml:lang") or ("" if dt.startswith(XSD) else dt)
    return {"text": term["value"], "href": None, "note": note}


def _html_result(answer, link: Linker) -> dict:
    if answer.kind == "boolean":
        return {"kind": "boolean", "boolean": json.loads(answer.body)["boolean"]}
    if answer.kind == "solutions":
        data = json.loads(answer.body)
        cols = data["head"]["vars"]
        rows = [[_cell(b.get(v), link) for v in cols] for b in data["results"]["bindings"]]
        return {"kind": "solutions", "columns": cols, "rows": rows, "truncated": answer.truncated}
    from pyoxigraph import NamedNode, RdfFormat, parse

    rows = []
    for t in parse(answer.body, format=RdfFormat.N_TRIPLES):
        row = []
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, NamedNode):
                row.append({"text": term.value, "href": link.iri(term.value)})
            else:
                row.append({"text": getattr(term, "value", str(term)), "href": None, "note": ""})
        rows.append(row)
    return {
        "kind": "graph",
        "columns": ["subject", "predicate", "object"],
        "rows": rows,
        "truncated": answer.truncated,
    }


class Endpoint:
    """The ``/sparql`` handler: a worker pool and the page renderer."""

    def __init__(self, pool: WorkerPool, pages: Pages):
        self.pool = pool
        self.pages = pages

    def _page(self, status: int = 200, **ctx) -> Response:
        link = self.pages.linker("sparql.html")
        ctx.setdefault("examples", examples(link))
        html = self.pages.sparql(
            limits={"timeout": f"{self.pool.timeout:g}", "max_rows": self.pool.max_rows},
            result_formats=RESULT_FORMATS,
            endpoint_url="/sparql",
            endpoint_action="/sparql",
            **ctx,
        )
        return Response(html, status, media_type="text/html; charset=utf-8", headers=VARY)

    def _error(self, exc: ProtocolError, html: bool, query: str = "") -> Response:
        if html:
            return self._page(
                exc.status, query=query, error={"title": exc.title, "message": exc.message}
            )
        return PlainTextResponse(f"{exc.title}: {exc.message}\n", exc.status, headers=VARY)

    async def __call__(self, request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        wants_html = choose(request.headers.get("accept"), ["text/html"]) is not None
        try:
            params = await _params(request)
        except ProtocolError as exc:
            return self._error(exc, wants_html and request.method == "GET")
        sfmt, gfmt = _formats(request, params)
        query = (params.get("query") or [""])[0]
        if not query.strip():
            example = (params.get("example") or [""])[0]
            if sfmt == "html" or wants_html:
                named = named_queries()
                text = named[example].read_text(encoding="utf-8") if example in named else ""
                return self._page(query=text or DEFAULT_QUERY)
            exc = ProtocolError(
                400, "Bad request", "no query: send query=... (SPARQL 1.1 Protocol)"
            )
            return self._error(exc, False)
        html = sfmt == "html" or gfmt == "html"
        req = {
            "query": query,
            "default_graphs": params.get("default-graph-uri", []),
            "named_graphs": params.get("named-graph-uri", []),
            "solutions_fmt": "json" if sfmt == "html" else sfmt,
            "graph_fmt": "nt" if gfmt == "html" else gfmt,
        }
        try:
            answer = await run_in_threadpool(self.pool.run, req)
        except QueryTimeout as exc:
            err = ProtocolError(
                503,
                "Query stopped at the time limit",
                f"{exc}. Add a LIMIT, or make the graph pattern more selective.",
            )
            return self._error(err, html, query)
        except EndpointBusy as exc:
            return self._error(ProtocolError(503, "Endpoint busy", str(exc)), html, query)
        except QueryFailed as exc:
            if exc.kind == "syntax" and _UPDATE.match(query):
                err = ProtocolError(403, "Read-only endpoint", "SPARQL Update is not accepted here")
                return self._error(err, html, query)
            status = 400 if exc.kind == "syntax" else 500
            title = "Query syntax error" if exc.kind == "syntax" else "Query failed"
            return self._error(ProtocolError(status, title, str(exc)), html, query)
        headers = dict(VARY)
        if answer.truncated:
            headers["X-SPARQL-MaxRows"] = str(self.pool.max_rows)
        if answer.fmt is None:
            exc = ProtocolError(
                406, "Not acceptable", f"no acceptable format for a {answer.kind} result"
            )
            return self._error(exc, False)
        as_html = (gfmt if answer.kind == "graph" else sfmt) == "html"
        if as_html:
            link = self.pages.linker("sparql.html")
            fmt_key = (params.get("format") or ["html"])[0]
            return self._page(query=query, result=_html_result(answer, link), chosen_format=fmt_key)
        return Response(answer.body, 200, media_type=MEDIA[answer.fmt], headers=headers)
