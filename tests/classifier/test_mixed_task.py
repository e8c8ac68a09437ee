"""The issue's coding agent through the local classifier: agentic + code, an agent loop, no batch.

Whatever the classifier's verdict (today code generation with agentic around 7%), the words
describe an agent loop, so the recommendation must treat it as agentic and code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from council.api import recommend
from council.config import PROJECT_ROOT
from council.task_mix import AGENT_SHARE, task_mix
from council.workload_words import read_workload

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]

EXAMPLE = ("Build an agent that plans and executes a multi-step refactor of a 40-file Django "
           "codebase, running the tests with tool calls until they pass")


def test_coding_agent_is_agentic_and_code(classifier, tmp_path: Path) -> None:
    from council.catalog.store import init_catalog
    from council.db import open_db

    catalog = init_catalog(open_db(tmp_path / "council.db"), PROJECT_ROOT / "models_catalog")
    rec = recommend({"description": EXAMPLE}, catalog=catalog, classifier=classifier)
    a = rec.assessment
    mix = task_mix(a.category, a.category_p, read_workload(EXAMPLE))
    assert mix["agentic"] >= AGENT_SHARE
    coding = {"code_generation", "code_review", "debugging"}
    assert sum(p for c, p in mix.items() if c in coding) > 0.2 or a.category == "agentic"
    assert rec.assumptions["calls_per_task"] >= 10
    assert rec.assumptions["observation_tokens"] > 0  # the history grows with each step
    assert rec.assumptions["user_waits"] is False
    assert rec.recommended is not None
    assert "batch" not in {item.key for item in rec.advice}
    notes = {n.name: n for n in rec.assumption_notes}
    assert notes["calls_per_task"].source == "text"
    # the explanation names the lift when the council did not put agentic first
    assert any("agent loop" in line for line in rec.explanation) is (a.category != "agentic")
