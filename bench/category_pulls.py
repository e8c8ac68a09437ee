"""Which candidate rows pull dev rows away: the nineteenth round's pull procedure.

docs/classifier.md, "Nineteenth round", steps 2-4: from four saved dev readings (the base
corpus and the corpus plus candidate rows, seeds 0 and 1; `bench/categories.py --variant
shipped --without-asides --save-readings FILE`), a dev row is *broken* when the base reads it
right (top-1 in its labels) on both seeds and the candidate wrong on both with the same wrong
top-1 `w`; its *pull* is the candidate row of category `w` nearest to it by cosine in the
shipped build's first-reading encoder, each text read as the app reads it (asides cut). Every
candidate row that is the pull of two or more broken rows is removed.

Prints the broken rows per source, each pull with its count, and the rows removed;
`--write-rest FILE` writes the candidate less the removed rows, unedited, in file order.

Run: python bench/category_pulls.py --data ../shared/categories \\
         --rows training/data/candidates/round18/b.jsonl \\
         --base S0.npz S1.npz --candidate B0.npz B1.npz \\
         [--reports S0.json S1.json B0.json B1.json] [--artifact var/models/classifier]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MIN_PULLS = 2  # a row is removed when it is the pull of at least this many broken rows


@dataclass(frozen=True)
class DevRow:
    id: str
    source: str
    prompt: str
    labels: frozenset[str]


@dataclass(frozen=True)
class Reading:
    """One saved dev reading, scored as bench/categories.py scores it."""

    name: str
    top1: list[str]
    top2: list[str]
    per_source: dict[str, tuple[int, int]]  # source -> (right, right in top-2)

    @property
    def right(self) -> int:
        return sum(r for r, _ in self.per_source.values())

    @property
    def right_top2(self) -> int:
        return sum(t for _, t in self.per_source.values())


@dataclass(frozen=True)
class Broken:
    row: DevRow
    wrong: str  # the candidate's top-1 on both seeds
    pull: str | None  # id of the nearest candidate row of category `wrong`; None if it has none
    cosine: float


def load_dev(data: Path) -> list[DevRow]:
    rows = []
    for line in (data / "dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            rows.append(DevRow(r["id"], r["source"], r["prompt"], frozenset(r["labels"])))
    return rows


def read_saved(path: Path, dev: list[DevRow]) -> Reading:
    """The final category of each dev row from a --save-readings file: the first reading, or
    where its top probability is under the cut the two readings mixed (second_reading.mix)."""
    from council.assess.second_reading import mix

    z = np.load(path)
    first, second = z["first"], z["second"]
    if len(first) != len(dev):
        sys.exit(f"error: {path} has {len(first)} rows, dev.jsonl {len(dev)}")
    classes = [str(c) for c in z["classes"]]
    again = first.max(axis=1) < float(z["cut"])
    final = np.where(again[:, None], mix(first, second, float(z["weight"])), first)
    order = np.argsort(-final, axis=1)[:, :2]
    top1 = [classes[a] for a in order[:, 0]]
    top2 = [classes[b] for b in order[:, 1]]
    counts: dict[str, list[int]] = {}
    for r, a, b in zip(dev, top1, top2, strict=True):
        c = counts.setdefault(r.source, [0, 0])
        c[0] += a in r.labels
        c[1] += a in r.labels or b in r.labels
    return Reading(path.name, top1, top2, {s: (c[0], c[1]) for s, c in sorted(counts.items())})


def check_report(reading: Reading, report: Path, dev: list[DevRow]) -> None:
    """Exit unless the derived reading equals the bench's own report of the same run: every
    source's right and top-2 counts, and the predicted pair of each misread row it lists (the
    report keeps the first two per source)."""
    result = next(r for r in json.loads(report.read_text(encoding="utf-8"))["results"]
                  if r["variant"] == "shipped")
    printed = {s: (v["top1"], v["top2"]) for s, v in result["per_source"].items()}
    if printed != reading.per_source:
        sys.exit(f"error: {reading.name} does not score as {report} says")
    mistakes = {m["id"]: tuple(m["predicted"]) for m in result["mistakes"]}
    derived = {r.id: (a, b) for r, a, b in zip(dev, reading.top1, reading.top2, strict=True)
               if a not in r.labels}
    if not mistakes or any(derived.get(k) != v for k, v in mistakes.items()):
        sys.exit(f"error: {reading.name}'s misread rows differ from {report}'s")


def broken_rows(dev: list[DevRow], base: list[Reading], cand: list[Reading]
                ) -> list[tuple[DevRow, str]]:
    """Rows every base reading reads right and every candidate reading wrong, with one and the
    same wrong top-1 across the candidate's readings."""
    out = []
    for i, r in enumerate(dev):
        wrong = {c.top1[i] for c in cand}
        if (all(b.top1[i] in r.labels for b in base) and len(wrong) == 1
                and not wrong & r.labels):
            out.append((r, wrong.pop()))
    return out


