"""Named queries: all run; violation queries return no rows; the hierarchy queries
agree with counts made independently from the CSV with pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from dlseis_kg.queries import KnowledgeGraph, describe, named_queries
from dlseis_kg.records import read_inventory
from dlseis_kg.registry import paper_key
from dlseis_kg.vocab import Vocabulary
from tests.conftest import real_csv

QUERIES = named_queries()
VIOLATIONS = sorted(n for n in QUERIES if n.endswith("-violation"))


@pytest.fixture(scope="module")
def kg(deep_build):
    return KnowledgeGraph(deep_build.store)


def test_every_query_says_what_it_answers():
    for name, path in QUERIES.items():
        assert describe(path), f"{name}.rq has no leading # comment"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_query_runs(kg, name):
    assert isinstance(kg.query(name), pd.DataFrame)


@pytest.mark.parametrize("name", VIOLATIONS)
def test_violation_query_returns_no_rows(all_build, name):
    df = KnowledgeGraph(all_build.store).query(name)
    assert df.empty, f"{name}:\n{df.head(20).to_string()}"


def test_violation_queries_exist():
    assert len(VIOLATIONS) >= 4


def _expected_hierarchy() -> pd.DataFrame:
    vocab = Vocabulary.load()

    def label(scheme, raw):
        return vocab.resolve(scheme, raw).concept.pref_label if raw else ""

    rows = []
    for r in read_inventory(real_csv("deep-2022-08-22"))[0]:
        for task in r.task:
            rows.append({
                "category": label("category", r.category),
                "sub_category_I": label("sub-category-1", r.sub_category_I),
                "sub_category_II": label("sub-category-2", r.sub_category_II),
                "task": label("task", task),
                "sub_task": label("sub-task", r.sub_task),
                "paper": paper_key(r.author, r.title),
            })  # fmt: skip
    df = pd.DataFrame(rows)
    cols = ["category", "sub_category_I", "sub_category_II", "task", "sub_task"]
    return df.groupby(cols)["paper"].nunique().rename("papers").reset_index()


def test_task_hierarchy_matches_pandas(kg):
    got = kg.query("task_hierarchy")
    want = _expected_hierarchy()
    cols = list(want.columns)
    assert list(got.columns) == cols
    merged = got.merge(want, on=cols[:-1], how="outer", suffixes=("", "_want"))
    assert (merged["papers"] == merged["papers_want"]).all(), merged[
        merged["papers"] != merged["papers_want"]
    ].to_string()


def test_papers_per_task_matches_pandas(kg):
    want = _expected_hierarchy().groupby("task")["papers"].sum()
    got = kg.query("papers_per_task").set_index("task")["papers"]
    # a paper counted once per task even when it appears under several sub-categories
    assert set(got.index) == set(want.index)
    assert (got <= want.reindex(got.index)).all()
    assert got["Phase Picking"] >= 50
