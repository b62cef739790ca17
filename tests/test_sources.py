"""Tests for dlseis_kg.sources (manifest, fetch) and dlseis_kg.cli_fetch. No network is used."""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from dlseis_kg import cli_fetch, sources
from dlseis_kg.sources import (
    ChecksumError,
    FetchError,
    Source,
    default_source,
    fetch,
    fetch_source,
    inventory_dir,
    load_manifest,
    sha256_file,
    shared_dir,
    source_for_path,
)

# The file table of the shared copies' README.md.
README_SHA256 = {
    "paper_inventory_deep.csv": "e0bad214417d9d262fe1864f9fbfc3d1ddf2be29beb57f16bba3329f1fb1e941",
    "paper_inventory_aggregated_allML.csv": (
        "672624c0c5180923404ad7c2a967231f9b7ee42877683b8220823e1d479774f1"
    ),
    "paper_inventory_deep.2022-07-31.csv": (
        "50701984ccefa8a070f35020927fee65016cd1175dd50521f50d5265b713096c"
    ),
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the network")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def fake_source(name: str, content: bytes) -> Source:
    return Source(
        inventory=name.removesuffix(".csv"),
        file=name,
        upstream_path=f"docs/{name}",
        commit="0" * 40,
        date="2022-01-01",
        rows=1,
        sha256=hashlib.sha256(content).hexdigest(),
        description="a test file",
        default=False,
    )


@pytest.fixture
def fakes(tmp_path: Path) -> tuple[list[Source], Path, Path]:
    """Two fake sources, a shared dir holding them, an empty dest dir."""
    shared, dest = tmp_path / "shared", tmp_path / "dest"
    shared.mkdir()
    made = []
    for name, content in [("a.csv", b"x,y\r\n1,2\r\n"), ("b.csv", b"z\r\n['q']\r\n")]:
        (shared / name).write_bytes(content)
        made.append(fake_source(name, content))
    return made, shared, dest


def test_manifest() -> None:
    manifest = load_manifest()
    assert [s.inventory for s in manifest] == [
        "deep-2022-08-22",
        "allml-2022-08-22",
        "deep-2022-07-31",
    ]
    assert {s.file: s.sha256 for s in manifest} == README_SHA256
    assert [s.rows for s in manifest] == [639, 809, 637]
    assert default_source().inventory == "deep-2022-08-22"
    old = manifest[2]
    assert old.upstream_path == "docs/paper_inventory_deep.csv"
    assert old.url == (
        "https://raw.githubusercontent.com/smousavi05/dl_seismology/"
        "1ef2f6ffd2dcb3d4f2ffee97014faa6fb32bf715/docs/paper_inventory_deep.csv"
    )
    with pytest.raises(AttributeError):
        old.rows = 1  # type: ignore[misc]


def test_manifest_matches_shared_readme() -> None:
    readme = shared_dir() / "README.md"
    if not readme.is_file():
        pytest.skip(f"no shared copies at {shared_dir()}")
    table = dict(re.findall(r"^\| (\S+\.csv) \|.*\| ([0-9a-f]{64}) \|$", readme.read_text(), re.M))
    assert table == {s.file: s.sha256 for s in load_manifest()}


def test_dirs_follow_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DLSEIS_INVENTORY_DIR", str(tmp_path / "inv"))
    monkeypatch.setenv("DLSEIS_SHARED_DIR", str(tmp_path / "sh"))
    assert inventory_dir() == tmp_path / "inv"
    assert shared_dir() == tmp_path / "sh"
    monkeypatch.delenv("DLSEIS_INVENTORY_DIR")
    assert inventory_dir() == sources.repo_root() / "inventory"


def test_fetch_copies_then_keeps(fakes: tuple[list[Source], Path, Path]) -> None:
    made, shared, dest = fakes
    paths = fetch(dest=dest, shared=shared, sources=made)
    assert paths == [dest / "a.csv", dest / "b.csv"]
    assert [sha256_file(p) for p in paths] == [s.sha256 for s in made]
    assert fetch_source(made[0], dest=dest, shared=shared).action == "ok"
    (dest / "b.csv").write_bytes(b"stale")
    assert fetch_source(made[1], dest=dest, shared=shared).action == "copied"
    assert sha256_file(dest / "b.csv") == made[1].sha256
    assert sorted(p.name for p in dest.iterdir()) == ["a.csv", "b.csv"]


def test_corrupted_copy(fakes: tuple[list[Source], Path, Path]) -> None:
    made, shared, dest = fakes
    (shared / "b.csv").write_bytes(b"corrupted")
    with pytest.raises(ChecksumError) as info:
        fetch(dest=dest, shared=shared, sources=made)
    message = str(info.value)
    assert "b.csv" in message
    assert made[1].sha256 in message
    assert hashlib.sha256(b"corrupted").hexdigest() in message
    assert sorted(p.name for p in dest.iterdir()) == ["a.csv"]  # no b.csv, no temp file


def test_corrupted_copy_removes_stale_file(fakes: tuple[list[Source], Path, Path]) -> None:
    made, shared, dest = fakes
    dest.mkdir()
    (dest / "a.csv").write_bytes(b"stale")
    (shared / "a.csv").write_bytes(b"corrupted")
    with pytest.raises(ChecksumError):
        fetch_source(made[0], dest=dest, shared=shared)
    assert list(dest.iterdir()) == []


def test_download(monkeypatch: pytest.MonkeyPatch, fakes: tuple[list[Source], Path, Path]) -> None:
    made, _, dest = fakes
    empty = dest.parent / "empty"
    calls = []

    def urlopen(url: str, timeout: float) -> io.BytesIO:
        calls.append((url, timeout))
        return io.BytesIO(b"x,y\r\n1,2\r\n")

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    result = fetch_source(made[0], dest=dest, shared=empty)
    assert result.action == "downloaded"
    assert calls == [(made[0].url, sources.TIMEOUT)]
    with pytest.raises(ChecksumError, match="b.csv"):
        fetch_source(made[1], dest=dest, shared=empty)
    assert sorted(p.name for p in dest.iterdir()) == ["a.csv"]


def test_no_network(
    monkeypatch: pytest.MonkeyPatch, fakes: tuple[list[Source], Path, Path]
) -> None:
    made, _, dest = fakes

    def urlopen(url: str, timeout: float) -> None:
        raise urllib.error.URLError(OSError(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    with pytest.raises(FetchError) as info:
        fetch(dest=dest, shared=dest.parent / "empty", sources=made)
    message = str(info.value)
    assert "a.csv" in message and made[0].url in message
    assert "name resolution" in message and "DLSEIS_SHARED_DIR" in message
    assert not dest.exists() or list(dest.iterdir()) == []


def test_offline_never_downloads(fakes: tuple[list[Source], Path, Path]) -> None:
    made, _, dest = fakes
    with pytest.raises(FetchError, match="offline"):
        fetch(dest=dest, shared=dest.parent / "empty", offline=True, sources=made)


def test_real_shared_copies(tmp_path: Path) -> None:
    manifest = load_manifest()
    if not all((shared_dir() / s.file).is_file() for s in manifest):
        pytest.skip(f"no shared copies at {shared_dir()}")
    shared = tmp_path / "shared"
    shared.mkdir()
    for source in manifest:  # copyfile: the originals are read-only
        shutil.copyfile(shared_dir() / source.file, shared / source.file)
    paths = fetch(dest=tmp_path / "dest", shared=shared, offline=True)
    assert [source_for_path(p) for p in paths] == manifest


def test_source_for_path(tmp_path: Path) -> None:
    deep = default_source()
    assert source_for_path(tmp_path / deep.file) == deep  # by name (no such file)
    assert source_for_path(tmp_path / "other.csv") is None
    renamed = tmp_path / "renamed.csv"
    real = inventory_dir() / deep.file
    if real.is_file():
        shutil.copyfile(real, renamed)
        assert source_for_path(renamed) == deep  # by sha256


def test_cli_fetch(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fakes: tuple[list[Source], Path, Path],
) -> None:
    made, shared, dest = fakes
    monkeypatch.setattr(cli_fetch, "load_manifest", lambda: made)
    parser = argparse.ArgumentParser()
    cli_fetch.add_parser(parser.add_subparsers())
    args = parser.parse_args(["fetch", "--dest", str(dest), "--shared", str(shared)])
    assert args.func(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("copied") and lines[0].endswith(made[0].sha256[:12])
    assert args.func(args) == 0
    assert capsys.readouterr().out.startswith("ok")
    monkeypatch.setattr(cli_fetch, "load_manifest", lambda: [replace(made[0], sha256="0" * 64)])
    assert args.func(args) == 1
    out = capsys.readouterr()
    assert out.out == "" and "a.csv" in out.err and "sha256 mismatch" in out.err
