"""The category with the request read apart from its pasted material, scored on saved readings.

bench/categories.py --request-readings --save-readings FILE reads every dev row as the app
does and, for each row that pastes material apart from its request
(council/assess/request_text.py), the request alone twice: with its own surface features
("#request") and with the whole text's ("#shaped"). All readings come from the same held-out
heads and fine-tunes, so the shipped figure and each candidate's are paired row by row:

- shipped: the whole text's reading (MiniLM, mixed with e5's under the cut);
- (R) request: 0.5 x the whole's + 0.5 x the request's own reading, where the text splits;
- (Q) shaped: the same with the request read with the whole text's surface features.

Without added readings (a run without --request-readings) it prints the study of the shipped
misreads: how many split, how sure the reading was, which category pairs.

Run: python bench/categories.py --data ../shared/categories --variant shipped --without-asides \\
         --request-readings --seed N --save-readings /tmp/requests_N.npz
     python bench/category_requests.py /tmp/requests_N.npz --data ../shared/categories \\
         [--second-weight 0.8]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The candidates' weight of the request's reading (named in docs/classifier.md, "Twentieth
# round", before any candidate was measured).
REQUEST_WEIGHT = 0.5
KINDS = {"request": "(R) request, own features", "shaped": "(Q) request, whole text's features"}
# Round 21's candidate (docs/classifier.md, "Twenty-first round"): Q where it keeps the whole
# text's top category, else the whole text's reading.
KEPT = "(S) Q's order below an unchanged top-1"


@dataclass(frozen=True)
class Dev:
    id: str
    source: str
    prompt: str
    labels: frozenset[str]


@dataclass(frozen=True)
class Score:
    name: str
    right: np.ndarray  # per dev row: top-1 in its labels
    top2: np.ndarray  # per dev row: top-1 or top-2 in its labels


def load_dev(data: Path) -> list[Dev]:
    rows = []
    for line in (data / "dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            rows.append(Dev(r["id"], r["source"], r["prompt"], frozenset(r["labels"])))
    return rows


def final(first: np.ndarray, second: np.ndarray, cut: float, weight: float) -> np.ndarray:
    """The category as the bench scores it: the first reading, or under the cut the mix."""
    again = first.max(axis=1) < cut
    return np.where(again[:, None], (1 - weight) * first + weight * second, first)


def score(name: str, p: np.ndarray, dev: list[Dev], classes: list[str]) -> Score:
    order = np.argsort(-p, axis=1)[:, :2]
    right = np.array([classes[o[0]] in r.labels for o, r in zip(order, dev, strict=True)])
    top2 = np.array([bool({classes[o[0]], classes[o[1]]} & r.labels)
                     for o, r in zip(order, dev, strict=True)])
    return Score(name, right, top2)


def candidates(p: np.ndarray, added_of: np.ndarray, added_ids: np.ndarray, n: int
               ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each candidate's distribution over the n dev rows, and which rows it changed."""
    out = {}
    for kind in KINDS:
        q = p[:n].copy()
        split = np.zeros(n, dtype=bool)
        for j in np.flatnonzero(added_of >= 0):
            if str(added_ids[j]).endswith("#" + kind):
                i = int(added_of[j])
                q[i] = (1 - REQUEST_WEIGHT) * p[i] + REQUEST_WEIGHT * p[j]
                split[i] = True
        out[kind] = (q, split)
    from council.assess.classifier import keep_top

    shaped, split = out["shaped"]
    kept = keep_top(p[:n], shaped)  # the product's rule (REQUEST_WEIGHT, round 21's S)
    out["kept"] = (kept, split & (kept == shaped).all(axis=1))
    return out


