"""Candidate (H) of issue 17 (round 15): asides told by a small head on e5's sentence vectors
instead of word lists.

The shipped cut (council.assess.asides) names asides by families of words in English,
German, French and Spanish; on asideblind14 it recognised 7 of 56 asides, none in Dutch,
Italian, Swedish or Portuguese. Here a logistic head on multilingual-e5's vectors (the second
reading's encoder) says whether one sentence is an aside; it is trained by
bench.aside_head_training on the corpus's training tasks and the sentences of
training/data/asides/asides.jsonl (en, de, fr, es only). It joins the shipped cut: what that
cut leaves, this reads.

Guards (no word lists): only the first paragraph, only a text of two or more sentences; the
longest sentence is the task's anchor, never read nor cut; only sentences at either end are
read, inwards from each end while each is cut (at most EDGE from an end): an aside stands
before or after the task, a sentence between two kept ones is content; a sentence is read
only when it could be an aside at all (`asides.plain_sentence`: no question, no code, at
most 20 words; outside a quotation; not after a sentence ending in "6.", an ordinal); it is
cut when the head's probability reaches the head's `cut` (`cut_pair` when the paragraph is
two sentences); and nothing is cut when the kept sentences are a word problem (digits in two
of them, or in one and a question). Reading only: training and the out-of-domain test keep
the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from council.assess.asides import first_sentences, plain_sentence, unquoted, without

HEAD_FILE = "aside_head.npz"
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# asides stand before or after the task: at most this many from each end are read
EDGE = 2
_ORDINAL = re.compile(r"\d\.\s*$")


@dataclass(frozen=True)
class AsideHead:
    """A logistic head over unit e5 vectors: P(aside) = sigmoid(v . coef + intercept)."""

    coef: np.ndarray  # (dim,)
    intercept: float
    cut: float  # a sentence whose P(aside) is at least this is cut
    encoder: str  # the encoder whose vectors it reads
    # the cut when the first paragraph is two sentences, the task and one other: the shape of
    # most asides, and rare in real prompts' long specifications (role-play, dialogues)
    cut_pair: float

    def p_aside(self, vectors: np.ndarray) -> np.ndarray:
        z = np.asarray(vectors, dtype=np.float64) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        with path.open("wb") as handle:
            np.savez(handle, coef=self.coef, intercept=np.array([self.intercept]),
                     cut=np.array([self.cut]), encoder=np.array([self.encoder]),
                     cut_pair=np.array([self.cut_pair]))

    @classmethod
    def load(cls, path: Path) -> AsideHead:
        with np.load(path, allow_pickle=False) as z:
            return cls(z["coef"].astype(np.float64), float(z["intercept"][0]),
                       float(z["cut"][0]), str(z["encoder"][0]), float(z["cut_pair"][0]))


def _word_problem(kept: list[str]) -> bool:
    numbered = sum(1 for k in kept if _DIGIT.search(k))
    return numbered >= 2 or (numbered == 1 and any(k.strip().endswith("?") for k in kept))


class HeadCut:
    """The cut of one head with its encoder (anything with ``encode(texts)``), as a function
    of the text; a text is read once (cached)."""

    def __init__(self, head: AsideHead, encoder: Any) -> None:
        self.head = head
        self.encoder = encoder
        self._seen: dict[str, str] = {}

    def _readable(self, text: str, sentences: list[re.Match[str]], i: int,
                  anchor: re.Match[str]) -> bool:
        m = sentences[i]
        # after "... für die 6." the sentence goes on ("Klasse."): an ordinal, not an end
        return m is not anchor and plain_sentence(m.group(0)) and unquoted(text, m) \
            and not (i and _ORDINAL.search(sentences[i - 1].group(0)))

    def _p(self, sentence: re.Match[str]) -> float:
        return float(self.head.p_aside(self.encoder.encode([sentence.group(0).strip()]))[0])

    def cut(self, text: str) -> list[re.Match[str]]:
        """The sentences cut: from each end of the first paragraph inwards, up to EDGE of
        them, while each is readable and the head's P(aside) reaches its cut."""
        sentences = first_sentences(text)
        if len(sentences) < 2:
            return []
        anchor = max(sentences, key=lambda m: len(_LETTERS.findall(m.group(0))))
        bar = self.head.cut_pair if len(sentences) == 2 else self.head.cut
        cut: list[re.Match[str]] = []
        for order in (range(len(sentences)), range(len(sentences) - 1, -1, -1)):
            for n, i in enumerate(order):
                if n >= EDGE or sentences[i] in cut \
                        or not self._readable(text, sentences, i, anchor) \
                        or self._p(sentences[i]) < bar:
                    break
                cut.append(sentences[i])
        kept = [m.group(0) for m in sentences if m not in cut]
        return [] if _word_problem(kept) else sorted(cut, key=lambda m: m.start())

    def __call__(self, text: str) -> str:
        if text in self._seen:
            return self._seen[text]
        cut = self.cut(text)
        out = without(text, cut) if cut else text
        if len(self._seen) >= 512:
            self._seen.clear()
        self._seen[text] = out
        return out
