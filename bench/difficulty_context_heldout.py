"""The held-out probe for difficulty and workload sentences (issue 17 part 5).

    PYTHONPATH=$PWD python bench/difficulty_context_heldout.py [--artifact DIR] [--probe FILE]

tests/data/difficulty_context_heldout.jsonl: 22 one-line tasks and 4 context sentences of each
kind (neutral, failure cost, volume/size/cadence), written before any candidate was run and
disjoint from bench/difficulty_context.py's and from candidate (T)'s training bank (commit
04ad204, not shipped). Each sentence is appended to each task;
the table gives the difficulty's mean shift, mean |shift| and the share of shifts over 0.25
level; a second table counts the texts whose top category differs from the task alone's.
Default artifact: the configured one (`council init`'s).

--probe tests/data/difficulty_context_heldout13.jsonl: the thirteenth round's probe (22 new
tasks, 4 neutral, 4 failure-cost and 6 volume/size/cadence sentences, written before candidate
(R) ran). A sentence with "{task}" (the task without its full stop) or "{task_lc}" (the same,
lower-cased first letter) is the task rewritten with the workload inside its sentence
("{task}, about 3,000 of them each night."); any other is appended after the task.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROBE = ROOT / "tests" / "data" / "difficulty_context_heldout.jsonl"
KINDS = ("neutral", "failure cost", "volume/size/cadence")


def load_probe(path: Path = PROBE) -> tuple[list[str], dict[str, list[str]]]:
    """The probe's tasks and its context sentences by kind."""
    tasks: list[str] = []
    sentences: dict[str, list[str]] = {k: [] for k in KINDS}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (tasks if row["kind"] == "task" else sentences[row["kind"]]).append(row["text"])
    return tasks, sentences


def with_sentence(task: str, sentence: str) -> str:
    """The task with the context sentence: filled into its template, else appended."""
    if "{task" not in sentence:
        return f"{task} {sentence}"
    bare = task.rstrip(". ")
    return sentence.format(task=bare, task_lc=bare[:1].lower() + bare[1:])


def shifts(classifier, tasks: list[str], sentences: list[str]) -> np.ndarray:
    """Difficulty of task + sentence minus the task's alone, for every pair."""
    base = np.array([p.difficulty for p in classifier.predict(tasks, read_again=False)])
    texts = [with_sentence(t, s) for s in sentences for t in tasks]
    read = np.array([p.difficulty for p in classifier.predict(texts, read_again=False)])
    return read - np.tile(base, len(sentences))


def category_flips(classifier, tasks: list[str], sentences: list[str]) -> tuple[int, int]:
    """(texts whose top category differs from the task alone's, texts), with the real
    reading (the second reading included)."""
    base = [p.category for p in classifier.predict(tasks)]
    texts = [with_sentence(t, s) for s in sentences for t in tasks]
    read = [p.category for p in classifier.predict(texts)]
    return sum(r != b for r, b in zip(read, base * len(sentences), strict=True)), len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", type=Path, default=None)
    parser.add_argument("--probe", type=Path, default=PROBE,
                        help="the probe file (default: the twelfth round's)")
    args = parser.parse_args()
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    c = ensure_classifier(args.artifact or paths().classifier_artifact)
    tasks, by_kind = load_probe(args.probe)
    print(f"artifact {args.artifact or paths().classifier_artifact}; probe {args.probe.name}; "
          f"{len(tasks)} tasks\n")
    print("| sentence kind | pairs | mean shift | mean abs shift | share abs > 0.25 | up in |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        s = shifts(c, tasks, by_kind[kind])
        print(f"| {kind} | {len(s)} | {s.mean():+.3f} | {np.abs(s).mean():.3f} | "
              f"{(np.abs(s) > 0.25).mean():.2f} | {int((s > 0).sum())} of {len(s)} |")
    print("\n| sentence kind | texts | top category differs from the task alone's |")
    print("|---|---|---|")
    for kind in KINDS:
        flips, n = category_flips(c, tasks, by_kind[kind])
        print(f"| {kind} | {n} | {flips} ({flips / n:.0%}) |")


if __name__ == "__main__":
    main()
