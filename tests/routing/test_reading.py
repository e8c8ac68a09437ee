"""How long prompts are read before embedding: whole if short, else head + tail."""

from __future__ import annotations

from council.outcomes.reading import HEAD_CHARS, JOINER, TAIL_CHARS, reading_text


def test_short_text_is_read_whole() -> None:
    assert reading_text("  What is 2 + 2? 🙂  ") == "What is 2 + 2? 🙂"


def test_long_few_shot_prompt_keeps_instruction_and_final_question() -> None:
    text = "Answer with a letter.\n\n" + "Example Q\nAnswer: A\n\n" * 10_000 + "FINAL: 学生は?"
    read = reading_text(text)  # ~200 KB in
    assert len(read) == HEAD_CHARS + len(JOINER) + TAIL_CHARS
    assert read.startswith("Answer with a letter.")
    assert read.endswith("FINAL: 学生は?")
