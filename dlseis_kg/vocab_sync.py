"""Curator tool: add every raw value of the given inventories to ``data/vocab``.

Values that already resolve exactly are left alone. The others are grouped by their
normalised key: a group that matches an existing concept becomes hidden labels of it; a
new group becomes a new concept whose preferred label is the group's most frequent
spelling (ties: the first in sort order), the other spellings hidden labels. Existing
rows are never changed, so hand-made corrections survive; output is sorted, so the
files diff cleanly.

A new concept has no definition yet: the SHACL shapes (ontology/shapes-vocab.ttl) and
tests/test_vocab.py reject it until a curator writes one, checks the grouping and adds a
reason for every alias that is more than a case, space or dash variant.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from dlseis_kg.records import SCALAR_COLUMNS, read_inventory
from dlseis_kg.vocab import DATA_DIR, Concept, Vocabulary, normkey

CONCEPT_COLUMNS = ["scheme", "slug", "pref_label", "kind", "broader", "definition", "note"]
ALIAS_COLUMNS = ["scheme", "raw", "concept", "label_kind", "reason"]


def raw_values(paths: list[Path], vocab: Vocabulary) -> Counter:
    """Count (scheme, raw value) over the inventories' concept columns."""
    counts: Counter = Counter()
    for path in paths:
        records, _ = read_inventory(path)
        for rec in records:
            for column, scheme in vocab.by_column.items():
                value = getattr(rec, column)
                if column in SCALAR_COLUMNS:
                    value = [value] if value else []
                counts.update((scheme.name, v) for v in value)
    return counts


def sync(paths: list[Path], data_dir: Path | None = None) -> tuple[int, int]:
    """Add missing values to concepts.csv / aliases.csv; return (new concepts, new aliases)."""
    vdir = Path(data_dir or DATA_DIR) / "vocab"
    vocab = Vocabulary.load(data_dir)
    counts = raw_values(paths, vocab)
    groups: dict[tuple[str, str], Counter] = {}
    for (scheme, raw), n in counts.items():
        if (scheme, raw) not in vocab._exact:
            groups.setdefault((scheme, normkey(raw)), Counter())[raw] = n
    concepts = _read(vdir / "concepts.csv")
    aliases = _read(vdir / "aliases.csv")
    new_c = new_a = 0
    for (scheme, _key), variants in sorted(groups.items()):
        ranked = sorted(variants, key=lambda v: (-variants[v], v))
        res = vocab.resolve(scheme, ranked[0])
        target: Concept = res.concept
        if res.how == "minted":
            concepts.append(
                dict(
                    scheme=scheme,
                    slug=target.slug,
                    pref_label=target.pref_label,
                    kind="",
                    broader="",
                    definition="",
                    note="",
                )
            )
            new_c += 1
        for raw in ranked:
            if raw == target.pref_label:
                continue
            aliases.append(
                dict(
                    scheme=scheme, raw=raw, concept=target.slug, label_kind="hiddenLabel", reason=""
                )
            )
            new_a += 1
    _write(vdir / "concepts.csv", CONCEPT_COLUMNS, concepts, ("scheme", "slug"))
    _write(vdir / "aliases.csv", ALIAS_COLUMNS, aliases, ("scheme", "concept", "raw"))
    return new_c, new_a


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: v or "" for k, v in r.items()} for r in csv.DictReader(fh)]


def _write(path: Path, columns: list[str], rows: list[dict], key: tuple[str, ...]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: tuple(r[k] for k in key)))
