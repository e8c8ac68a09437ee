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
