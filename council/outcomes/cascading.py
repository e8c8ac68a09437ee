"""Cascades in bulk: a cheap model first, a check on its answer, escalate on a flagged one.

A chain is a tuple of model columns, cheapest first by intent (the rule decides: a chain
whose first stage is dearer is priced like any other and simply loses). Every stage but the
last has its answer checked; a flagged answer goes on to the next stage, an unflagged one is
kept (right or wrong), and the last stage's answer is kept whatever it is. Per prompt, with
P(success) p and price c per model, a check costing D that misses a failed answer with
probability ``miss`` and flags a correct one with probability ``false_flag``, and the stages'
outcomes independent (the issue's formula; council.decision's single cascade takes them as
nested instead), from the last stage back:

    spend_L = c_L                      success_L = p_L
    go_k    = p_k x false_flag + (1 - p_k) x (1 - miss)      (P the answer is flagged)
    spend_k = c_k + D + go_k x spend_{k+1}
    success_k = p_k x (1 - false_flag) + p_k x false_flag x success_{k+1}
                + (1 - p_k) x (1 - miss) x success_{k+1}

With a perfect check a pair costs c_cheap + D + (1 - p_cheap) x c_strong and succeeds with
1 - (1 - p_cheap)(1 - p_strong). Its expected cost is spend + (1 - success) x F, so a chain
is one more column for ``council.outcomes.picking.pick_least_expected``: ``chain_columns``
builds the (spend, success) columns once and the rule picks among models and chains alike.

``charge`` walks the chosen chains against real outcomes: the real cost of every call made,
D for every check run, and the detector's verdict drawn per (prompt, model) answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations

import numpy as np

from council.categories import CATEGORY_KEYS
from council.errors import InvalidInput
from council.failure_cost import check_failure_cost

# Categories (council.categories keys) whose failures a machine check notices: the ones
# whose default detection in council.failure_cost is a test run or the run's own checks.
TESTED_CATEGORIES = ("code_generation", "debugging", "agentic")
CHAIN_SEP = ">"  # a chain's name: "cheap>strong"
TESTED = "tested"  # --detectable-categories shorthand for TESTED_CATEGORIES
MAX_STAGES = 3


def parse_categories(text: str) -> tuple[str, ...]:
    """'code_generation,debugging' or 'tested' -> category keys; InvalidInput naming any
    unknown one."""
    keys: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if part == TESTED:
            keys.extend(TESTED_CATEGORIES)
        elif part:
            if part not in CATEGORY_KEYS:
                raise InvalidInput(f"--detectable-categories: {part!r} is not a category; "
                                   f"use '{TESTED}' or some of {', '.join(CATEGORY_KEYS)}")
            keys.append(part)
    if not keys:
        raise InvalidInput(f"--detectable-categories: give at least one category, or '{TESTED}'")
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Detector:
    """The check on a cheap answer: its price and how often it is wrong."""

    cost_usd: float = 0.0  # per check run
    miss: float = 0.0  # P(a failed answer passes the check)
    false_flag: float = 0.0  # P(a correct answer is flagged and escalated)

    def __post_init__(self) -> None:
        check_failure_cost(self.cost_usd, "detection cost")
        for name in ("miss", "false_flag"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value) or not 0.0 <= value < 1.0:
                raise InvalidInput(f"detector {name.replace('_', ' ')} rate must be in [0, 1), "
                                   f"got {value!r}" + (": a check that misses every failure "
                                                       "detects nothing" if name == "miss"
                                                       and value == 1 else ""))

    @property
    def perfect(self) -> bool:
        return self.miss == 0 and self.false_flag == 0


@dataclass(frozen=True)
class Chains:
    """The candidates: each a tuple of model columns (a single model is a chain of one)."""

    stages: tuple[tuple[int, ...], ...]

    @classmethod
    def up_to(cls, models: int, length: int) -> Chains:
        """Every single model and every ordered chain of distinct models up to ``length``."""
        if models < 1:
            raise InvalidInput("a chain needs at least one model")
        if not 1 <= length <= MAX_STAGES:
            raise InvalidInput(f"a chain has 1 to {MAX_STAGES} stages, got {length}")
        return cls(tuple(c for n in range(1, length + 1)
                         for c in permutations(range(models), n)))

    def names(self, models: Sequence[str]) -> list[str]:
        return [CHAIN_SEP.join(models[j] for j in c) for c in self.stages]

    def __len__(self) -> int:
        return len(self.stages)


def co_failure(y: np.ndarray) -> np.ndarray:
    """(M, M) r[c, s]: model s's success rate where model c failed, over its rate overall
    (1 where either is unknown), from observed outcomes ``y`` (0/1, -1 missing). Independent
    outcomes give 1; a shared difficulty gives less."""
    y = np.asarray(y)
    m = y.shape[1]
    r = np.ones((m, m))
    for c in range(m):
        for s in range(m):
            both = (y[:, s] >= 0) & (y[:, c] >= 0)
            failed = both & (y[:, c] == 0)
            base = y[both, s].mean() if both.any() else 0.0
            if c != s and failed.any() and base > 0:
                r[c, s] = y[failed, s].mean() / base
    return r


def chain_columns(p: np.ndarray, price: np.ndarray, chains: Chains, detector: Detector,
                  allowed: np.ndarray | None = None,
                  after_failure: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(n, K) expected spend and P(success) of each chain on each prompt.

    ``allowed`` (n,) bool: prompts whose answers can be checked; elsewhere a chain of two or
    more stages gets an infinite spend, so the rule never picks it. ``after_failure``
    (``co_failure``): the next stage's P where the stage before failed is its P times
    r[before, next] (capped at 1), instead of its P (independence).
    """
    p = np.asarray(p, dtype=np.float64)
    price = np.broadcast_to(np.asarray(price, dtype=np.float64), p.shape)
    if p.ndim != 2 or not np.all((p >= 0) & (p <= 1)):
        raise InvalidInput("P(success) must be an (n, models) array of probabilities")
    n = len(p)
    spend, success = np.zeros((n, len(chains))), np.zeros((n, len(chains)))
    d, miss, flag = detector.cost_usd, detector.miss, detector.false_flag
    for k, chain in enumerate(chains.stages):
        s, q = price[:, chain[-1]].copy(), p[:, chain[-1]].copy()
        for at in range(len(chain) - 2, -1, -1):
            j, pj = chain[at], p[:, chain[at]]
            go = pj * flag + (1 - pj) * (1 - miss)
            s = price[:, j] + d + go * s
            # where stage j failed, the next stage's own P scaled by the co-failure ratio
            nxt = chain[at + 1]
            q_fail = q if after_failure is None else np.minimum(
                q * after_failure[j, nxt], 1.0)
            q = pj * (1 - flag) + pj * flag * q + (1 - pj) * (1 - miss) * q_fail
        spend[:, k], success[:, k] = s, q
    if allowed is not None:
        multi = np.array([len(c) > 1 for c in chains.stages])
        spend[np.ix_(~np.asarray(allowed, dtype=bool), multi)] = np.inf
    return spend, success


