"""What the curated tables add to a converted row, beyond resolving its cells.

- a score outside its metric's fixed range is reported (``likely-percentage`` when a
  score for a [0, 1] metric fits [0, 100], otherwise ``score-out-of-range``); the raw
  value is kept as it is;
- a baseline that is a method introduced by a paper of the inventory links the
  comparison to that paper (``dlseis:baselinePaper``) and the paper cites it
  (``cito:cites``);
- named data sets found by the gazetteer link the run's training data to data-set
  concepts (``dlseis:namedDataset``); every match is kept for the curator's report.
"""

from __future__ import annotations

from decimal import Decimal

from pyoxigraph import NamedNode

from dlseis_kg.datasets import Gazetteer, Match
from dlseis_kg.glossary import VocabData
from dlseis_kg.namespaces import BASE, CITO, DLSEIS, paper_iri
from dlseis_kg.problems import Problem

BASELINE_PAPER = NamedNode(DLSEIS + "baselinePaper")
CITES = NamedNode(CITO + "cites")
NAMED_DATASET = NamedNode(DLSEIS + "namedDataset")


class Enricher:
    """Applies ``metrics.csv``, ``baseline_papers.csv`` and the gazetteer to records."""

    def __init__(self, data: VocabData | None = None, gazetteer: Gazetteer | None = None):
        self.data = data if data is not None else VocabData.load()
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()

    def score_problem(self, rec, metric: str, raw_label: str, score: str) -> Problem | None:
        """A problem when the score lies outside the metric's fixed range."""
        info = self.data.metrics.get(metric)
        if info is None or info.in_range(Decimal(score)):
            return None
        lo = "-inf" if info.min is None else info.min
        hi = "inf" if info.max is None else info.max
        if info.likely_percentage(Decimal(score)):
            code = "likely-percentage"
            msg = (f"score {score} for {raw_label!r} (range [{lo}, {hi}]) looks like a "
                   "percentage; raw value kept")  # fmt: skip
        else:
            code = "score-out-of-range"
            msg = f"score {score} for {raw_label!r} is outside [{lo}, {hi}]; raw value kept"
        return Problem(rec.file, rec.row, "performance_score", score, "warning", code, msg)

    def comparison(self, paper: NamedNode, node: NamedNode, baseline: str):
        """Triples linking a comparison (and its paper) to the paper of the baseline."""
        hit = self.data.baseline_papers.get(baseline)
        if hit is None or paper.value == paper_iri(hit[0]):
            return []
        cited = NamedNode(paper_iri(hit[0]))
        return [(node, BASELINE_PAPER, cited), (paper, CITES, cited)]

    def datasets(self, rec) -> tuple[list[NamedNode], list[Match]]:
        """The data-set concepts the record names (sorted, once each) and every match."""
        matches = self.gazetteer.find(rec)
        named = sorted({m.dataset for m in matches})
        return [NamedNode(f"{BASE}dataset/{d}") for d in named], matches
