"""bench/difficulty_irt.py (round 8): the IRT head as a difficulty reading, on synthetic data
and tiny outcome files (no encoder)."""

from __future__ import annotations

import json

import numpy as np

from council.outcomes.anchoring import spearman
from tests.bench_modules import load_bench

irt = load_bench("difficulty_irt")
ablation = load_bench("difficulty_ablation")


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def test_the_description_gate_is_the_shipped_knns_gate():
    rng = np.random.default_rng(0)
    centre = np.eye(16)[:2] * 2.0
    outcome = _unit(rng.normal(size=(300, 16)) + centre[0])
    own = _unit(rng.normal(size=(120, 16)) + centre[1])
    query = _unit(np.vstack([outcome[:20] + 0.3 * rng.normal(size=(20, 16)),
                             own[:20] + 0.3 * rng.normal(size=(20, 16))]))
    gate = irt.description_gate(query @ outcome.T, query @ own.T)
    np.testing.assert_allclose(gate, ablation.gate_of(query, outcome, own, 50), atol=1e-12)
    assert gate[:20].mean() > 0.7 and gate[20:].mean() < 0.4


def test_the_blend_keeps_the_shipped_reading_where_the_gate_is_shut():
    shipped, head = np.array([2.0, 2.0, 2.0]), np.array([4.0, 4.0, 4.0])
    np.testing.assert_allclose(irt.blend(shipped, head, np.array([0.0, 1.0, 0.5])),
                               [2.0, 3.0, 2.5])


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_joint_outcomes_stacks_both_files_over_the_union_of_models(tmp_path):
    _write(tmp_path / "a.jsonl", [{"id": i, "source": "mmlu/x", "prompt": f"a{i}",
                                   "outcomes": {"m1": i % 2, "m2": int(i < 3)}} for i in range(5)])
    _write(tmp_path / "b.jsonl", [{"id": i, "source": "routerbench/arc", "prompt": f"b{i}",
                                   "outcomes": {"m2": int(i == 0), "m3": i % 2}} for i in range(3)])
    out = irt.joint_outcomes([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], np.arange)
    assert out.texts == [f"a{i}" for i in range(5)] + [f"b{i}" for i in range(3)]
    assert out.models == ["m1", "m2", "m3"]
    np.testing.assert_array_equal(out.y[:5, 2], -1)
    np.testing.assert_array_equal(out.y[5:, 0], -1)
    np.testing.assert_array_equal(out.y[:5, 0], [0, 1, 0, 1, 0])
    np.testing.assert_array_equal(out.y[:, 1], [1, 1, 1, 0, 0, 1, 0, 0])
    # with a sample, the rows bench/difficulty.py samples, in its order
    difficulty = load_bench("difficulty")
    sampled = irt.joint_outcomes([tmp_path / "a.jsonl", tmp_path / "b.jsonl"],
                                 lambda rows: difficulty.sample_index(rows, 2, 0))
    ix = difficulty.sample_index(5, 2, 0)
    assert sampled.texts[:2] == [f"a{i}" for i in ix] and len(sampled.texts) == 4


def test_the_irt_head_reads_held_out_items_by_their_difficulty_on_the_anchor():
    """Items whose true difficulty is a direction of the embedding: a fit on 600 reads 200
    others in the same order, and the fitted items' mean reading is the anchor."""
    rng = np.random.default_rng(1)
    n, d, m = 800, 24, 6
    x = _unit(rng.normal(size=(n, d)))
    truth = 3.0 * x[:, 0] + 0.5 * rng.normal(size=n)
    skill = np.linspace(-1.0, 1.5, m)
    y = (rng.random((n, m)) < 1 / (1 + np.exp(-(skill[None, :] - truth[:, None])))).astype(
        np.int8)
    texts = [f"Question {i}: what is {i} + {i}?" for i in range(n)]
    outcomes = irt.Outcomes(texts, y, [f"m{j}" for j in range(m)])
    keep, held = np.arange(600), np.arange(600, n)
    model = irt.fit_irt(x, outcomes, keep, anchor_mean=2.7)
    assert abs(model.difficulty(x[keep], [texts[i] for i in keep]).mean() - 2.7) < 1e-9
    read = model.difficulty(x[held], [texts[i] for i in held])
    assert spearman(read, truth[held]) > 0.6
    assert spearman(read, 1 - y[held].mean(1)) > 0.4


def test_judge_flags_a_reading_no_better_than_the_shipped_one():
    rng = np.random.default_rng(2)
    n = 400
    fail = rng.random(n)
    file_of = np.array(["RB"] * 300 + ["MG"] * 100)
    shipped = fail + rng.normal(scale=0.5, size=n)
    per_draw = {}
    for s in (0, 1, 2):
        noise = np.random.default_rng(10 + s).normal(scale=1.0, size=n)
        per_draw[s] = {"ship": shipped + 0.05 * noise,
                       "irt frozen": fail + 0.3 * noise,  # far better: passes (1), (2)
                       "irt tuned": shipped + 0.05 * noise[::-1],  # the same: fails (1)
                       "shipped + irt frozen": -fail,  # worse: fails (1), (2)
                       "shipped + irt tuned": shipped + 0.05 * noise}  # identical
    y_test = rng.uniform(1, 5, 50)
    test_rows = {"ship": y_test + 0.1, "irt frozen": y_test + 0.08, "irt tuned": y_test + 0.1,
                 "shipped + irt frozen": y_test + 1.0, "shipped + irt tuned": y_test + 0.1}
    verdict = irt.judge(per_draw, fail, file_of, test_rows, y_test, "ship", rb="RB", mg="MG")
    assert verdict["irt frozen"]["fails"] == []
    assert verdict["irt tuned"]["fails"] == ["(1)"]
    assert verdict["shipped + irt frozen"]["fails"] == ["(1)", "(2)", "(3)"]
    assert verdict["shipped + irt tuned"]["lead"] == 0.0
    assert "| irt frozen |" in "\n".join(irt.verdict_lines(verdict))
