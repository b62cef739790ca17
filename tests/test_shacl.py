"""SHACL shapes and ontology: a valid paper conforms, each broken variant is caught."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from pyoxigraph import DefaultGraph, RdfFormat, Store

from dlseis_kg.namespaces import DLSEIS, OWL, RDF, sparql_prefixes
from dlseis_kg.shacl import ONTOLOGY_PATH, SHAPES_PATH, ShaclReport, validate

ROOT = Path(__file__).resolve().parent.parent
VALID = Path(__file__).parent / "data" / "shacl" / "valid.ttl"
PAPER = "https://w3id.org/dlseis/paper/yang2019deep"
RUN = PAPER + "/run"
PREFIXES = sparql_prefixes() + "BASE <https://w3id.org/dlseis/>\n"


def check(update: str | None = None, **kwargs: object) -> ShaclReport:
    """Validate valid.ttl after a SPARQL update, as N-Triples like the converter does."""
    store = Store()
    store.load(path=VALID, format=RdfFormat.TURTLE)
    if update:
        store.update(PREFIXES + update)
    return validate(store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()), **kwargs)


def test_valid_paper_conforms() -> None:
    report = check()
    assert report.conforms, report.text()
    assert report.violations == [] and report.warnings == []
    assert report.text().startswith("SHACL: conforms: 0 violations, 0 warnings")


def test_valid_paper_conforms_with_ontology() -> None:
    report = check(ontology_path=ONTOLOGY_PATH)
    assert report.conforms and not report.warnings, report.text()


def test_validate_accepts_several_chunks_and_turtle() -> None:
    text = VALID.read_text()
    assert validate(text, data_format="turtle").conforms
    store = Store()
    store.load(path=VALID, format=RdfFormat.TURTLE)
    dump = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    lines = dump.splitlines(keepends=True)
    assert validate([b"".join(lines[:50]), b"".join(lines[50:])]).conforms


VIOLATIONS = {
    "missing title": (
        "DELETE WHERE { <paper/yang2019deep> dcterms:title ?t }",
        {"Paper-title"},
    ),
    "two titles": (
        'INSERT DATA { <paper/yang2019deep> dcterms:title "Another title" }',
        {"Paper-title"},
    ),
    "title with a language tag": (
        "DELETE { ?p dcterms:title ?t } INSERT { ?p dcterms:title ?l }"
        ' WHERE { ?p a schema:ScholarlyArticle ; dcterms:title ?t BIND(STRLANG(?t, "en") AS ?l) }',
        {"Paper-title"},
    ),
    "year not a gYear": (
        'DELETE WHERE { ?p dcterms:issued ?y } ; INSERT DATA { <paper/yang2019deep> dcterms:issued "2019" }',
        {"Paper-issued"},
    ),
    "no fabio type": (
        "DELETE DATA { <paper/yang2019deep> a fabio:JournalArticle }",
        {"Paper-type"},
    ),
    "two fabio types": (
        "INSERT DATA { <paper/yang2019deep> a fabio:Preprint }",
        {"Paper-type"},
    ),
    "schema:author differs from creator": (
        "DELETE WHERE { <paper/yang2019deep> schema:author ?a }",
        {"Paper-author"},
    ),
    "venue from the wrong scheme": (
        "DELETE WHERE { <paper/yang2019deep> dcterms:isPartOf ?v } ;"
        " INSERT DATA { <paper/yang2019deep> dcterms:isPartOf <category/inverse-problems> }",
        {"Paper-venue"},
    ),
    "subject from the venue scheme": (
        "INSERT DATA { <paper/yang2019deep> dcterms:subject <venue/geophysics> }",
        {"Paper-subject"},
    ),
    "paper without source row": (
        "DELETE WHERE { <paper/yang2019deep> prov:wasDerivedFrom ?s }",
        {"Paper-source"},
    ),
    "author without family name": (
        "DELETE WHERE { ?a schema:familyName ?n }",
        {"Author-familyName"},
    ),
    "prefLabel without @en": (
        "DELETE WHERE { <task/velocity-model-building> skos:prefLabel ?l } ;"
        ' INSERT DATA { <task/velocity-model-building> skos:prefLabel "velocity model building" }',
        {"Concept-prefLabel"},
    ),
    "prefLabel in another language": (
        "DELETE WHERE { <data-domain/time> skos:prefLabel ?l } ;"
        ' INSERT DATA { <data-domain/time> skos:prefLabel "temps"@fr }',
        {"Concept-prefLabel"},
    ),
    "two prefLabels": (
        'INSERT DATA { <task/velocity-model-building> skos:prefLabel "VM building"@en }',
        {"Concept-prefLabel"},
    ),
    "no prefLabel": (
        "DELETE WHERE { <data-domain/time> skos:prefLabel ?l }",
        {"Concept-prefLabel"},
    ),
    "altLabel equal to prefLabel": (
        'INSERT DATA { <metric/accuracy> skos:altLabel "accuracy"@en }',
        {"Concept-altLabel"},
    ),
    "hiddenLabel equal to altLabel": (
        'INSERT DATA { <network-type/cnn> skos:hiddenLabel "CNN"@en }',
        {"Concept-hiddenLabel"},
    ),
    "concept in two schemes": (
        "INSERT DATA { <data-domain/time> skos:inScheme <scheme/data-origin> }",
        {"Concept-inScheme"},
    ),
    "layer with width and widthUnknown": (
        "INSERT DATA { <paper/yang2019deep/run/layer/1> dlseis:widthUnknown true }",
        {"Layer-width-xor"},
    ),
    "layer with neither width nor widthUnknown": (
        "DELETE WHERE { <paper/yang2019deep/run/layer/1> dlseis:width ?w }",
        {"Layer-width-xor"},
    ),
    "layer width zero": (
        "DELETE WHERE { <paper/yang2019deep/run/layer/1> dlseis:width ?w } ;"
        " INSERT DATA { <paper/yang2019deep/run/layer/1> dlseis:width 0 }",
        {"Layer-width"},
    ),
    "widthUnknown false": (
        "DELETE WHERE { ?l dlseis:widthUnknown ?u } ;"
        " INSERT DATA { <paper/yang2019deep/run/layer/2> dlseis:widthUnknown false }",
        {"Layer-widthUnknown"},
    ),
    "layer without position": (
        "DELETE WHERE { <paper/yang2019deep/run/layer/2> dlseis:position ?p }",
        {"Layer-position"},
    ),
    "orphan layer": (
        "DELETE DATA { <paper/yang2019deep/run> dlseis:hasLayer <paper/yang2019deep/run/layer/2> }",
        {"Layer-run"},
    ),
    "evaluation value as a string": (
        "DELETE WHERE { ?e mls:hasValue ?v } ;"
        ' INSERT DATA { <paper/yang2019deep/run/evaluation/1> mls:hasValue "0.98" }',
        {"Evaluation-value"},
    ),
    "evaluation value as a double": (
        "DELETE WHERE { ?e mls:hasValue ?v } ;"
        " INSERT DATA { <paper/yang2019deep/run/evaluation/1> mls:hasValue 9.8e-1 }",
        {"Evaluation-value"},
    ),
    "evaluation value an ill-typed decimal": (
        "DELETE WHERE { ?e mls:hasValue ?v } ;"
        ' INSERT DATA { <paper/yang2019deep/run/evaluation/1> mls:hasValue "0,98"^^xsd:decimal }',
        {"Evaluation-value"},
    ),
    "evaluation with value and raw score": (
        'INSERT DATA { <paper/yang2019deep/run/evaluation/1> dlseis:rawScore "SNR" }',
        {"Evaluation-value-xor"},
    ),
    "evaluation without metric": (
        "DELETE WHERE { <paper/yang2019deep/run/evaluation/2> mls:specifiedBy ?m }",
        {"Evaluation-metric"},
    ),
    "evaluation without raw label": (
        "DELETE WHERE { <paper/yang2019deep/run/evaluation/2> dlseis:rawLabel ?m }",
        {"Evaluation-rawLabel"},
    ),
    "task concept from the wrong scheme": (
        "INSERT DATA { <paper/yang2019deep/run> mls:achieves <sub-task/prestack> }",
        {"Run-task"},
    ),
    "task concept not typed mls:Task": (
        "DELETE DATA { <task/velocity-model-building> a mls:Task }",
        {"Run-task"},
    ),
    "architecture not typed mls:Algorithm": (
        "DELETE DATA { <architecture/u-net> a mls:Algorithm }",
        {"Run-architecture"},
    ),
    "run with two categories": (
        "INSERT DATA { <paper/yang2019deep/run> dlseis:category <category/other> ."
        ' <category/other> a skos:Concept ; skos:prefLabel "other"@en ;'
        ' skos:definition "Another category, for the test."@en ;'
        " skos:inScheme <scheme/category> ; skos:topConceptOf <scheme/category> }",
        {"Run-category"},
    ),
    "metric from the wrong scheme": (
        "DELETE WHERE { <paper/yang2019deep/run/evaluation/1> mls:specifiedBy ?m } ;"
        " INSERT DATA { <paper/yang2019deep/run/evaluation/1> mls:specifiedBy <baseline/fwi> }",
        {"Evaluation-metric"},
    ),
    "comparison without baseline": (
        "DELETE WHERE { ?c dlseis:baseline ?b }",
        {"Comparison-baseline"},
    ),
    "run IRI off the pattern": (
        "DELETE { <paper/yang2019deep/run> ?p ?o } INSERT { <paper/yang2019deep/study> ?p ?o }"
        " WHERE { <paper/yang2019deep/run> ?p ?o } ;"
        " DELETE { ?s ?p <paper/yang2019deep/run> } INSERT { ?s ?p <paper/yang2019deep/study> }"
        " WHERE { ?s ?p <paper/yang2019deep/run> }",
        {"Run"},
    ),
    "row number 1 (the header)": (
        "DELETE WHERE { ?r dlseis:rowNumber ?n } ;"
        " INSERT DATA { <source/deep-2022-08-22/yang2019deep> dlseis:rowNumber 1 }",
        {"SourceRow-rowNumber"},
    ),
    "source row not a prov:Entity": (
        "DELETE DATA { <source/deep-2022-08-22/yang2019deep> a prov:Entity }",
        {"SourceRow-type"},
    ),
    "sha256 in upper case": (
        "DELETE { ?f dlseis:sha256 ?h } INSERT { ?f dlseis:sha256 ?u }"
        " WHERE { ?f dlseis:sha256 ?h BIND(UCASE(?h) AS ?u) }",
        {"SourceFile-sha256"},
    ),
    "sha256 too short": (
        "DELETE WHERE { ?f dlseis:sha256 ?h } ;"
        ' INSERT DATA { <source/deep-2022-08-22> dlseis:sha256 "e0ba" }',
        {"SourceFile-sha256"},
    ),
    "build without converter version": (
        "DELETE WHERE { ?b dlseis:converterVersion ?v }",
        {"Build-version"},
    ),
}


@pytest.mark.parametrize("update, shapes", VIOLATIONS.values(), ids=VIOLATIONS.keys())
def test_violation_is_caught(update: str, shapes: set[str]) -> None:
    report = check(update)
    assert not report.conforms
    assert report.shape_names("Violation") == shapes, report.text()
    assert all(r.message for r in report.violations)


def test_blank_node_instead_of_iri() -> None:
    report = check(
        "DELETE WHERE { <paper/yang2019deep/run/layer/1> ?p ?o } ;"
        " DELETE DATA { <paper/yang2019deep/run> dlseis:hasLayer <paper/yang2019deep/run/layer/1> } ;"
        " INSERT DATA { <paper/yang2019deep/run> dlseis:hasLayer"
        " [ a dlseis:HiddenLayer ; dlseis:position 1 ; dlseis:width 64 ] }"
    )
    assert not report.conforms
    assert report.shape_names("Violation") == {"Run-layer", "Layer"}, report.text()
    layer = next(r for r in report.violations if r.shape_name == "Layer")
    assert layer.focus_node.startswith("_:")
    run = next(r for r in report.violations if r.shape_name == "Run-layer")
    assert (run.focus_node, run.path) == (RUN, DLSEIS + "hasLayer")


def test_blank_node_concept() -> None:
    report = check(
        "DELETE WHERE { <paper/yang2019deep/run> dlseis:learningParadigm ?c } ;"
        " INSERT DATA { <paper/yang2019deep/run> dlseis:learningParadigm _:c ."
        ' _:c a skos:Concept ; skos:prefLabel "supervised"@en ;'
        ' skos:definition "Training on labelled examples."@en ;'
        " skos:inScheme <scheme/learning-paradigm> }"
    )
    assert report.shape_names("Violation") == {"Run-learningParadigm", "Concept"}, report.text()


def test_curated_concept_without_definition_is_a_violation() -> None:
    report = check("DELETE WHERE { <architecture/u-net> skos:definition ?d }")
    assert report.shape_names("Violation") == {"VocabConcept-hasDefinition"}, report.text()


def test_uncurated_concept_without_definition_is_only_a_warning() -> None:
    report = check(
        "DELETE WHERE { <architecture/u-net> skos:definition ?d } ;"
        " INSERT DATA { <architecture/u-net> a dlseis:UncuratedConcept }"
    )
    assert report.conforms, report.text()
    assert report.shape_names("Warning") == {"UncuratedConcept-definition"}, report.text()


def test_missing_year_is_only_a_warning() -> None:
    report = check("DELETE WHERE { <paper/yang2019deep> dcterms:issued ?y }")
    assert report.conforms, report.text()
    assert report.violations == []
    [warning] = report.warnings
    assert warning.severity == "Warning"
    assert (warning.shape_name, warning.focus_node) == ("Paper-issued-present", PAPER)
    assert "dcterms:issued" in warning.message
    assert "[Warning]" in report.text()


@pytest.mark.parametrize(
    ("update", "shape"),
    [
        ("DELETE WHERE { <paper/yang2019deep/run> mls:achieves ?t }", "Run-taskMissing"),
        ("DELETE WHERE { <paper/yang2019deep/run> dlseis:category ?c }", "Run-categoryMissing"),
    ],
)
def test_empty_task_or_category_cell_is_only_a_warning(update, shape) -> None:
    # real rows have empty task lists: they are reported, not fatal
    report = check(update)
    assert report.conforms, report.text()
    assert [w.shape_name for w in report.warnings] == [shape]


def test_run_without_architecture_is_fine() -> None:
    report = check("DELETE WHERE { <paper/yang2019deep/run> dlseis:architecture ?a }")
    assert report.conforms and not report.warnings, report.text()


def test_text_groups_by_message() -> None:
    update = "".join(
        f"INSERT DATA {{ <paper/yang2019deep/run/layer/{i}> a dlseis:HiddenLayer ;"
        f" dlseis:position {i} . <paper/yang2019deep/run> dlseis:hasLayer"
        f" <paper/yang2019deep/run/layer/{i}> }} ;"
        for i in range(3, 9)
    )
    report = check(update.rstrip(" ;"))
    assert len(report.violations) == 6
    text = report.text(max_examples=2)
    assert text.count("[Violation]") == 1
    assert "... and 4 more" in text
    assert "<paper/yang2019deep/run/layer/3>" in text


# ---------------------------------------------------------------- the files themselves


def _triples(path: Path) -> list[pyoxigraph.Triple]:
    return list(pyoxigraph.parse(path=path, format=RdfFormat.TURTLE))


def _declared() -> set[str]:
    kinds = {OWL + k for k in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty")}
    return {
        t.subject.value
        for t in _triples(ONTOLOGY_PATH)
        if t.predicate.value == RDF + "type" and t.object.value in kinds
    }


def _dlseis_terms(triples: list[pyoxigraph.Triple]) -> set[str]:
    terms = {term.value for t in triples for term in t if isinstance(term, pyoxigraph.NamedNode)}
    return {term for term in terms if term.startswith(DLSEIS)}


def test_ontology_and_shapes_parse() -> None:
    ontology = _triples(ONTOLOGY_PATH)
    ontology_iri = "https://w3id.org/dlseis/ontology"
    assert any(
        t.subject.value == ontology_iri and t.object.value == OWL + "Ontology" for t in ontology
    )
    assert len(_triples(SHAPES_PATH)) > 100


def test_every_dlseis_term_in_shapes_is_declared() -> None:
    used = _dlseis_terms(_triples(SHAPES_PATH))
    assert used and used <= _declared(), sorted(used - _declared())


def test_every_dlseis_term_of_the_model_is_declared() -> None:
    model = (ROOT / "docs" / "model.md").read_text()
    used = {DLSEIS + name for name in re.findall(r"\bdlseis:(\w+)", model)}
    assert used and used <= _declared(), sorted(used - _declared())


def test_every_declared_dlseis_term_is_documented() -> None:
    ontology = _triples(ONTOLOGY_PATH)
    described = {
        (t.subject.value, t.predicate.value.rsplit("#", 1)[-1])
        for t in ontology
        if t.subject.value.startswith(DLSEIS)
    }
    for term in _dlseis_terms(ontology):
        for annotation in ("label", "comment", "isDefinedBy"):
            assert (term, annotation) in described, (term, annotation)


def test_every_shape_has_a_message_or_comment() -> None:
    store = Store()
    store.load(path=SHAPES_PATH, format=RdfFormat.TURTLE)
    query = """PREFIX sh: <http://www.w3.org/ns/shacl#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?shape WHERE {
      { ?shape a ?kind VALUES ?kind { sh:NodeShape sh:PropertyShape } }
      UNION { ?s sh:property|sh:node|sh:not|sh:qualifiedValueShape|sh:xone/rdf:rest*/rdf:first ?shape }
      FILTER NOT EXISTS { ?shape sh:message|rdfs:comment ?text }
    }"""
    assert [row["shape"] for row in store.query(query)] == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib, from pyshacl's meta-SHACL
def test_shapes_are_valid_shacl() -> None:
    conforms, _, text = pyshacl.validate(
        pyoxigraph.serialize(_triples(VALID), format=RdfFormat.N_TRIPLES).decode(),
        data_graph_format="nt",
        shacl_graph=str(SHAPES_PATH),
        shacl_graph_format="turtle",
        meta_shacl=True,
    )
    assert conforms, text
