"""Fine-tune MiniLM's top layers for the category on the corpus's train split.

The recipe training/finetune_experiments.py measured (docs/encoders.md): copies of layers
CUT.. plus a linear head on their mean-pooled output, trained with weighted cross-entropy on
soft targets (a row accepting k categories splits its weight, as `category_rows` does; the
copied real rows weigh what they weigh in the category head), AdamW, layer lr 1e-4 (head 10x),
weight decay 0.01, batches of like length, 10% warm-up then linear decay. The lower states
are computed once (council.assess.tuned_encoder.lower_states) and truncated to `max_tokens`
for training only. Deterministic: a fixed seed and one torch thread; the head is dropped,
the layers are kept (council.assess.tuned_encoder.TunedLayers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from council.assess.tuned_encoder import TunedLayers, top_copies, train_top
from council.classifier_training.category_rows import category_rows
from council.classifier_training.corpus import Example


@dataclass(frozen=True)
class FineTune:
    """One fine-tuning recipe (the shipped one is FINETUNE)."""

    epochs: int = 2
    lr: float = 1e-4  # the layers'; the head's is 10x
    batch: int = 16
    weight_decay: float = 0.01
    max_tokens: int = 64  # training reads at most the first this many tokens of a text
    seed: int = 0


# top2-e2-t64 in docs/encoders.md: the cheapest setting measured (53 s fit on the corpus),
# within 0.003 of the three-epoch, 128-token one with e5's second reading.
FINETUNE = FineTune()


def soft_targets(examples: Sequence[Example], classes: Sequence[str]) -> tuple[np.ndarray,
                                                                               np.ndarray]:
    """(examples x classes label distribution, each example's weight), from category_rows."""

    rows = category_rows(examples)
    target = np.zeros((len(examples), len(classes)))
    np.add.at(target, (rows.origin, np.searchsorted(np.asarray(classes), rows.y)), rows.weight)
    weight = target.sum(1)
    return target / np.clip(weight[:, None], 1e-12, None), weight


def fine_tune(states: Sequence[Any], examples: Sequence[Example],
              recipe: FineTune = FINETUNE) -> TunedLayers:
    """The top layers fitted on `examples` from their lower `states` (same order)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one thread: the same sums in the same order on every run
    try:
        return _fit(states, examples, recipe)
    finally:
        torch.set_num_threads(threads)


def _fit(states: Sequence[Any], examples: Sequence[Example], s: FineTune) -> TunedLayers:
    import torch
    from torch import nn

    classes = sorted({label for e in examples for label in e.accepted})
    target, weight = soft_targets(examples, classes)
    torch.manual_seed(s.seed)
    layers = top_copies()
    head = nn.Linear(384, len(classes))
    h_all = [h[:s.max_tokens] for h in states]
    t_target = torch.tensor(target, dtype=torch.float32)
    t_weight = torch.tensor(weight, dtype=torch.float32)

    def loss_of(logits: Any, rows: np.ndarray) -> Any:
        logp = torch.log_softmax(logits, dim=1)
        w = t_weight[rows]
        return -((t_target[rows] * logp).sum(1) * w).sum() / w.sum()

    train_top(layers, head, h_all, loss_of, lr=s.lr, head_lr=s.lr * 10,
              weight_decay=s.weight_decay, epochs=s.epochs, batch=s.batch, seed=s.seed)
    return TunedLayers.from_state(layers.state_dict())


def finetune_record(recipe: FineTune | None = FINETUNE) -> dict[str, Any] | None:
    """What the artifact's metadata records of the recipe (the loader rebuilds an artifact
    whose record differs); None: no fine-tune."""
    return None if recipe is None else asdict(recipe)
