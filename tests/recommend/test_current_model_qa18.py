"""Decision QA 18: the model the user runs today ("We use GPT-4o now", "we currently use
gpt-4.1") is compared with the pick, or said not to be in the catalog; a tool or a model
named with no word of now is none."""

from __future__ import annotations

import pytest

from council.api import recommend_for
from council.current_model_words import current_model_note, read_current_model
from council.task import parse_task
from tests.recs import assessment

IDS = ("gpt-4.1", "gpt-5-mini", "gpt-5", "claude-sonnet-4-5", "o3")


@pytest.mark.parametrize("text, model_id, name", [
    ("We use GPT-4o now for drafting support replies.", None, "GPT-4o"),
    ("We currently use gpt-4.1 to tag product reviews.", "gpt-4.1", "gpt-4.1"),
    ("We're on Claude Sonnet 4.5 today.", "claude-sonnet-4-5", "Claude Sonnet 4.5"),
    ("Our current model is gpt-5-mini.", "gpt-5-mini", "gpt-5-mini"),
])
def test_the_model_used_today(text: str, model_id: str | None, name: str) -> None:
    read = read_current_model(text, IDS)
    assert read is not None and read.model_id == model_id and read.name == name


@pytest.mark.parametrize("text", [
    "We use GPT-4o to draft replies.",          # no word of now: perhaps the plan
    "We currently use Zendesk macros.",         # a tool, not a model
    "We use Python now for the pipeline.",
])
def test_no_model_used_today(text: str) -> None:
    assert read_current_model(text, IDS) is None


def test_a_family_is_said_to_need_its_version() -> None:
    read = read_current_model("We use Claude now for support replies.", IDS)
    assert read is not None and read.family and read.model_id is None
    assert "names a family" in current_model_note(read, None, None)


def test_the_answer_compares_or_says_unknown(catalog) -> None:
    task = "We currently use gpt-4.1 to tag product reviews by sentiment."
    rec = recommend_for(parse_task(description=task), assessment("classification", 1.5),
                        catalog=catalog)
    assert any("gpt-4.1, what you use now, costs" in n for n in rec.notes)
    rec = recommend_for(parse_task(description="We use GPT-4o now to tag reviews."),
                        assessment("classification", 1.5), catalog=catalog)
    assert any("GPT-4o is not in the catalog" in n for n in rec.notes)
