"""Per-prompt price prediction (council.outcomes.call_cost): fitted on training rows only,
never below the least cost seen, better than the mean price where cost follows the prompt."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from council.errors import InvalidInput
from council.outcomes.call_cost import INPUTS, MIN_ROWS, cost_inputs, fit_call_cost

MODELS = ["cheap", "dear"]


def _rows(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Synthetic inputs and costs: input price per token, plus long answers on code prompts."""
    rng = np.random.default_rng(seed)
    inputs = np.zeros((n, len(INPUTS)))
    inputs[:, 0] = rng.integers(50, 2000, n)  # prompt tokens
    inputs[:, 3] = rng.integers(0, 2, n) * rng.uniform(1, 3, n)  # code markers
    inputs[:, 1:] += rng.normal(0, 0.1, (n, len(INPUTS) - 1))
    cost = np.stack([0.2e-6 * inputs[:, 0] + 1e-5 + 4e-5 * inputs[:, 3],
                     10e-6 * inputs[:, 0] + 3e-3 + 6e-3 * inputs[:, 3]], 1)
    return inputs, cost * rng.uniform(0.95, 1.05, cost.shape)


def test_held_out_prices_follow_tokens_and_task() -> None:
    x_tr, c_tr = _rows(400, 0)
    x_te, c_te = _rows(200, 1)
    model = fit_call_cost(x_tr, c_tr, MODELS)
    pred = model.predict(x_te)
    assert pred.shape == (200, 2)
    err = np.abs(pred - c_te).mean(0)
    err_mean_price = np.abs(c_tr.mean(0) - c_te).mean(0)
    assert (err < 0.2 * err_mean_price).all()
    r2 = 1 - ((pred - c_te) ** 2).sum(0) / ((c_te - c_te.mean(0)) ** 2).sum(0)
    assert (r2 > 0.95).all()


def test_never_below_the_least_cost_seen() -> None:
    x_tr, c_tr = _rows(300, 2)
    model = fit_call_cost(x_tr, c_tr, MODELS)
    odd = np.zeros((1, len(INPUTS)))
    odd[0, 0] = -1e6  # far outside anything seen: the linear part is hugely negative
    assert (model.predict(odd)[0] == c_tr.min(0)).all()


def test_few_known_costs_give_the_mean_and_none_is_an_error() -> None:
    x, c = _rows(100, 3)
    c[MIN_ROWS - 1:, 0] = np.nan  # 'cheap' known on fewer than MIN_ROWS rows
    model = fit_call_cost(x, c, MODELS)
    assert model.predict(x[:5])[:, 0] == pytest.approx([np.nanmean(c[:, 0])] * 5)
    c[:, 1] = np.nan
    with pytest.raises(InvalidInput, match="no known cost for dear"):
        fit_call_cost(x, c, MODELS)


def test_shapes_are_checked() -> None:
    x, c = _rows(50, 4)
    with pytest.raises(InvalidInput, match="one row per cost row"):
        fit_call_cost(x[:10], c, MODELS)
    with pytest.raises(InvalidInput, match="2 models"):
        fit_call_cost(x, c[:, :1], MODELS)
    with pytest.raises(InvalidInput, match="prompt_tokens"):
        fit_call_cost(x, c, MODELS).predict(x[:, :3])


def test_inputs_count_tokens_and_read_code() -> None:
    short, long_, code = cost_inputs(["What is 2+2?", "What is 2+2? " * 50,
                                      "def add(a, b):\n    return a + b\n"])
    assert 0 < short[0] < long_[0]
    assert code[1 + 2] > short[1 + 2]  # the code-marker feature


def test_routerbench_prices_per_prompt_beat_the_mean_price(shared_dir: Path) -> None:
    """On the real RouterBench costs, held out: every model's price error falls."""
    rows = [json.loads(line) for line in
            (shared_dir / "routing" / "routerbench" / "outcomes.jsonl").read_text().splitlines()]
    rows = rows[::3]  # 735 prompts: enough, and quick to count
    models = sorted(rows[0]["cost_usd"])
    cost = np.array([[r["cost_usd"].get(m, np.nan) for m in models] for r in rows])
    inputs = cost_inputs([r["prompt"] for r in rows])
    test = np.arange(len(rows)) % 5 == 0
    pred = fit_call_cost(inputs[~test], cost[~test], models).predict(inputs[test])
    truth = cost[test]
    known = np.isfinite(truth)
    err = np.nanmean(np.where(known, np.abs(pred - truth), np.nan), 0)
    err_mean = np.nanmean(np.where(known, np.abs(np.nanmean(cost[~test], 0) - truth), np.nan), 0)
    assert (err < err_mean).all()
    assert np.mean(err / err_mean) < 0.6


def test_saved_with_the_artifact_and_shapes_per_call_prices(tmp_path: Path) -> None:
    from council.errors import ArtifactError
    from council.outcomes.call_cost import CallCostModel

    texts = [("Write a Python function that sorts a list. def f(x): return x" if i % 2
              else "Which is larger? A) 2 B) 3") + " word" * (i % 40) for i in range(120)]
    inputs = cost_inputs(texts)
    cost = np.stack([1e-6 * inputs[:, 0] + 2e-5 * (np.arange(120) % 2),
                     3e-5 * inputs[:, 0] + 1e-3 * (np.arange(120) % 2)], 1) + 1e-6
    model = fit_call_cost(inputs, cost, MODELS)
    assert CallCostModel.load(tmp_path) is None  # no cost model: per-call prices stay flat
    model.save(tmp_path)
    loaded = CallCostModel.load(tmp_path)
    assert loaded is not None and loaded.models == tuple(MODELS)
    np.testing.assert_allclose(loaded.predict(inputs), model.predict(inputs))
    shape = loaded.shape(texts, ["dear", "cheap"])  # columns in the router's order
    assert shape.mean(0) == pytest.approx([1.0, 1.0], abs=0.05)
    assert shape[41, 0] > 2 * shape[40, 0]  # a code prompt costs more than a letter choice
    with pytest.raises(ArtifactError, match="no other"):
        loaded.shape(texts, ["other"])
    (tmp_path / "call_cost.npz").write_bytes(b"not a zip")
    with pytest.raises(ArtifactError, match="corrupt"):
        CallCostModel.load(tmp_path)
