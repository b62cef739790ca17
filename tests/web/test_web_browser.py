"""A real browser (Debian's headless Chromium, driven by Playwright) walks the site:
home page, search for "phase picking", a paper, its architecture, a named query.

Screenshots go to ``$DLSEIS_SCREENSHOTS`` (default: the test's temporary folder).
Set-up: ``apt-get install -y chromium`` and ``pip install playwright`` (the Python
driver only: ``playwright install`` is never needed, the system Chromium is used).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        page = ctx.new_page()
        page.set_default_timeout(20000)
        yield page
        ctx.close()


def test_browse_search_paper_architecture_query(server, browser_page, tmp_path):
    shots = Path(os.environ.get("DLSEIS_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(server + "/")
    assert page.locator("h1").inner_text().startswith("Machine learning in seismology")
    page.screenshot(path=str(shots / "1-home.png"))

    page.fill("#home-search", "phase picking")
    page.press("#home-search", "Enter")
    page.wait_for_url("**/search?q=phase+picking")
    hits = page.locator("ol.hits li")
    assert hits.count() > 5
    assert hits.first.locator("a").inner_text() == "Phase Picking"
    page.screenshot(path=str(shots / "2-search.png"))

    paper = page.locator("ol.hits li", has=page.locator("span.kind", has_text="paper")).first
    title = paper.locator("a").inner_text()
    paper.locator("a").click()
    page.wait_for_url("**/paper/*.html")
    assert page.locator("h1").inner_text() == title
    page.screenshot(path=str(shots / "3-paper.png"), full_page=True)

    arch = page.locator("table.facets tr", has=page.locator("th", has_text="architecture"))
    arch_name = arch.locator("a").first.inner_text()
    arch.locator("a").first.click()
    page.wait_for_url("**/architecture/*.html")
    assert page.locator("h1").inner_text() == arch_name
    assert page.locator("p.kind").inner_text() == "Architecture"
    assert page.locator("table.papers a", has_text=title).count() == 1
    page.screenshot(path=str(shots / "4-architecture.png"))

    page.goto(server + "/sparql")
    page.locator("a.example", has_text="papers_per_task").click()
    page.wait_for_url("**/sparql?example=papers_per_task")
    assert "COUNT(DISTINCT ?paper)" in page.locator("#query").input_value()
    page.click("#run")
    page.wait_for_selector("table.results")
    table = page.locator("table.results")
    assert table.locator("th").all_inner_texts() == ["task", "papers"]
    assert table.locator("td", has_text="Phase Picking").count() == 1
    page.screenshot(path=str(shots / "5-query.png"))
    assert not errors, errors
