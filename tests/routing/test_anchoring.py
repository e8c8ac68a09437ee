"""One difficulty scale: shifting the success model's zero point, and measuring how its
difficulty agrees with the local classifier's."""

from __future__ import annotations

import numpy as np
import pytest

from council.outcomes.anchoring import Agreement, measure_agreement, spearman
from council.outcomes.success_model import fit_success_model


def _fitted() -> tuple[object, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 16))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    p = 1 / (1 + np.exp(-(np.array([[0.0, 1.5]]) - 5 * x[:, :1])))
    y = (rng.random(p.shape) < p).astype(np.int8)
    return fit_success_model(x, y, ["weak", "strong"], "test"), x, y


def test_shift_moves_difficulty_and_skills_but_not_p() -> None:
    model, x, _ = _fitted()
    before_p, before_d = model.p_matrix(x), model.difficulty(x)
    before_skill = model.skill.copy()
    model.shift_scale(0.7)
    assert np.allclose(model.p_matrix(x), before_p)
    assert np.allclose(model.difficulty(x), before_d + 0.7)
    assert np.allclose(model.skill, before_skill + 0.7)


def test_agreement_shift_puts_the_means_together() -> None:
    model, x, y = _fitted()
    own = model.difficulty(x)
    # a reading that agrees with the outcomes in rank, on another location and spread
    reader = 2.0 + 0.3 * (own - own.mean())
    found = measure_agreement(own, reader, y)
    assert found.shift == pytest.approx(reader.mean() - own.mean())
    model.shift_scale(found.shift)
    assert model.difficulty(x).mean() == pytest.approx(reader.mean())
    assert found.spearman_model == pytest.approx(1.0)
    assert found.spearman_failures > 0.3  # harder by the reader, more models fail
    assert sum(level["rows"] for level in found.by_level) == len(x)
    assert "Spearman +1.00" in Agreement(**found.to_dict()).summary()


def test_agreement_of_unrelated_readings_is_near_zero() -> None:
    model, x, y = _fitted()
    noise = np.random.default_rng(0).uniform(1, 5, len(x))
    assert abs(measure_agreement(model.difficulty(x), noise, y).spearman_model) < 0.15
    assert spearman(np.ones(5), np.arange(5.0)) == 0.0
