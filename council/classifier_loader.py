"""The process-wide local classifier: loaded once, built or rebuilt from the corpus when needed.

Outside council.assess (prediction and artifact files) because rebuilding needs
council.classifier_training, which itself builds on council.assess: standing above both is
what keeps the imports one-way (assess <- classifier_training <- classifier_loader).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from council.assess.classifier import LocalClassifier, load_classifier, read_metadata
from council.errors import ArtifactError, InvalidInput

_loaded: dict[Path, LocalClassifier] = {}
_lock = threading.Lock()


def stale_reason(meta: dict[str, Any], data_dir: Path) -> str | None:
    """Why an otherwise valid artifact should be rebuilt from `data_dir`, or None."""
    from council.assess.encoder import MiniLMEncoder
    from council.assess.second_reading import SECOND_ENCODER, SECOND_READING_SHARE
    from council.classifier_training.corpus import corpus_hash
    from council.classifier_training.finetune import finetune_record

    # The first reading is MiniLM, with its top layers fine-tuned as configured
    # (council.classifier_training.finetune; the routers in council.outcomes keep their own
    # MiniLM); the second is the configured one.
    wanted = finetune_record()
    encoder = str(meta.get("encoder"))
    if wanted is None and encoder != MiniLMEncoder.name:
        return f"it reads with {encoder!r}, not {MiniLMEncoder.name}"
    if wanted is not None and (not encoder.startswith(f"{MiniLMEncoder.name}+tuned")
                               or meta.get("finetune") != wanted):
        return f"its first reading ({encoder!r}) is not MiniLM fine-tuned as configured"
    second = (meta.get("params") or {}).get("second_encoder")
    if second != SECOND_ENCODER:
        return f"its second reading is {second!r}, not {SECOND_ENCODER}"
    if meta.get("second_reading_share") != SECOND_READING_SHARE:
        return (f"its second reading's cut sends {meta.get('second_reading_share')} of the "
                f"training rows on, not {SECOND_READING_SHARE}")
    current = corpus_hash(data_dir)
    if current is not None and meta.get("data_hash") != current:
        return f"it was trained on other data than {data_dir}"
    return None


def _outcome_files(target: Path) -> list[Path]:
    """The outcome files a previous build's difficulty learned from, where still present
    (`council train --outcomes`); a rebuild without them would quietly drop what they taught."""
    try:
        meta = read_metadata(target)
    except ArtifactError:
        return []
    files = (meta.get("difficulty_outcomes") or {}).get("files") or []
    return [Path(f) for f in files if isinstance(f, str) and Path(f).is_file()]


def ensure_classifier(artifact_dir: Path | None = None, *,
                      data_dir: Path | None = None) -> LocalClassifier:
    """The process-wide classifier: loaded once, built or rebuilt from the corpus when needed.

    A missing, corrupt or outdated artifact, or one whose corpus has changed since, is rebuilt
    if the training data is there; otherwise ArtifactError says what is wrong and how to fix
    it. Never a dummy model. The corpus is `data_dir`, else the one a `council train --data DIR`
    artifact was trained on, else this checkout's training/data/tasks.
    """
    from council.classifier_training.corpus import corpus_files, default_data_dir
    from council.config import paths

    target = Path(artifact_dir or paths().classifier_artifact).resolve()
    with _lock:
        cached = _loaded.get(target)
        if cached is not None:
            return cached
        problem: str | None
        data = data_dir
        try:
            classifier = load_classifier(target)
            if data is None and classifier.metadata.get("data_dir"):
                data = Path(classifier.metadata["data_dir"])
            data = data or default_data_dir()
            problem = stale_reason(classifier.metadata, data)
        except ArtifactError as exc:
            problem = str(exc)
            data = data or default_data_dir()
        if problem is not None:
            if not (data.is_dir() and corpus_files(data)):
                raise ArtifactError(
                    f"{problem}; the training data is not at {data} to rebuild it. "
                    f"Run `council train --data DIR --out {target}` with the labelled corpus.")
            from council.classifier_training.classifier import build_classifier  # heavy: sklearn

            try:
                build_classifier(data, target, outcome_paths=_outcome_files(target))
            except InvalidInput as exc:
                raise ArtifactError(f"{problem}; rebuilding it from {data} failed: {exc}") \
                    from exc
            classifier = load_classifier(target)
        _loaded[target] = classifier
        return classifier


def forget_loaded() -> None:
    """Drop the per-process cache (after `council train` replaced the artifact, and in tests)."""
    with _lock:
        _loaded.clear()
