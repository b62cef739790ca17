"""End-to-end builds on the real inventories: counts, determinism, dumps, CLI."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import RdfFormat, parse

from dlseis_kg.build import build
from dlseis_kg.cli import main
from tests.conftest import MESSY, SOURCES, real_csv


def test_deep_build_counts(deep_build):
    r = deep_build
    # 639 rows; 6 pairs of rows share a title: 4 pairs have the same first author and
    # are merged, 2 pairs have different first authors and stay apart
    assert r.papers == 639 - 4
    assert r.concepts["task"] >= 30 and r.concepts["category"] == 5
    assert r.triples > 40_000
    assert {"graph.nt", "graph.nq", "graph.ttl", "graph.jsonld", "quality_report.csv",
            "summary.json", "shacl_report.txt"} <= set(r.files)  # fmt: skip


def test_rebuild_gives_byte_identical_sorted_ntriples(tmp_path, deep_build):
    again = build([real_csv("deep-2022-08-22")], store=tmp_path / "s", out=tmp_path, validate=False)
    first = deep_build.files["graph.nt"].read_bytes()
    assert again.files["graph.nt"].read_bytes() == first
    lines = first.decode("utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_dumps_parse_and_agree(deep_build):
    files = deep_build.files
    nt = {q.triple for q in parse(path=str(files["graph.nt"]), format=RdfFormat.N_TRIPLES)}
    ttl = {q.triple for q in parse(path=str(files["graph.ttl"]), format=RdfFormat.TURTLE)}
    quads = list(parse(path=str(files["graph.nq"]), format=RdfFormat.N_QUADS))
    jsonld = list(parse(path=str(files["graph.jsonld"]), format=RdfFormat.JSON_LD))
    assert nt == ttl
    assert {q.triple for q in quads} == nt
    assert len(jsonld) == len(quads)
    graphs = {q.graph_name.value.rsplit("/", 1)[1] for q in quads}
    assert graphs == {"deep-2022-08-22", "vocabularies", "provenance", "ontology"}


def test_provenance_records_inputs_and_version(deep_build):
    from dlseis_kg.queries import KnowledgeGraph

    df = KnowledgeGraph(deep_build.store).query(
        """SELECT ?version ?sha WHERE { GRAPH <https://w3id.org/dlseis/graph/provenance> {
             ?b a prov:Activity ; dlseis:converterVersion ?version ; prov:used ?src .
             ?src dlseis:sha256 ?sha } }"""
    )
    assert df.to_dict("records") == [{"version": "0.1.0", "sha": SOURCES["deep-2022-08-22"].sha256}]


def test_three_inventories_in_one_store(all_build):
    r = all_build
    assert [i.inventory for i in r.inputs] == list(SOURCES)
    assert r.papers > 639  # the allML superset adds classic-ML papers
    assert r.shacl_warnings >= 0


def test_cli_build_prints_summary(tmp_path, capsys):
    code = main(["build", "--input", str(real_csv("deep-2022-07-31")), "--store",
                 str(tmp_path / "store"), "--out", str(tmp_path), "--json"])  # fmt: skip
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["papers"] == 637 - 4  # the same 4 merges as in the newest release
    assert summary["report rows"] == sum(summary["report rows by severity"].values())


@pytest.mark.parametrize("inventory", sorted(SOURCES))
def test_cli_query_task_hierarchy_csv(all_build, capsys, inventory):
    assert (
        main(["query", "task_hierarchy", "--store", str(all_build.store), "--format", "csv"]) == 0
    )
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "category,sub_category_I,sub_category_II,task,sub_task,papers"


def test_cli_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "--no-such-option"])
    assert exc.value.code == 2


def test_cli_missing_store_exits_1(tmp_path, capsys):
    assert main(["stats", "--store", str(tmp_path / "nothing")]) == 1
    assert "no store at" in capsys.readouterr().err


def test_cli_stats_lists_schemes(deep_build, capsys):
    assert main(["stats", "--store", str(deep_build.store), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "papers,deep-2022-08-22,635" in out
    assert "concepts,task," in out and "raw variants,learning-paradigm," in out


def test_cli_unmapped_value_fails_unless_allowed(tmp_path, capsys):
    bad = tmp_path / "unmapped.csv"
    bad.write_bytes(MESSY.read_bytes().replace(b"['PINN']", b"['Mamba-Net']", 1))
    args = ["build", "--input", str(bad), "--store", str(tmp_path / "s"), "--out", str(tmp_path)]
    assert main([*args, "--no-validate"]) == 1
    assert "unmapped.csv, row 7, column neuralNetwork_name" in capsys.readouterr().err
    # allowed: the minted concept passes SHACL, with a warning for its missing definition
    assert main([*args, "--allow-new-concepts", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["report rows by code"]["warning/new-concept"] == 1
    assert "UncuratedConcept-definition" in (tmp_path / "shacl_report.txt").read_text()


def test_stats_raw_variants_count_the_inputs_distinct_values(deep_build, capsys):
    import csv

    from dlseis_kg.listcell import parse_list

    with open(real_csv("deep-2022-08-22"), encoding="utf-8", newline="") as fh:
        raw = {item.strip() for row in csv.DictReader(fh)
               for item in parse_list(row["training_process"].strip() or "[]")}  # fmt: skip
    assert main(["stats", "--store", str(deep_build.store), "--format", "csv"]) == 0
    assert f"raw variants,learning-paradigm,{len(raw)}" in capsys.readouterr().out
