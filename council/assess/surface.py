"""Surface features of a text that mean the same whatever source wrote it.

Plain functions over the raw text (no encoder, nothing fitted), each in [0, 1], that the
category head may weigh beside the embedding: how much of the text is code, whether a
function or a traceback is pasted, whether it asks a question, whether it opens with an
order. They are meant to carry across sources, where the embedding learns a source's style.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from council.assess.input_flags import is_code_line

# Only the start of a text is read: the features describe what kind of input it is, and a
# 200 KB paste must cost no more than a description.
READ_CHARS = 4000

_FUNCTION = re.compile(
    r"^\s*(async\s+)?(def|fn|func|function)\s+\w+\s*\("  # python, rust, go, js
    r"|^\s*(public|private|protected|static)?\s*[\w<>\[\],]+\s+\w+\s*\([^)]*\)\s*\{",  # C-like
    re.MULTILINE)
_TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|^\s*at [\w.$]+\(.*\)$|\b\w*(Error|Exception)\b:"
    r"|\bpanicked at\b|\bSegmentation fault\b|\bstack trace\b|\berror\[E\d+\]",
    re.MULTILINE)
# Verbs a request in the imperative opens with (lower case).
_IMPERATIVE_WORDS = """
add analyse analyze answer assess build calculate categorise categorize check choose classify
compare compose compute condense convert create debug define describe design detect determine
develop draft edit evaluate explain extract figure find fix generate give go help identify
implement improve label list make migrate modify navigate open optimise optimize outline parse
plan prepare produce prove provide read recommend refactor reply respond review rewrite run
search select show simplify solve sort suggest summarise summarize tag tell translate turn
update use validate write
"""
_IMPERATIVES = frozenset(_IMPERATIVE_WORDS.split())
_FIRST_WORD = re.compile(r"[A-Za-z]+")


def code_share(text: str) -> float:
    """Share of non-empty lines that look like code."""
    lines = [ln for ln in text[:READ_CHARS].splitlines() if ln.strip()]
    if not lines:
        return 0.0
    return sum(1 for ln in lines if is_code_line(ln)) / len(lines)


# A word in braces ("{gap}", "{vocalsound}", "{name}") marks a transcript's non-speech or a
# template's slot, not code: code_share_unmarked drops them before counting code lines.
_BRACED_WORD = re.compile(r"\{[A-Za-z_ ]{1,30}\}")


def code_share_unmarked(text: str) -> float:
    """code_share with every braced word removed first (a transcript's {disfmarker} and a
    template's {slot} made a pasted meeting read as part code)."""
    return code_share(_BRACED_WORD.sub(" ", text[:READ_CHARS]))


def has_function(text: str) -> float:
    """1 when a function definition is pasted."""
    return 1.0 if _FUNCTION.search(text[:READ_CHARS]) else 0.0


def has_traceback(text: str) -> float:
    """1 when an error message or a stack trace is pasted."""
    return 1.0 if _TRACEBACK.search(text[:READ_CHARS]) else 0.0


def asks_question(text: str) -> float:
    """1 when the request (its first 300 characters, or its last 300) ends a sentence with ?."""
    stripped = text.strip()
    return 1.0 if "?" in stripped[:300] or "?" in stripped[-300:] else 0.0


def imperative(text: str) -> float:
    """1 when the text opens with an order ("Write ...", "Please fix ...")."""
    words = _FIRST_WORD.findall(text[:80].lower())
    if words and words[0] == "please":
        words = words[1:]
    return 1.0 if words and words[0] in _IMPERATIVES else 0.0


def line_count(text: str) -> float:
    """Number of non-empty lines, log-scaled: 0 for one line, 1 at 100 lines and more."""
    n = sum(1 for ln in text[:READ_CHARS].splitlines() if ln.strip())
    return min(1.0, math.log10(max(n, 1)) / 2)


SURFACE: dict[str, Callable[[str], float]] = {
    "code_share": code_share, "code_share_unmarked": code_share_unmarked,
    "has_function": has_function, "has_traceback": has_traceback,
    "asks_question": asks_question, "imperative": imperative, "line_count": line_count,
}
