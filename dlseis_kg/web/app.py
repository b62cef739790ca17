"""The Starlette application behind ``dlseis-kg serve``.

Routes (docs/publishing.md has the full URL scheme):

- ``/{path}``: a resource IRI ``https://w3id.org/dlseis/{path}``; answers ``303 See
  Other`` to the document in the format ``Accept`` asks for (``/{path}.html``, ``.ttl``,
  ``.jsonld``, ``.nt``, with ``#anchor`` for a node inside a paper), ``Vary: Accept``;
  404 in the negotiated format for an unknown IRI, 406 when no format is acceptable.
- ``/{path}.{ext}``: the document itself, in that format.
- ``/``, ``/papers.html``, ``/search``, ``/glossary.html``, ``/sparql``, ``/void.*``,
  ``/ontology.*``, ``/.well-known/void``; ``/static/*``, ``/dumps/*``, ``/figures/*``
  serve only the files listed at start-up (no path from a request reaches the disk).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from dlseis_kg.namespaces import BASE
from dlseis_kg.web.negotiate import DOC_FORMATS, HTML, DocFormat, choose_doc_format
from dlseis_kg.web.pages import Pages
from dlseis_kg.web.resources import Describer, not_found_body, open_store
from dlseis_kg.web.sparql import Endpoint
from dlseis_kg.web.urls import VOID_IRI, doc_path, fragment_of, safe_path
from dlseis_kg.web.void import DUMPS, void_triples
from dlseis_kg.web.workers import WorkerPool

STATIC_DIR = Path(__file__).resolve().parent / "static"
FIGURE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".webp")
VARY = {"Vary": "Accept"}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'"
)


def list_files(folder: str | Path | None, suffixes: tuple[str, ...] | None = None) -> dict:
    """Name -> path of the regular files directly in ``folder`` (the only files served)."""
    if not folder or not Path(folder).is_dir():
        return {}
    return {
        p.name: p
        for p in sorted(Path(folder).iterdir())
        if p.is_file() and not p.name.startswith(".") and (not suffixes or p.suffix in suffixes)
    }


class _SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response


class Site:
    """The state the routes share: store, describer, pages, files and the worker pool."""

    def __init__(
        self, store_path, *, timeout=10.0, max_rows=10000, workers=2, figures=None, dumps=None
    ):
        self.store_path = str(store_path)
        self.store = open_store(store_path)
        self.figures = list_files(figures, FIGURE_SUFFIXES)
        self.dumps = {k: v for k, v in list_files(dumps).items() if k in dict(DUMPS)}
        self.static = list_files(STATIC_DIR)
        self.pages = Pages(self.store, mode="server", figures=list(self.figures))
        void = void_triples(self.pages.index, dumps_dir=dumps)
        self.pages.void = void
        self.describer = Describer(self.store, extra={VOID_IRI: void})
        self.timeout, self.max_rows, self.workers = timeout, max_rows, workers
        self.pool: WorkerPool | None = None
        self.endpoint: Endpoint | None = None

    def start(self) -> None:
        self.pool = WorkerPool(self.store_path, self.workers, self.timeout, self.max_rows)
        self.endpoint = Endpoint(self.pool, self.pages)

    def stop(self) -> None:
        if self.pool:
            self.pool.close()

    # ---------------------------------------------------------------- responses

    def not_found(self, what: str, fmt: DocFormat) -> Response:
        if fmt is HTML:
            html = self.pages.error("Not found", f"{what} is not described here.")
            return HTMLResponse(html, 404, headers=VARY)
        body = not_found_body(what, fmt)
        return Response(body, 404, media_type=fmt.content_type, headers=VARY)

    def document(self, iri: str, fmt: DocFormat) -> Response:
        body = self.pages.document(iri) if fmt is HTML else self.describer.serialize(iri, fmt)
        headers = {"Link": f'<{iri}>; rel="describes"'}
        return Response(body, 200, media_type=fmt.content_type, headers=headers)

    # ---------------------------------------------------------------- routes

    def resource(self, request: Request) -> Response:
        path = request.path_params["path"]
        accepted = choose_doc_format(request.headers.get("accept"))
        if not safe_path(path):
            return self.not_found(path, accepted or HTML)
        stem, dot, ext = path.rpartition(".")
        if dot and ext in DOC_FORMATS and stem:
            fmt = DOC_FORMATS[ext]
            iri = BASE + stem
            if self.describer.is_document(iri):
                return self.document(iri, fmt)
            return self.not_found(BASE + path, fmt)
        iri = BASE + path
        if not self.describer.exists(iri):
            return self.not_found(iri, accepted or HTML)
        if accepted is None:
            offers = ", ".join(sorted({f.media_type for f in DOC_FORMATS.values()}))
            return Response(f"Not acceptable; offered: {offers}\n", 406, headers=VARY)
        frag = fragment_of(iri) if accepted is HTML else None
        location = "/" + doc_path(iri, accepted.ext) + (f"#{frag}" if frag else "")
        return RedirectResponse(location, 303, headers=VARY)

    def home(self, request: Request) -> Response:
        return HTMLResponse(self.pages.home())

    def papers(self, request: Request) -> Response:
        return HTMLResponse(self.pages.papers())

    def glossary(self, request: Request) -> Response:
        return HTMLResponse(self.pages.glossary())

    def search(self, request: Request) -> Response:
        q = request.query_params.get("q", "")[:200]
        return HTMLResponse(self.pages.search(q))

    def search_json(self, request: Request) -> Response:
        return JSONResponse(self.pages.search_entries())

    def well_known_void(self, request: Request) -> Response:
        fmt = choose_doc_format(request.headers.get("accept")) or DOC_FORMATS["ttl"]
        return RedirectResponse("/" + doc_path(VOID_IRI, fmt.ext), 303, headers=VARY)

    def sparql_html(self, request: Request) -> Response:
        return RedirectResponse("/sparql", 301)

    def _file(self, files: dict, request: Request, media: str | None = None) -> Response:
        name = request.path_params["name"]
        if name not in files:
            return self.not_found(request.url.path, HTML)
        return FileResponse(files[name], media_type=media)

    def static_file(self, request: Request) -> Response:
        return self._file(self.static, request)

    def figure(self, request: Request) -> Response:
        return self._file(self.figures, request)

    def dump(self, request: Request) -> Response:
        media = dict(DUMPS).get(request.path_params["name"])
        return self._file(self.dumps, request, media)

    async def sparql(self, request: Request) -> Response:
        return await self.endpoint(request)


def create_app(store, *, timeout=10.0, max_rows=10000, workers=2, figures=None, dumps=None):
    """The ASGI application serving the store at ``store`` (opened read-only)."""
    site = Site(
        store, timeout=timeout, max_rows=max_rows, workers=workers, figures=figures, dumps=dumps
    )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        site.start()
        try:
            yield
        finally:
            site.stop()

    routes = [
        Route("/", site.home),
        Route("/index.html", site.home),
        Route("/papers.html", site.papers),
        Route("/glossary.html", site.glossary),
        Route("/search", site.search),
        Route("/search.html", site.search),
        Route("/search.json", site.search_json),
        Route("/sparql", site.sparql, methods=["GET", "POST"]),
        Route("/sparql.html", site.sparql_html),
        Route("/.well-known/void", site.well_known_void),
        Route("/static/{name}", site.static_file),
        Route("/figures/{name}", site.figure),
        Route("/dumps/{name}", site.dump),
        Route("/{path:path}", site.resource),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(_SecurityHeaders)])
    app.state.site = site
    return app
