"""Compare feature sets for the local classifier on cross-validation (train split only).

Run: python training/classifier_ablation.py [--data training/data/tasks]
Prints CV macro-F1, ECE and difficulty MAE for each feature set; the winner is FEATURES in
council/training/classifier.py. The test split is not looked at here.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from council.assess.encoder import CachedEncoder, default_encoder
from council.config import paths
from council.training import classifier as training
from council.training.corpus import default_data_dir, load_corpus

VARIANTS: dict[str, tuple[str, ...]] = {
    "embedding only": (),
    "+ code": ("code",),
    "+ log_length": ("log_length",),
    "+ log_length + code": ("log_length", "code"),
}


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


if __name__ == "__main__":
    main()
