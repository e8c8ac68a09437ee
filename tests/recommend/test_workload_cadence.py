"""Cadences the reader took in late (tests/data/workload_phrases_cadence.jsonl's last 16 rows:
11 misreadings before, 0 after): each is read with its words, and the month count it gave is
shown as read under "Assumptions used"."""

from __future__ import annotations

import pytest

from council.task import parse_task
from council.workload import build_workload
from council.workload_words import PER_MONTH, read_workload


@pytest.mark.parametrize(("text", "words", "how", "runs"), [
    ("Run the anomaly check hourly and summarise what it finds", "hourly",
     "once an hour = 720 a month", 720),
    ("Check the queue every 15 minutes", "every 15 minutes",
     "one every 15 minutes = 2,880 a month", 2880),
    ("Every other week, draft the newsletter", "Every other week",
     "one every other week = 2.17 a month", 26 / 12),
    ("Every other day, tidy the wiki tags", "Every other day",
     "one every other day = 15 a month", 15),
    ("Write the bi-weekly status report", "bi-weekly", "once a fortnight = 2.17 a month",
     26 / 12),
    ("Biweekly, check the dependency updates", "Biweekly", "once a fortnight = 2.17 a month",
     26 / 12),
    ("Fortnightly, compile the sprint report", "Fortnightly",
     "once a fortnight = 2.17 a month", 26 / 12),
    ("Review the roadmap twice a quarter", "twice a quarter",
     "twice a quarter = 0.67 a month", 2 / 3),
    ("Each business day, summarise the overnight tickets", "Each business day",
     "once a business day = 21.67 a month", 260 / 12),
    ("Every weekday, draft the morning briefing", "Every weekday",
     "once a business day = 21.67 a month", 260 / 12),
    ("Summarise every weekly sync into decisions", "weekly sync", "one a week = 4.33 a month",
     52 / 12),
    ("Before each quarterly earnings call, draft the CFO's talking points",
     "quarterly earnings call", "one a quarter = 0.33 a month", 1 / 3),
])
def test_a_cadence_is_read_with_its_words_and_month_count(text: str, words: str, how: str,
                                                          runs: float) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None, text
    assert (read.words, read.how) == (words, how)
    assert read.value == pytest.approx(runs)
    shown = {a.name: a for a in build_workload(parse_task(description=text), "summarisation",
                                                2.0).assumptions}["runs_per_month"]
    assert shown.source == "text" and shown.why == f"from your words: '{words}' ({how})"


def test_a_business_day_is_a_fifth_of_a_week_and_business_hours_eight_of_it() -> None:
    assert PER_MONTH["business day"] == pytest.approx(5 * PER_MONTH["week"])
    hours = read_workload("Classify 800 tickets per hour during business hours").runs_per_month
    assert hours is not None and hours.value == pytest.approx(800 * 8 * 260 / 12)


@pytest.mark.parametrize("text", [
    "Summarise every bi-weekly client call transcript for the account managers",
    "List the open questions from each quarterly earnings call transcript of the companies "
    "we cover",
    "Summarise each quarterly earnings call",
])
def test_each_of_a_qualified_event_says_no_count(text: str) -> None:
    """Whose client calls, whose earnings calls, and how many, is not said."""
    assert read_workload(text).runs_per_month is None
