"""Decision QA 13: photos to look at need vision, read from the words (without LLM voters
nothing asked for it: text-only models were candidates, and the cheapest was the pick)."""

from __future__ import annotations

import pytest

from council.need_words import needs_in_words
from tests.recs import make_rec, real_catalog

PHOTOS = "Label product photos by category, 10,000 a month."


@pytest.mark.parametrize("text", [
    "Describe the defects visible in photos of welded joints, 3,000 photos a month.",
    PHOTOS,
    "Extract totals from photos of receipts.",
    "Tag screenshots of error dialogs by app.",
    "Write alt text for product images.",
])
def test_images_to_look_at_need_vision(text: str) -> None:
    assert [r.capability for r in needs_in_words(text)] == ["vision"]


@pytest.mark.parametrize("text", [
    "Generate product images for our shop.",  # made, not seen
    "Create an image of a cat.",
    "Build a Docker image and check it.",
    "Summarise text only, no images.",
    "Product didn't match the picture, says this review: positive or negative?",
    "Classify product reviews by sentiment.",
])
def test_no_image_to_look_at(text: str) -> None:
    assert needs_in_words(text) == ()


def _vision(model_id: str) -> bool:
    return next(m for m in real_catalog().models if m.id == model_id).vision


def test_the_pick_and_every_candidate_can_see() -> None:
    """No floor and failures free: the cheapest model of all, which was text-only."""
    rec = make_rec(PHOTOS, quality="none", failure_cost_usd=0.0)
    assert rec.recommended is not None and _vision(rec.recommended.model_id)
    assert all(_vision(c.model_id) for c in rec.candidates)
    said = next(a for a in rec.assumption_notes if a.name == "needs_vision")
    assert said.source == "text" and "Label product photos" in said.why


def test_not_needed_overrides_the_words() -> None:
    rec = make_rec(PHOTOS, quality="none", failure_cost_usd=0.0,
                   not_needed=frozenset({"vision"}))
    said = next(a for a in rec.assumption_notes if a.name == "needs_vision")
    assert said.value is False and said.source == "you"
    assert any(not _vision(c.model_id) for c in rec.candidates)
