"""Words misread in words12 (tests/data/workload_phrases_words12.jsonl, written before the
fixes): tool use on the web said without "agent", and one piece a period about our N things."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize("text", [
    "Each morning, browse the web for news on our 5 main competitors and write a 1-page brief.",
    "Search the web and open pages until you find each supplier's current price list.",
    "After each deploy, click through the site like a customer would and report broken links.",
    "Navigate the supplier portal, download each new invoice and log it in our sheet.",
    "Surf the internet for reviews of our new app every week and sum up what people say.",
])
def test_tool_use_on_the_web_is_an_agent_loop(text: str) -> None:
    loop = read_workload(text).loop
    assert loop is not None and loop.value == "agent"  # None before: a tool word only
    assert "tool use on the web" in loop.how


@pytest.mark.parametrize("text", [
    "Summarise the web pages our customers browse most, about 2,000 pages a month.",
    "Write a guide for users who browse the web on old phones, 20 pages a month.",
    "Classify about 5,000 search queries a day that users typed into our site search.",
    "Report our newsletter's click-through rate by segment every week.",
])
def test_browsing_by_people_or_search_as_data_is_no_loop(text: str) -> None:
    assert read_workload(text).loop is None


@pytest.mark.parametrize(("text", "runs"), [
    # userqa11's held-out row: 14 a week before (the weekday's count each time)
    ("Every Friday write a one-page summary about our 14 open projects for the leadership "
     "team.", 4.333),
    ("Every Monday, send the board a short update covering our 9 portfolio companies.", 4.333),
    ("Twice a week, write a newsletter about our 3 product lines for customers.", 8.667),
    ("On the first of each month, write one overview of all our 23 suppliers' delivery "
     "performance.", 1),
])
def test_one_piece_a_period_about_our_n_things_is_one_run_a_period(text: str,
                                                                    runs: float) -> None:
    assert read_workload(text).summary()["runs_per_month"] == pytest.approx(runs, rel=0.01)


@pytest.mark.parametrize(("text", "runs"), [
    ("Every Friday, write a one-page summary for each of our 14 projects.", 14 * 52 / 12),
    ("Every Monday write reports on our 8 regions.", 8 * 52 / 12),
    ("Every Friday, summarise our 14 open projects.", 14 * 52 / 12),
])
def test_a_piece_for_each_thing_stays_a_count(text: str, runs: float) -> None:
    assert read_workload(text).summary()["runs_per_month"] == pytest.approx(runs, rel=0.01)
