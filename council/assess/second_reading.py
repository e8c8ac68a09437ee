"""The classifier's second category reading: MiniLM first; where its top category probability
is under a cut fitted at training time, the text is read again with multilingual-e5-small and
that head's category distribution is used instead (docs/encoders.md, "Cascade").

The e5 head is built like MiniLM's (same features, written-description prototypes and kNN
reference rows, in e5's space), so the category recipe is one function
(council.assess.classifier.category_distribution) run on two parameter sets. Difficulty and
the out-of-domain test stay MiniLM's: the outcome kNN and the routers live in MiniLM space.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np

# Share of the training rows (by out-of-fold MiniLM top probability) the cut sends to the
# second reading: measured at 40% (bench/encoders.py --cascade; docs/encoders.md).
SECOND_READING_SHARE = 0.4
# The second reading's encoder (council.assess.encoder.E5SmallQ4Encoder's name).
SECOND_ENCODER = "multilingual-e5-small-q4-query"


class SecondReading:
    """The e5 category head of one artifact, and its encoder (loaded on first use)."""

    def __init__(self, params: Any, encoder: Any = None) -> None:
        self.cut = params.second_cut
        self.encoder_name = params.second_encoder
        # MiniLM's parameter set with the category head, references and prototypes swapped.
        self.params = dataclasses.replace(
            params, category_coef=params.second_category_coef,
            category_intercept=params.second_category_intercept,
            category_temperature=params.second_category_temperature,
            blend_temperature=params.second_blend_temperature,
            reference=params.second_reference, prototypes=params.second_prototypes)
        self._reference_t = np.ascontiguousarray(params.second_reference.T, dtype=np.float64)
        self._encoder: Any = encoder  # None: encoder_named(second_encoder) on first use

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            from council.assess.encoder import encoder_named

            self._encoder = encoder_named(self.encoder_name)
        return self._encoder

    def reread(self, texts: Sequence[str], first: np.ndarray,
               embeddings: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(which texts were read again, the category distribution): rows of `first` whose top
        probability is under the cut are replaced by this reading's. `embeddings`: this
        encoder's vectors for all `texts` if already computed (training, benches)."""
        from council.assess.classifier import category_distribution, extra_features, prepare_text

        again = first.max(axis=1) < self.cut
        if not again.any():
            return again, first
        rows = np.flatnonzero(again)
        sub = [texts[i] for i in rows]
        if embeddings is None:
            vectors = np.asarray(self.encoder.encode([prepare_text(t) for t in sub]),
                                 dtype=np.float32)
        else:
            vectors = np.asarray(embeddings, dtype=np.float32)[rows]
        x = np.hstack([vectors.astype(np.float64),
                       extra_features(sub, self.params.features).astype(np.float64)])
        sims = vectors.astype(np.float64) @ self._reference_t
        out = first.copy()
        out[rows] = category_distribution(self.params, sub, x, vectors, sims)
        return again, out


def shapes_agree(params: Any) -> bool:
    """The second head's arrays fit MiniLM's layout (same classes, features, rows)."""
    k, f = params.category_coef.shape
    d = params.second_reference.shape[1] if params.second_reference.ndim == 2 else -1
    return (params.second_category_coef.shape == (k, f - params.reference.shape[1] + d)
            and params.second_category_intercept.shape == (k,)
            and params.second_reference.shape[0] == len(params.reference)
            and params.second_prototypes.shape == (len(params.prototype_owners), d))