@dataclass(frozen=True)
class Charged:
    """What chosen chains really cost and achieved, per prompt."""

    cost: np.ndarray  # (n,) dollars: every call made and every check run
    success: np.ndarray  # (n,) bool: the answer kept was right
    escalated: np.ndarray  # (n,) bool: a second stage was called

    @property
    def mean_cost(self) -> float:
        return float(self.cost.mean())

    @property
    def accuracy(self) -> float:
        return float(self.success.mean())


def verdicts(shape: tuple[int, int], seed: int) -> np.ndarray:
    """Uniform draws, one per (prompt, model) answer: the same answer gets the same verdict
    at every failure cost of a sweep."""
    return np.random.default_rng(seed).random(shape)


def charge(choice: np.ndarray, chains: Chains, y: np.ndarray, cost: np.ndarray,
           detector: Detector, draws: np.ndarray | None = None) -> Charged:
    """Run the chosen chain on each prompt against real outcomes ``y`` (0/1) and costs.

    A failed answer is flagged unless its draw is under ``miss``; a correct one is flagged
    when its draw is under ``false_flag``. Without ``draws`` the detector must be perfect.
    """
    y = np.asarray(y)
    n = len(choice)
    if draws is None:
        if not detector.perfect:
            raise InvalidInput("an imperfect detector needs draws (cascading.verdicts)")
        draws = np.ones(y.shape)  # never under a rate of 0
    rows = np.arange(n)
    spent = np.zeros(n)
    ok = np.zeros(n, dtype=bool)
    escalated = np.zeros(n, dtype=bool)
    active = np.ones(n, dtype=bool)
    length = max(len(c) for c in chains.stages)
    # stage index per prompt and step; -1 once a chain has ended
    table = np.full((len(chains), length), -1)
    for k, c in enumerate(chains.stages):
        table[k, :len(c)] = c
    steps = table[np.asarray(choice)]
    for step in range(length):
        model = steps[:, step]
        here = active & (model >= 0)
        if not here.any():
            break
        m = np.where(here, model, 0)
        if step > 0:
            escalated |= here
        spent += np.where(here, cost[rows, m], 0.0)
        right = y[rows, m] == 1
        last = np.zeros(n, dtype=bool)
        last[here] = (step + 1 == length) | (steps[here, min(step + 1, length - 1)] < 0)
        checked = here & ~last
        spent += np.where(checked, detector.cost_usd, 0.0)
        u = draws[rows, m]
        flagged = np.where(right, u < detector.false_flag, u >= detector.miss)
        keep = here & (last | ~flagged)
        ok[keep] = right[keep]
        active = here & ~keep
    return Charged(spent, ok, escalated)
