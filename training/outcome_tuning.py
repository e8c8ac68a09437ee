"""MiniLM's top layers fine-tuned on outcomes: the RouteLLM BERT-router idea, on CPU.

Copies of MiniLM's layers CUT.. (council.assess.tuned_encoder) plus a linear head with one
logit per model on their mean-pooled output, trained with the log-loss over the *observed*
cells only (a missing outcome is masked, not a failure). The layer-4 states are computed once
(`lower_states`) and cut to `max_tokens` for training: the first quarter and the last three
quarters of the text's tokens, because a long prompt's question is at its end (the head +
tail reading of council.outcomes.reading). Prediction reads the full states. Deterministic:
a fixed seed and one torch thread. The head's bias starts at each model's training log-odds,
so the first steps learn departures from the base rates, not the rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from council.assess.tuned_encoder import TunedLayers, pad, pooled, top_copies, train_top


@dataclass(frozen=True)
class OutcomeTune:
    """One recipe for the fine-tune on outcomes."""

    epochs: int = 3
    lr: float = 1e-4  # the layers'; the head's is head_lr_factor x
    head_lr_factor: float = 10.0
    batch: int = 16
    weight_decay: float = 0.01
    max_tokens: int = 128
    seed: int = 0


@dataclass(frozen=True)
class TunedOutcomes:
    """A fine-tune's layers and its per-model head (logit = pooled . w_m + b_m)."""

    layers: TunedLayers
    head_w: np.ndarray  # (models, 384)
    head_b: np.ndarray  # (models,)
    models: tuple[str, ...]
    seconds: float


def cut(state: Any, max_tokens: int) -> Any:
    """A text's states cut to max_tokens: the first quarter and the last three quarters."""
    import torch

    if state.shape[0] <= max_tokens:
        return state
    head = max_tokens // 4
    return torch.cat([state[:head], state[-(max_tokens - head):]])


def fine_tune_outcomes(states: Sequence[Any], y: np.ndarray, models: Sequence[str],
                       recipe: OutcomeTune = OutcomeTune()) -> TunedOutcomes:
    """Fit the top layers and the head on `states` (layer-CUT states, one per row) and the
    outcome matrix `y` (rows x models, 1/0, -1 missing)."""
    import time

    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    start = time.process_time()
    try:
        layers, head = _fit(states, y, recipe)
    finally:
        torch.set_num_threads(threads)
    return TunedOutcomes(TunedLayers.from_state(layers.state_dict()),
                         head.weight.detach().numpy().astype(np.float64).copy(),
                         head.bias.detach().numpy().astype(np.float64).copy(),
                         tuple(models), time.process_time() - start)


def _fit(states: Sequence[Any], y: np.ndarray, s: OutcomeTune) -> tuple[Any, Any]:
    import torch
    from torch import nn

    observed = y >= 0
    rates = np.array([y[observed[:, j], j].mean() for j in range(y.shape[1])])
    rates = np.clip(rates, 1e-3, 1 - 1e-3)
    torch.manual_seed(s.seed)
    layers = top_copies()
    head = nn.Linear(384, y.shape[1])
    with torch.no_grad():
        head.bias.copy_(torch.tensor(np.log(rates / (1 - rates)), dtype=torch.float32))
    h_all = [cut(h, s.max_tokens).float() for h in states]
    target = torch.tensor(np.where(observed, y, 0), dtype=torch.float32)
    mask = torch.tensor(observed, dtype=torch.float32)

    def loss_of(logits: Any, rows: np.ndarray) -> Any:
        seen = mask[rows]
        return nn.functional.binary_cross_entropy_with_logits(
            logits, target[rows], weight=seen, reduction="sum") / seen.sum().clamp(min=1)

    train_top(layers, head, h_all, loss_of, lr=s.lr, head_lr=s.lr * s.head_lr_factor,
              weight_decay=s.weight_decay, epochs=s.epochs, batch=s.batch, seed=s.seed)
    return layers, head


def pooled_outputs(layers: TunedLayers, states: Sequence[Any], batch: int = 64) -> np.ndarray:
    """The tuned layers' mean-pooled output per text (not normalised), from full states."""
    import torch

    blocks = top_copies()
    blocks.load_state_dict(layers.state(), strict=True)
    blocks.eval()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    out = np.zeros((len(states), 384), dtype=np.float64)
    order = sorted(range(len(states)), key=lambda i: states[i].shape[0])
    try:
        with torch.inference_mode():
            for at in range(0, len(order), batch):
                chunk = order[at:at + batch]
                h, mask = pad([states[i] for i in chunk])
                out[chunk] = pooled(blocks, h, mask).double().numpy()
    finally:
        torch.set_num_threads(threads)
    return out


def unit(v: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (what the encoder returns)."""
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def head_logits(tuned: TunedOutcomes, pooled_out: np.ndarray) -> np.ndarray:
    """(texts x models) logits of the fine-tune's own head."""
    return pooled_out @ tuned.head_w.T + tuned.head_b[None]
