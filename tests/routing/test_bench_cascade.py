"""The routing bench's cascade sweep: with chains of one it is the product's own sweep, and a
free perfect check never loses accuracy to it at the same failure cost."""

from __future__ import annotations

import numpy as np

from tests.bench_modules import load_bench


def _table(seed: int = 0, n: int = 200, m: int = 4) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.1, 0.95, (n, m))
    y = (rng.random((n, m)) < p).astype(int)
    cost = np.sort(rng.uniform(1e-4, 5e-3, m))[None, :] * rng.uniform(0.8, 1.2, (n, m))
    unit = np.broadcast_to(cost.mean(0), (n, m)).copy()
    fold = rng.permutation(n) % 5
    sources = np.where(np.arange(n) % 3 == 0, "code", "choice")
    return p, unit, fold, y, cost, sources


def test_chains_of_one_are_the_products_sweep() -> None:
    bench = load_bench("routing")
    p, unit, fold, y, cost, sources = _table()
    swept = bench.sweep_chains(p, unit, fold, y, cost, sources == "code", bench.NO_CASCADE,
                               sources)
    plain = bench.sweep_least_expected(p, unit, fold, y, cost)
    assert [(q.point.cost, q.point.accuracy) for q in swept] == [(q.cost, q.accuracy)
                                                                 for q in plain]
    assert all(q.chained == 0 and q.escalated == 0 for q in swept)


def test_cascades_only_where_a_test_checks() -> None:
    bench = load_bench("routing")
    p, unit, fold, y, cost, sources = _table(1)
    allowed = sources == "code"
    swept = bench.sweep_chains(p, unit, fold, y, cost, allowed, bench.CASCADE_CASES[
        bench.CASCADE_FREE], sources)
    assert max(q.chained for q in swept) > 0
    assert all(q.chained <= allowed.sum() for q in swept)
    alone = bench.sweep_chains(p, unit, fold, y, cost, allowed, bench.NO_CASCADE, sources)
    # where no test checks, the picks are the product's own: the same accuracy and cost there
    for q, r in zip(swept, alone, strict=True):
        assert q.by_source["choice"] == r.by_source["choice"]
    # at F = $10 a free perfect check rescues answers the most likely model alone gets wrong
    assert swept[-1].by_source["code"]["accuracy"] > alone[-1].by_source["code"]["accuracy"]
