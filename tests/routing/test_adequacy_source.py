"""The outcome model as an adequacy source, and app feedback as outcome rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from council.errors import InvalidInput
from council.outcomes.adequacy_source import OutcomeAdequacy, feedback_rows
from council.outcomes.success_model import fit_success_model


class _FixedEncoder:
    name = "fixed"
    dim = 4

    def encode(self, texts: list[str], *args: object, **kwargs: object) -> np.ndarray:
        return np.array([[1.0, len(t) % 3, 0.5, 0.0] for t in texts])


def test_answers_only_for_covered_models(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(80, 4))
    y = (rng.random((80, 2)) < 0.5).astype(np.int8)
    fit_success_model(x, y, ["gpt-4-1106-preview", "m2"], "fixed").save(tmp_path)
    source = OutcomeAdequacy(tmp_path)
    source.model._encoder = _FixedEncoder()
    got = source.p_success("summarise a thread", ["gpt-4-1106-preview", "claude-opus-4-7"])
    assert set(got) == {"gpt-4-1106-preview"}
    assert 0 < got["gpt-4-1106-preview"] < 1
    assert source.p_success("x", ["claude-opus-4-7"]) == {}


def test_feedback_rows_are_validated_outcome_rows() -> None:
    rows = [{"id": "s1", "source": "feedback", "prompt": "tag tickets",
             "outcomes": {"claude-haiku-4-5": 1, "gpt-5-mini": 0}}]
    parsed = list(feedback_rows(rows))
    assert parsed[0].outcomes == {"claude-haiku-4-5": 1, "gpt-5-mini": 0}
    with pytest.raises(InvalidInput, match="feedback row 0"):
        list(feedback_rows([{"id": "s1", "prompt": "p", "outcomes": {"m": "yes"}}]))
