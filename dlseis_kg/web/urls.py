"""Resource IRIs, local paths and document URLs.

Every resource IRI is ``BASE + path`` (``https://w3id.org/dlseis/paper/x``). The server
and the static site answer the same paths: ``/paper/x`` is the resource, and
``/paper/x.html``, ``.ttl``, ``.jsonld``, ``.nt`` are the documents that describe it.
Nodes inside a paper (``paper/x/run/layer/3``) and terms of the ontology
(``ontology#HiddenLayer``) are described by the document of their paper or of the
ontology; the HTML document has an anchor for them.

>>> document_of(BASE + "paper/x/run/layer/3"), fragment_of(BASE + "paper/x/run/layer/3")
('https://w3id.org/dlseis/paper/x', 'run/layer/3')
>>> doc_path(BASE + "task/phase-picking", "ttl")
'task/phase-picking.ttl'
>>> Linker("static", "paper/x.html")("task/phase-picking.html")
'../task/phase-picking.html'
"""

from __future__ import annotations

import posixpath
import re

from dlseis_kg.namespaces import BASE

ONTOLOGY_IRI = BASE + "ontology"
VOID_IRI = BASE + "void"
DATASET_IRI = VOID_IRI + "#dataset"
PAPER_PREFIX = BASE + "paper/"

# a path may only hold these characters, and no segment may be empty, "." or ".."
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*")


def safe_path(path: str) -> bool:
    """True when ``path`` is a relative path with plain segments (no ``..``, no ``//``).

    >>> safe_path("paper/x.ttl"), safe_path("../etc/passwd"), safe_path("a/../b"), safe_path("a//b")
    (True, False, False, False)
    """
    return bool(_SAFE.fullmatch(path)) and ".." not in path


def path_of(iri: str) -> str | None:
    """The local path of an IRI under the base, or None."""
    return iri[len(BASE) :] if iri.startswith(BASE) else None


def document_of(iri: str) -> str:
    """The IRI of the resource whose document describes ``iri``."""
    iri = iri.split("#", 1)[0]
    if iri.startswith(PAPER_PREFIX):
        slug = iri[len(PAPER_PREFIX) :].split("/", 1)[0]
        return PAPER_PREFIX + slug
    return iri


def fragment_of(iri: str) -> str | None:
    """The anchor for ``iri`` in its document's HTML page (None for the document itself)."""
    if "#" in iri:
        return iri.split("#", 1)[1]
    doc = document_of(iri)
    return iri[len(doc) + 1 :] if iri != doc else None


def doc_path(iri: str, ext: str) -> str:
    """Path of the document of ``iri`` in a format (``html``, ``ttl``, ``jsonld``, ``nt``)."""
    path = path_of(document_of(iri))
    if path is None:
        raise ValueError(f"not an IRI under {BASE}: {iri}")
    return f"{path}.{ext}"


def html_href(iri: str) -> str | None:
    """Site path (with anchor) of the HTML page for ``iri``, or None outside the base."""
    if not iri.startswith(BASE) or iri == BASE:
        return None
    frag = fragment_of(iri)
    return doc_path(iri, "html") + (f"#{frag}" if frag else "")


class Linker:
    """Turn a site path (``paper/x.html``) into a link from the current page.

    ``mode="server"`` gives root-relative links (``/paper/x.html``); ``mode="static"``
    gives links relative to ``current`` so that the site works from any folder.
    ``exists(iri)`` tells which IRIs have a page (others are linked as themselves).
    """

    def __init__(self, mode: str = "server", current: str = "index.html", exists=None):
        self.mode = mode
        self.current = current
        self.exists = exists

    def __call__(self, path: str) -> str:
        if path.startswith(("http://", "https://", "#")):
            return path
        if self.mode == "server":
            return "/" + path
        target, _, frag = path.partition("#")
        start = posixpath.dirname(self.current) or "."
        rel = posixpath.relpath(target or "index.html", start)
        return rel + (f"#{frag}" if frag else "")

    def iri(self, iri: str) -> str:
        """Link to the page of an IRI: local for IRIs under the base that are described
        (``exists``) and for the dumps, else the IRI itself."""
        path = path_of(iri)
        if path is not None and path.startswith("dumps/"):
            return self(path)
        if self.exists is not None and not self.exists(iri):
            return iri
        href = html_href(iri)
        return self(href) if href else iri
