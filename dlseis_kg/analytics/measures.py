"""Association measures from co-occurrence counts, vectorised over numpy arrays.

For two concepts *a* and *b* over a set of N papers (``docs/analytics.md``):
``n_ab`` papers have both, ``n_a`` have *a*, ``n_b`` have *b*; probabilities are
``p_ab = n_ab / N``, ``p_a = n_a / N``, ``p_b = n_b / N``.

>>> float(jaccard(2, 4, 3)), float(lift(2, 4, 3, 12)), float(pmi(2, 4, 3, 12))
(0.4, 2.0, 1.0)
>>> float(expected(4, 3, 12)), float(npmi(2, 4, 3, 12)).__round__(3)
(1.0, 0.387)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["expected", "jaccard", "lift", "npmi", "pmi", "support"]


def _f(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype=float)


def support(n_ab: ArrayLike, n: int) -> np.ndarray:
    """Share of papers having both: ``n_ab / N``."""
    return _f(n_ab) / n


def expected(n_a: ArrayLike, n_b: ArrayLike, n: int) -> np.ndarray:
    """Papers expected to have both if *a* and *b* were independent: ``n_a n_b / N``.

    >>> expected([10, 2], [5, 5], 100).tolist()
    [0.5, 0.1]
    """
    return _f(n_a) * _f(n_b) / n


def jaccard(n_ab: ArrayLike, n_a: ArrayLike, n_b: ArrayLike) -> np.ndarray:
    """``n_ab / (n_a + n_b - n_ab)``: 1 when every paper with one has the other.

    0 where the union is empty.

    >>> jaccard([3, 0], [3, 0], [3, 0]).tolist()
    [1.0, 0.0]
    """
    n_ab = _f(n_ab)
    union = _f(n_a) + _f(n_b) - n_ab
    return np.divide(n_ab, union, out=np.zeros_like(union), where=union > 0)


def lift(n_ab: ArrayLike, n_a: ArrayLike, n_b: ArrayLike, n: int) -> np.ndarray:
    """``p_ab / (p_a p_b) = n_ab N / (n_a n_b)``: observed over expected co-occurrence.

    1 under independence, > 1 when the two go together more often than by chance;
    0 where ``n_a`` or ``n_b`` is 0.

    >>> lift([5, 1], [10, 10], [10, 50], 100).tolist()
    [5.0, 0.2]
    """
    denom = _f(n_a) * _f(n_b)
    num = _f(n_ab) * n
    return np.divide(num, denom, out=np.zeros_like(denom), where=denom > 0)


def pmi(n_ab: ArrayLike, n_a: ArrayLike, n_b: ArrayLike, n: int) -> np.ndarray:
    """Pointwise mutual information ``log2(lift)`` in bits; ``-inf`` where ``n_ab = 0``.

    >>> pmi([4, 0], [8, 8], [8, 8], 16).tolist()
    [0.0, -inf]
    """
    value = lift(n_ab, n_a, n_b, n)
    with np.errstate(divide="ignore"):
        return np.where(value > 0, np.log2(np.where(value > 0, value, 1.0)), -np.inf)


def npmi(n_ab: ArrayLike, n_a: ArrayLike, n_b: ArrayLike, n: int) -> np.ndarray:
    """Normalised PMI ``pmi / -log2(p_ab)``, in [-1, 1].

    -1 where ``n_ab = 0`` (never together), 0 under independence, 1 where *a* and *b*
    always occur together; 1 also where ``p_ab = 1`` (every paper has both), where
    the ratio is 0/0.

    >>> npmi([4, 0, 16], [4, 8, 16], [4, 8, 16], 16).tolist()
    [1.0, -1.0, 1.0]
    """
    n_ab = _f(n_ab)
    p_ab = n_ab / n
    value = pmi(n_ab, n_a, n_b, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.log2(np.where(p_ab > 0, p_ab, 1.0))
        out = np.where(h > 0, value / np.where(h > 0, h, 1.0), 1.0)
    return np.where(n_ab > 0, out, -1.0)
