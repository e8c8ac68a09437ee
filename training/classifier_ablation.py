"""Compare feature sets for the local classifier on cross-validation (train split only).

Run: python training/classifier_ablation.py [--data training/data/tasks]
Prints CV macro-F1, ECE and difficulty MAE for each feature set (the winner is FEATURES in
council/classifier_training/classifier.py), and, on the same folds, a k-nearest-neighbour
baseline over the same embeddings. The test split is not looked at here.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from council.assess.classifier import prepare_text
from council.assess.encoder import CachedEncoder, default_encoder
from council.categories import CATEGORY_KEYS
from council.classifier_training import classifier as training
from council.classifier_training.corpus import Example, default_data_dir, load_corpus
from council.classifier_training.evaluation import macro_f1
from council.config import paths

VARIANTS: dict[str, tuple[str, ...]] = {
    "embedding only": (),
    "+ code": ("code",),
    "+ log_length": ("log_length",),
    "+ log_length + code": ("log_length", "code"),
}


def knn_macro_f1(examples: Sequence[Example], encoder: CachedEncoder, seed: int,
                 k: int = 20, tau: float = 0.05) -> float:
    """Similarity-weighted kNN (weights exp(cos/tau)) on the same seeded folds."""
    from sklearn.model_selection import StratifiedKFold

    emb = encoder.encode([prepare_text(e.text) for e in examples]).astype(np.float64)
    y = np.array([e.category for e in examples])
    predicted = np.empty(len(y), dtype=object)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(emb, y)
    for train_idx, held_idx in folds:
        sims = emb[held_idx] @ emb[train_idx].T
        for row, held in zip(sims, held_idx, strict=True):
            top = np.argsort(-row)[:k]
            votes: dict[str, float] = {}
            for j in top:
                votes[y[train_idx][j]] = votes.get(y[train_idx][j], 0.0) + np.exp(row[j] / tau)
            predicted[held] = max(votes, key=votes.get)
    return macro_f1(list(y), list(predicted), CATEGORY_KEYS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    examples = [dataclasses.replace(e, split="train" if e.split == "train" else "unused")
                for e in load_corpus(args.data)]
    examples = [e for e in examples if e.split == "train"]
    encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    print(f"{'features':<22}{'CV macro-F1':>12}{'CV ECE':>8}{'CV diff MAE':>12}{'within 1':>10}")
    for name, features in VARIANTS.items():
        training.FEATURES = features
        cv = training.train_classifier(examples, encoder, seed=args.seed).report["cv"]
        print(f"{name:<22}{cv['category_macro_f1']:>12.3f}{cv['category_ece']:>8.3f}"
              f"{cv['difficulty']['mae']:>12.3f}{cv['difficulty']['within_one']:>10.3f}")
    print(f"{'kNN k=20 (baseline)':<22}{knn_macro_f1(examples, encoder, args.seed):>12.3f}")


if __name__ == "__main__":
    main()
