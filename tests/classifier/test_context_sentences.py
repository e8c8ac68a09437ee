"""Workload sentences in the difficulty head's training (docs/classifier.md, "Difficulty and
workload sentences"): the bank, the copies, the fit, and the held-out probe on the shipped
artifact."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from council.classifier_training.classifier import fit_difficulty
from council.classifier_training.context_sentences import BANK, context_copies

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "tests" / "data" / "difficulty_context_heldout.jsonl"


def test_bank_is_disjoint_from_the_probes() -> None:
    probe = {json.loads(line)["text"] for line in PROBE.read_text().splitlines() if line}
    sys.path.insert(0, str(ROOT / "bench"))
    import difficulty_context

    assert len(probe) == 34
    assert not probe & set(BANK)
    assert not set(difficulty_context.ADDED.values()) & set(BANK)
    assert not set(difficulty_context.TASKS) & set(BANK)


def test_copies_append_one_sentence_each_at_the_same_label() -> None:
    texts = ["Tag news articles by topic.  ", "Summarise a contract."]
    copies = context_copies(texts, [2, 4])
    assert copies.texts == [f"Tag news articles by topic. {BANK[0]}",
                            f"Summarise a contract. {BANK[1]}"]
    assert copies.labels.tolist() == [2, 4]
    assert context_copies(texts, [2, 4]).texts == copies.texts  # the same on a rebuild
    with pytest.raises(ValueError):
        context_copies(texts, [1])


def test_the_copies_teach_the_head_a_context_feature_is_not_difficulty() -> None:
    # Feature 0 carries the level; feature 1 (a "workload sentence") is on in the hard rows
    # only, so a head fitted on the rows alone reads it as difficulty.
    rng = np.random.default_rng(0)
    y = np.repeat([1, 2, 3, 4, 5], 40)
    x = np.column_stack([y + rng.normal(0, 0.7, len(y)), (y >= 4).astype(float)])
    with_sentence = x.copy()
    with_sentence[:, 1] = 1.0

    def lift(model) -> float:
        probe = np.array([[3.0, 0.0], [3.0, 1.0]])
        levels = model.predict_proba(probe) @ model.classes_.astype(float)
        return float(levels[1] - levels[0])

    plain = fit_difficulty(x, y, 4.0)
    taught = fit_difficulty(x, y, 4.0, context_x=with_sentence)
    assert lift(plain) > 0.5
    assert abs(lift(taught)) < lift(plain) / 2
    with pytest.raises(ValueError):
        fit_difficulty(x, y, 4.0, context_x=with_sentence[:10])


@pytest.mark.slow
@pytest.mark.xdist_group("classifier")
def test_shipped_artifact_reads_the_held_out_workload_sentences_as_little() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from difficulty_context_heldout import load_probe, shifts

    from council.classifier_loader import ensure_classifier
    from council.config import paths

    c = ensure_classifier(paths().classifier_artifact)
    tasks, by_kind = load_probe()
    # shipped before: 0.507 (failure cost) and 1.001 (volume/size/cadence)
    assert np.abs(shifts(c, tasks, by_kind["failure cost"])).mean() <= 0.253
    assert np.abs(shifts(c, tasks, by_kind["volume/size/cadence"])).mean() <= 0.500
