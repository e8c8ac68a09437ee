"""bench/categories.py --seed: seed 0 is the training's own seed (the readings it gave before
the option), and another seed reaches the fine-tune and the second reading's cut folds."""

from __future__ import annotations

import numpy as np
import pytest

from council.classifier_training import classifier as tc
from council.classifier_training.corpus import Example
from tests.bench_modules import load_bench

pytestmark = [pytest.mark.xdist_group("classifier")]

CATEGORIES = ("creative_writing", "debugging", "translation")


def _rows(n: int) -> list[Example]:
    return [Example(f"r{i}", f"row {i}", CATEGORIES[i % 3], None, "train") for i in range(n)]


def _oof_top(bench, train, x, **seed) -> np.ndarray:
    bench._OOF_TOP.clear()
    bench._oof_cut(tc, bench.Variant("t", "t"), train, x, 1.0, 1.0, **seed)
    (top,) = bench._OOF_TOP.values()
    return top


def test_the_cut_folds_follow_the_seed() -> None:
    bench = load_bench("categories")
    train = _rows(60)
    y = np.array([CATEGORIES.index(e.category) for e in train])
    x = np.random.default_rng(0).normal(size=(60, 8)) + y[:, None] * 0.5
    default = _oof_top(bench, train, x)
    # the default is the folds `council train` draws with seed 0, as before the option
    fold_of = tc._category_folds(train, tc.FOLDS, 0)
    expected = np.zeros(len(train))
    for k in range(tc.FOLDS):
        held, keep = np.flatnonzero(fold_of == k), np.flatnonzero(fold_of != k)
        model = tc.fit_category(x[keep], tc.category_rows([train[i] for i in keep], 1.0, True),
                                1.0)
        expected[held] = model.predict_proba(x[held]).max(axis=1)
    np.testing.assert_array_equal(default, expected)
    assert not np.array_equal(_oof_top(bench, train, x, seed=1), default)


@pytest.mark.slow
def test_the_fine_tune_follows_the_seed(tmp_path) -> None:
    from council.assess.classifier import prepare_text
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.assess.tuned_encoder import lower_states
    from council.classifier_training.finetune import FINETUNE, fine_tune

    bench = load_bench("categories")
    train = [Example(f"r{i}", text, category, None, "train") for i, (text, category) in
             enumerate([("Write a poem about the sea", "creative_writing"),
                        ("Compose a short story about a lighthouse keeper", "creative_writing"),
                        ("Debug this stack trace from my Flask app", "debugging"),
                        ("Why does this loop never end? while i < 10: print(i)", "debugging")])]
    encoder = CachedEncoder(default_encoder(), tmp_path / "cache")
    shipped = fine_tune(lower_states([prepare_text(e.text) for e in train]), train, FINETUNE)
    assert bench._tuned(train, encoder).name == shipped.encoder_name
    assert bench._tuned(train, encoder, 1).name != shipped.encoder_name
