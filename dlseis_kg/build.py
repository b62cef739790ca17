"""Build the knowledge graph: read, convert, load, validate, dump, then swap atomically.

Everything is built aside (``<store>.tmp-<pid>`` and ``<out>/.tmp-<pid>``); only when
the SHACL validation passes are the new store and files moved into place, so a failed
build leaves the last good store untouched.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from dlseis_kg import dumps
from dlseis_kg.convert import Conversion, InputFile, convert
from dlseis_kg.datasets import Gazetteer, matches_csv
from dlseis_kg.enrich import Enricher
from dlseis_kg.glossary import VocabData
from dlseis_kg.namespaces import graph_iri
from dlseis_kg.problems import InventoryError, Problem, report_csv, sort_problems, summarise
from dlseis_kg.records import read_inventory
from dlseis_kg.registry import PaperRegistry
from dlseis_kg.sources import default_source, inventory_dir, sha256_file, source_for_path
from dlseis_kg.vocab import Vocabulary, slugify

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_GRAPH = graph_iri("ontology")
#: loaded into the ontology graph: the core terms and those of the curated vocabularies
ONTOLOGY_FILES = ("dlseis.ttl", "dlseis-vocab.ttl")


class BuildError(RuntimeError):
    """The build failed after reading (for example a SHACL violation); nothing was swapped."""


@dataclass
class BuildResult:
    store: Path
    out: Path
    inputs: list[InputFile]
    papers: int
    triples: int
    quads: int
    concepts: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    shacl_warnings: int = 0
    files: dict[str, Path] = field(default_factory=dict)

    def summary(self) -> dict:
        counts = summarise(self.problems)
        return {
            "inputs": [f"{i.file} ({i.inventory})" for i in self.inputs],
            "store": str(self.store),
            "papers": self.papers,
            "triples (union, distinct)": self.triples,
            "quads": self.quads,
            "concepts per scheme": self.concepts,
            "report rows": len(self.problems),
            "report rows by severity": {
                sev: sum(n for (s, _), n in counts.items() if s == sev)
                for sev in ("error", "warning", "info")
            },
            "report rows by code": {f"{s}/{c}": n for (s, c), n in sorted(counts.items())},
            "shacl warnings": self.shacl_warnings,
        }


def input_file(path: Path) -> InputFile:
    """Describe an input: from the source manifest when its sha256 is known there."""
    digest = sha256_file(path)
    src = source_for_path(path)
    if src is not None and src.sha256 == digest:
        return InputFile(src.inventory, path.name, digest, src.url, src.commit)
    return InputFile(slugify(path.stem) or "inventory", path.name, digest)


def default_inputs() -> list[Path]:
    return [inventory_dir() / default_source().file]


def read_all(paths: list[Path]):
    """Read every input; raise one InventoryError with the errors of all files."""
    results, errors, slugs = [], [], set()
    for path in paths:
        src = input_file(path)
        if src.inventory in slugs:
            raise ValueError(f"{path}: the same inventory ({src.inventory}) given twice")
        slugs.add(src.inventory)
        try:
            records, problems = read_inventory(path)
        except InventoryError as exc:
            errors.extend(exc.problems)
            continue
        results.append((src, records, problems))
    if errors:
        raise InventoryError(errors)
    return results


def build(
    inputs: list[str | Path] | None = None,
    *,
    store: str | Path = "build/store",
    out: str | Path = "build",
    data_dir: str | Path | None = None,
    validate: bool = True,
    allow_new_concepts: bool = False,
) -> BuildResult:
    """Build the store and the dumps from one or more inventory CSVs.

    Every raw value of a concept column must be covered by the vocabulary tables
    (``data/vocab``); ``allow_new_concepts`` mints a concept for an uncovered value and
    reports it as a warning instead (for users converting their own inventories).

    Raises
    ------
    InventoryError
        Malformed input, or a raw value the vocabulary tables do not cover (file, row
        and column named); nothing is written.
    BuildError
        SHACL violations; the previous store and dumps are left as they were.
    """
    paths = [Path(p) for p in (inputs or default_inputs())]
    read = read_all(paths)
    vocab = Vocabulary.load(data_dir)
    registry = PaperRegistry.load(Path(data_dir) / "registry" / "papers.csv" if data_dir else None)
    enricher = Enricher(VocabData.load(data_dir), Gazetteer.load(data_dir))
    conv = convert([(src, recs) for src, recs, _ in read], vocab, registry,
                   enricher=enricher, allow_new_concepts=allow_new_concepts)  # fmt: skip
    unmapped = [p for p in conv.problems if p.severity == "error"]
    if unmapped:
        raise InventoryError(unmapped)
    conv.problems.extend(p for _, _, probs in read for p in probs)
    store, out = Path(store), Path(out)
    tmp_store = store.with_name(f"{store.name}.tmp-{os.getpid()}")
    tmp_out = out / f".tmp-{os.getpid()}"
    for tmp in (tmp_store, tmp_out):
        shutil.rmtree(tmp, ignore_errors=True)
    try:
        result = _build_aside(conv, [s for s, _, _ in read], vocab, tmp_store, tmp_out, validate)
        _swap(tmp_store, store)
        result.files = _move_files(tmp_out, out)
    finally:
        shutil.rmtree(tmp_store, ignore_errors=True)
        shutil.rmtree(tmp_out, ignore_errors=True)
    result.store, result.out = store, out
    return result


def _build_aside(conv: Conversion, inputs, vocab, tmp_store: Path, tmp_out: Path, validate: bool):
    tmp_store.parent.mkdir(parents=True, exist_ok=True)
    tmp_out.mkdir(parents=True, exist_ok=True)
    st = Store(str(tmp_store))
    st.bulk_extend(conv.quads)
    for name in ONTOLOGY_FILES:
        st.bulk_load(
            path=str(ONTOLOGY_DIR / name), format=RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH
        )
    st.flush()
    warnings = 0
    if validate:
        warnings = _validate(st, inputs, tmp_out)
    problems = sort_problems(conv.problems)
    (tmp_out / "quality_report.csv").write_text(report_csv(problems), encoding="utf-8")
    matches = matches_csv(conv.dataset_matches)
    (tmp_out / "dataset_matches.csv").write_text(matches, encoding="utf-8")
    triples = dumps.write_all(st, tmp_out)
    concepts = {s: len(vocab.in_scheme(s)) for s in vocab.schemes}
    result = BuildResult(
        tmp_store,
        tmp_out,
        list(inputs),
        len(conv.papers),
        triples,
        len(st),
        concepts,
        problems,
        warnings,
    )
    (tmp_out / "summary.json").write_text(json.dumps(result.summary(), indent=2) + "\n")
    del st
    return result


def _validate(st: Store, inputs: list[InputFile], tmp_out: Path) -> int:
    from dlseis_kg.shacl import validate

    shared = dumps.ntriples(st, [graph_iri("vocabularies"), graph_iri("provenance")])
    texts, warnings, failed = [], 0, False
    for src in inputs:
        report = validate(dumps.ntriples(st, [src.graph]) + shared)
        warnings += len(report.warnings)
        texts.append(f"# {src.file} ({src.inventory})\n{report.text()}")
        failed = failed or not report.conforms
    (tmp_out / "shacl_report.txt").write_text("\n".join(texts), encoding="utf-8")
    if failed:
        raise BuildError(
            "SHACL validation failed; the previous store is untouched.\n" + "\n".join(texts)
        )
    return warnings


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _move_files(tmp_out: Path, out: Path) -> dict[str, Path]:
    files = {}
    for f in sorted(tmp_out.iterdir()):
        os.replace(f, out / f.name)
        files[f.name] = out / f.name
    return files
