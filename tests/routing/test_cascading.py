"""Cascades priced and charged (council.outcomes.cascading) on a hand-made table."""

from __future__ import annotations

import numpy as np
import pytest

from council.errors import InvalidInput
from council.outcomes import picking
from council.outcomes.cascading import (
    Chains,
    Detector,
    chain_columns,
    charge,
    co_failure,
    parse_categories,
    verdicts,
)

# two prompts, three models: cheap ($0.001), middle ($0.004), strong ($0.010)
PRICE = np.array([[0.001, 0.004, 0.010]] * 2)
P = np.array([[0.6, 0.7, 0.9],
              [0.2, 0.5, 0.8]])
PAIR = Chains(((0,), (1,), (2,), (0, 2)))


def test_a_pair_is_priced_by_the_issue_formula() -> None:
    spend, success = chain_columns(P, PRICE, PAIR, Detector(cost_usd=0.0005))
    # price(cheap) + detection + (1 - P(cheap)) x price(strong)
    assert spend[0, 3] == pytest.approx(0.001 + 0.0005 + 0.4 * 0.010)
    assert spend[1, 3] == pytest.approx(0.001 + 0.0005 + 0.8 * 0.010)
    assert success[0, 3] == pytest.approx(1 - 0.4 * 0.1)
    assert success[1, 3] == pytest.approx(1 - 0.8 * 0.2)
    # singles keep their own price and P
    assert np.allclose(spend[:, :3], PRICE) and np.allclose(success[:, :3], P)
    # expected cost at F = $0.05: cheap + D + (1 - Pc) x (strong + (1 - Ps) x F)
    f = 0.05
    expected = 0.001 + 0.0005 + 0.4 * (0.010 + 0.1 * f)
    assert spend[0, 3] + (1 - success[0, 3]) * f == pytest.approx(expected)


def test_the_rule_picks_the_cascade_where_it_costs_least() -> None:
    spend, success = chain_columns(P, PRICE, PAIR, Detector(cost_usd=0.0005))
    total = spend + (1 - success) * 0.05
    # prompt 0: pair 0.0015 + 0.4 x 0.010 + 0.04 x $0.05 = 0.0075; strong 0.015; cheap 0.021
    # prompt 1: pair 0.0095 + 0.16 x $0.05 = 0.0175; strong 0.020; cheap 0.041
    assert np.allclose(total[:, [0, 2, 3]], [[0.021, 0.015, 0.0075], [0.041, 0.020, 0.0175]])
    assert list(picking.pick_least_expected(success, spend, 0.05).choice) == [3, 3]
    # with no failure cost the check and the escalations are not worth paying for
    assert list(picking.pick_least_expected(success, spend, 0.0).choice) == [0, 0]


def test_undetectable_prompts_never_get_a_chain() -> None:
    spend, success = chain_columns(P, PRICE, PAIR, Detector(), allowed=np.array([True, False]))
    assert np.isinf(spend[1, 3]) and np.isfinite(spend[0, 3])
    picks = picking.pick_least_expected(success, spend, 10.0)
    assert picks.choice[1] == 2  # the most likely single model


def test_the_real_cost_is_charged_the_strong_call_only_when_the_cheap_one_failed() -> None:
    y = np.array([[1, 0, 1],    # cheap right: kept, no strong call
                  [0, 0, 1],    # cheap wrong: escalated, strong right
                  [0, 1, 0]])   # cheap wrong, strong wrong: a failure after both calls
    cost = np.array([[0.001, 0.004, 0.012],
                     [0.002, 0.004, 0.009],
                     [0.001, 0.003, 0.011]])
    got = charge(np.array([3, 3, 3]), PAIR, y, cost, Detector(cost_usd=0.0005))
    assert np.allclose(got.cost, [0.001 + 0.0005, 0.002 + 0.0005 + 0.009,
                                  0.001 + 0.0005 + 0.011])
    assert list(got.success) == [True, True, False]
    assert list(got.escalated) == [False, True, True]
    assert got.accuracy == pytest.approx(2 / 3)
    # a single model is charged its own call and no check
    alone = charge(np.array([0, 1, 2]), PAIR, y, cost, Detector(cost_usd=0.0005))
    assert np.allclose(alone.cost, [0.001, 0.004, 0.011])
    assert list(alone.success) == [True, False, False]


