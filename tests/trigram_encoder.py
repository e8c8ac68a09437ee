"""A small real encoder for tests: character-trigram hashing, unit length, counting its texts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np


class TrigramEncoder:
    """Embeds by hashing each character trigram into one of ``dim`` buckets, and keeps every
    text it was asked to embed (so a test can count what was embedded again)."""

    def __init__(self, name: str, dim: int = 16) -> None:
        self.name, self.dim = name, dim
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        self.texts.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for k in range(len(text) - 2):
                out[i, hashlib.sha256(text[k:k + 3].encode()).digest()[0] % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