def app_vectors(classifier, texts: list[str]) -> np.ndarray:
    """Unit vectors of `texts` in the artifact's first-reading encoder, each text cut as the
    category reads it (council.assess.category_text, the artifact's difficulty_reads)."""
    from council.assess.category_text import category_text
    from council.assess.classifier import embed_texts

    cut = [category_text(t, classifier.params.difficulty_reads, classifier.aside_cut)
           for t in texts]
    v = embed_texts(classifier.encoder, cut).astype(np.float64)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def pulls(broken: list[tuple[DevRow, str]], cand_rows: list[dict], classifier) -> list[Broken]:
    if not broken:
        return []
    cand_v = app_vectors(classifier, [r["text"] for r in cand_rows])
    dev_v = app_vectors(classifier, [r.prompt for r, _ in broken])
    out = []
    for (row, wrong), v in zip(broken, dev_v, strict=True):
        same = [j for j, c in enumerate(cand_rows) if c["category"] == wrong]
        if not same:
            out.append(Broken(row, wrong, None, float("nan")))
            continue
        sims = cand_v[same] @ v
        best = int(np.argmax(sims))
        out.append(Broken(row, wrong, cand_rows[same[best]]["id"], float(sims[best])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with dev.jsonl")
    parser.add_argument("--rows", type=Path, required=True, help="the candidate rows (JSONL)")
    parser.add_argument("--base", type=Path, nargs=2, required=True,
                        help="the base corpus's saved readings, seeds 0 and 1")
    parser.add_argument("--candidate", type=Path, nargs=2, required=True,
                        help="the corpus plus the candidate rows' saved readings, seeds 0 and 1")
    parser.add_argument("--reports", type=Path, nargs=4, default=None,
                        help="the four runs' categories.json, in the order above: each "
                             "derived reading must score as its run printed")
    parser.add_argument("--artifact", type=Path, default=None,
                        help="the shipped build (default: the configured artifacts' classifier)")
    parser.add_argument("--write-rest", type=Path, default=None,
                        help="write the candidate rows less the removed ones here")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from council.assess.classifier import load_classifier
    from council.config import paths

    dev = load_dev(args.data)
    readings = [read_saved(p, dev) for p in (*args.base, *args.candidate)]
    if args.reports:
        for reading, report in zip(readings, args.reports, strict=True):
            check_report(reading, report, dev)
    base, cand = readings[:2], readings[2:]
    print("| reading | right | top-2 |\n|---|---|---|")
    for label, r in zip(("base seed 0", "base seed 1", "candidate seed 0",
                         "candidate seed 1"), readings, strict=True):
        print(f"| {label} ({r.name}) | {r.right:,} | {r.right_top2:,} |")
    if args.reports:
        print("(each equals its run's categories.json: every source's counts and listed misreads)")

    lines = [line for line in args.rows.open(encoding="utf-8") if line.strip()]
    cand_rows = [json.loads(line) for line in lines]
    classifier = load_classifier(args.artifact or paths().artifacts / "classifier")
    found = pulls(broken_rows(dev, base, cand), cand_rows, classifier)
    print(f"\nbroken rows (base right on both seeds, candidate wrong on both with one wrong "
          f"top-1): {len(found)}, read with {classifier.metadata.get('encoder')}")
    print("| source | broken |\n|---|---|")
    for source, n in sorted(Counter(b.row.source for b in found).items()):
        print(f"| {source} | {n} |")
    print("\n| dev row | accepted | candidate reads | pull | cosine |\n|---|---|---|---|---|")
    for b in sorted(found, key=lambda b: (b.pull or "", b.row.id)):
        print(f"| {b.row.id} | {', '.join(sorted(b.row.labels))} | {b.wrong} | "
              f"{b.pull or '(no row of that category)'} | {b.cosine:.3f} |")
    count = Counter(b.pull for b in found if b.pull)
    print("\n| pull | category | broken rows |\n|---|---|---|")
    category = {r["id"]: r["category"] for r in cand_rows}
    for pid, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {pid} | {category[pid]} | {n} |")
    removed = {pid for pid, n in count.items() if n >= MIN_PULLS}
    print(f"\nremoved (the pull of {MIN_PULLS} or more broken rows): "
          f"{', '.join(sorted(removed)) or 'none'}; {len(cand_rows) - len(removed)} of "
          f"{len(cand_rows)} rows left")
    if args.write_rest:
        if not removed:
            sys.exit("no row removed: there is no candidate (step 4)")
        kept = [line if line.endswith("\n") else line + "\n"
                for line, r in zip(lines, cand_rows, strict=True) if r["id"] not in removed]
        args.write_rest.parent.mkdir(parents=True, exist_ok=True)
        args.write_rest.write_text("".join(kept), encoding="utf-8")
        print(f"wrote {len(kept)} rows to {args.write_rest}")


if __name__ == "__main__":
    main()
