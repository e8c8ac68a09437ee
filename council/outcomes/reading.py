"""How a prompt is read before it is embedded.

The encoder reads 256 word pieces (about 1,000 characters). Benchmark prompts such as
RouterBench's ARC and Winogrande carry a long few-shot prefix with the real question
last, so reading only the head would embed the examples, not the task. A long text is
read as its head (which usually carries the instruction) joined to its tail (which
carries the question); short texts are read whole.
"""

from __future__ import annotations

HEAD_CHARS = 200
TAIL_CHARS = 800
JOINER = "\n...\n"


def reading_text(text: str, head: int = HEAD_CHARS, tail: int = TAIL_CHARS) -> str:
    """The part of ``text`` the encoder sees: whole if short, else head + tail."""
    text = text.strip()
    if len(text) <= head + tail + len(JOINER):
        return text
    return text[:head] + JOINER + text[-tail:]
