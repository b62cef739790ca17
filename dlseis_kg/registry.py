"""The paper ID registry: stable slugs for papers, committed in ``data/registry/papers.csv``.

A paper's identity key is its normalised first author and normalised title, so the same
paper gets the same IRI in every inventory, and two rows of one file with the same key
are one paper. The slug (``yang2019deep``) is looked up in the registry; a paper the
registry does not know gets a slug minted by the same rule and is reported, and
``dlseis-kg registry`` writes it into the registry.

>>> paper_key("Majstorović", "An  Investigation of Rapid-Earthquake…")
'majstorovic|aninvestigationofrapidearthquake'
>>> mint_slug("Yang", 2019, "Deep-learning inversion: a next-generation method")
'yang2019deep'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dlseis_kg.vocab import DATA_DIR

REGISTRY_COLUMNS = ["slug", "key", "author", "year", "title"]
_STOP = "a an and are as at by for from in into is of on or the to toward towards using via with"
STOPWORDS = frozenset(_STOP.split(" "))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def paper_key(author: str | None, title: str | None) -> str:
    """Identity key: ascii-folded letters and digits of first author and title."""
    return f"{re.sub(r'[^a-z0-9]', '', _ascii(author or ''))}|" + re.sub(
        r"[^a-z0-9]", "", _ascii(title or "")
    )


def _words(title: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", _ascii(title)) if w not in STOPWORDS]


def mint_slug(author: str | None, year: int | None, title: str | None, extra: int = 0) -> str:
    """``{author}{year}{first significant title word}``; ``extra`` adds more words."""
    name = re.sub(r"[^a-z]", "", _ascii(author or "")) or "anon"
    words = _words(title or "") or ["untitled"]
    return f"{name}{year or 'nd'}{''.join(words[: 1 + extra])}"


@dataclass(frozen=True)
class Entry:
    slug: str
    key: str
    author: str
    year: str
    title: str


class PaperRegistry:
    """Maps identity keys to slugs; mints new slugs deterministically."""

    def __init__(self, entries: list[Entry], path: Path | None = None):
        self.path = path
        self.by_key = {e.key: e for e in entries}
        self.slugs = {e.slug for e in entries}
        self.new: list[Entry] = []

    @classmethod
    def load(cls, path: str | Path | None = None) -> PaperRegistry:
        path = Path(path or DATA_DIR / "registry" / "papers.csv")
        if not path.exists():
            return cls([], path)
        with open(path, encoding="utf-8", newline="") as fh:
            return cls([Entry(**r) for r in csv.DictReader(fh)], path)

    def slug_for(self, author: str | None, year: int | None, title: str | None) -> tuple[str, bool]:
        """Return ``(slug, is_new)`` for the paper with this author and title."""
        key = paper_key(author, title)
        entry = self.by_key.get(key)
        if entry:
            return entry.slug, False
        tries = [mint_slug(author, year, title, extra) for extra in range(3)]
        slug = next((s for s in tries if s not in self.slugs), None)
        n = 2
        while slug is None:
            slug = f"{tries[0]}-{n}" if f"{tries[0]}-{n}" not in self.slugs else None
            n += 1
        entry = Entry(slug, key, author or "", str(year or ""), title or "")
        self.by_key[key] = entry
        self.slugs.add(slug)
        self.new.append(entry)
        return slug, True

    def save(self, path: str | Path | None = None) -> Path:
        """Write the registry (known and new entries), sorted by slug."""
        path = Path(path or self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(REGISTRY_COLUMNS)
            for e in sorted(self.by_key.values(), key=lambda e: e.slug):
                writer.writerow([e.slug, e.key, e.author, e.year, e.title])
        return path
