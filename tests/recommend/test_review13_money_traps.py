"""Sentences decisionqa13's money, floor, check and vision rules should not fire on, or should
read otherwise (review 13, from tests/data/money_phrases_review13.jsonl, written before the
fixes); each case failed on the readers before its fix."""

from __future__ import annotations

import pytest

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
