"""Routing metrics: RouteLLM's APGR and CPT, and many-model cost/accuracy curves.

Two-model routing: sort prompts by a score (predicted gain from the strong model), send the
top share x to the strong model. Prompts with equal scores are ordered at random, so the
quality curve is the expected one: linear across each tie group. PGR(x) is the quality
gained over always-weak as a fraction of always-strong's gain; APGR is its mean over x in
[0, 1]; CPT(p) is the least share of strong calls whose PGR reaches p.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from council.errors import InvalidInput


def quality_curve(score: np.ndarray, weak: np.ndarray, strong: np.ndarray) -> np.ndarray:
    """Mean quality when the top k of n prompts go to the strong model, for k = 0..n."""
    score, weak, strong = (np.asarray(a, dtype=np.float64) for a in (score, weak, strong))
    n = len(score)
    if n == 0 or weak.shape != (n,) or strong.shape != (n,):
        raise InvalidInput("score, weak and strong must be equal-length, non-empty arrays")
    order = np.argsort(-score, kind="stable")
    s, gain = score[order], (strong - weak)[order]
    cum = np.concatenate([[0.0], np.cumsum(gain)])
    # expected cumulative gain within each tie group is linear between the group's ends
    k = np.arange(n + 1, dtype=np.float64)
    starts = np.flatnonzero(np.concatenate([[True], s[1:] != s[:-1]]))
    ends = np.concatenate([starts[1:], [n]])
    expected = cum.copy()
    for a, b in zip(starts, ends, strict=True):
        if b - a > 1:
            inside = np.arange(a, b + 1)
            expected[inside] = cum[a] + (cum[b] - cum[a]) * (k[inside] - a) / (b - a)
    return (weak.sum() + expected) / n


def pgr_curve(score: np.ndarray, weak: np.ndarray, strong: np.ndarray) -> np.ndarray:
    """Performance gap recovered at each k = 0..n strong calls."""
    q = quality_curve(score, weak, strong)
    gap = q[-1] - q[0]
    if gap <= 0:
        raise InvalidInput("the strong model is not better than the weak one on this set; "
                           "PGR is undefined")
    return (q - q[0]) / gap


def apgr(score: np.ndarray, weak: np.ndarray, strong: np.ndarray) -> float:
    """Average PGR over the share of strong calls (trapezoid over k = 0..n)."""
    pgr = pgr_curve(score, weak, strong)
    return float(np.trapezoid(pgr, dx=1.0 / (len(pgr) - 1)))


def cpt(score: np.ndarray, weak: np.ndarray, strong: np.ndarray, target: float) -> float:
    """Least share of strong calls at which PGR reaches ``target`` (e.g. 0.5)."""
    pgr = pgr_curve(score, weak, strong)
    hit = np.flatnonzero(pgr >= target - 1e-12)
    return float(hit[0] / (len(pgr) - 1))


@dataclass(frozen=True)
class CurvePoint:
    cost: float  # mean dollars per prompt
    accuracy: float
    label: str = ""


def choose_by_bar(p: np.ndarray, unit_cost: np.ndarray, bar: float) -> np.ndarray:
    """The product's rule per row: cheapest model with P >= bar, else the most likely one."""
    p = np.asarray(p, dtype=np.float64)
    order = np.argsort(np.asarray(unit_cost), kind="stable")
    ok = p[:, order] >= bar
    first = np.argmax(ok, axis=1)
    chosen = order[first]
    none = ~ok.any(axis=1)
    chosen[none] = np.argmax(p[none], axis=1)
    return chosen


def choose_by_utility(p: np.ndarray, unit_cost: np.ndarray, price_of_cost: float) -> np.ndarray:
    """An alternative rule (not the product's): maximise P - price_of_cost * cost per row.

    ``unit_cost`` should be relative (e.g. a share of the dearest model's cost).
    """
    return np.argmax(np.asarray(p) - price_of_cost * np.asarray(unit_cost)[None, :], axis=1)


def evaluate_choice(choice: np.ndarray, y: np.ndarray, cost: np.ndarray) -> CurvePoint:
    """Accuracy and mean real cost of answering row i with model choice[i]."""
    rows = np.arange(len(choice))
    return CurvePoint(cost=float(cost[rows, choice].mean()),
                      accuracy=float(y[rows, choice].mean()))


