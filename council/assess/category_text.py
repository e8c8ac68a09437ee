"""What the category reads of a description: the difficulty's text (council.assess.difficulty_text:
the task without its workload-only sentences) less its asides (council.assess.asides).

The classifier and the benches both call `category_text`, so a bench reads a text as the app
does; training and the out-of-domain test keep the whole text.
"""

from __future__ import annotations

from council.assess.asides import without_asides
from council.assess.difficulty_text import TASK_SENTENCES, difficulty_texts


def category_text(text: str, reads: str = TASK_SENTENCES) -> str:
    """`text` as the category reads it; `reads` is the artifact's ``difficulty_reads``."""
    return without_asides(difficulty_texts([text], reads)[0])
