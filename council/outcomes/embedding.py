"""How the success model turns prompts into vectors: the encoder(s) an artifact names, each
with its reading of the prompt.

An encoder spec is one part or several joined with "+"; a part is an encoder name
(council.assess.encoder) with an optional reading after "@" (council.outcomes.reading.READINGS;
default the head + tail window). "all-MiniLM-L6-v2" is the success model as it always was;
"all-MiniLM-L6-v2+multilingual-e5-small-q4-query@question" puts MiniLM's reading of the
window beside e5's reading of the question. Each part is unit length and the joined vector
is scaled back to unit length, so cosine similarity (the kNN term) is the mean of the parts'.
The artifact records the spec as its encoder, and `route train`, `route score` and
`route pick` all embed through this one class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from council.errors import ArtifactError
from council.outcomes.reading import READINGS

JOIN, AT = "+", "@"


@dataclass(frozen=True)
class Part:
    encoder: str
    reading: str = "window"

    @property
    def spec(self) -> str:
        return self.encoder if self.reading == "window" else f"{self.encoder}{AT}{self.reading}"


def parse_spec(spec: str) -> list[Part]:
    """The parts of an encoder spec; ArtifactError naming an unknown encoder or reading."""
    from council.assess.encoder import encoder_named

    parts = []
    for raw in spec.split(JOIN):
        name, _, reading = raw.strip().partition(AT)
        reading = reading or "window"
        if reading not in READINGS:
            raise ArtifactError(f"unknown reading {reading!r} in encoder {spec!r}; known: "
                                f"{', '.join(READINGS)}")
        encoder_named(name)  # ArtifactError for an unknown name
        parts.append(Part(name, reading))
    return parts


class PromptEmbedder:
    """Embeds raw prompts the way an encoder spec says; through the disk cache (each encoder
    under its own name) when given ``cache_dir``."""

    def __init__(self, spec: str, cache_dir: Path | None = None) -> None:
        from council.assess.encoder import CachedEncoder, encoder_named

        parts = parse_spec(spec)
        encoders = [encoder_named(part.encoder) for part in parts]
        self._hold(parts, encoders if cache_dir is None
                   else [CachedEncoder(e, cache_dir) for e in encoders])

    @classmethod
    def of(cls, encoder: Any, reading: str = "window") -> PromptEmbedder:
        """One encoder already built (a CachedEncoder, a bench's or a test's own) read one
        way; its name need not be one council.assess.encoder knows."""
        if reading not in READINGS:
            raise ArtifactError(f"unknown reading {reading!r}; known: {', '.join(READINGS)}")
        embedder = cls.__new__(cls)
        embedder._hold([Part(encoder.name, reading)], [encoder])
        return embedder

    def _hold(self, parts: list[Part], encoders: list[Any]) -> None:
        self.parts = parts
        self.name = JOIN.join(p.spec for p in parts)
        self._encoders = encoders
        self.dim = sum(e.dim for e in encoders)

    def embed(self, prompts: Sequence[str]) -> np.ndarray:
        """(n, dim) float64 vectors of unit length for the raw prompts."""
        vectors = []
        for part, encoder in zip(self.parts, self._encoders, strict=True):
            read = READINGS[part.reading]
            vectors.append(np.asarray(encoder.encode([read(t) for t in prompts]),
                                      dtype=np.float64).reshape(len(prompts), encoder.dim))
        return vectors[0] if len(vectors) == 1 else np.hstack(vectors) / np.sqrt(len(vectors))
