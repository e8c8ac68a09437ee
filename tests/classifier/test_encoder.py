"""The encoder: one text and a batch give the same vectors (a single vote takes a fast path)."""

from __future__ import annotations

import numpy as np

from council.assess.encoder import default_encoder

TEXTS = [
    "Classify incoming support emails into 12 queues and return JSON",
    "Refactor a 3-file Python module to asyncio",
    "Übersetze die Produktbeschreibungen ins Französische 😀 漢字",
    "summarise " * 600,  # past the 256-token window: truncated the same way
    "x",
]


def test_one_text_matches_the_batch_path() -> None:
    encoder = default_encoder()
    batch = encoder.encode(TEXTS)
    singles = np.vstack([encoder.encode([t]) for t in TEXTS])
    assert singles.shape == batch.shape == (len(TEXTS), encoder.dim)
    assert singles.dtype == np.float32
    np.testing.assert_allclose(singles, batch, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(singles, axis=1), 1.0, atol=1e-5)
