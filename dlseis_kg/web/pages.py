"""HTML pages, rendered with Jinja2 (autoescape on: every inventory text is escaped).

:class:`Pages` renders for the server (root-relative links) or the static site (links
relative to the page). Papers, concepts, concept schemes, the VoID description and any
other resource each have a template; concept pages are generic over the schemes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from pyoxigraph import NamedNode, Store

from dlseis_kg import __version__
from dlseis_kg.namespaces import BASE, DCTERMS, DLSEIS, MLS, PREFIXES, RDF, SCHEMA, SKOS
from dlseis_kg.web import schemaorg
from dlseis_kg.web.negotiate import DOC_FORMATS
from dlseis_kg.web.urls import (
    ONTOLOGY_IRI,
    VOID_IRI,
    Linker,
    doc_path,
    document_of,
    fragment_of,
    path_of,
)
from dlseis_kg.web.views import (
    RUN_ORDER,
    RUN_PARTS,
    Index,
    Value,
    broader_narrower,
    curie,
    label_index,
    local_name,
    overview,
    paper_rows,
    related,
    search,
)

FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples"}
INCOMING_SHOWN = 300
_TYPE = NamedNode(RDF + "type")


# characters HTML does not allow in text (C0/C1 controls but tab, LF, CR; noncharacters)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def _clean(value):
    """Replace characters HTML forbids (the inventory holds a few) with U+FFFD."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _FORBIDDEN.sub("\ufffd", value)
    return value


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("dlseis_kg.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_clean,
    )


