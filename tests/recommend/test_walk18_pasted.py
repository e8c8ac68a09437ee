"""User QA 18: a pasted report's "churn rose to 3.1% monthly" priced the summary at 1 task a
month, said "At 1 tasks a month"."""

from __future__ import annotations

from council import present
from council.workload_words import read_workload
from tests.recs import make_rec

PASTED = ("Summarize this for the exec team:\n\nQ3 results: revenue grew 14% year on year to "
          "$48.2M, driven by enterprise subscriptions (+22%) while SMB churn rose to 3.1% "
          "monthly. Headcount is flat at 212.")


def test_a_rates_period_is_no_cadence() -> None:
    assert read_workload.__wrapped__(PASTED).runs_per_month is None
    text = "Churn is 3% monthly; summarise the churn report monthly for the board."
    runs = read_workload.__wrapped__(text).runs_per_month
    assert runs is not None and runs.value == 1 and runs.start > 20  # the second "monthly"


def test_one_task_a_month_is_singular() -> None:
    rec = make_rec("We send the KPI report monthly to the board; summarise it.",
                   category="summarisation", difficulty=1.5)
    caption = present.volume_caption(rec)
    assert caption is not None and caption.startswith("At 1 task a month, from your words")
