"""bench/encoders.py's scoring machinery on synthetic vectors (no encoder is loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from council.assess.prototypes import prototype_texts
from council.categories import CATEGORY_KEYS
from council.classifier_training.corpus import Example
from tests.bench_modules import load_bench

encoders = load_bench("encoders")
categories = load_bench("categories")

A, B, C = CATEGORY_KEYS[:3]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def test_concat_cosine_is_the_mean_of_the_parts():
    rng = np.random.default_rng(0)
    a, b = _unit(rng.normal(size=(2, 8))), _unit(rng.normal(size=(2, 5)))
    joined = encoders.concat([a, b])
    assert np.allclose(np.linalg.norm(joined, axis=1), 1.0)
    assert joined[0] @ joined[1] == pytest.approx((a[0] @ a[1] + b[0] @ b[1]) / 2)


def test_cascade_rereads_only_the_least_sure_share():
    first = np.array([[0.9, 0.1], [0.55, 0.45], [0.8, 0.2], [0.5, 0.5]])
    second = np.array([[0.0, 1.0]] * 4)
    mixed = encoders.cascade(encoders.Reading(first, first), encoders.Reading(second, second),
                             0.5)
    assert mixed.dev.tolist() == [[0.9, 0.1], [0.0, 1.0], [0.8, 0.2], [0.0, 1.0]]


def _dev(i: int, source: str, labels: tuple[str, ...]):
    return categories.DevRow(f"d{i}", source, "label", f"prompt {i}", labels)


def test_score_counts_any_accepted_label_and_the_second_guess():
    p = np.zeros((3, len(CATEGORY_KEYS)))
    p[0, [0, 1]] = [0.7, 0.3]  # top A: accepted
    p[1, [0, 1]] = [0.6, 0.4]  # top A, second B: only top-2 accepts
    p[2, [2, 0]] = [0.9, 0.1]  # top C: nothing accepted
    dev = [_dev(0, "s", (B, A)), _dev(1, "s", (B,)), _dev(2, "t", (B,))]
    test_p = np.zeros((1, len(CATEGORY_KEYS)))
    test_p[0, 0] = 1.0
    test = [Example("t0", "text", A, 2, "test")]
    out = encoders.score(encoders.Reading(p, test_p), test, dev)
    assert out["accuracy"] == pytest.approx(1 / 3)
    assert out["top2"] == pytest.approx(2 / 3)
    assert out["test_split_accuracy"] == 1.0
    assert out["per_source"]["s"] == {"rows": 2, "accuracy": 0.5, "top2": 1.0}


def test_a_source_is_never_scored_by_a_head_that_saw_it():
    """Rows of source x point in a direction no team row uses and are labelled C. Scored with
    x held out, the head cannot know that; a source it never trained on (z) with the same
    vectors is scored by the full head, which has seen x's rows."""
    rng = np.random.default_rng(1)
    dim = 12
    train, vectors = [], []
    for k, category in enumerate((A, B, C)):
        for i in range(12):
            train.append(Example(f"{category}-{i}", f"{category} task {i}", category, 2,
                                 "train"))
            vectors.append(np.eye(dim)[k] + 0.05 * rng.normal(size=dim))
    for i in range(12):
        train.append(Example(f"x-{i}", f"x prompt {i}", C, None, "train", source="x",
                             labels=(C,)))
        vectors.append(np.eye(dim)[5] + 0.05 * rng.normal(size=dim))
    emb_train = _unit(np.asarray(vectors))
    emb_dev = _unit(np.eye(dim)[[5, 5, 0]] + 0.05 * rng.normal(size=(3, dim)))
    test = [Example("t", "text", A, 2, "test")]
    emb_test = emb_dev[2:]
    protos = _unit(rng.normal(size=(len(prototype_texts()[0]), dim)))
    c = CATEGORY_KEYS.index(C)
    held = encoders.held_out(emb_train, emb_test, emb_dev, protos, train, test,
                             [_dev(0, "x", (C,)), _dev(1, "x", (C,)), _dev(2, "x", (A,))])
    seen = encoders.held_out(emb_train, emb_test, emb_dev, protos, train, test,
                             [_dev(0, "z", (C,)), _dev(1, "z", (C,)), _dev(2, "z", (A,))])
    assert seen.dev[:2, c].min() > 0.8
    assert held.dev[:2, c].max() < seen.dev[:2, c].min() - 0.3
    assert held.test.argmax(axis=1).tolist() == [CATEGORY_KEYS.index(A)]
