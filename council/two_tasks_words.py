"""Two tasks said in one description: "Two things: transcribe our sales calls, and tag the
support emails". One answer prices one task (one model, one volume, one failure cost), so the
answer says it read one description for both (decision QA 17: nothing said).
Read in the first TASK_HEAD characters (``council.task_head``), where the task is said.
"""

from __future__ import annotations

import re

from council.task_head import TASK_HEAD

# a count of tasks that opens a sentence and introduces them: "Two things:", "We have three
# jobs -", "2 tasks:" (not "two things matter: speed and cost": no task word)
_TASKS = re.compile(r"(?:^|[.!?;]\s+)\W*(?:(?:we|i)\s+(?:have|need|want)\s+|there\s+are\s+)?"
                    r"(?P<n>two|three|four|[2-4])\s+(?:separate\s+|different\s+)?"
                    r"(?:things|jobs|tasks|use[- ]cases|workloads|workflows)\s*(?::|-|–|—)",
                    re.IGNORECASE)


def tasks_said(text: str) -> str | None:
    """The words that count several tasks ("Two things:"), or None."""
    m = _TASKS.search((text or "")[:TASK_HEAD])
    return None if m is None else m.group(0).strip(" .!?;")


def two_tasks_note(words: str) -> str:
    """What the answer says when the words count several tasks."""
    return (f"Your words count several tasks ('{words}'): this answer prices them as one task, "
            "with one model, one volume and one failure cost; describe each task on its own "
            "for its own model and cost")
