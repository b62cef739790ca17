"""Fixtures for the linked-data tests: a store built once, a live server, a static site.

The server listens on 127.0.0.1 on a free port (uvicorn in a thread) with a short
SPARQL time limit, and is stopped at the end of the session.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from dlseis_kg.sources import inventory_dir

DEEP = "paper_inventory_deep.csv"
TIMEOUT = 2.0
MAX_ROWS = 500


@pytest.fixture(scope="session")
def web_build(tmp_path_factory):
    """The deep inventory built once without SHACL: (store folder, dumps folder)."""
    csv = inventory_dir() / DEEP
    if not csv.exists():
        pytest.skip(f"{csv} is missing: run `make data` (dlseis-kg fetch) first")
    from dlseis_kg.build import build

    out = tmp_path_factory.mktemp("web")
    build([csv], store=out / "store", out=out, validate=False)
    return out / "store", out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def limits() -> dict:
    """The SPARQL limits the test server runs with."""
    return {"timeout": TIMEOUT, "max_rows": MAX_ROWS}


@pytest.fixture(scope="session")
def server(web_build):
    """Base URL of a running ``dlseis-kg serve`` (SPARQL limits: 2 s, 500 rows)."""
    import uvicorn

    from dlseis_kg.web.app import create_app

    store, out = web_build
    app = create_app(store, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, dumps=out)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(15)


@pytest.fixture(scope="session")
def site(web_build, tmp_path_factory) -> Path:
    """The static site written by ``publish``."""
    from dlseis_kg.web.publish import publish

    store, out = web_build
    target = tmp_path_factory.mktemp("site") / "site"
    publish(store, target, dumps=out, site_url="https://example.org/dlseis/")
    return target
