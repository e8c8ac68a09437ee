"""The one rule for reading a long text: its head and its tail, joined, the middle dropped.

The encoder reads 256 word pieces (about 1,000 characters of English). Both readers of text
cut a longer text the same way, with `head_and_tail`; they differ only in where the budget
goes, for a reason each states:

- `CLASSIFIER` (council.assess.classifier), head 700 + tail 300: a task description says
  what to do first ("Summarise this contract: ..."), and a pasted document's question, if
  any, often sits at its end.
- `SECOND_READING` (council.assess.second_reading), head 350 + tail 150: e5 reads a text again
  only where MiniLM was unsure, and its cost grows with the tokens it reads (a 1,000-character
  text: ~2.4x the CPU of 500 characters); the short window loses 0.003 of accuracy on real
  prompts (docs/classifier.md, "Fourth helper").
- `OUTCOMES` (council.outcomes.reading), head 200 + tail 800: benchmark prompts (RouterBench's
  ARC, Winogrande) carry a few-shot prefix and put the real question last; reading the head
  would embed the examples, not the item. Changing it would move every stored router
  artifact's vectors, so it stays as fitted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    head: int
    tail: int
    joiner: str

    @property
    def limit(self) -> int:
        """Texts up to this many characters are read whole."""
        return self.head + self.tail + len(self.joiner)


CLASSIFIER = Window(head=700, tail=300, joiner=" [...] ")
SECOND_READING = Window(head=350, tail=150, joiner=" [...] ")
OUTCOMES = Window(head=200, tail=800, joiner="\n...\n")


def head_and_tail(text: str, window: Window) -> str:
    """`text` stripped; if longer than the window, its head and tail joined.

    Lone surrogates (possible from JSON such as "\\ud800") become U+FFFD: the tokenizer
    rejects them.
    """
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").strip()
    if len(text) <= window.limit:
        return text
    return text[:window.head] + window.joiner + text[-window.tail:]
