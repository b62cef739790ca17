"""Concept schemes: resolve raw inventory values to SKOS concepts.

The vocabularies are data, committed in ``data/vocab/``:

- ``schemes.csv``: one row per scheme (name, inventory column, title, definition,
  the ML-Schema class punned on its concepts);
- ``concepts.csv``: one row per concept (scheme, slug, preferred label, kind, broader,
  definition, note); the slug is the concept's identity (its IRI is
  ``{base}{scheme}/{slug}``); ``broader`` holds ``scheme/slug`` of one or more broader
  concepts (``;``-separated, possibly in another scheme);
- ``aliases.csv``: other spellings (scheme, raw value, concept slug, label kind
  ``altLabel``/``hiddenLabel``/``notation``, reason).

A raw value resolves by exact label first, then by a simple normalised key (case,
whitespace, underscores and dashes folded), then by the same key without an editor's
marker suffix (``-XX``). A value that matches nothing gets a new concept minted from
its own spelling (``how == "minted"``); the converter turns that into an error unless
new concepts are allowed, so every raw value of an inventory must be in the tables.

Schemes without an inventory column (the review's application areas and ML taxonomy,
the named data sets) hold concepts that other concepts link to.

>>> v = Vocabulary.load()
>>> v.resolve("learning-paradigm", "Supervisedd Learning").concept.pref_label
'Supervised_Learning'
>>> normkey("F1\u2010Score") == normkey("f1 score")
True
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LABEL_KINDS = ("prefLabel", "altLabel", "hiddenLabel", "notation")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_FOLD = re.compile(r"[\s_\-]+")
#: an editor's marker appended to a value in the inventory ("SRL-XX", "IEEE-TGRS-XX")
_MARKER = re.compile(r"[\s_\-]+XX$")


def normkey(text: str) -> str:
    """Fold case, Unicode dashes, underscores and runs of whitespace.

    >>> normkey("  Supervised_Learning ")
    'supervised learning'
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).casefold()
    return _FOLD.sub(" ", text).strip()


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug.

    >>> slugify("U-Net (2D)")
    'u-net-2d'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_DASHES))
    ascii_ = "".join(
        ch if ch.isascii() else "" if unicodedata.combining(ch) else "-" for ch in decomposed
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


@dataclass(frozen=True)
class Scheme:
    name: str
    column: str
    title: str
    definition: str
    cls: str


@dataclass
class Concept:
    scheme: str
    slug: str
    pref_label: str
    kind: str = ""
    broader: str = ""
    definition: str = ""
    #: a curator's note on the concept's scope, e.g. why an ambiguous value is kept apart
    note: str = ""
    #: (label kind, label) pairs other than the preferred label
    labels: set[tuple[str, str]] = field(default_factory=set)
    minted: bool = False

    @property
    def broaders(self) -> list[str]:
        """The ``scheme/slug`` of each broader concept (the cell may list several, ``;``)."""
        return [b.strip() for b in self.broader.split(";") if b.strip()]


@dataclass(frozen=True)
class Resolution:
    concept: Concept
    #: how the raw value is a label of the concept
    label_kind: str
    #: "exact", "normalised" (matched after folding) or "minted" (a new concept)
    how: str


class Vocabulary:
    """Concept schemes loaded from ``data/vocab``; resolves raw values to concepts."""

    def __init__(self, schemes: list[Scheme], concepts: list[Concept]):
        self.schemes = {s.name: s for s in schemes}
        #: inventory column -> scheme (schemes without a column are left out)
        self.by_column = {s.column: s for s in schemes if s.column}
        self.concepts: dict[tuple[str, str], Concept] = {}
        #: raw values resolved so far, per scheme (what the inputs actually say)
        self.seen: dict[str, set[str]] = {}
        self._exact: dict[tuple[str, str], tuple[Concept, str]] = {}
        self._norm: dict[tuple[str, str], Concept] = {}
        for c in concepts:
            self._add(c)

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Vocabulary:
        """Read ``schemes.csv``, ``concepts.csv``, ``aliases.csv`` and the venues' full
        names and abbreviations (``venues.csv``, added as alternative labels)."""
        vdir = Path(data_dir or DATA_DIR) / "vocab"
        schemes = [Scheme(r["scheme"], r["column"], r["title"], r["definition"], r["class"])
                   for r in _rows(vdir / "schemes.csv")]  # fmt: skip
        concepts = {(r["scheme"], r["slug"]): Concept(r["scheme"], r["slug"], r["pref_label"],
                                                      r["kind"], r["broader"], r["definition"],
                                                      r.get("note") or "")
                    for r in _rows(vdir / "concepts.csv")}  # fmt: skip
        for r in _rows(vdir / "aliases.csv"):
            key = (r["scheme"], r["concept"])
            if key not in concepts:
                raise ValueError(f"aliases.csv: {r['raw']!r} points to unknown concept {key}")
            if r["label_kind"] not in LABEL_KINDS[1:]:
                raise ValueError(f"aliases.csv: {r['raw']!r} has label kind {r['label_kind']!r}")
            concepts[key].labels.add((r["label_kind"], r["raw"]))
        for r in _rows(vdir / "venues.csv") if (vdir / "venues.csv").exists() else []:
            c = concepts.get(("venue", r["slug"]))
            if c is None:
                raise ValueError(f"venues.csv: unknown venue {r['slug']!r}")
            known = {c.pref_label} | {label for _, label in c.labels}
            for name in (r["full_name"], r["abbreviation"]):
                if name and name not in known:
                    c.labels.add(("altLabel", name))
                    known.add(name)
        for c in concepts.values():
            for b in c.broaders:
                if tuple(b.split("/", 1)) not in concepts:
                    raise ValueError(f"concepts.csv: {c.scheme}/{c.slug} has unknown broader {b!r}")
        return cls(schemes, list(concepts.values()))

    def _add(self, c: Concept) -> None:
        if c.scheme not in self.schemes:
            raise ValueError(f"concept {c.slug!r} is in unknown scheme {c.scheme!r}")
        self.concepts[(c.scheme, c.slug)] = c
        for kind, label in [("prefLabel", c.pref_label), *sorted(c.labels)]:
            self._exact.setdefault((c.scheme, label), (c, kind))
            self._norm.setdefault((c.scheme, normkey(label)), c)

    def resolve(self, scheme: str, raw: str) -> Resolution:
        """Return the concept that ``raw`` (already trimmed) names in ``scheme``.

        Unknown values mint a new concept (``how == "minted"``) that later look-ups
        of the same or a variant spelling reuse.
        """
        self.seen.setdefault(scheme, set()).add(raw)
        hit = self._exact.get((scheme, raw))
        if hit:
            return Resolution(hit[0], hit[1], "exact")
        concept = self._norm.get((scheme, normkey(raw)))
        if concept is None and _MARKER.search(raw):
            concept = self._norm.get((scheme, normkey(_MARKER.sub("", raw))))
        if concept:
            concept.labels.add(("hiddenLabel", raw))
            self._exact[(scheme, raw)] = (concept, "hiddenLabel")
            return Resolution(concept, "hiddenLabel", "normalised")
        concept = Concept(scheme, self._free_slug(scheme, raw), raw, minted=True)
        self._add(concept)
        return Resolution(concept, "prefLabel", "minted")

    def _free_slug(self, scheme: str, label: str) -> str:
        base = slugify(label) or "concept"
        slug, n = base, 1
        while (scheme, slug) in self.concepts:
            n += 1
            slug = f"{base}-{n}"
        return slug

    def in_scheme(self, scheme: str) -> list[Concept]:
        """The scheme's concepts, sorted by slug."""
        return sorted(
            (c for (s, _), c in self.concepts.items() if s == scheme), key=lambda c: c.slug
        )


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
