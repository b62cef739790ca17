"""Content negotiation: parse ``Accept`` and pick one of the offered media types.

>>> choose("text/html,application/xhtml+xml,*/*;q=0.8", ["text/turtle", "text/html"])
'text/html'
>>> choose("text/turtle;q=0.5, application/ld+json", ["text/turtle", "application/ld+json"])
'application/ld+json'
>>> choose("image/png", ["text/html"]) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat


@dataclass(frozen=True)
class DocFormat:
    """A document format: file extension, media type, pyoxigraph format (None for HTML)."""

    ext: str
    media_type: str
    rdf: RdfFormat | None

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.ext == "jsonld"
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


HTML = DocFormat("html", "text/html", None)
TURTLE = DocFormat("ttl", "text/turtle", RdfFormat.TURTLE)
JSONLD = DocFormat("jsonld", "application/ld+json", RdfFormat.JSON_LD)
NTRIPLES = DocFormat("nt", "application/n-triples", RdfFormat.N_TRIPLES)
DOC_FORMATS: dict[str, DocFormat] = {f.ext: f for f in (HTML, TURTLE, JSONLD, NTRIPLES)}
# media types offered for a resource, in the server's order of preference for */*
DOC_OFFERS: dict[str, DocFormat] = {
    "text/html": HTML,
    "text/turtle": TURTLE,
    "application/ld+json": JSONLD,
    "application/json": JSONLD,
    "application/n-triples": NTRIPLES,
    "application/x-turtle": TURTLE,
    "text/plain": NTRIPLES,
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values (``*/*`` when absent)."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        q = 1.0
        for f in fields[1:]:
            key, _, value = f.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching ``offer`` (0 when none matches)."""
    kind = offer.split("/")[0] + "/*"
    best, specificity = 0.0, -1
    for media, q in ranges:
        level = 2 if media == offer else 1 if media == kind else 0 if media == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def choose(header: str | None, offers: list[str]) -> str | None:
    """The offer with the highest q (first offer on ties), or None if none is acceptable."""
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


def choose_doc_format(header: str | None) -> DocFormat | None:
    """The document format for an Accept header (HTML for ``*/*``), None if not acceptable."""
    media = choose(header, list(DOC_OFFERS))
    return DOC_OFFERS[media] if media else None
