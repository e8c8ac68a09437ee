"""The outcome model as an adequacy source for the recommendation, and feedback as outcomes.

``OutcomeAdequacy.p_success`` answers only for models the outcome data covers; the other
models are absent from its answer, so the recommendation falls back to the catalog skill
for them and can say which source each adequacy came from. ``with_prior`` shrinks the
answer toward the catalog's adequacy (``council.outcomes.feedback``), which matters for
models learnt from a handful of feedback verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from council.errors import InvalidInput
from council.outcomes.rows import OutcomeRow, parse_row
from council.outcomes.success_model import SuccessModel

SOURCE_NAME = "outcomes"


class OutcomeAdequacy:
    """P(success) from a trained success model, for the models it covers."""

    source = SOURCE_NAME

    def __init__(self, model_dir: Path | str) -> None:
        self.model = SuccessModel.load(Path(model_dir))

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(self.model.models)

    def p_success(self, description: str, model_ids: Sequence[str]) -> dict[str, float]:
        """{model: P(success)} for the requested models the outcome data covers."""
        wanted = [m for m in model_ids if m in self.covered]
        if not wanted:
            return {}
        return self.model.p_success([description], wanted)[0]

    def with_prior(self, prior: Any, strength: float | None = None) -> Any:
        """This source with each P pulled toward ``prior`` (the catalog's adequacy) by the
        model's outcome count: see ``council.outcomes.feedback``."""
        from council.outcomes.feedback import PRIOR_STRENGTH, ShrunkAdequacy

        return ShrunkAdequacy(self, prior, PRIOR_STRENGTH if strength is None else strength)


def feedback_rows(rows: Iterable[dict[str, Any]]) -> Iterator[OutcomeRow]:
    """App feedback rows (``council.store.feedback_outcomes``) validated as outcome rows."""
    import json

    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InvalidInput(f"feedback row {i}: not an object")
        yield parse_row(json.dumps(row), f"feedback row {i}")


def load_feedback(db_path: Path) -> list[OutcomeRow]:
    """Feedback from the app's database as outcome rows (empty list if there is none)."""
    from council.db import open_db
    from council.store import feedback_outcomes

    if not Path(db_path).exists():
        raise InvalidInput(f"feedback database not found: {db_path}")
    return list(feedback_rows(feedback_outcomes(open_db(db_path))))