def test_an_imperfect_check_misses_and_false_flags_by_its_draws() -> None:
    y = np.array([[1, 0, 1], [0, 0, 1]])
    cost = np.array([[0.001, 0.004, 0.010]] * 2)
    detector = Detector(cost_usd=0.0, miss=0.2, false_flag=0.05)
    draws = np.array([[0.01, 0.5, 0.5],   # right answer, draw < 0.05: flagged, escalated
                      [0.10, 0.5, 0.5]])  # wrong answer, draw < 0.2: missed, kept wrong
    got = charge(np.array([3, 3]), PAIR, y, cost, detector, draws)
    assert list(got.escalated) == [True, False]
    assert list(got.success) == [True, False]
    assert np.allclose(got.cost, [0.011, 0.001])
    with pytest.raises(InvalidInput, match="needs draws"):
        charge(np.array([3, 3]), PAIR, y, cost, detector)


def test_the_expected_figures_match_the_mean_of_many_draws() -> None:
    rng = np.random.default_rng(3)
    n = 20_000
    p = np.tile([[0.6, 0.3, 0.8]], (n, 1))
    y = (rng.random((n, 3)) < p).astype(int)
    cost = np.tile([[0.001, 0.002, 0.010]], (n, 1))
    chains = Chains(((0, 1, 2),))
    detector = Detector(cost_usd=0.0005, miss=0.2, false_flag=0.05)
    spend, success = chain_columns(p, cost, chains, detector)
    got = charge(np.zeros(n, dtype=int), chains, y, cost, detector, verdicts(y.shape, 0))
    assert got.mean_cost == pytest.approx(spend[0, 0], rel=0.02)
    assert got.accuracy == pytest.approx(success[0, 0], abs=0.01)


def test_chains_up_to_three() -> None:
    assert len(Chains.up_to(3, 1)) == 3
    assert len(Chains.up_to(3, 2)) == 3 + 6
    assert len(Chains.up_to(3, 3)) == 3 + 6 + 6
    assert Chains.up_to(2, 2).names(["a", "b"]) == ["a", "b", "a>b", "b>a"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"cost_usd": -0.01}, "negative"),
    ({"cost_usd": float("nan")}, "finite"),
    ({"miss": 1.0}, "detects nothing"),
    ({"false_flag": -0.1}, r"in \[0, 1\)"),
    ({"miss": "0.2"}, r"in \[0, 1\)"),
])
def test_bad_detectors_are_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        Detector(**kwargs)  # type: ignore[arg-type]


def test_bad_chains_and_probabilities_are_named() -> None:
    for bad in (0, 4):
        with pytest.raises(InvalidInput, match="1 to 3 stages"):
            Chains.up_to(3, bad)
    with pytest.raises(InvalidInput, match="probabilities"):
        chain_columns(np.array([[1.2, 0.1]]), np.array([0.1, 0.2]), Chains.up_to(2, 2),
                      Detector())


def test_detectable_categories_are_read_and_checked() -> None:
    assert parse_categories("tested") == ("code_generation", "debugging", "agentic")
    assert parse_categories("debugging, code_generation,debugging") == ("debugging",
                                                                        "code_generation")
    with pytest.raises(InvalidInput, match="'coding' is not a category"):
        parse_categories("coding")
    with pytest.raises(InvalidInput, match="at least one category"):
        parse_categories(" , ")


def test_co_failure_lowers_the_strong_models_p_where_the_cheap_one_failed() -> None:
    # the strong model is right on 3 of 4, but on only 1 of the 2 the cheap model fails
    y = np.array([[1, 1], [1, 1], [0, 1], [0, 0]])
    r = co_failure(y)
    assert r[0, 1] == pytest.approx(0.5 / 0.75) and r[1, 0] == pytest.approx(0.0)
    assert r[0, 0] == r[1, 1] == 1.0
    chains = Chains(((0, 1),))
    p, price = np.array([[0.5, 0.75]]), np.array([[0.001, 0.01]])
    _, independent = chain_columns(p, price, chains, Detector())
    spend, nested = chain_columns(p, price, chains, Detector(), after_failure=r)
    assert independent[0, 0] == pytest.approx(0.5 + 0.5 * 0.75)
    assert nested[0, 0] == pytest.approx(0.5 + 0.5 * 0.5)  # what y shows: 3 of 4
    assert spend[0, 0] == pytest.approx(0.001 + 0.5 * 0.01)  # the spend does not change
