"""Vocabulary resolution and the committed vocabulary tables."""

from __future__ import annotations

import csv

import pytest

from dlseis_kg.vocab import DATA_DIR, Vocabulary, normkey, slugify


@pytest.fixture
def vocab():
    return Vocabulary.load()


@pytest.mark.parametrize(
    ("scheme", "a", "b"),
    [
        ("metric", "F1-score", "F1 score"),
        ("metric", "F1-Score", "f1 score"),
        ("metric", "accuracy", "Accuracy"),
        ("architecture", "LASTM", "LSTM"),
        ("learning-paradigm", "Supervisedd Learning", "Supervised_Learning"),
        ("learning-paradigm", "Unsupervised", "Unsupervised_Learning"),
        ("venue", "IEEE-Acess", "IEEE Access"),
        ("venue", "IEEE-TGRS-XX", "IEEE_TGRS"),
        ("venue", "Geophyscis", "Geophysics"),
        ("ml-family", "k\u2010means", "k-means"),
        ("data-domain", "time\u2013frequency", "time-frequency"),
        ("task", "Seismic Denoisinf", "Seismic Denoising"),
    ],
)
def test_variants_resolve_to_one_concept(vocab, scheme, a, b):
    assert vocab.resolve(scheme, a).concept is vocab.resolve(scheme, b).concept


@pytest.mark.parametrize(
    ("scheme", "a", "b"),
    [
        ("metric", "MSE", "RMSE"),
        ("metric", "Precision", "Recall"),
        ("learning-paradigm", "Semi-Supervised_Learning", "Supervised_Learning"),
        ("venue", "GRL", "IEEE-GRSL"),
    ],
)
def test_different_things_stay_different(vocab, scheme, a, b):
    assert vocab.resolve(scheme, a).concept is not vocab.resolve(scheme, b).concept


def test_unknown_value_mints_a_concept_once(vocab):
    first = vocab.resolve("architecture", "Mamba-Net")
    assert first.how == "minted" and first.concept.slug == "mamba-net"
    again = vocab.resolve("architecture", "mamba net")
    assert again.how == "normalised" and again.concept is first.concept


def test_normkey_and_slugify():
    assert normkey("  Semi-Supervised_Learning ") == "semi supervised learning"
    assert slugify("Murdock±Hutt detector") == "murdock-hutt-detector"
    assert slugify("Ü-Net") == "u-net"


def _rows(name):
    with open(DATA_DIR / "vocab" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_concept_slugs_and_labels_are_unique_per_scheme():
    rows = _rows("concepts.csv")
    keys = [(r["scheme"], r["slug"]) for r in rows]
    assert len(keys) == len(set(keys))
    labels = [(r["scheme"], r["pref_label"]) for r in rows]
    assert len(labels) == len(set(labels))


def test_every_alias_names_an_existing_concept_and_a_label_kind():
    concepts = {(r["scheme"], r["slug"]) for r in _rows("concepts.csv")}
    for r in _rows("aliases.csv"):
        assert (r["scheme"], r["concept"]) in concepts, r
        assert r["label_kind"] in ("altLabel", "hiddenLabel", "notation"), r


def test_corrections_beyond_case_and_dashes_say_why():
    for r in _rows("aliases.csv"):
        concept = r["concept"]
        pref = next(c["pref_label"] for c in _rows("concepts.csv")
                    if (c["scheme"], c["slug"]) == (r["scheme"], concept))  # fmt: skip
        if normkey(r["raw"]) != normkey(pref):
            assert r["reason"], f"{r['raw']!r} -> {pref!r} needs a reason"


def test_alias_pointing_nowhere_is_rejected(tmp_path):
    vdir = tmp_path / "vocab"
    vdir.mkdir()
    for name in ("schemes.csv", "concepts.csv"):
        (vdir / name).write_text((DATA_DIR / "vocab" / name).read_text())
    (vdir / "aliases.csv").write_text(
        "scheme,raw,concept,label_kind,reason\nmetric,x,nope,altLabel,\n"
    )
    with pytest.raises(ValueError, match="unknown concept"):
        Vocabulary.load(tmp_path)
