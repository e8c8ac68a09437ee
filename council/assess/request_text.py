"""Where a description's request ends and the material it pastes begins.

"Make this less passive aggressive:" over a pasted mail asks for a rewrite; read whole, the
mail outweighs the ask and the category head reads what the mail is (blind19, round 19). A
text splits into the person's own lines, the request, and the pasted material when:

- it opens with a short block of words (at most ``MAX_OPENING`` characters, no code line)
  that ends where the paste opens: a line ending in a colon, a blank line or a code fence;
- or it closes with a short block of words after a blank line (at most ``MAX_CLOSING``
  characters, no code line) that asks a question or opens with an order ("Can I return it?");
- and what lies between is material of at least ``MIN_MATERIAL`` characters.

The request is the opening and closing blocks joined. Plain functions of the raw text, nothing
fitted. The category may read the request apart too (council.assess.classifier,
REQUEST_WEIGHT; docs/classifier.md, "Twentieth" to "Twenty-second round").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.assess.input_flags import is_code_line
from council.assess.surface import imperative

MAX_OPENING = 400
MAX_CLOSING = 300
MIN_MATERIAL = 40
# Only the head is searched for the paste's opening, and only the tail for a closing block:
# a 200 KB paste costs what a description does.
SEARCH_CHARS = MAX_OPENING + 2
TAIL_CHARS = 2_000

_OPENS = re.compile(r":[ \t]*\r?\n|\r?\n[ \t]*\r?\n|```")
_BLANK = re.compile(r"\r?\n[ \t]*\r?\n")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class RequestSplit:
    """A description cut into the person's request and the material it pastes."""

    request: str
    material: str


def _words(block: str) -> bool:
    """A block of the person's words: two words or more, no line that looks like code."""
    lines = [ln for ln in block.splitlines() if ln.strip()]
    return bool(lines) and len(_LETTERS.findall(block)) >= 2 \
        and not any(is_code_line(ln) for ln in lines)


def _opening(text: str) -> tuple[str, int] | None:
    """The opening block and where the material after it starts, or None."""
    m = _OPENS.search(text, 0, SEARCH_CHARS)
    if m is None:
        return None
    head = text[:m.start() + 1] if m.group(0).startswith(":") else text[:m.start()]
    start = m.start() if m.group(0) == "```" else m.end()
    return (head.strip(), start) if _words(head) and len(head.strip()) <= MAX_OPENING \
        else None


def _closing(text: str) -> tuple[str, int] | None:
    """The closing block and where it starts, or None."""
    blanks = list(_BLANK.finditer(text, max(0, len(text) - TAIL_CHARS)))
    if not blanks:
        return None
    tail = text[blanks[-1].end():].strip()
    if len(tail) > MAX_CLOSING or not _words(tail):
        return None
    asks = tail.endswith("?") or imperative(tail) == 1.0
    return (tail, blanks[-1].start()) if asks else None


def split_request(text: str) -> RequestSplit | None:
    """The request and the material of `text`, or None when it pastes nothing apart."""
    text = text.strip()
    closing = _closing(text)
    end = closing[1] if closing else len(text)
    opening = _opening(text[:end])
    start = opening[1] if opening else 0
    material = text[start:end].strip()
    if (opening is None and closing is None) or len(material) < MIN_MATERIAL:
        return None
    request = " ".join(part[0] for part in (opening, closing) if part is not None)
    return RequestSplit(request, material)
