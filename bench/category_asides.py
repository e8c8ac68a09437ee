"""Asides that say nothing of the task, and the category they move (issue 17, round 14).

    PYTHONPATH=$PWD python bench/category_asides.py [--probe FILE] [--artifact DIR]
        [--cut shipped|none|head] [--list]

tests/data/category_asides14.jsonl (written and committed before any candidate ran): 28
one-line tasks across the categories in English, German, French and Spanish, and 25 asides
in families probe 13 does not use (a deadline, thanks and greetings, the author's role, a
school project, the output's length, its audience or tone, who asked, where the result goes).
Each task is read alone and with each aside of its language (after it, or before it where the
row says "before"); the table counts the texts whose top category (the real reading, the
second reading included) differs from the task alone's, by family and by language. The
"keep" rows are texts whose every sentence carries the task: a cut must leave them whole (the
bench counts those the cut shortens). `--cut` chooses the aside cut (bench/aside_cuts.py):
none is the base a cut is measured against.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.aside_cuts import add_cut_option, apply_cut  # noqa: E402

PROBE = ROOT / "tests" / "data" / "category_asides14.jsonl"


@dataclass(frozen=True)
class Aside:
    lang: str
    family: str
    text: str
    before: bool


@dataclass(frozen=True)
class Probe:
    tasks: dict[str, list[str]]  # by language
    asides: list[Aside]
    keep: list[str]


@dataclass(frozen=True)
class Pair:
    task: str
    aside: Aside

    @property
    def text(self) -> str:
        return f"{self.aside.text} {self.task}" if self.aside.before else \
            f"{self.task} {self.aside.text}"


def load_probe(path: Path = PROBE) -> Probe:
    tasks: dict[str, list[str]] = defaultdict(list)
    asides: list[Aside] = []
    keep: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["kind"] == "task":
            tasks[row["lang"]].append(row["text"])
        elif row["kind"] == "aside":
            asides.append(Aside(row["lang"], row["family"], row["text"],
                                bool(row.get("before"))))
        elif row["kind"] == "keep":
            keep.append(row["text"])
        else:
            raise SystemExit(f"{path}:{n}: unknown kind {row['kind']!r}")
    return Probe(dict(tasks), asides, keep)


def pairs(probe: Probe) -> list[Pair]:
    """Every task with every aside of its language."""
    return [Pair(t, a) for a in probe.asides for t in probe.tasks.get(a.lang, [])]


def flips(classifier, probe: Probe) -> list[tuple[Pair, str, str]]:
    """(pair, the task alone's top category, the pair's) for every pair."""
    tasks = [t for ts in probe.tasks.values() for t in ts]
    alone = {t: p.category for t, p in zip(tasks, classifier.predict(tasks), strict=True)}
    ps = pairs(probe)
    read = classifier.predict([p.text for p in ps])
    return [(p, alone[p.task], r.category) for p, r in zip(ps, read, strict=True)]


def table(rows: list[tuple[Pair, str, str]], key) -> list[str]:
    count: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair, alone, read in rows:
        c = count[key(pair)]
        c[0] += alone != read
        c[1] += 1
    return [f"| {k} | {n} | {f} |" for k, (f, n) in sorted(count.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", type=Path, default=PROBE)
    parser.add_argument("--artifact", type=Path, default=None)
    parser.add_argument("--list", action="store_true", help="print every text that flips")
    add_cut_option(parser)
    args = parser.parse_args()
    from council.assess.category_text import category_text
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    classifier = ensure_classifier(args.artifact or paths().classifier_artifact)
    apply_cut(classifier, args)
    probe = load_probe(args.probe)
    rows = flips(classifier, probe)
    total = sum(a != r for _, a, r in rows)
    print(f"artifact {args.artifact or paths().classifier_artifact}; probe {args.probe.name}; "
          f"cut {args.cut}; "
          f"{sum(map(len, probe.tasks.values()))} tasks, {len(probe.asides)} asides\n")
    print(f"top category differs from the task alone's: **{total} of {len(rows)}**\n")
    for name, key in (("family", lambda p: p.aside.family), ("language", lambda p: p.aside.lang)):
        print(f"| {name} | texts | flips |\n|---|---|---|")
        print("\n".join(table(rows, key)) + "\n")
    keep = classifier.predict(probe.keep)
    whole = [k for k in probe.keep if category_text(k, classifier.params.difficulty_reads,
                                                     classifier.aside_cut) != k]
    print(f"keep texts the cut shortens: {len(whole)} of {len(probe.keep)}; their top "
          f"category: {', '.join(sorted({p.category for p in keep}))}\n")
    if args.list:
        for k in whole:
            print(f"shortened keep text: {k}")
        for pair, alone, read in rows:
            if alone != read:
                print(f"{alone} -> {read}: {pair.text}")


if __name__ == "__main__":
    main()
