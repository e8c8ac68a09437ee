"""What the category reads of a description: the difficulty's text (council.assess.difficulty_text:
the task without its workload-only sentences) less its asides (council.assess.asides).

The classifier and the benches both call `category_text`, so a bench reads a text as the app
does; training and the out-of-domain test keep the whole text. `cut` is the aside cut: the
shipped word-list cut by default; a bench may pass another (`no_cut`, or candidate (H)'s
bench.aside_head_model.HeadCut joined to the shipped one by `joined`).
"""

from __future__ import annotations

from collections.abc import Callable

from council.assess.asides import without_asides
from council.assess.difficulty_text import TASK_SENTENCES, difficulty_texts

AsideCut = Callable[[str], str]


def no_cut(text: str) -> str:
    """No aside is cut (the base a cut is measured against)."""
    return text


def joined(cut: AsideCut) -> AsideCut:
    """The shipped cut, then `cut` on what it leaves."""
    return lambda text: cut(without_asides(text))


def category_text(text: str, reads: str = TASK_SENTENCES, cut: AsideCut = without_asides) -> str:
    """`text` as the category reads it; `reads` is the artifact's ``difficulty_reads``."""
    return cut(difficulty_texts([text], reads)[0])