class Pages:
    """Render every kind of page from a read-only store.

    ``mode`` is ``server`` or ``static``; ``figures`` lists image file names shown on the
    home page (served from ``figures/``); ``void`` holds the VoID triples.
    """

    def __init__(
        self,
        store: Store,
        *,
        mode: str = "server",
        figures: list[str] | None = None,
        void=None,
        endpoint: str | None = None,
    ):
        self.store = store
        self.index = Index(store)
        self.mode = mode
        self.figures = list(figures or [])
        self.void = list(void or [])
        self.endpoint = endpoint
        self.env = _env()
        self._exists: dict[str, bool] = {}

    # ------------------------------------------------------------------ rendering

    def exists(self, iri: str) -> bool:
        """True when ``iri``'s document has a page."""
        doc = document_of(iri)
        if doc not in self._exists:
            node = NamedNode(doc)
            found = next(iter(self.store.quads_for_pattern(node, None, None)), None)
            self._exists[doc] = found is not None or doc in (VOID_IRI, ONTOLOGY_IRI)
        return self._exists[doc]

    def linker(self, current: str) -> Linker:
        return Linker(self.mode, current, self.exists)

    def render(self, template: str, current: str, **ctx) -> str:
        link = self.linker(current)
        site = {"mode": self.mode, "version": __version__, "endpoint": self.endpoint}
        ctx.setdefault("iri", None)
        ctx.setdefault("alternates", [])
        ctx.setdefault("jsonld", None)
        ctx.setdefault("q", None)
        ctx.setdefault("title", "dlseis-kg")
        return self.env.get_template(template).render(link=link, site=site, **ctx)

    def _doc_ctx(self, iri: str) -> dict:
        alts = [
            {"href": doc_path(iri, ext), "media_type": f.media_type, "name": FORMAT_NAMES[ext]}
            for ext, f in DOC_FORMATS.items()
            if ext != "html"
        ]
        return {"iri": iri, "alternates": alts}

    # ------------------------------------------------------------------ site pages

    @cached_property
    def figures_data(self) -> dict:
        return overview(self.index)

    def home(self) -> str:
        fig = self.figures_data
        dumps = [(f"dumps/graph.{e}", m) for e, m in (("nt", "application/n-triples"),)]
        return self.render(
            "home.html",
            "index.html",
            title="Machine learning in seismology",
            fig=fig,
            schemes=list(self.index.schemes.values()),
            figures=self.figures,
            jsonld=schemaorg.script_json(schemaorg.dataset(fig, dumps, BASE)),
        )

    def papers(self) -> str:
        papers = sorted(self.index.papers.values(), key=lambda p: (p.year, p.title.lower()))
        return self.render(
            "papers.html", "papers.html", title="Papers", papers=papers, label=self.index.label
        )

    def search_entries(self, current: str = "search.html") -> list[dict]:
        return label_index(self.index, self.linker(current))

    @cached_property
    def _entries(self) -> list[dict]:
        return self.search_entries()

    def search(self, q: str) -> str:
        hits = search(self._entries, q) if q else []
        return self.render("search.html", "search.html", title="Search", q=q, hits=hits)

    def glossary(self) -> str:
        groups: dict[str, list] = defaultdict(list)
        for c in sorted(self.index.concepts.values(), key=lambda c: c.label.casefold()):
            first = c.label[:1].upper()
            groups[first if first.isalpha() else "#"].append(c)
        from dlseis_kg.web.ontodoc import terms

        return self.render(
            "glossary.html",
            "glossary.html",
            title="Glossary",
            groups=sorted(groups.items()),
            schemes=list(self.index.schemes.values()),
            scheme_title=lambda s: self.index.schemes[s].title if s in self.index.schemes else "",
            terms=terms(self.store),
        )

    def error(self, title: str, message: str, current: str = "404.html") -> str:
        return self.render("error.html", current, title=title, message=message)

    def ontology(self) -> str:
        from dlseis_kg.web.ontodoc import info, pylode_html

        html = pylode_html(self.store)
        if html is not None:
            return html
        return self.render(
            "ontology.html",
            "ontology.html",
            title="Ontology",
            onto=info(self.store),
            **self._doc_ctx(ONTOLOGY_IRI),
        )

    # ------------------------------------------------------------------ documents

    def _types(self, iri: str) -> list[str]:
        return sorted(
            q.object.value for q in self.store.quads_for_pattern(NamedNode(iri), _TYPE, None)
        )

    def document(self, iri: str) -> str:
        """The HTML page of a document IRI (call only for IRIs that exist)."""
        if iri == ONTOLOGY_IRI:
            return self.ontology()
        if iri == VOID_IRI:
            return self.void_page()
        types = self._types(iri)
        if SCHEMA + "ScholarlyArticle" in types:
            return self.paper(iri, types)
        if SKOS + "ConceptScheme" in types:
            return self.scheme(iri)
        if SKOS + "Concept" in types and iri in self.index.concepts:
            return self.concept(iri, types)
        return self.resource(iri, types)

    def _node(self, iri: str) -> dict[str, list]:
        out: dict[str, list] = defaultdict(list)
        for q in self.store.quads_for_pattern(NamedNode(iri), None, None):
            if q.object not in out[q.predicate.value]:
                out[q.predicate.value].append(q.object)
        return out

    def _vals(self, terms) -> list[Value]:
        vals = [self.index.value(t) for t in terms]
        return sorted(vals, key=lambda v: (v.text.lower(), v.iri or ""))

    def _rows(self, props: dict[str, list], skip=()) -> list[tuple[str, list[Value]]]:
        rows = [(self.index.prop(p), self._vals(ts)) for p, ts in props.items() if p not in skip]
        return sorted(rows, key=lambda r: r[0].lower())

    def _run(self, run: str) -> dict:
        props = self._node(run)
        order = {p: i for i, p in enumerate(RUN_ORDER)}
        facets = [p for p in props if p not in RUN_PARTS and p != DLSEIS + "rawScores"]
        facets.sort(key=lambda p: (order.get(p, len(order)), self.index.prop(p)))
        data = []
        for d in props.get(MLS + "hasInput", []):
            data.append(
                {
                    "anchor": fragment_of(d.value),
                    "rows": self._rows(self._node(d.value), {RDF + "type"}),
                }
            )
        layers = []
        for node in props.get(DLSEIS + "hasLayer", []):
            n = self._node(node.value)
            pos = int(n[DLSEIS + "position"][0].value) if n.get(DLSEIS + "position") else 0
            width = n[DLSEIS + "width"][0].value if n.get(DLSEIS + "width") else "?"
            layers.append({"anchor": fragment_of(node.value), "position": pos, "width": width})
        evaluations = []
        for node in props.get(MLS + "hasOutput", []):
            n = self._node(node.value)
            evaluations.append(
                {
                    "anchor": fragment_of(node.value),
                    "position": int(n[DLSEIS + "position"][0].value)
                    if n.get(DLSEIS + "position")
                    else 0,
                    "metric": self._vals(n.get(MLS + "specifiedBy", [])),
                    "score": ", ".join(
                        t.value
                        for t in n.get(MLS + "hasValue", []) + n.get(DLSEIS + "rawScore", [])
                    ),
                    "raw": ", ".join(t.value for t in n.get(DLSEIS + "rawLabel", [])),
                }
            )
        comparisons = []
        for node in props.get(DLSEIS + "comparedWith", []):
            n = self._node(node.value)
            comparisons.append(
                {
                    "anchor": fragment_of(node.value),
                    "position": int(n[DLSEIS + "position"][0].value)
                    if n.get(DLSEIS + "position")
                    else 0,
                    "baseline": self._vals(n.get(DLSEIS + "baseline", [])),
                    "raw": ", ".join(t.value for t in n.get(DLSEIS + "rawLabel", [])),
                }
            )
        other = {
            p: ts for p, ts in props.items() if p == "http://www.w3.org/ns/prov#wasDerivedFrom"
        }
        return {
            "anchor": fragment_of(run),
            "facets": [(self.index.prop(p), self._vals(props[p])) for p in facets],
            "data": data,
            "layers": sorted(layers, key=lambda x: x["position"]),
            "evaluations": sorted(evaluations, key=lambda x: x["position"]),
            "comparisons": sorted(comparisons, key=lambda x: x["position"]),
            "notes": [t.value for t in props.get(DCTERMS + "description", [])],
            "raw_scores": [t.value for t in props.get(DLSEIS + "rawScores", [])],
            "other": self._rows(other),
        }

    def paper(self, iri: str, types: list[str]) -> str:
        p = self.index.papers[iri]
        props = self._node(iri)
        runs = sorted(t.value for t in props.get(DLSEIS + "reportsRun", []))
        author = None
        for a in props.get(DCTERMS + "creator", []):
            author = Value(self.index.label(a.value), a.value)
        venue = Value(self.index.label(p.venue), p.venue) if p.venue else None
        skip = {DLSEIS + "reportsRun", DCTERMS + "title", SCHEMA + "author"}
        return self.render(
            "paper.html",
            doc_path(iri, "html"),
            title=p.title,
            paper=p,
            types=[curie(t) for t in types],
            author=author,
            venue=venue,
            runs=[self._run(r) for r in runs],
            record=self._rows(props, skip),
            jsonld=schemaorg.script_json(schemaorg.paper(self.index, p)),
            **self._doc_ctx(iri),
        )

    def concept(self, iri: str, types: list[str]) -> str:
        c = self.index.concepts[iri]
        rows = paper_rows(self.index, iri)
        return self.render(
            "concept.html",
            doc_path(iri, "html"),
            title=c.label,
            concept=c,
            scheme=self.index.schemes.get(c.scheme),
            types=[curie(t) for t in types],
            hierarchy=broader_narrower(self.index, iri),
            related=related(self.index, iri),
            rows=rows,
            has_scores=any(r["scores"] for r in rows),
            jsonld=schemaorg.script_json(schemaorg.concept(self.index, c)),
            **self._doc_ctx(iri),
        )

    def scheme(self, iri: str) -> str:
        s = self.index.schemes[iri]
        rows = [(self.index.concepts[c], self.index.count(c)) for c in s.concepts]
        rows.sort(key=lambda cn: (-cn[1], cn[0].label.casefold()))
        return self.render(
            "scheme.html",
            doc_path(iri, "html"),
            title=s.title,
            scheme=s,
            rows=rows,
            jsonld=schemaorg.script_json(schemaorg.scheme(self.index, s)),
            **self._doc_ctx(iri),
        )

    def resource(self, iri: str, types: list[str]) -> str:
        props = self._node(iri)
        incoming = []
        for q in self.store.quads_for_pattern(None, None, NamedNode(iri)):
            if isinstance(q.subject, NamedNode):
                incoming.append((q.subject.value, self.index.prop(q.predicate.value)))
        incoming = sorted(set(incoming))
        shown = [(Value(self.index.label(s), s), p) for s, p in incoming[:INCOMING_SHOWN]]
        title = self.index.labels.get(iri) or path_of(iri) or local_name(iri)
        return self.render(
            "resource.html",
            doc_path(iri, "html"),
            title=title,
            types=[curie(t) for t in types],
            rows=self._rows(props, {RDF + "type"}),
            parts=[],
            incoming=shown,
            incoming_total=len(incoming),
            **self._doc_ctx(iri),
        )

    def void_page(self) -> str:
        by_subject: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in self.void:
            by_subject[t.subject.value][t.predicate.value].append(t.object)
        main = by_subject.pop(VOID_IRI + "#dataset", {})
        parts = []
        for s in sorted(by_subject):
            frag = s.split("#", 1)[1] if "#" in s else re.sub(r"\W+", "-", s)
            parts.append({"anchor": frag, "title": curie(s), "rows": self._rows(by_subject[s])})
        fig = self.figures_data
        dumps = [(f"dumps/graph.{e}", m) for e, m in (("nt", "application/n-triples"),)]
        return self.render(
            "void.html",
            doc_path(VOID_IRI, "html"),
            title="Dataset description",
            rows=self._rows(main),
            parts=parts,
            jsonld=schemaorg.script_json(schemaorg.dataset(fig, dumps, BASE)),
            **self._doc_ctx(VOID_IRI),
        )

    # ------------------------------------------------------------------ SPARQL page

    def sparql(self, **ctx) -> str:
        ctx.setdefault("query", "")
        ctx.setdefault("result", None)
        ctx.setdefault("error", None)
        ctx.setdefault("chosen_format", "html")
        ctx.setdefault("limits", {"timeout": 10, "max_rows": 10000})
        ctx.setdefault("endpoint_url", "/sparql")
        ctx.setdefault("endpoint_action", self.endpoint or "/sparql")
        ctx.setdefault("examples", [])
        ctx.setdefault("result_formats", [])
        return self.render(
            "sparql.html",
            "sparql.html",
            title="SPARQL",
            prefixes=sorted(PREFIXES.items()),
            **ctx,
        )
