"""Sentences decisionqa13's money, floor, check and vision rules should not fire on, or should
read otherwise (review 13, from tests/data/money_phrases_review13.jsonl, written before the
fixes); each case failed on the readers before its fix."""

from __future__ import annotations

import pytest

from council.check_words import read_check
from council.floor_words import read_floor
from council.money_words import read_money
from council.need_words import needs_in_words


def vision(text: str) -> bool:
    return any(n.capability == "vision" for n in needs_in_words(text))


# A picture word as a modifier, or a text about pictures: no image to look at (each read as
# needing vision).
@pytest.mark.parametrize("text", [
    "Classify customer reviews of our photo frames by sentiment.",
    "Label each ticket about image uploads failing by severity.",
    "Extract the image URLs from our HTML pages.",
    "Translate the captions of our Instagram photos into German.",
    "Moderate comments on user photos for abuse.",
    "Detect duplicate image filenames in our catalogue export.",
])
def test_pictures_named_but_not_seen_need_no_vision(text: str) -> None:
    assert not vision(text)


@pytest.mark.parametrize("text", [
    "Label 10k product photos by category.",
    "Describe the defects visible in photos of welded joints.",
    # read as no need: the picture is handed to the model
    "Summarise the meeting notes; a photo of the whiteboard is attached.",
])
def test_pictures_the_model_sees_need_vision(text: str) -> None:
    assert vision(text)


def check(text: str) -> str | None:
    read = read_check(text)
    return None if read is None else "free" if read.free else "none"


@pytest.mark.parametrize(("text", "want"), [
    # about choosing a model, not checking an answer (read as no check possible)
    ("We can't tell which model is best for this, the answers vary a lot; classify legal "
     "clauses.", None),
    # the mail server's filter, not a check on the model's answer (read as a free check)
    ("Spam gets rejected automatically by the mail server; we summarise the rest of the inbox.",
     None),
    ("Each SQL query is run against a test database, so a wrong one is caught automatically at "
     "almost no cost.", "free"),
    ("Nobody can tell a wrong diagnosis code until the patient comes back.", "none"),
])
def test_a_check_is_of_an_answer(text: str, want: str | None) -> None:
    assert check(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # an error rate someone has now, to beat (read as a floor of 0.9)
    ("Our current vendor has an error rate under 10%, which is too high; we classify insurance "
     "claims.", None),
    ("Today no more than 5% of the tags are wrong, and that is too many; tag support tickets.",
     None),
    ("At most 1 in 50 answers may be wrong; we answer tax questions.", 0.98),
    ("The answers need an error rate under 1%.", 0.99),
])
def test_an_error_rate_now_is_no_floor(text: str, want: float | None) -> None:
    read = read_floor(text)
    assert (None if read is None else read.p) == (None if want is None
                                                   else pytest.approx(want))


def budget(text: str) -> float | None:
    read = read_money(text).budget
    return None if read is None else read.usd_per_month


@pytest.mark.parametrize(("text", "want"), [
    # a seat's price after "at": read as a $400 budget (the "have" before it)
    ("We have 50 seats of Slack at $8 per seat; our budget is $300 a month for tagging "
     "messages.", 300),
    ("We have 50 seats of Slack at $8 per seat.", None),
    ("Budget: $15 per user per month, 30 users. Draft replies to customer emails.", 450),
    ("Our annual budget is $40 per seat for 50 seats; triage bug reports.", 166.67),
])
def test_a_seats_price_is_no_budget(text: str, want: float | None) -> None:
    got = budget(text)
    assert got == (None if want is None else pytest.approx(want, abs=0.01))


@pytest.mark.parametrize(("text", "want"), [
    # a plan's name after the amount (read as a $49 and a $300 budget)
    ("We are on the $49 a month budget plan of our helpdesk; classify tickets.", None),
    ("The $300 monthly budget tier of the vendor is too small for us; summarise calls.", None),
    ("Our $300 per month budget covers tagging support emails.", 300),
])
def test_a_budget_plan_is_no_budget(text: str, want: float | None) -> None:
    got = budget(text)
    assert got == (None if want is None else pytest.approx(want))


@pytest.mark.parametrize("text", [
    # the verb "caption" is no text about pictures (a first cut of the rule above read none)
    "Caption 4k product photos every week in English and Swedish",
    "Give me an Instagram caption for a photo of our new sourdough loaf",
])
def test_captioning_a_picture_still_needs_vision(text: str) -> None:
    assert vision(text)
