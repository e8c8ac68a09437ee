"""Decision QA 14: a floor said as a model to match or beat is read and said."""

import pytest

from council.model_floor_words import Rival, model_floor_note, read_model_floor

IDS = ["gpt-4.1", "gpt-5.2", "gpt-5.4", "gpt-5.4-mini", "claude-sonnet-4-6", "gemini-4-argon"]


@pytest.mark.parametrize("text, model, beat", [
    ("Extract contract parties and dates; it must be at least as good as GPT-4.1.", "gpt-4.1",
     False),
    ("Summarise legal memos; the model must beat our current one, gpt-5.2.", "gpt-5.2", True),
    ("Answer chat questions; quality must be as good as Claude Sonnet 4.6.",
     "claude-sonnet-4-6", False),
    ("We need a model that is better than gpt-5.4-mini for summaries.", "gpt-5.4-mini", True),
    ("Translate app strings into Japanese; it has to beat what we use today.", None, True),
])
def test_a_model_floor_is_read(text, model, beat):
    read = read_model_floor(text, IDS)
    assert read is not None and read.model_id == model and read.beat == beat


@pytest.mark.parametrize("text", [
    "Write a blog post about why Claude is better than GPT-5.4.",  # a topic, not asked
    "Our team beats the competition; summarise sales calls.",
    "Compare gpt-5.4 and gpt-4.1 on our evals.",
])
def test_no_model_floor(text):
    assert read_model_floor(text, IDS) is None


def test_the_note_names_the_model_that_clears_it_when_the_pick_does_not():
    read = read_model_floor("Summarise memos; it must beat gpt-5.2.", IDS)
    pick = Rival("gpt-4.1", 0.80, 0.01)
    rivals = [pick, Rival("gpt-5.2", 0.85, 0.02), Rival("gemini-4-argon", 0.90, 0.03),
              Rival("gpt-5.4", 0.92, 0.05)]
    note = model_floor_note(read, {"gpt-5.2": 0.85}, pick, rivals, 0.75)
    assert "P 0.850" in note and "does not clear it: gemini-4-argon" in note
    assert "clears it" in model_floor_note(read, {"gpt-5.2": 0.85}, rivals[2], rivals, 0.75)
