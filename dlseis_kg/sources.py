"""The source manifest (``data/sources.csv``) and the fetch step.

Each inventory CSV is pinned by upstream commit and sha256. :func:`fetch` puts
verified copies in :func:`inventory_dir`, copying them from :func:`shared_dir`
when present there and downloading them from GitHub otherwise.
"""

from __future__ import annotations

import csv
import hashlib
import os
import secrets
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

__all__ = [
    "ChecksumError",
    "FetchError",
    "FetchResult",
    "Source",
    "default_source",
    "fetch",
    "fetch_source",
    "inventory_dir",
    "load_manifest",
    "repo_root",
    "sha256_file",
    "shared_dir",
    "source_for_path",
]

RAW_URL = "https://raw.githubusercontent.com/smousavi05/dl_seismology/{commit}/{upstream_path}"
TIMEOUT = 60.0  # seconds, for one download
_COLUMNS = ["inventory", "file", "upstream_path", "commit", "date", "rows", "sha256"]
_COLUMNS += ["description", "default"]


class ChecksumError(ValueError):
    """A file's sha256 is not the one the manifest pins."""


class FetchError(OSError):
    """A source file could not be obtained (not in the shared dir, no network)."""


@dataclass(frozen=True)
class Source:
    """One pinned inventory file (a row of ``data/sources.csv``)."""

    inventory: str
    file: str
    upstream_path: str
    commit: str
    date: str
    rows: int
    sha256: str
    description: str
    default: bool

    @property
    def url(self) -> str:
        """The raw GitHub URL of the file at its pinned commit."""
        return RAW_URL.format(commit=self.commit, upstream_path=self.upstream_path)


class FetchResult(NamedTuple):
    """What :func:`fetch_source` did: ``action`` is "ok", "copied" or "downloaded"."""

    path: Path
    action: str
    sha256: str


def repo_root() -> Path:
    """The repository root (the folder holding ``dlseis_kg/`` and ``data/``)."""
    return Path(__file__).resolve().parent.parent


def inventory_dir() -> Path:
    """Where fetched inventories live: ``$DLSEIS_INVENTORY_DIR`` or ``<repo>/inventory``."""
    env = os.environ.get("DLSEIS_INVENTORY_DIR")
    return Path(env) if env else repo_root() / "inventory"


def shared_dir() -> Path:
    """Local copies to fetch from.

    ``$DLSEIS_SHARED_DIR`` if set, else ``<repo>/../shared/data/dl_seismology``.
    """
    env = os.environ.get("DLSEIS_SHARED_DIR")
    return Path(env) if env else repo_root().parent / "shared" / "data" / "dl_seismology"


def load_manifest(path: str | os.PathLike[str] | None = None) -> list[Source]:
    """Read the manifest (default ``<repo>/data/sources.csv``) into :class:`Source` rows."""
    path = Path(path) if path is not None else repo_root() / "data" / "sources.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != _COLUMNS:
            raise ValueError(f"{path}: columns {reader.fieldnames}, expected {_COLUMNS}")
        return [
            Source(**{**row, "rows": int(row["rows"]), "default": row["default"] == "yes"})
            for row in reader
        ]


def default_source() -> Source:
    """The source the build uses unless told otherwise (``default`` = yes)."""
    defaults = [s for s in load_manifest() if s.default]
    if len(defaults) != 1:
        raise ValueError(f"the manifest marks {len(defaults)} sources as default, expected 1")
    return defaults[0]


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The hex sha256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def source_for_path(path: str | os.PathLike[str]) -> Source | None:
    """The manifest source a file is: by its sha256 first, then by its file name."""
    path = Path(path)
    sources = load_manifest()
    if path.is_file():
        digest = sha256_file(path)
        for source in sources:
            if source.sha256 == digest:
                return source
    return next((s for s in sources if s.file == path.name), None)


def fetch(
    *,
    dest: str | os.PathLike[str] | None = None,
    shared: str | os.PathLike[str] | None = None,
    offline: bool = False,
    sources: Iterable[Source] | None = None,
) -> list[Path]:
    """Put a verified copy of every source in ``dest`` and return their paths.

    A file already in ``dest`` with the right sha256 is kept; otherwise it is copied
    from ``shared`` (default :func:`shared_dir`) or, unless ``offline``, downloaded.
    Raises :class:`ChecksumError` or :class:`FetchError` on the first failure.
    """
    sources = load_manifest() if sources is None else sources
    return [fetch_source(s, dest=dest, shared=shared, offline=offline).path for s in sources]


def fetch_source(
    source: Source,
    *,
    dest: str | os.PathLike[str] | None = None,
    shared: str | os.PathLike[str] | None = None,
    offline: bool = False,
) -> FetchResult:
    """Fetch one source into ``dest`` (see :func:`fetch`), saying what was done."""
    dest = Path(dest) if dest is not None else inventory_dir()
    shared = Path(shared) if shared is not None else shared_dir()
    target = dest / source.file
    if target.is_file() and sha256_file(target) == source.sha256:
        return FetchResult(target, "ok", source.sha256)
    copy = shared / source.file
    if copy.is_file():
        action = "copied"
    elif offline:
        raise FetchError(f"{source.file}: not in {shared} and offline, so not downloaded")
    else:
        action = "downloaded"
    dest.mkdir(parents=True, exist_ok=True)
    tmp = dest / f"{source.file}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        with open(tmp, "xb") as out:  # unlike mkstemp, honours the umask
            if action == "copied":
                with open(copy, "rb") as src:
                    shutil.copyfileobj(src, out)
            else:
                _download(source, out, shared)
        actual = sha256_file(tmp)
        if actual != source.sha256:
            target.unlink(missing_ok=True)  # a stale, wrong file must not stay either
            origin = copy if action == "copied" else source.url
            raise ChecksumError(
                f"{source.file}: sha256 mismatch for the file from {origin}: "
                f"expected {source.sha256}, got {actual}"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return FetchResult(target, action, actual)


def _download(source: Source, out: BinaryIO, shared: Path) -> None:
    try:
        with urllib.request.urlopen(source.url, timeout=TIMEOUT) as response:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError) as exc:
        http = isinstance(exc, urllib.error.HTTPError)
        reason = exc if http else getattr(exc, "reason", None) or exc
        raise FetchError(
            f"{source.file}: could not download {source.url} ({reason}). "
            f"No network? Put a copy in {shared} (or set DLSEIS_SHARED_DIR) and retry."
        ) from exc
