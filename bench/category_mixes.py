"""Other ways to combine the two category readings, scored on saved readings (no refit).

bench/categories.py --save-readings FILE keeps, for each dev row, the first reading's and the
second reading's held-out distributions and the cut; this scores, on the same rows, the
shipped mixture and the alternatives the eighth round tried for top-2 (docs/classifier.md,
"Eighth round"): another mix weight, a geometric mix, and a second label taken from the
other reader's top category.

Run: python bench/categories.py --data ../shared/categories --variant shipped \\
         --save-readings /tmp/readings.npz
     python bench/category_mixes.py /tmp/readings.npz --data ../shared/categories
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Score:
    name: str
    accuracy: float
    top2: float
    re_read: float


def _score(name: str, dist: np.ndarray, second: np.ndarray, labels: list[set[str]],
           classes: list[str], re_read: float) -> Score:
    order = np.argsort(-dist, axis=1)
    top1 = np.array([classes[order[i, 0]] in ok for i, ok in enumerate(labels)])
    top2 = np.array([t or classes[second[i]] in ok
                     for i, (t, ok) in enumerate(zip(top1, labels, strict=True))])
    return Score(name, float(top1.mean()), float(top2.mean()), re_read)


def score_all(first: np.ndarray, other: np.ndarray, cut: float, weight: float,
              labels: list[set[str]], classes: list[str]) -> list[Score]:
    again = first.max(axis=1) < cut
    share = float(again.mean())

    def mixed(w: float, rows: np.ndarray = again) -> np.ndarray:
        return np.where(rows[:, None], (1 - w) * first + w * other, first)

    def runner_up(dist: np.ndarray) -> np.ndarray:
        return np.argsort(-dist, axis=1)[:, 1]

    def readers_top(dist: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The second label: the other reader's top category where it differs from the mix's."""
        top, out = dist.argmax(axis=1), runner_up(dist)
        for i in np.flatnonzero(rows):
            for c in (first[i].argmax(), other[i].argmax()):
                if c != top[i]:
                    out[i] = c
                    break
        return out

    shipped = mixed(weight)
    every = np.ones(len(first), dtype=bool)
    geometric = np.where(again[:, None], np.exp((1 - weight) * np.log(first + 1e-9)
                                                + weight * np.log(other + 1e-9)), first)
    plans: list[tuple[str, np.ndarray, Callable[[np.ndarray], np.ndarray], float]] = [
        (f"shipped: arithmetic mix, e5 weight {weight:g}", shipped, runner_up, share),
        *[(f"arithmetic mix, e5 weight {w:g}", mixed(w), runner_up, share)
          for w in (0.5, 0.6, 0.8)],
        ("geometric mix", geometric, runner_up, share),
        ("second label: the other reader's top (re-read rows)", shipped,
         lambda d: readers_top(d, again), share),
        ("same, every row read twice", mixed(weight, every),
         lambda d: readers_top(d, every), 1.0),
    ]
    return [_score(name, dist, pick(dist), labels, classes, s) for name, dist, pick, s in plans]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readings", type=Path)
    parser.add_argument("--data", type=Path, required=True, help="folder with dev.jsonl")
    args = parser.parse_args()
    z = np.load(args.readings)
    labels = [set(json.loads(line)["labels"]) for line in
              (args.data / "dev.jsonl").open(encoding="utf-8") if line.strip()]
    if len(labels) != len(z["first"]):
        raise SystemExit(f"{args.readings} has {len(z['first'])} rows, dev.jsonl {len(labels)}")
    scores = score_all(z["first"], z["second"], float(z["cut"]), float(z["weight"]), labels,
                       [str(c) for c in z["classes"]])
    print("| combination | accuracy | top-2 | read twice |\n|---|---|---|---|")
    for s in scores:
        print(f"| {s.name} | {s.accuracy:.4f} | {s.top2:.4f} | {s.re_read:.0%} |")


if __name__ == "__main__":
    main()
