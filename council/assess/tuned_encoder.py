"""MiniLM with its top layers fine-tuned for the category (docs/encoders.md, "Fine-tuned").

all-MiniLM-L6-v2 has six transformer layers. `council init` keeps the lower CUT frozen,
computes every corpus text's hidden states after them once (`lower_states`), trains copies of
the top layers on those states (council.classifier_training.finetune) and stores the copies'
weights in the classifier artifact (`TunedLayers`, one float32 array checked by sha256 like
the other files). `TunedMiniLMEncoder` is then MiniLM with those layers swapped in: one
forward pass, as fast as MiniLM itself, whose name carries a hash of the weights so an
embedding cache never mixes its vectors with another fine-tune's or with MiniLM's.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from council.assess.encoder import MiniLMEncoder, default_encoder
from council.errors import ArtifactError

LAYERS = 6  # all-MiniLM-L6-v2
CUT = 4  # layers below this stay frozen; layers CUT.. are the tuned copies
STATE_BATCH = 32


@dataclass(frozen=True)
class TunedLayers:
    """The tuned layers' parameters flattened into one float32 array, with each tensor's
    name (in the copies' state dict) and shape, in order."""

    names: tuple[str, ...]
    shapes: tuple[tuple[int, ...], ...]
    flat: np.ndarray

    @property
    def digest(self) -> str:
        return hashlib.sha256(np.ascontiguousarray(self.flat, dtype=np.float32)
                              .tobytes()).hexdigest()

    @property
    def encoder_name(self) -> str:
        """MiniLM's name, the layers tuned, and the first 12 hex digits of the weights' hash."""
        return f"{MiniLMEncoder.name}+tuned{LAYERS - CUT}-{self.digest[:12]}"

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> TunedLayers:
        names = tuple(sorted(state))
        arrays = [state[n].detach().cpu().numpy().astype(np.float32) for n in names]
        return cls(names, tuple(tuple(a.shape) for a in arrays),
                   np.concatenate([a.ravel() for a in arrays]) if arrays
                   else np.zeros(0, dtype=np.float32))

    def state(self) -> dict[str, Any]:
        """The copies' state dict (torch tensors); ArtifactError if the sizes disagree."""
        import torch

        sizes = [int(np.prod(s)) for s in self.shapes]
        if len(self.names) != len(self.shapes) or sum(sizes) != self.flat.size:
            raise ArtifactError(f"tuned layers: {self.flat.size} numbers for shapes "
                                f"summing to {sum(sizes)}")
        out, at = {}, 0
        for name, shape, size in zip(self.names, self.shapes, sizes, strict=True):
            out[name] = torch.from_numpy(
                np.array(self.flat[at:at + size], dtype=np.float32).reshape(shape))
            at += size
        return out


def _bert() -> Any:
    """The loaded MiniLM's transformer (shared with default_encoder(); never modified)."""
    return default_encoder()._load()[0].auto_model


def _extended(mask: Any) -> Any:
    import torch

    return (1.0 - mask[:, None, None, :]) * torch.finfo(torch.float32).min


def _run(layers: Sequence[Any], h: Any, mask: Any) -> Any:
    ext = _extended(mask)
    for layer in layers:
        out = layer(h, attention_mask=ext)
        h = out[0] if isinstance(out, tuple) else out
    return h


def mean_pool(h: Any, mask: Any) -> Any:
    m = mask[..., None]
    return (h * m).sum(1) / m.sum(1).clamp(min=1)


def top_copies() -> Any:
    """Fresh copies of MiniLM's layers CUT.. (an nn.ModuleList), untrained."""
    return copy.deepcopy(_bert().encoder.layer[CUT:])


def lower_states(texts: Sequence[str]) -> list[Any]:
    """Each text's hidden states after MiniLM's first CUT layers (float32, its own tokens
    only, at most the encoder's 256), in the order given; `texts` are already prepared."""
    import torch

    st = default_encoder()._load()
    bert = st[0].auto_model
    prepare = getattr(st, "preprocess", None) or st.tokenize
    out: list[Any] = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for at in range(0, len(order), STATE_BATCH):
            chunk = order[at:at + STATE_BATCH]
            feats = prepare([texts[i] for i in chunk])
            mask = feats["attention_mask"].float()
            h = bert.embeddings(input_ids=feats["input_ids"],
                                token_type_ids=feats.get("token_type_ids"))
            h = _run(bert.encoder.layer[:CUT], h, mask)
            for j, i in enumerate(chunk):
                out[i] = h[j, :int(mask[j].sum())].clone()
    return out


def pad(states: Sequence[Any]) -> tuple[Any, Any]:
    """(batch x tokens x 384 states, batch x tokens mask) from per-text states."""
    import torch

    n = max(s.shape[0] for s in states)
    h = torch.zeros(len(states), n, states[0].shape[1])
    mask = torch.zeros(len(states), n)
    for i, s in enumerate(states):
        h[i, :s.shape[0]] = s.float()
        mask[i, :s.shape[0]] = 1
    return h, mask


def pooled(layers: Any, h: Any, mask: Any) -> Any:
    """The top layers on lower states, mean-pooled (before normalising)."""
    return mean_pool(_run(layers, h, mask), mask)


def train_top(layers: Any, head: Any, states: Sequence[Any],
              loss_of: Callable[[Any, np.ndarray], Any], *, lr: float, head_lr: float,
              weight_decay: float, epochs: int, batch: int, seed: int) -> None:
    """Train ``layers`` (top_copies) and ``head`` in place on lower ``states``: AdamW, batches
    of like length in a seeded order, 10% warm-up then linear decay. ``loss_of(logits, rows)``
    is the loss of a batch: the one thing the category and the outcome fine-tunes differ in."""
    import torch

    opt = torch.optim.AdamW([{"params": layers.parameters(), "lr": lr},
                             {"params": head.parameters(), "lr": head_lr}],
                            weight_decay=weight_decay)
    order = np.argsort([h.shape[0] for h in states], kind="stable")
    batches = [order[i:i + batch] for i in range(0, len(order), batch)]
    total = epochs * len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / max(1, total // 10)) * max(0.0, 1 - step / total))
    rng = np.random.default_rng(seed)
    layers.train()
    for _ in range(epochs):
        for b in rng.permutation(len(batches)):
            rows = batches[b]
            h, mask = pad([states[i] for i in rows])
            loss = loss_of(head(pooled(layers, h, mask)), rows)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    layers.eval()


class TunedMiniLMEncoder(MiniLMEncoder):
    """MiniLM with layers CUT.. replaced by tuned copies; unit-normalised 384-d vectors."""

    def __init__(self, layers: TunedLayers) -> None:
        super().__init__()
        self.layers = layers
        self.name = layers.encoder_name

    def _load(self) -> Any:
        base = default_encoder()._load()  # outside our lock: it takes its own
        with self._lock:
            if self._model is None:
                model = copy.deepcopy(base)
                blocks = model[0].auto_model.encoder.layer[CUT:]
                try:
                    blocks.load_state_dict(self.layers.state(), strict=True)
                except RuntimeError as exc:
                    raise ArtifactError(f"the tuned layers do not fit MiniLM: {exc}") from exc
                model.eval()
                self._model = model
        return self._model

    def from_states(self, states: Sequence[Any], batch: int = 64) -> np.ndarray:
        """The vectors of texts whose lower states are already computed (training: the
        lower layers ran once for the fine-tune); the same vectors encode() gives."""
        import torch

        blocks = self._load()[0].auto_model.encoder.layer[CUT:]
        out = np.zeros((len(states), self.dim), dtype=np.float32)
        order = sorted(range(len(states)), key=lambda i: states[i].shape[0])
        with torch.inference_mode():
            for at in range(0, len(order), batch):
                chunk = order[at:at + batch]
                h, mask = pad([states[i] for i in chunk])
                v = torch.nn.functional.normalize(pooled(blocks, h, mask), dim=1)
                out[chunk] = v.numpy()
        return out


_tuned: dict[str, TunedMiniLMEncoder] = {}
_tuned_lock = threading.Lock()


def tuned_encoder(layers: TunedLayers) -> TunedMiniLMEncoder:
    """The process-wide encoder for these weights (one model copy per fine-tune)."""
    with _tuned_lock:
        name = layers.encoder_name
        if name not in _tuned:
            _tuned[name] = TunedMiniLMEncoder(layers)
        return _tuned[name]
