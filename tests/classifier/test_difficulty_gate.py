"""The source gate (bench/difficulty_gate.py, measured, not shipped) on constructed unit vectors.

Three "benchmarks", each a tight cluster around its own template direction, and a few
"descriptions" away from all of them. A text drawn from a fitted benchmark's template must
get a high gate; a text from a fourth template that none of the fitted prompts share (its
nearest prompts are one benchmark's, but farther than they are from each other) and a text
far from all of them must get a low one.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.bench_modules import load_bench

_gate = load_bench("difficulty_gate")
FEATURES = _gate.FEATURES
Neighbourhood = _gate.Neighbourhood
SourceGate = _gate.SourceGate
fit_source_gate = _gate.fit_source_gate
gate_features = _gate.gate_features
top_k = _gate.top_k

DIM = 32
K = 10
SCALE = 0.1


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def _cluster(rng: np.random.Generator, centre: np.ndarray, n: int, spread: float) -> np.ndarray:
    return _unit(centre + spread * rng.standard_normal((n, DIM)))


@pytest.fixture(scope="module")
def world() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    axes = np.linalg.qr(rng.standard_normal((DIM, 5)))[0].T  # orthonormal directions
    # benchmarks 0-2 share a common few-shot block (a common direction), as ARC and
    # Winogrande do; benchmark 3 (unseen) shares it too, so its nearest prompts are near:
    # as near as the fitted benchmarks are to each other (the leave-one-out negatives).
    common = axes[4]
    centres = [_unit(0.8 * common + 0.6 * axes[i]) for i in range(4)]
    prompts = np.vstack([_cluster(rng, centres[i], 40, 0.05) for i in range(3)])
    groups = np.repeat(np.arange(3), 40)
    descriptions = _cluster(rng, -common, 30, 0.6)
    return {"prompts": prompts, "groups": groups, "descriptions": descriptions,
            "seen": _cluster(rng, centres[1], 5, 0.05),
            "unseen": _cluster(rng, centres[3], 5, 0.05),
            "far": _cluster(rng, -common, 5, 0.6)}


def _gate(world: dict[str, np.ndarray], texts: np.ndarray) -> np.ndarray:
    gate, own = fit_source_gate(world["prompts"], world["groups"], world["descriptions"], K,
                                SCALE)
    assert gate is not None
    near, idx = top_k(texts @ world["prompts"].T, K)
    return gate.probability(gate_features(near, idx, own, world["groups"], SCALE))


def test_a_text_of_a_fitted_source_opens_the_gate(world) -> None:
    assert _gate(world, world["seen"]).min() > 0.8


def test_an_unseen_source_near_the_prompts_keeps_it_closed(world) -> None:
    # nearer to benchmark 0-2's prompts than any description is, yet not of their template
    unseen = world["unseen"]
    assert (unseen @ world["prompts"].T).max(axis=1).min() > 0.5
    assert _gate(world, unseen).max() < 0.2


def test_a_text_far_from_every_prompt_gets_about_zero(world) -> None:
    assert _gate(world, world["far"]).max() < 0.05


def test_one_source_gives_no_gate(world) -> None:
    gate, own = fit_source_gate(world["prompts"][:40], world["groups"][:40],
                                world["descriptions"], K, SCALE)
    assert gate is None
    assert own.top1.shape == (40,)  # the neighbourhood is still there


def test_round_trips_through_arrays() -> None:
    gate = SourceGate(np.arange(len(FEATURES), dtype=float), -1.5)
    back = SourceGate.from_array(gate.as_array())
    assert back is not None and back.intercept == -1.5
    assert back.coef.tolist() == gate.coef.tolist()
    assert SourceGate.from_array(np.zeros(0)) is None
    with pytest.raises(ValueError):
        SourceGate.from_array(np.zeros(3))
    own = Neighbourhood(np.array([0.9, 0.8]), np.array([0.7, 0.6]))
    again = Neighbourhood.from_array(own.as_array())
    assert np.allclose(again.top1, own.top1) and np.allclose(again.mean, own.mean)