def sweep_bar(p: np.ndarray, unit_cost: np.ndarray, y: np.ndarray, cost: np.ndarray,
              bars: Sequence[float]) -> list[CurvePoint]:
    """The cost/accuracy points of the product's rule across quality bars."""
    return [CurvePoint(**{**evaluate_choice(choose_by_bar(p, unit_cost, t), y, cost).__dict__,
                          "label": f"t={t:.3f}"}) for t in bars]


def frontier(points: Sequence[CurvePoint]) -> list[CurvePoint]:
    """Points not beaten on both cost and accuracy, by increasing cost."""
    best: list[CurvePoint] = []
    for pt in sorted(points, key=lambda q: (q.cost, -q.accuracy)):
        if not best or pt.accuracy > best[-1].accuracy:
            best.append(pt)
    return best


def best_accuracy_within(points: Sequence[CurvePoint], budget: float) -> float:
    """Highest accuracy among points costing at most ``budget`` (0 if none does)."""
    ok = [q.accuracy for q in points if q.cost <= budget + 1e-15]
    return max(ok) if ok else 0.0


def least_cost_reaching(points: Sequence[CurvePoint], accuracy: float) -> float | None:
    """Least cost among points whose accuracy is at least ``accuracy`` (None if none)."""
    ok = [q.cost for q in points if q.accuracy >= accuracy - 1e-12]
    return min(ok) if ok else None


def area_under_curve(points: Sequence[CurvePoint], max_cost: float, grid: int = 1000) -> float:
    """Mean over budgets c in (0, max_cost] of the best accuracy reachable at cost <= c."""
    if max_cost <= 0:
        raise InvalidInput("max_cost must be positive")
    budgets = np.linspace(max_cost / grid, max_cost, grid)
    front = frontier(points)
    return float(np.mean([best_accuracy_within(front, b) for b in budgets]))


# ---- mixing two operating points at random (RouterBench's AIQ uses this hull) -----------
def upper_hull(points: Sequence[CurvePoint]) -> list[CurvePoint]:
    """The upper convex hull of the points, by increasing cost: what a router reaches by
    sending each prompt to one of two of its operating points at random, in the share that
    spends the budget. Only points on the frontier can be on it."""
    hull: list[CurvePoint] = []
    for pt in frontier(points):
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            # b is dropped when it lies on or under the chord from a to pt
            if (b.accuracy - a.accuracy) * (pt.cost - a.cost) \
                    <= (pt.accuracy - a.accuracy) * (b.cost - a.cost) + 1e-15:
                hull.pop()
            else:
                break
        hull.append(pt)
    return hull


def hull_accuracy_at(hull: Sequence[CurvePoint], budget: float) -> float:
    """Accuracy of the best random mix of two hull points costing at most ``budget`` on
    average (0 below the cheapest point, as ``best_accuracy_within``)."""
    if not hull or budget < hull[0].cost - 1e-15:
        return 0.0
    for a, b in pairwise(hull):
        if budget <= b.cost:
            share = (budget - a.cost) / (b.cost - a.cost) if b.cost > a.cost else 1.0
            return a.accuracy + max(share, 0.0) * (b.accuracy - a.accuracy)
    return hull[-1].accuracy


def hull_least_cost_reaching(hull: Sequence[CurvePoint], accuracy: float) -> float | None:
    """Least average cost of a random mix of two hull points reaching ``accuracy``."""
    if not hull or hull[-1].accuracy < accuracy - 1e-12:
        return None
    if hull[0].accuracy >= accuracy - 1e-12:
        return hull[0].cost
    for a, b in pairwise(hull):
        if b.accuracy >= accuracy - 1e-12:
            share = (accuracy - a.accuracy) / (b.accuracy - a.accuracy)
            return a.cost + share * (b.cost - a.cost)
    return None  # unreachable: the last point reaches it


def hull_area(points: Sequence[CurvePoint], max_cost: float, grid: int = 1000) -> float:
    """``area_under_curve`` for the hull: mean over budgets in (0, max_cost] of the best mix."""
    if max_cost <= 0:
        raise InvalidInput("max_cost must be positive")
    hull = upper_hull(points)
    budgets = np.linspace(max_cost / grid, max_cost, grid)
    return float(np.mean([hull_accuracy_at(hull, b) for b in budgets]))
