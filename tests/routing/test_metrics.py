"""Routing metrics against small hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from council.errors import InvalidInput
from council.outcomes import metrics as mt

WEAK = np.array([1, 0, 0, 1])
STRONG = np.array([1, 1, 1, 0])
ORACLE = STRONG - WEAK  # gains 0, 1, 1, -1


def test_oracle_apgr_and_cpt_by_hand() -> None:
    # order 1,1,0,-1: quality .5,.75,1,1,.75 -> PGR 0,1,2,2,1 -> trapezoid 1.375
    assert mt.pgr_curve(ORACLE, WEAK, STRONG).tolist() == pytest.approx([0, 1, 2, 2, 1])
    assert mt.apgr(ORACLE, WEAK, STRONG) == pytest.approx(1.375)
    assert mt.cpt(ORACLE, WEAK, STRONG, 0.5) == pytest.approx(0.25)
    assert mt.cpt(ORACLE, WEAK, STRONG, 0.8) == pytest.approx(0.25)


def test_constant_score_is_the_random_expectation() -> None:
    # ties are ordered at random: expected PGR is linear in the share, APGR 0.5
    pgr = mt.pgr_curve(np.zeros(4), WEAK, STRONG)
    assert pgr.tolist() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert mt.apgr(np.zeros(4), WEAK, STRONG) == pytest.approx(0.5)
    assert mt.cpt(np.zeros(4), WEAK, STRONG, 0.5) == pytest.approx(0.5)


def test_always_strong_recovers_the_whole_gap_and_worst_order() -> None:
    pgr = mt.pgr_curve(-ORACLE, WEAK, STRONG)  # worst order: -1 first
    assert pgr[0] == 0 and pgr[-1] == pytest.approx(1)  # all strong = full gap
    # order -1,0,1,1: quality .5,.25,.25,.5,.75 -> PGR 0,-1,-1,0,1 -> APGR -0.375
    assert mt.apgr(-ORACLE, WEAK, STRONG) == pytest.approx(-0.375)


def test_random_scores_average_near_half() -> None:
    rng = np.random.default_rng(0)
    weak, strong = rng.integers(0, 2, 400), rng.integers(0, 2, 400) | rng.integers(0, 2, 400)
    values = [mt.apgr(rng.random(400), weak, strong) for _ in range(50)]
    assert abs(np.mean(values) - 0.5) < 0.05


def test_no_gap_is_an_error() -> None:
    with pytest.raises(InvalidInput, match="not better"):
        mt.apgr(np.zeros(2), np.array([1, 1]), np.array([1, 0]))


def test_choose_by_bar_cheapest_adequate_else_most_likely() -> None:
    p = np.array([[0.9, 0.95, 0.99], [0.5, 0.8, 0.7], [0.1, 0.2, 0.3]])
    unit = np.array([1.0, 2.0, 10.0])
    assert mt.choose_by_bar(p, unit, 0.85).tolist() == [0, 1, 2]
    assert mt.choose_by_bar(p, unit, 0.0).tolist() == [0, 0, 0]
    assert mt.choose_by_bar(p, unit, 0.99).tolist() == [2, 1, 2]


def test_cost_curve_summaries() -> None:
    pts = [mt.CurvePoint(1.0, 0.6), mt.CurvePoint(2.0, 0.5), mt.CurvePoint(4.0, 0.9)]
    assert [q.cost for q in mt.frontier(pts)] == [1.0, 4.0]
    assert mt.best_accuracy_within(pts, 3.0) == 0.6
    assert mt.best_accuracy_within(pts, 0.5) == 0.0
    assert mt.least_cost_reaching(pts, 0.7) == 4.0
    assert mt.least_cost_reaching(pts, 0.95) is None
    # budgets (0,4]: 0 below 1, 0.6 on [1,4), 0.9 at 4 -> about 0.75*0.6
    assert mt.area_under_curve(pts, 4.0, grid=400) == pytest.approx(0.45 + 0.9 / 400, abs=1e-3)
    y = np.array([[1, 0], [0, 1]])
    cost = np.array([[1.0, 3.0], [2.0, 5.0]])
    q = mt.evaluate_choice(np.array([0, 1]), y, cost)
    assert (q.accuracy, q.cost) == (1.0, 3.0)  # costs 1 and 5


def test_upper_hull_mixes_two_points_by_hand() -> None:
    # (1, .5) (2, .55) (3, .8) (4, .82) (5, .7): (2, .55) is under the chord (1,.5)-(3,.8),
    # (5, .7) is beaten; (4, .82) stays (the chord (3,.8)-... ends there)
    pts = [mt.CurvePoint(1, 0.5), mt.CurvePoint(2, 0.55), mt.CurvePoint(3, 0.8),
           mt.CurvePoint(4, 0.82), mt.CurvePoint(5, 0.7)]
    hull = mt.upper_hull(pts)
    assert [(q.cost, q.accuracy) for q in hull] == [(1, 0.5), (3, 0.8), (4, 0.82)]
    assert mt.hull_accuracy_at(hull, 2.0) == pytest.approx(0.65)  # half of each
    assert mt.best_accuracy_within(mt.frontier(pts), 2.0) == pytest.approx(0.55)
    assert mt.hull_accuracy_at(hull, 0.5) == 0.0  # below the cheapest point
    assert mt.hull_accuracy_at(hull, 9.0) == pytest.approx(0.82)
    assert mt.hull_least_cost_reaching(hull, 0.74) == pytest.approx(2.6)
    assert mt.hull_least_cost_reaching(hull, 0.4) == pytest.approx(1.0)
    assert mt.hull_least_cost_reaching(hull, 0.9) is None
    # the hull is never below the step curve, and above it between points
    assert mt.hull_area(pts, 4.0) > mt.area_under_curve(pts, 4.0)
    with pytest.raises(InvalidInput, match="positive"):
        mt.hull_area(pts, 0.0)


def test_hull_of_concave_points_is_all_of_them() -> None:
    pts = [mt.CurvePoint(c, a) for c, a in [(1, 0.5), (2, 0.7), (3, 0.8), (4, 0.85)]]
    assert mt.upper_hull(pts) == pts
    assert mt.hull_accuracy_at(pts, 3.0) == pytest.approx(0.8)
