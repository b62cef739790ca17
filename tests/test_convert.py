"""Conversion of the hand-made messy CSV: identity, merges, reports, no blank nodes."""

from __future__ import annotations

import pytest

from dlseis_kg.build import build
from dlseis_kg.queries import KnowledgeGraph
from tests.conftest import MESSY


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    out = tmp_path_factory.mktemp("messy")
    result = build([MESSY], store=out / "store", out=out, validate=False)
    return result, KnowledgeGraph(out / "store")


def _codes(result):
    return {(p.row, p.column, p.code) for p in result.problems}


def test_same_author_and_title_merge_into_one_paper_with_two_runs(messy):
    result, kg = messy
    df = kg.query("""SELECT ?run ?year WHERE {
        ?p dcterms:title "Artificial Neural Network-Based Seismic Detector" ;
           dlseis:reportsRun ?run ; dcterms:issued ?year }""")
    assert sorted(df["run"].str.rsplit("/", n=1).str[1]) == ["run", "run-2"]
    assert set(df["year"]) == {"1995"}  # the first row's year is kept ...
    assert (5, "year", "merge-conflict") in _codes(result)  # ... the other reported
    assert (5, "", "merged-duplicate") in _codes(result)


def test_same_title_other_author_stays_two_papers(messy):
    result, kg = messy
    df = kg.query(
        """SELECT ?p WHERE { ?p dcterms:title "Detecting teleseismic events using LSTMs" }"""
    )
    assert len(df) == 2
    assert (6, "title", "duplicate-title") in _codes(result)
    assert result.papers == 5


def test_misspellings_resolve_and_are_reported_as_variants(messy):
    result, kg = messy
    df = kg.query("""SELECT ?arch ?par ?venue WHERE {
        ?p dcterms:title "Detecting teleseismic events using LSTMs" ;
           dcterms:creator/schema:familyName "Tiira" ; dcterms:isPartOf/skos:prefLabel ?venue ;
           dlseis:reportsRun ?run .
        ?run dlseis:architecture/skos:prefLabel ?arch ; dlseis:learningParadigm/skos:prefLabel ?par }""")
    assert df.to_dict("records") == [
        {"arch": "LSTM", "par": "Supervised_Learning", "venue": "Geophysics"}
    ]
    for column in ("neuralNetwork_name", "training_process", "journal"):
        assert (3, column, "label-variant") in _codes(result)


def test_unpaired_scores_are_kept_raw_and_not_paired(messy):
    _, kg = messy
    df = kg.query("""SELECT ?raw (COUNT(?v) AS ?values) WHERE {
        ?p dcterms:creator/schema:familyName "Tiira" ; dlseis:reportsRun ?run .
        ?run dlseis:rawScores ?raw ; mls:hasOutput ?e . OPTIONAL { ?e mls:hasValue ?v } }
        GROUP BY ?raw""")
    assert df.to_dict("records") == [{"raw": "[0.9]", "values": 0}]


def test_paired_scores_are_decimals(messy):
    _, kg = messy
    df = kg.query("""SELECT ?label ?v (DATATYPE(?v) AS ?dt) WHERE {
        ?p dcterms:creator/schema:familyName "Wang" ; dlseis:reportsRun ?run .
        ?run mls:hasOutput ?e . ?e dlseis:rawLabel ?label ; mls:hasValue ?v } ORDER BY ?label""")
    assert df["label"].tolist() == ["Precision", "recall"]
    assert df["v"].tolist() == [0.98, 1.0]
    assert set(df["dt"]) == {"http://www.w3.org/2001/XMLSchema#decimal"}


def test_impossible_year_leaves_no_issued_date(messy):
    result, kg = messy
    df = kg.query("""SELECT ?y WHERE { ?p dcterms:creator/schema:familyName "Münchmeyer" .
                     OPTIONAL { ?p dcterms:issued ?y } }""")
    assert df["y"].isna().all()
    assert (4, "year", "invalid-year") in _codes(result)


def test_venue_kind_sets_the_fabio_class(messy):
    _, kg = messy
    df = kg.query("""SELECT DISTINCT ?cls WHERE { ?p a schema:ScholarlyArticle, ?cls .
                     FILTER(STRSTARTS(STR(?cls), STR(fabio:))) }""")
    assert df["cls"].tolist() == ["http://purl.org/spar/fabio/JournalArticle"]


def test_no_blank_nodes(messy):
    _, kg = messy
    assert kg.query("blank_node-violation").empty