def study(p: np.ndarray, dev: list[Dev], classes: list[str], base: Score) -> list[str]:
    """Where the shipped reading misses: split or not, how sure, which pairs."""
    from bench.categories import dev_text
    from council.assess.request_text import split_request

    split = np.array([split_request(dev_text(r.prompt)) is not None for r in dev])
    top = p.max(axis=1)
    order = np.argsort(-p, axis=1)[:, :2]
    lines = [f"dev rows that split into request and material: {split.sum()} of {len(dev)}",
             f"wrong top-1: {(~base.right).sum()}, of them split: {(~base.right & split).sum()}",
             f"wrong top-2: {(~base.top2).sum()}, of them split: {(~base.top2 & split).sum()}",
             "", "| rows | n | top p median | top p < 0.5 | top p >= 0.8 |",
             "|---|---|---|---|---|"]
    for name, rows in (("right", base.right), ("wrong top-1, right top-2", ~base.right & base.top2),
                       ("wrong top-2", ~base.top2)):
        t = top[rows]
        lines.append(f"| {name} | {rows.sum()} | {np.median(t):.2f} | {(t < 0.5).sum()} | "
                     f"{(t >= 0.8).sum()} |")
    pairs = Counter()
    sources = Counter()
    for i in np.flatnonzero(~base.top2):
        pairs[(classes[order[i, 0]], "/".join(sorted(dev[i].labels)))] += 1
        sources[(dev[i].source, bool(split[i]))] += 1
    lines += ["", "wrong top-2 by (read first, accepted), the 15 most common:"]
    lines += [f"  {n:3d}  {a} <- {b}" for (a, b), n in pairs.most_common(15)]
    lines += ["", "wrong top-2 by (source, split):"]
    lines += [f"  {n:3d}  {s} {'split' if sp else 'whole'}" for (s, sp), n in sources.most_common()]
    return lines


def main() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("readings", type=Path, help="a --save-readings file")
    parser.add_argument("--data", type=Path, required=True, help="folder with dev.jsonl")
    parser.add_argument("--study", action="store_true",
                        help="print the study of the shipped misreads (the default when the "
                             "file has no added readings)")
    parser.add_argument("--without-asides", action="store_true",
                        help="(study) split the texts as the category reads them")
    parser.add_argument("--second-weight", type=float, default=None,
                        help="mix the second reading at this weight instead of the run's "
                             "(every reading, whole and request; round 22's T: 0.8)")
    args = parser.parse_args()
    dev = load_dev(args.data)
    z = np.load(args.readings)
    classes = [str(c) for c in z["classes"]]
    weight = float(z["weight"]) if args.second_weight is None else args.second_weight
    p = final(z["first"], z["second"], float(z["cut"]), weight)
    if args.second_weight is not None:
        print(f"second reading mixed at {weight} (the run's: {float(z['weight'])})")
    n = len(dev)
    base = score("shipped", p[:n], dev, classes)
    print(f"shipped: {base.right.sum()} right, {base.top2.sum()} top-2 of {n}")
    if args.study or "added_of" not in z.files or not (z["added_of"] >= 0).any():
        import bench.categories as bc

        bc.READ_WITHOUT_ASIDES = args.without_asides
        print("\n".join(study(p[:n], dev, classes, base)))
        return
    for kind, (q, split) in candidates(p, z["added_of"], z["added_ids"], n).items():
        s = score(kind, q, dev, classes)
        name = KINDS.get(kind, KEPT)
        print(f"\n{name}: {s.right.sum()} right ({s.right.sum() - base.right.sum():+d}), "
              f"{s.top2.sum()} top-2 ({s.top2.sum() - base.top2.sum():+d}); "
              f"rows split {split.sum()}; "
              f"fixed {(s.right & ~base.right).sum()}, broken {(~s.right & base.right).sum()}; "
              f"top-2 fixed {(s.top2 & ~base.top2).sum()}, broken {(~s.top2 & base.top2).sum()}")
        by: dict[str, list[int]] = {}
        for i, r in enumerate(dev):
            d = by.setdefault(r.source, [0, 0, 0, 0])
            d[0] += int(s.right[i]) - int(base.right[i])
            d[1] += int(s.top2[i]) - int(base.top2[i])
        print("  per source, right / top-2 against shipped: " + ", ".join(
            f"{k} {v[0]:+d}/{v[1]:+d}" for k, v in sorted(by.items()) if v[0] or v[1]))


if __name__ == "__main__":
    main()
