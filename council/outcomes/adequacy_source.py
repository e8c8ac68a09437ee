"""The outcome model as an adequacy source for the recommendation, and feedback as outcomes.

``OutcomeAdequacy.p_success`` answers only for models the outcome data covers; the other
models are absent from its answer, so the recommendation falls back to the catalog skill
for them and can say which source each adequacy came from. Given the catalog's adequacy as a
prior it shrinks its answer toward it (``council.outcomes.feedback``), which matters for
models learnt from a handful of feedback verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from council.errors import InvalidInput
from council.outcomes.rows import OutcomeRow, parse_row
from council.outcomes.success_model import SuccessModel

SOURCE_NAME = "outcomes"


class OutcomeAdequacy:
    """P(success) from a trained success model, for the models it covers.

    Given a ``prior`` (the catalog's P(adequate) under the council's reading), each answer is
    pulled toward it by the model's outcome count (``council.outcomes.feedback.shrink``).
    """

    source = SOURCE_NAME

    def __init__(self, model_dir: Path | str, strength: float | None = None) -> None:
        from council.outcomes.feedback import PRIOR_STRENGTH, outcome_counts

        self.model = SuccessModel.load(Path(model_dir))
        self.strength = PRIOR_STRENGTH if strength is None else strength
        self.counts = outcome_counts(self.model)

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(self.model.models)

    def p_success(self, description: str, model_ids: Sequence[str], *,
                  prior: Mapping[str, float] | None = None) -> dict[str, float]:
        """{model: P(success)} for the requested models the outcome data covers."""
        from council.outcomes.feedback import shrink

        wanted = [m for m in model_ids if m in self.covered]
        if not wanted:
            return {}
        raw = self.model.p_success([description], wanted)[0]
        if prior is None:
            return raw
        return {m: shrink(p, self.counts.get(m, 0), prior.get(m), self.strength)
                for m, p in raw.items()}


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
    from council.store import MIGRATIONS, feedback_outcomes

    if not Path(db_path).exists():
        raise InvalidInput(f"feedback database not found: {db_path}")
    return list(feedback_rows(feedback_outcomes(open_db(db_path, MIGRATIONS))))
