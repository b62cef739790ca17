"""The curated vocabulary tables (data/vocab): coverage of every raw value, strict builds,
concept content, links, the named-data-set gazetteer, baseline papers and score checks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from dlseis_kg.build import build
from dlseis_kg.convert import InputFile, convert
from dlseis_kg.datasets import Gazetteer
from dlseis_kg.enrich import Enricher
from dlseis_kg.glossary import VocabData, glossary_rows, vocabulary_quads
from dlseis_kg.listcell import Number
from dlseis_kg.namespaces import BASE, CITO, DLSEIS
from dlseis_kg.problems import InventoryError
from dlseis_kg.records import Record, read_inventory
from dlseis_kg.registry import PaperRegistry
from dlseis_kg.venues import VenueKinds
from dlseis_kg.vocab import DATA_DIR, Vocabulary
from dlseis_kg.vocab_sync import raw_values
from tests.conftest import MESSY, SOURCES, real_csv

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@pytest.fixture(scope="module")
def vocab():
    return Vocabulary.load()


@pytest.fixture(scope="module")
def data():
    return VocabData.load()


# ---------------------------------------------------------------- coverage


def test_every_raw_value_of_the_three_inventories_is_in_the_tables(vocab):
    paths = [real_csv(name) for name in SOURCES]
    counts = raw_values(paths, vocab)
    missing = sorted(k for k in counts if k not in vocab._exact)
    assert not missing, f"{len(missing)} raw values not in concepts.csv/aliases.csv: {missing[:20]}"


def _messy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = MESSY.read_text(encoding="utf-8")
    assert old in text, "the messy fixture changed; update this test"
    path = tmp_path / "one_unmapped.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_unmapped_value_fails_the_build_naming_file_row_and_column(tmp_path):
    path = _messy_with(tmp_path, "['LASTM']", "['Mamba-Net']")
    with pytest.raises(InventoryError) as exc:
        build([path], store=tmp_path / "store", out=tmp_path / "out", validate=False)
    problems = [p for p in exc.value.problems if p.code == "unmapped-value"]
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("one_unmapped.csv", 3, "neuralNetwork_name", "Mamba-Net")
    ]
    assert "one_unmapped.csv, row 3, column neuralNetwork_name" in str(exc.value)
    assert not (tmp_path / "store").exists() and not (tmp_path / "out").exists()


def test_allow_new_concepts_mints_and_warns(tmp_path):
    path = _messy_with(tmp_path, "['LASTM']", "['Mamba-Net']")
    result = build([path], store=tmp_path / "store", out=tmp_path / "out", validate=False,
                   allow_new_concepts=True)  # fmt: skip
    found = [(p.row, p.column, p.severity) for p in result.problems if p.code == "new-concept"]
    assert found == [(3, "neuralNetwork_name", "warning")]


# ---------------------------------------------------------------- concept content


def _rows(name):
    with open(DATA_DIR / "vocab" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_concept_has_an_english_definition_of_one_sentence_or_so(vocab):
    for c in vocab.concepts.values():
        assert len(c.definition) >= 10, f"{c.scheme}/{c.slug} has no definition"
        assert c.definition[0].isupper() and c.definition.endswith((".", ")")), c.slug


def test_curated_tables_reference_existing_concepts_and_papers(vocab, data):
    with open(DATA_DIR / "registry" / "papers.csv", encoding="utf-8", newline="") as fh:
        papers = {r["slug"] for r in csv.DictReader(fh)}
    assert data.problems(vocab, papers) == []
    assert {s for s in Gazetteer.load().datasets} <= {c.slug for c in vocab.in_scheme("dataset")}


def test_no_label_is_shared_within_a_scheme_even_after_folding(vocab):
    from dlseis_kg.vocab import normkey

    for scheme in vocab.schemes:
        seen: dict[str, str] = {}
        for c in vocab.in_scheme(scheme):
            for label in {c.pref_label} | {lab for _, lab in c.labels}:
                other = seen.setdefault(normkey(label), c.slug)
                assert other == c.slug, f"{scheme}: {label!r} names {other} and {c.slug}"


def test_every_architecture_of_the_deep_inventory_has_a_broader_type_or_family(vocab):
    records, _ = read_inventory(real_csv("deep-2022-08-22"))
    used = {(c := vocab.resolve("architecture", a).concept).slug: c
            for r in records for a in r.neuralNetwork_name}  # fmt: skip
    assert used and all(c.broaders for c in used.values()), [s for s, c in used.items()
                                                             if not c.broaders]  # fmt: skip
    assert vocab.resolve("architecture", "U-Net").concept.broaders == ["network-type/cnn"]
    for name in ("LSTM", "GRU"):
        assert vocab.resolve("architecture", name).concept.broaders == ["network-type/rnn"]


def test_venues_have_full_name_abbreviation_and_kind(vocab, data):
    kinds = {r["kind"] for r in _rows("venue_kinds.csv")}
    for c in vocab.in_scheme("venue"):
        assert c.kind in kinds, c.slug
        assert data.venues[c.slug].full_name, c.slug
    gji = vocab.resolve("venue", "GJI").concept
    assert (gji.pref_label, data.venues[gji.slug].abbreviation) == (
        "Geophysical Journal International", "GJI")  # fmt: skip
    assert vocab.resolve("venue", "arXive").concept.kind == "preprint"


def test_metrics_say_which_way_is_better_and_their_range(vocab, data):
    assert {c.slug for c in vocab.in_scheme("metric")} == set(data.metrics)
    acc, rmse = data.metrics["accuracy"], data.metrics["rmse"]
    assert (acc.direction, acc.min, acc.max) == ("higher", 0, 1)
    assert (rmse.direction, rmse.min, rmse.max) == ("lower", 0, None)
    assert acc.likely_percentage(98) and not acc.likely_percentage(0.98)


def test_tasks_link_to_the_review_areas_and_paradigms_to_its_taxonomy(data):
    links = {(lk.scheme, lk.concept, lk.relation, lk.target) for lk in data.links}
    assert ("task", "phase-picking", "dlseis:applicationArea",
            "application-area/earthquake-detection-and-phase-picking") in links  # fmt: skip
    assert ("task", "ground-motion-attribute-modeling", "dlseis:applicationArea",
            "application-area/ground-motion-prediction") in links  # fmt: skip
    assert ("learning-paradigm", "supervised-learning", "skos:exactMatch",
            "ml-taxonomy/supervised-learning") in links  # fmt: skip
    assert ("ml-family", "k-means", "skos:broadMatch", "ml-taxonomy/clustering") in links


def test_outside_links_name_a_source_and_no_guessed_identifier(data):
    outside = [lk for lk in data.links if not lk.internal]
    assert len(outside) >= 20
    for lk in outside:
        assert lk.source.startswith("https://"), lk
        assert lk.target.startswith(("http://w3id.org/mlso/", "http://www.wikidata.org/entity/Q"))


# ---------------------------------------------------------------- SHACL and glossary


def test_vocabulary_graph_conforms_to_the_vocabulary_shapes(vocab, data):
    from pyoxigraph import RdfFormat, serialize

    from dlseis_kg.shacl import validate

    quads = vocabulary_quads(vocab, VenueKinds.load(), data)
    nt = serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES)
    report = validate(nt.decode("utf-8"), shapes_path=ONTOLOGY / "shapes-vocab.ttl")
    assert report.conforms and not report.warnings, report.text()
    broken = (
        "<https://w3id.org/dlseis/metric/accuracy> <http://www.w3.org/2004/02/skos/core#hiddenLabel>"
        ' "Precision"@en .\n<https://w3id.org/dlseis/metric/recall> '
        '<http://www.w3.org/2004/02/skos/core#altLabel> "Recall"@en .\n'
    )
    report = validate([nt.decode("utf-8"), broken], shapes_path=ONTOLOGY / "shapes-vocab.ttl")
    assert "VocabScheme-uniqueLabel" in report.shape_names("Violation")


def test_glossary_rows_cover_every_concept_with_a_definition(vocab):
    rows = glossary_rows(vocab)
    assert len(rows) == len(vocab.concepts)
    assert all(r["definition"] for r in rows)


# ---------------------------------------------------------------- enrichment of rows


def _convert(records, enricher=None):
    src = InputFile("hand", "hand.csv", "0" * 64)
    return convert([(src, records)], Vocabulary.load(), PaperRegistry.load(), enricher=enricher)


def _objects(conv, subject_suffix, prop):
    return {q.object.value for q in conv.quads
            if q.subject.value.endswith(subject_suffix) and q.predicate == NamedNode(prop)}  # fmt: skip


def test_score_outside_its_range_is_flagged_and_kept():
    rec = Record("hand.csv", 2, author="Roe", year=2020, title="A picker", journal="GJI",
                 task=["Phase Picking"], performance_metrice=["Accuracy", "RMSE", "PCC"],
                 scores=[Number("98", 98), Number("12.5", 12.5), Number("-1.5", -1.5)])  # fmt: skip
    conv = _convert([rec])
    found = {(p.code, p.value, p.column) for p in conv.problems if p.severity == "warning"}
    assert found == {("likely-percentage", "98", "performance_score"),
                     ("score-out-of-range", "-1.5", "performance_score")}  # fmt: skip
    values = _objects(conv, "/run/evaluation/1", "http://www.w3.org/ns/mls#hasValue")
    assert values == {"98.0"}, "the raw value is kept"


def test_gazetteer_finds_named_data_sets_and_links_the_training_data():
    rec = Record("hand.csv", 5, author="Doe", year=2021, title="Picking trained on STEAD",
                 journal="GJI", task=["Phase Picking"], inputs=["Marmousi model", "Marmousi2"],
                 notes="tested on the Netherlands F3 data; instance segmentation of faults")  # fmt: skip
    matches = Gazetteer.load().find(rec)
    assert [(m.column, m.text, m.dataset) for m in matches] == [
        ("title", "STEAD", "stead"),
        ("inputs", "Marmousi", "marmousi"),
        ("inputs", "Marmousi2", "marmousi2"),
        ("notes", "Netherlands F3", "f3-netherlands"),
    ]
    conv = _convert([rec])
    assert _objects(conv, "/run/data", DLSEIS + "namedDataset") == {
        f"{BASE}dataset/{d}" for d in ("stead", "marmousi", "marmousi2", "f3-netherlands")
    }
    assert {(m.file, m.row) for m in conv.dataset_matches} == {("hand.csv", 5)}


def test_no_data_set_is_named_where_none_is_mentioned():
    rec = Record("hand.csv", 2, title="Instance segmentation instead of a steady state",
                 notes="hessian and marmot")  # fmt: skip
    assert Gazetteer.load().find(rec) == []


def test_a_baseline_that_is_a_paper_of_the_inventory_is_cited():
    rec = Record("hand.csv", 2, author="Roe", year=2022, title="A new picker", journal="GJI",
                 task=["Phase Picking"], baseline=["PhaseNet", "GDP", "STA/LTA"])  # fmt: skip
    conv = _convert([rec], Enricher())
    assert _objects(conv, "/run/comparison/1", DLSEIS + "baselinePaper") == {
        f"{BASE}paper/zhu2019phasenet"
    }
    assert _objects(conv, "/run/comparison/2", DLSEIS + "baselinePaper") == {
        f"{BASE}paper/ross2018generalized"
    }
    assert _objects(conv, "/run/comparison/3", DLSEIS + "baselinePaper") == set()
    paper = next(q.subject.value for q in conv.quads if q.predicate == NamedNode(CITO + "cites"))
    cited = _objects(conv, paper.rsplit("/", 1)[1], CITO + "cites")
    assert cited == {f"{BASE}paper/zhu2019phasenet", f"{BASE}paper/ross2018generalized"}


def test_a_paper_does_not_cite_itself_as_its_own_baseline():
    rec = Record("hand.csv", 2, author="Zhu", year=2019, journal="GJI", task=["Phase Picking"],
                 title="PhaseNet: a deep-neural-network-based seismic arrival-time picking method",
                 baseline=["PhaseNet"])  # fmt: skip
    conv = _convert([rec])
    assert not [q for q in conv.quads if q.predicate == NamedNode(CITO + "cites")]


def test_real_build_lists_data_set_matches_and_baseline_papers(deep_build):
    matches = deep_build.files["dataset_matches.csv"].read_text(encoding="utf-8").splitlines()
    assert matches[0] == "file,row,column,matched_text,dataset"
    assert any(line.endswith(",STEAD,stead") for line in matches)
    assert len(matches) > 15


def test_overlapping_mentions_of_one_data_set_count_once():
    rec = Record("hand.csv", 2, notes="the Netherlands F3 Block, then STEAD and the F3 block")
    found = [(m.text, m.dataset) for m in Gazetteer.load().find(rec)]
    assert found == [("Netherlands F3", "f3-netherlands"), ("STEAD", "stead"),
                     ("F3 block", "f3-netherlands")]  # fmt: skip
