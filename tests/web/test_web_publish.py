"""The static site: every page parses as HTML, no internal link is broken, every .ttl
(and the VoID file) parses with pyoxigraph, and the w3id rules are there."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from dlseis_kg.namespaces import BASE

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def parsed(site):
    """Every HTML page parsed strictly: {path: (ids, links)}."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    out = {}
    for page in pages(site):
        try:
            tree = parser.parse(page.read_bytes())
        except Exception as exc:  # noqa: BLE001 - report which page
            pytest.fail(f"{page.relative_to(site)} does not parse as HTML: {exc}")
        ids, links = set(), []
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            if el.get("id"):
                ids.add(el.get("id"))
            attr = LINK_ATTRS.get(el.tag)
            if attr and el.get(attr) is not None:
                links.append(el.get(attr))
        out[page.relative_to(site).as_posix()] = (ids, links)
    return out


def test_site_layout(site):
    for rel in [
        "index.html",
        "papers.html",
        "glossary.html",
        "search.html",
        "search.json",
        "sparql.html",
        "void.ttl",
        "void.html",
        "ontology.html",
        "ontology.ttl",
        "paper/zhu2019phasenet.html",
        "paper/zhu2019phasenet.ttl",
        "paper/zhu2019phasenet.jsonld",
        "paper/zhu2019phasenet.nt",
        "task/phase-picking.html",
        "architecture/u-net.jsonld",
        "scheme/task.html",
        "dumps/graph.nt",
        "dumps/graph.jsonld",
        "w3id/.htaccess",
    ]:
        assert (site / rel).is_file(), rel
    assert len(list((site / "paper").glob("*.html"))) > 600


def test_every_page_parses_and_no_internal_link_is_broken(site, parsed):
    assert len(parsed) > 1900
    broken = []
    for rel, (_, links) in parsed.items():
        for href in links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
                continue
            if not parts.path:
                target = rel
            else:
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(rel), unquote(parts.path))
                )
                if target.startswith(".."):
                    broken.append((rel, href, "leaves the site"))
                    continue
                if not (site / target).is_file():
                    broken.append((rel, href, "no such file"))
                    continue
            frag = unquote(parts.fragment)
            if frag and target in parsed and frag not in parsed[target][0]:
                broken.append((rel, href, "no such anchor"))
    assert not broken, broken[:20]


def test_every_turtle_file_parses(site):
    files = sorted(site.rglob("*.ttl"))
    assert len(files) > 1900
    for f in files:
        if f.parent.name == "dumps":
            continue
        list(parse(path=str(f), format=RdfFormat.TURTLE))
    void = {q.triple for q in parse(path=str(site / "void.ttl"), format=RdfFormat.TURTLE)}
    assert any(t.predicate.value == "http://rdfs.org/ns/void#triples" for t in void)


def test_formats_agree(site):
    paper = site / "paper" / "zhu2019phasenet"
    graphs = [
        {q.triple for q in parse(path=f"{paper}.{ext}", format=fmt)}
        for ext, fmt in (
            ("ttl", RdfFormat.TURTLE),
            ("jsonld", RdfFormat.JSON_LD),
            ("nt", RdfFormat.N_TRIPLES),
        )
    ]
    assert graphs[0] == graphs[1] == graphs[2]
    assert NamedNode(BASE + "paper/zhu2019phasenet") in {t.subject for t in graphs[0]}


def test_links_are_relative(site):
    html = (site / "paper" / "zhu2019phasenet.html").read_text(encoding="utf-8")
    assert 'href="../architecture/u-net.html"' in html
    assert 'href="/' not in html
    assert "https://example.org/dlseis/$1.ttl" in (site / "w3id" / ".htaccess").read_text()
