"""The classifier's second category reading: MiniLM (fine-tuned) first; where its top category
probability is under a cut fitted at training time, the text is read again with
multilingual-e5-small and that head's category distribution is mixed in (docs/encoders.md,
"Cascade").

The e5 head is built like MiniLM's (same features, written-description prototypes and kNN
reference rows, in e5's space), so the category recipe is one function
(council.assess.classifier.category_distribution) run on two parameter sets: this module
holds the second head, council.assess.classifier.read_again reads with it. Difficulty and the
out-of-domain test stay MiniLM's: the outcome kNN and the routers live in MiniLM space.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from council.text_window import SECOND_READING

# Share of the training rows (by out-of-fold first-reading top probability) the cut sends to
# the second reading: 40% before the two readings were mixed (bench/encoders.py --cascade); 50%
# with the mixture (bench/categories.py; docs/classifier.md, "Fourth helper"); 40% with the
# fine-tuned first reading, the smallest share tried (10-50%) whose source-held-out accuracy
# reached 0.805: 0.807 / 0.910, 58% of real prompts re-read (30%: 0.8049, 45%; 50%: 0.809, 72%;
# docs/encoders.md, "Fine-tuned MiniLM").
SECOND_READING_SHARE = 0.4
# The second reading's encoder (council.assess.encoder.E5SmallQ4Encoder's name).
SECOND_ENCODER = "multilingual-e5-small-q4-query"
# What of a long text e5 reads (council.text_window); its cost grows with the tokens read.
SECOND_WINDOW = SECOND_READING
# Below the cut the returned distribution is (1 - w) * MiniLM's + w * e5's, w = SECOND_WEIGHT:
# the two readings err on different texts, so their mixture beats either alone (measured in
# bench/categories.py, docs/classifier.md "Fourth helper"; 1.0 returned e5's alone before).
SECOND_WEIGHT = 0.7


def mix(first: np.ndarray, second: np.ndarray, weight: float = SECOND_WEIGHT) -> np.ndarray:
    """The category distribution of a text read twice: (1 - weight) x the first reading's +
    weight x the second's (training, prediction and the bench all mix this way)."""
    return (1.0 - weight) * first + weight * second


class SecondReading:
    """The e5 category head of one artifact, and its encoder (loaded on first use)."""

    def __init__(self, params: Any, encoder: Any = None) -> None:
        self.cut = params.second_cut
        self.encoder_name = params.second_encoder
        self.window = SECOND_WINDOW
        self.weight = SECOND_WEIGHT  # the mix's weight (`mix`); benches swap it
        # MiniLM's parameter set with the category head, references and prototypes swapped.
        self.params = dataclasses.replace(
            params, category_coef=params.second_category_coef,
            category_intercept=params.second_category_intercept,
            category_temperature=params.second_category_temperature,
            blend_temperature=params.second_blend_temperature,
            reference=params.second_reference, prototypes=params.second_prototypes)
        self.reference_t = np.ascontiguousarray(params.second_reference.T, dtype=np.float64)
        self._encoder: Any = encoder  # None: encoder_named(second_encoder) on first use

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            from council.assess.encoder import encoder_named

            self._encoder = encoder_named(self.encoder_name)
        return self._encoder


def shapes_agree(params: Any) -> bool:
    """The second head's arrays fit MiniLM's layout (same classes, features, rows)."""
    k, f = params.category_coef.shape
    d = params.second_reference.shape[1] if params.second_reference.ndim == 2 else -1
    return (params.second_category_coef.shape == (k, f - params.reference.shape[1] + d)
            and params.second_category_intercept.shape == (k,)
            and params.second_reference.shape[0] == len(params.reference)
            and params.second_prototypes.shape == (len(params.prototype_owners), d))
