"""Outcome-derived difficulty: failure share onto the rubric scale, as weighted level rows."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from council.classifier_training.outcome_difficulty import (
    failure_to_level,
    level_rows,
    load_outcome_levels,
)


def test_failure_share_spans_the_rubric() -> None:
    assert failure_to_level(np.array([0.0, 0.5, 1.0])).tolist() == [1.0, 3.0, 5.0]


def test_level_rows_keep_the_expected_level_and_the_weight() -> None:
    levels = np.array([1.0, 3.4, 5.0, 2.75])
    rows = level_rows(levels, rubric_rows=8, share=1.0)  # 4 prompts, weight 8/4 capped at 1
    for i, level in enumerate(levels):
        mine = rows.origin == i
        assert np.isclose(rows.weight[mine].sum(), 1.0)
        assert np.isclose((rows.weight[mine] * rows.y[mine]).sum(), level)
    assert set(rows.y.tolist()) <= {1, 2, 3, 4, 5}
    small = level_rows(levels, rubric_rows=2, share=1.0)  # together as much as 2 rubric rows
    assert np.isclose(small.weight.sum(), 2.0)


def test_outcome_files_give_failure_shares(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.jsonl"
    rows = [{"id": "a", "source": "mmlu/x", "prompt": "easy", "outcomes": {"m1": 1, "m2": 1}},
            {"id": "b", "source": "mmlu/x", "prompt": "hard", "outcomes": {"m1": 0, "m2": 0}},
            {"id": "c", "source": "gsm8k", "prompt": "half", "outcomes": {"m1": 1, "m2": 0}},
            {"id": "d", "source": "gsm8k", "prompt": "one", "outcomes": {"m1": 0}}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    got = load_outcome_levels([path])
    assert got.texts == ["easy", "hard", "half", "one"]
    assert got.failure_share.tolist() == [0.0, 1.0, 0.5, 1.0]
    assert got.models.tolist() == [2, 2, 2, 1]
    assert got.levels.tolist() == [1.0, 5.0, 3.0, 5.0]


def test_source_group_is_the_benchmark() -> None:
    from council.classifier_training.outcome_difficulty import source_group

    assert source_group("mmlu/abstract_algebra") == "mmlu"
    assert source_group("routerbench/arc-challenge") == "arc-challenge"
    assert source_group("routerbench") == "routerbench"
    assert source_group("gsm8k") == "gsm8k"


def test_anchoring_keeps_each_files_mean_at_the_rubric_reading() -> None:
    from council.classifier_training.outcome_difficulty import anchored_levels

    levels = np.array([1.0, 3.0, 5.0, 1.0, 2.0])
    files = np.array([0, 0, 0, 1, 1])
    rubric = np.array([3.5, 3.5, 3.5, 2.0, 3.0])
    got = anchored_levels(levels, files, rubric)
    assert np.isclose(got[files == 1].mean(), 2.5)
    assert got.tolist()[:3] == [1.5, 3.5, 5.0]  # shifted by +0.5, clipped at 5
    assert got[3] < got[4]  # the order within a file is the failure order


def test_knn_moves_toward_near_outcome_prompts_and_leaves_descriptions() -> None:
    from council.assess.difficulty_knn import knn_difficulty

    head = np.array([3.0, 3.0])
    # Text 0 sits among outcome prompts of level 5; text 1 among the training descriptions.
    outcome_sim = np.array([[0.9, 0.9, 0.2], [0.1, 0.1, 0.1]])
    own_sim = np.array([[0.1, 0.1], [0.95, 0.9]])
    got = knn_difficulty(head, outcome_sim, np.array([5.0, 5.0, 1.0]), own_sim,
                         weight=0.5, k=3)
    assert 3.9 < got[0] <= 4.0  # half way to the vote (5, with the far level-1 prompt ~0)
    assert abs(got[1] - 3.0) < 0.01  # its neighbours are descriptions: the gate is ~0
    none = knn_difficulty(head, np.zeros((2, 0)), np.zeros(0), own_sim)
    assert none.tolist() == head.tolist()  # no outcome data: the head's reading
