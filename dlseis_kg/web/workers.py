"""Run SPARQL queries in worker processes that can be killed at the time limit.

pyoxigraph cannot cancel a running query from Python, so each query runs in one of a
few worker processes (started with ``spawn``, each holding its own read-only store).
The caller waits at most ``timeout`` seconds for the answer; a worker that has not
answered by then is killed and replaced. The worker also serialises the result and cuts
it at ``max_rows`` solutions or triples, so the time limit covers the whole answer.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from itertools import islice

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Store, serialize

from dlseis_kg.namespaces import PREFIXES
from dlseis_kg.web import results


class QueryTimeout(RuntimeError):
    """The query ran past the time limit; its worker was killed."""


class EndpointBusy(RuntimeError):
    """No worker became free within the time limit."""


class QueryFailed(RuntimeError):
    """The query could not run: ``kind`` is ``syntax`` or ``error``."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass
class Answer:
    kind: str  # "solutions", "boolean" or "graph"
    fmt: str | None  # the format written, None when the kind had no acceptable format
    body: bytes
    count: int
    truncated: bool


GRAPH_FORMATS = {
    "ttl": RdfFormat.TURTLE,
    "jsonld": RdfFormat.JSON_LD,
    "nt": RdfFormat.N_TRIPLES,
    "rdf": RdfFormat.RDF_XML,
}


def execute(store: Store, req: dict) -> Answer:
    """Run one request dict (query, default_graphs, named_graphs, solutions_fmt,
    graph_fmt, max_rows) on ``store``."""
    kwargs: dict = {"prefixes": PREFIXES}
    if req.get("default_graphs"):
        kwargs["default_graph"] = [NamedNode(g) for g in req["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if req.get("named_graphs"):
        kwargs["named_graphs"] = [NamedNode(g) for g in req["named_graphs"]]
    limit = req["max_rows"]
    result = store.query(req["query"], **kwargs)
    sfmt, gfmt = req.get("solutions_fmt"), req.get("graph_fmt")
    if isinstance(result, QueryBoolean):
        body = results.boolean(bool(result), sfmt) if sfmt else b""
        return Answer("boolean", sfmt, body, 1, False)
    if isinstance(result, QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [[sol[n] for n in names] for sol in islice(result, limit + 1)]
        cut = len(rows) > limit
        rows = rows[:limit]
        body = results.solutions(names, rows, sfmt) if sfmt else b""
        return Answer("solutions", sfmt, body, len(rows), cut)
    triples = list(islice(result, limit + 1))
    cut = len(triples) > limit
    triples = sorted(set(triples[:limit]), key=str)
    if not gfmt:
        return Answer("graph", None, b"", len(triples), cut)
    if gfmt == "jsonld":
        from dlseis_kg.web.resources import compact_jsonld

        body = compact_jsonld(serialize(triples, format=RdfFormat.JSON_LD))
    else:
        body = serialize(triples, format=GRAPH_FORMATS[gfmt], prefixes=PREFIXES)
    return Answer("graph", gfmt, body, len(triples), cut)


def _serve(store_path: str, conn) -> None:
    """Worker main loop: answer requests until ``None`` arrives."""
    store = Store.read_only(store_path)
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        if req is None:
            return
        try:
            out: object = execute(store, req)
        except SyntaxError as exc:
            out = ("syntax", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the client as a failed query
            out = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(out)


class _Worker:
    def __init__(self, ctx, store_path: str):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(store_path, child), daemon=True)
        self.proc.start()
        child.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()


class WorkerPool:
    """``size`` worker processes answering queries on the store at ``store_path``."""

    def __init__(self, store_path: str, size: int = 2, timeout: float = 10.0, max_rows=10000):
        self.store_path = str(store_path)
        self.timeout = timeout
        self.max_rows = max_rows
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.store_path)
        with self._lock:
            if self._closed:
                w.stop()
                return
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)
        threading.Thread(target=self._add, daemon=True).start()

    def run(self, req: dict) -> Answer:
        """Answer one request; raise QueryTimeout, EndpointBusy or QueryFailed."""
        req = {"max_rows": self.max_rows, **req}
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise EndpointBusy(f"all query workers stayed busy for {self.timeout:g} s") from None
        try:
            w.conn.send(req)
            ready = w.conn.poll(self.timeout)
            out = w.conn.recv() if ready else None
        except (EOFError, OSError):
            self._replace(w)
            raise QueryFailed("error", "the query worker stopped unexpectedly") from None
        if not ready:
            self._replace(w)
            raise QueryTimeout(
                f"the query ran past the time limit of {self.timeout:g} s and was stopped"
            )
        self._idle.put(w)
        if isinstance(out, tuple):
            raise QueryFailed(*out)
        return out

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()
