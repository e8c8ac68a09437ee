"""The app's feedback exported as outcome rows (an audit copy of what the outcome model saw).

`council train` folds feedback into the outcome model (`council.outcomes.feedback`) and also
writes the rows (`{"id", "source": "feedback", "prompt", "outcomes": {MODEL: 0|1}}`, the
format of the shared outcome files) to `feedback_outcomes.jsonl` beside the artifact, so
`council route train --outcomes` can reuse them. The category/difficulty classifier itself
is trained on the labelled corpus only: a verdict on a model says nothing direct about a
task's category.
"""

from __future__ import annotations

import json
from pathlib import Path


def export_feedback(db_path: Path, target: Path) -> int:
    """Write feedback outcome rows to `target`; returns how many."""
    from council.db import open_db
    from council.store import MIGRATIONS, feedback_outcomes

    rows = feedback_outcomes(open_db(db_path, MIGRATIONS))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(target)
    return len(rows)
