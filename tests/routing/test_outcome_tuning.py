"""MiniLM's top layers fine-tuned on outcomes (training/outcome_tuning.py, an experiment the
product does not run): the untouched copies give MiniLM's vectors, the fit is deterministic,
missing cells are not failures, and the head learns which model succeeds on which kind of
text."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from council.assess.encoder import default_encoder
from council.assess.tuned_encoder import TunedLayers, lower_states, top_copies
from tests.bench_modules import load_bench

tuning = load_bench("outcome_tuning", "training")
OutcomeTune, cut, fine_tune_outcomes = tuning.OutcomeTune, tuning.cut, tuning.fine_tune_outcomes
head_logits, pooled_outputs, unit = tuning.head_logits, tuning.pooled_outputs, tuning.unit

pytestmark = [pytest.mark.slow]

CODE = ["Fix this Python bug: def f(x): return x +", "Write a SQL query joining orders and users",
        "Why does this loop never end? while i < 10: print(i)",
        "Implement binary search in Rust", "Refactor this JavaScript function to use async"]
POEMS = ["Write a haiku about autumn leaves", "Compose a sonnet about the sea",
         "A limerick about a cat who loves cheese", "Write a short poem on winter mornings",
         "Write verses about a lighthouse keeper"]
MODELS = ("coder", "poet")
# coder succeeds on code and fails on poems; poet the reverse
Y = np.array([[1, 0]] * len(CODE) + [[0, 1]] * len(POEMS), dtype=np.int8)
FAST = OutcomeTune(epochs=12, lr=5e-4, batch=4, max_tokens=32)


@pytest.fixture(scope="module")
def states():
    return lower_states(CODE + POEMS)


def test_cut_keeps_the_first_quarter_and_the_last_three_quarters() -> None:
    import torch

    s = torch.arange(100, dtype=torch.float32)[:, None].repeat(1, 3)
    kept = cut(s, 20)[:, 0].tolist()
    assert kept == list(range(5)) + list(range(85, 100))
    assert cut(s[:10], 20).shape[0] == 10  # short texts untouched


def test_untouched_layers_give_minilm(states) -> None:
    base = TunedLayers.from_state(top_copies().state_dict())
    np.testing.assert_allclose(unit(pooled_outputs(base, states)),
                               default_encoder().encode(CODE + POEMS), atol=1e-5)


def test_head_learns_who_succeeds_where_and_fit_is_deterministic(states) -> None:
    tuned = fine_tune_outcomes(states, Y, MODELS, FAST)
    again = fine_tune_outcomes(states, Y, MODELS, FAST)
    assert np.array_equal(tuned.layers.flat, again.layers.flat)
    assert np.array_equal(tuned.head_w, again.head_w)
    logits = head_logits(tuned, pooled_outputs(tuned.layers, states))
    advantage = logits[:, 0] - logits[:, 1]  # coder over poet
    assert (advantage[:len(CODE)] > 0).all() and (advantage[len(CODE):] < 0).all()
    # the layers moved: the tuned vectors are not MiniLM's
    base = default_encoder().encode(CODE + POEMS)
    assert np.abs(unit(pooled_outputs(tuned.layers, states)) - base).max() > 1e-3


def test_missing_cells_are_masked_not_failures(states) -> None:
    # poet's outcomes on the code texts are unknown (-1). Read as failures they would teach
    # the head that poet fails on code; masked, poet has seen only successes, so its head
    # starts at (and stays near) a high rate everywhere.
    y = Y.copy()
    y[:len(CODE), 1] = -1
    tuned = fine_tune_outcomes(states, y, MODELS, replace(FAST, epochs=2))
    p_poet = 1 / (1 + np.exp(-head_logits(tuned, pooled_outputs(tuned.layers, states))[:, 1]))
    assert p_poet.min() > 0.9
    as_failures = np.where(y < 0, 0, y).astype(np.int8)
    wrong = fine_tune_outcomes(states, as_failures, MODELS, replace(FAST, epochs=2))
    p_wrong = 1 / (1 + np.exp(-head_logits(wrong, pooled_outputs(wrong.layers, states))[:, 1]))
    assert p_wrong[:len(CODE)].mean() < p_poet[:len(CODE)].mean() - 0.2
