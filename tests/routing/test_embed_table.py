"""`embed_table` reads every prompt through a PromptEmbedder: the default spec (and a plain
encoder wrapped by `PromptEmbedder.of`) reads the very text `reading_text` gives, so the
vectors are the ones the old plain-encoder path produced."""

from __future__ import annotations

import numpy as np
import pytest

from council.errors import ArtifactError
from council.outcomes.embedding import PromptEmbedder
from council.outcomes.fitting import embed_table
from council.outcomes.reading import HEAD_CHARS, TAIL_CHARS, question_text, reading_text
from council.outcomes.rows import OutcomeSummary, OutcomeTable
from tests.trigram_encoder import TrigramEncoder

TEXTS = [
    "Is 7 prime?",
    "  padded, with a smile 🙂  ",
    "Answer with a letter.\n\n" + "Example Q\nAnswer: A\n\n" * 400 + "FINAL: 学生は?",
    "x" * (HEAD_CHARS + TAIL_CHARS),  # just at the window
    "y" * (HEAD_CHARS + TAIL_CHARS + 1) + " the end",  # just past it
]


def _table(prompts: list[str]) -> OutcomeTable:
    n = len(prompts)
    return OutcomeTable(ids=[str(i) for i in range(n)], sources=["s"] * n, prompts=prompts,
                        models=["a"], y=np.ones((n, 1), dtype=np.int8), cost=None,
                        summary=OutcomeSummary())


def _old_path(texts: list[str]) -> np.ndarray:
    """What embed_table gave a plain encoder before: the window, encoded, as float32."""
    return TrigramEncoder("old").encode([reading_text(t) for t in texts]).astype(np.float32)


def test_the_default_spec_reads_the_window_as_the_plain_path_did(
        monkeypatch: pytest.MonkeyPatch) -> None:
    tri = TrigramEncoder("tri")
    monkeypatch.setattr("council.assess.encoder._ENCODERS", {"tri": lambda: tri})
    monkeypatch.setattr("council.assess.encoder._named", {})
    x = embed_table(_table(TEXTS), PromptEmbedder("tri"), batch=2, progress=False)
    assert tri.texts == [reading_text(t) for t in TEXTS]
    assert len(tri.texts[2]) < len(TEXTS[2]) and tri.texts[2].endswith("FINAL: 学生は?")
    assert x.dtype == np.float32
    np.testing.assert_array_equal(x, _old_path(TEXTS))


def test_a_wrapped_plain_encoder_reads_the_same_window() -> None:
    tri = TrigramEncoder("tri")
    embedder = PromptEmbedder.of(tri)
    assert (embedder.name, embedder.dim) == ("tri", 16)
    x = embed_table(_table(TEXTS), embedder, batch=3, progress=False)
    assert tri.texts == [reading_text(t) for t in TEXTS]
    np.testing.assert_array_equal(x, _old_path(TEXTS))


def test_a_wrapped_encoder_can_read_the_question_and_names_a_bad_reading() -> None:
    tri = TrigramEncoder("tri")
    x = embed_table(_table(TEXTS), PromptEmbedder.of(tri, "question"), progress=False)
    assert tri.texts == [question_text(t) for t in TEXTS] and tri.texts[2] == "FINAL: 学生は?"
    assert not np.array_equal(x, _old_path(TEXTS))
    with pytest.raises(ArtifactError, match="unknown reading 'tail'"):
        PromptEmbedder.of(tri, "tail")
