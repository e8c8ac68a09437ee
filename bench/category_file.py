"""The shipped category reading on a labelled file of texts nobody tuned on.

bench/categories.py scores recipes on ../shared/categories with each source held out; this
scores the artifact `council init` built, as it is, on any JSONL whose rows have a "text"
(or "prompt") and the "labels" a careful reader accepts, e.g. tests/data/category_blind7.jsonl
(45 rows written blind for issue 17 before any run). Prints accuracy, top-2, the per-label
figures and every misread row.

Run: python bench/category_file.py tests/data/category_blind7.jsonl [--artifact DIR]
         [--request-weight W] [--second-weight W]  (bench/reading_weights.py)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    labels: tuple[str, ...]  # the file's order: the first is the row's main category


@dataclass(frozen=True)
class Scored:
    row: Row
    top: tuple[str, str]
    encoder: str

    @property
    def right(self) -> bool:
        return self.top[0] in self.row.labels

    @property
    def right_top2(self) -> bool:
        return bool(set(self.top) & set(self.row.labels))


def read_rows(path: Path) -> list[Row]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        text = data.get("text") or data.get("prompt")
        if not text or not data.get("labels"):
            raise SystemExit(f"{path}:{n}: a row needs a text (or prompt) and labels")
        rows.append(Row(str(data.get("id", n)), text, tuple(data["labels"])))
    return rows


def score(rows: list[Row], artifact: Path | None, args=None) -> list[Scored]:
    from council.classifier_loader import ensure_classifier

    classifier = ensure_classifier(artifact) if artifact else ensure_classifier()
    if args is not None:
        from bench.aside_cuts import apply_cut
        from bench.reading_weights import apply_weights

        apply_cut(classifier, args)
        print(f"read with {apply_weights(classifier, args)}")
    out = []
    for row, pred in zip(rows, classifier.predict([r.text for r in rows]), strict=True):
        ranked = sorted(pred.category_p, key=pred.category_p.__getitem__, reverse=True)
        out.append(Scored(row, (ranked[0], ranked[1]), pred.category_encoder))
    return out


def report(scored: list[Scored]) -> str:
    n = len(scored)
    acc = sum(s.right for s in scored) / n
    top2 = sum(s.right_top2 for s in scored) / n
    lines = [f"{n} rows: accuracy {acc:.3f}, top-2 {top2:.3f} (issue 17 targets 0.85 / 0.95)",
             "", "| first label | rows | right | top-2 |", "|---|---|---|---|"]
    by: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        by[s.row.labels[0]].append(s)
    for label in sorted(by):
        group = by[label]
        lines.append(f"| {label} | {len(group)} | {sum(s.right for s in group)} | "
                     f"{sum(s.right_top2 for s in group)} |")
    lines += ["", "| id | accepted | read (top 2) | reading | text |", "|---|---|---|---|---|"]
    for s in scored:
        if not s.right:
            text = " ".join(s.row.text.split())[:90]
            lines.append(f"| {s.row.id} | {', '.join(s.row.labels)} | "
                         f"{', '.join(s.top)} | {s.encoder} | {text} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="+", help="one or more files (pooled)")
    parser.add_argument("--artifact", type=Path, default=None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.aside_cuts import add_cut_option
    from bench.reading_weights import add_weight_options

    add_cut_option(parser)
    add_weight_options(parser)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows = [r for f in args.file for r in read_rows(f)]
    scored = score(rows, args.artifact, args)
    print(report(scored))
    if len(args.file) > 1:
        print(f"\npooled over {len(args.file)} files: {sum(s.right for s in scored)} right, "
              f"{sum(s.right_top2 for s in scored)} top-2 of {len(scored)} (cut {args.cut})")


if __name__ == "__main__":
    main()
