"""``dlseis-kg publish``: the pages of the server as a static site.

The site holds, for every document, ``{path}.html`` with ``{path}.ttl``,
``{path}.jsonld`` and ``{path}.nt`` beside it; the home, papers, glossary, search
(client-side, over ``search.json``) and named-query pages; ``void.*`` (VoID and DCAT);
``ontology.*`` (the ontology's documentation and data); the dumps in ``dumps/``; the
figures in ``figures/`` when given; and ``w3id/.htaccess``, the redirect rules for
https://w3id.org/dlseis/. Links are relative, so the site works from any folder.

The site is written beside ``out`` and moved into place at the end; an existing ``out``
is replaced only if an earlier ``publish`` wrote it (it holds ``.dlseis-site``).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from dlseis_kg.queries import describe, named_queries
from dlseis_kg.web.app import FIGURE_SUFFIXES, STATIC_DIR, list_files
from dlseis_kg.web.negotiate import JSONLD, NTRIPLES, TURTLE
from dlseis_kg.web.pages import Pages
from dlseis_kg.web.redirects import htaccess
from dlseis_kg.web.resources import Describer, open_store, serialize_triples
from dlseis_kg.web.urls import VOID_IRI, path_of
from dlseis_kg.web.void import DUMPS, void_triples

MARKER = ".dlseis-site"
DEFAULT_SITE_URL = "https://dlseis-kg.example.org/"


@dataclass
class PublishResult:
    out: Path
    documents: int
    files: int


def _write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _examples(endpoint: str | None) -> list[dict]:
    out = []
    for name, path in named_queries().items():
        if name.endswith("-violation"):
            continue
        text = path.read_text(encoding="utf-8")
        href = f"{endpoint}?query={quote(text)}" if endpoint else None
        out.append({"name": name, "description": describe(path), "text": text, "href": href})
    return out


def _dumps(store, root: Path, dumps: str | Path | None) -> None:
    from dlseis_kg import dumps as dump_module

    target = root / "dumps"
    target.mkdir(parents=True, exist_ok=True)
    have = list_files(dumps) if dumps else {}
    if all(name in have for name, _ in DUMPS):
        for name, _ in DUMPS:
            shutil.copyfile(have[name], target / name)
    else:
        dump_module.write_all(store, target)


def publish(
    store: str | Path,
    out: str | Path,
    *,
    dumps: str | Path | None = None,
    figures: str | Path | None = None,
    site_url: str = DEFAULT_SITE_URL,
    endpoint: str | None = None,
) -> PublishResult:
    """Write the static site of the store at ``store`` into ``out``."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise FileExistsError(
            f"{out} is not empty and was not written by publish; pick a new folder"
        )
    tmp = out.parent / f".{out.name}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    st = open_store(store)
    figure_files = list_files(figures, FIGURE_SUFFIXES)
    pages = Pages(st, mode="static", figures=list(figure_files), endpoint=endpoint)
    _dumps(st, tmp, dumps)
    void = void_triples(pages.index, dumps_dir=tmp / "dumps", endpoint=endpoint)
    pages.void = void
    describer = Describer(st, extra={VOID_IRI: void})

    docs = describer.documents()
    for iri in docs:
        path = path_of(iri)
        _write(tmp, f"{path}.html", pages.document(iri))
        triples = describer.triples(iri)
        for fmt in (TURTLE, JSONLD, NTRIPLES):
            _write(tmp, f"{path}.{fmt.ext}", serialize_triples(triples, fmt))

    _write(tmp, "index.html", pages.home())
    _write(tmp, "papers.html", pages.papers())
    _write(tmp, "glossary.html", pages.glossary())
    _write(tmp, "search.html", pages.search(""))
    entries = pages.search_entries("search.html")
    _write(tmp, "search.json", json.dumps(entries, ensure_ascii=False, separators=(",", ":")))
    _write(
        tmp,
        "sparql.html",
        pages.sparql(examples=_examples(endpoint), endpoint_action=endpoint or ""),
    )
    _write(tmp, "404.html", pages.error("Not found", "This page is not part of the site."))
    for name, path in list_files(STATIC_DIR).items():
        _write(tmp, f"static/{name}", path.read_bytes())
    for name, path in figure_files.items():
        _write(tmp, f"figures/{name}", path.read_bytes())
    _write(tmp, "w3id/.htaccess", htaccess(site_url, endpoint))
    _write(tmp, ".nojekyll", "")
    _write(tmp, MARKER, "written by dlseis-kg publish\n")

    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    return PublishResult(out, len(docs), files)
