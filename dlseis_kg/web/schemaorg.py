"""schema.org JSON-LD embedded in the HTML pages (``<script type="application/ld+json">``).

:func:`script_json` escapes ``<``, ``>``, ``&`` and the control characters HTML
forbids, so that no text from the inventory can close the script element.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from dlseis_kg import __version__
from dlseis_kg.web.views import Concept, Index, Paper, Scheme

LICENSE = "https://spdx.org/licenses/MIT"
CITATION = (
    "Mousavi, S. M. and Beroza, G. C. (2022). Deep-learning seismology. Science 377, eabm4470."
)


# characters HTML forbids in a script element's text: JSON escapes C0, not these
_CONTROL = re.compile("[\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def script_json(data: dict) -> Markup:
    """JSON safe to place inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _term(index: Index, iri: str) -> dict:
    c = index.concepts.get(iri)
    d = {"@type": "DefinedTerm", "@id": iri, "name": c.label if c else index.label(iri)}
    if c and c.scheme in index.schemes:
        d["inDefinedTermSet"] = c.scheme
    return d


def paper(index: Index, p: Paper) -> dict:
    concepts = sorted(index.concepts_of.get(p.iri, ()))
    task_like = [c for c in concepts if "/task/" in c or "/sub-task/" in c or "/category/" in c]
    methods = [c for c in concepts if c not in task_like and "/venue/" not in c]
    d: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": p.iri,
        "url": p.iri,
        "name": p.title,
        "headline": p.title[:110],
    }
    if p.author:
        d["author"] = {"@type": "Person", "familyName": p.author, "name": p.author}
    if p.year:
        d["datePublished"] = p.year
    if p.venue:
        d["isPartOf"] = {"@type": "Periodical", "@id": p.venue, "name": index.label(p.venue)}
    if task_like:
        d["about"] = [_term(index, c) for c in task_like]
    if methods:
        d["mentions"] = [_term(index, c) for c in methods]
    return d


def concept(index: Index, c: Concept) -> dict:
    d = {"@context": "https://schema.org", **_term(index, c.iri), "url": c.iri}
    alt = sorted(set(c.alt + c.notation))
    if alt:
        d["alternateName"] = alt
    if c.definition:
        d["description"] = c.definition
    if c.scheme in index.schemes:
        s = index.schemes[c.scheme]
        d["inDefinedTermSet"] = {"@type": "DefinedTermSet", "@id": s.iri, "name": s.title}
    return d


def scheme(index: Index, s: Scheme) -> dict:
    d = {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": s.iri,
        "url": s.iri,
        "name": s.title,
        "hasDefinedTerm": [_term(index, c) for c in sorted(s.concepts)],
    }
    if s.definition:
        d["description"] = s.definition
    return d


def dataset(figures: dict, dumps: list[str], base: str) -> dict:
    """The knowledge graph as a schema.org Dataset (home and VoID pages)."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": base + "void#dataset",
        "url": base,
        "name": "dlseis-kg: a knowledge graph of machine learning in seismology",
        "description": (
            f"{figures['papers']} papers on machine learning in seismology, the studies they "
            "report (tasks, architectures, training data, metrics, baselines) and the "
            "controlled vocabularies behind them, as RDF."
        ),
        "license": LICENSE,
        "version": __version__,
        "citation": CITATION,
        "isBasedOn": "https://github.com/smousavi05/dl_seismology",
        "keywords": ["seismology", "machine learning", "deep learning", "knowledge graph"],
        "distribution": [
            {"@type": "DataDownload", "contentUrl": base + d, "encodingFormat": fmt}
            for d, fmt in dumps
        ],
    }
