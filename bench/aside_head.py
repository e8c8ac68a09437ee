"""Candidate (H) of issue 17, round 15: the aside head on e5's sentence vectors
(bench.aside_head_model), built from the repo's files and read beside the shipped cut.

    PYTHONPATH=$PWD python bench/aside_head.py --build /tmp/as15/aside_head.npz
    PYTHONPATH=$PWD python bench/aside_head.py --head FILE --dev /work/shared/categories
    PYTHONPATH=$PWD python bench/aside_head.py --head FILE --cost FILE.jsonl
    PYTHONPATH=$PWD python bench/aside_head.py --head FILE --vote-cost FILE.jsonl

--build trains the head as `council train` would (the corpus's training tasks, their e5
vectors from the embedding cache, and training/data/asides/asides.jsonl). --dev lists the dev
texts whose category text the candidate changes beyond the shipped cut. --cost times the cut
on a probe's texts (the shipped cut and the candidate's, each text uncached); --vote-cost the
whole single vote with either cut, in turn.

The other benches take `--cut shipped|none|head --aside-head FILE` (bench/aside_cuts.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.aside_cuts import head_cut, second_encoder  # noqa: E402


def build(out: Path) -> None:
    from bench.aside_head_training import train_aside_head
    from council.assess.classifier import embed_texts
    from council.assess.second_reading import SECOND_WINDOW
    from council.classifier_training.corpus import default_data_dir, load_corpus

    started = time.perf_counter()
    encoder = second_encoder()
    train = [e for e in load_corpus(default_data_dir()) if e.split == "train"]
    vectors = embed_texts(encoder, [e.text for e in train], window=SECOND_WINDOW)
    head = train_aside_head(vectors, encoder)
    out.parent.mkdir(parents=True, exist_ok=True)
    head.save(out)
    print(f"{out}: {len(train)} task rows, cut {head.cut} (two sentences {head.cut_pair}) "
          f"({time.perf_counter() - started:.1f} s)")


def dev_changes(head: Path, data: Path) -> None:
    from council.assess.category_text import category_text
    from council.classifier_training.classifier import DIFFICULTY_READS

    cut = head_cut(head)
    lines = (data / "dev.jsonl").read_text(encoding="utf-8").split("\n")
    rows = [json.loads(x) for x in lines if x.strip()]
    changed = []
    for r in rows:
        shipped = category_text(r["prompt"], DIFFICULTY_READS)
        mine = category_text(r["prompt"], DIFFICULTY_READS, cut)
        if mine != shipped:
            changed.append((r["prompt"], mine))
    print(f"dev: {len(changed)} of {len(rows)} texts read differently from the shipped cut")
    for before, after in changed:
        gone = " ".join(before.split())[:160]
        print(f"- {gone!r}\n  -> {' '.join(after.split())[:120]!r}")


def cost(head: Path, probe: Path) -> None:
    """Per text: the shipped cut's time and the candidate's (uncached, e5 loaded and warm)."""
    from bench.aside_head_model import AsideHead, HeadCut
    from council.assess.asides import without_asides
    from council.assess.encoder import encoder_named
    from council.assess.second_reading import SECOND_ENCODER

    sys.path.insert(0, str(ROOT / "bench"))
    from category_asides import load_probe, pairs

    texts = [p.text for p in pairs(load_probe(probe))]
    e5 = encoder_named(SECOND_ENCODER)  # uncached, as the app reads
    e5.encode(["warm"])
    h = AsideHead.load(head)
    shipped, mine = [], []
    for t in texts:
        without_asides.cache_clear()
        a = time.perf_counter()
        left = without_asides(t)
        b = time.perf_counter()
        HeadCut(h, e5)(left)
        c = time.perf_counter()
        shipped.append((b - a) * 1000)
        mine.append((c - a) * 1000)
    print(f"{len(texts)} texts of {probe.name}: shipped cut p50 {statistics.median(shipped):.2f}"
          f" ms; shipped + head p50 {statistics.median(mine):.2f} ms, p90 "
          f"{sorted(mine)[int(0.9 * len(mine))]:.2f} ms")


def vote_cost(head: Path, probe: Path) -> None:
    """The single vote's time per text of a probe (every pair), the shipped cut and (H) in
    turn (which goes first alternates), every cache cleared, uncached encoders."""
    from bench.aside_head_model import AsideHead, HeadCut
    from council.assess.asides import without_asides
    from council.assess.category_text import joined
    from council.assess.difficulty_text import difficulty_text
    from council.assess.encoder import encoder_named
    from council.assess.second_reading import SECOND_ENCODER
    from council.classifier_loader import ensure_classifier

    sys.path.insert(0, str(ROOT / "bench"))
    from category_asides import load_probe, pairs

    texts = [p.text for p in pairs(load_probe(probe))]
    classifier = ensure_classifier()
    classifier.warm()
    e5 = encoder_named(SECOND_ENCODER)
    e5.encode(["warm"])
    h = AsideHead.load(head)
    times: dict[str, list[float]] = {"shipped": [], "head": []}
    for i, t in enumerate(texts):
        for name in (("shipped", "head") if i % 2 == 0 else ("head", "shipped")):
            without_asides.cache_clear()
            difficulty_text.cache_clear()
            classifier.aside_cut = without_asides if name == "shipped" else \
                joined(HeadCut(h, e5))
            started = time.perf_counter()
            classifier.vote(t)
            times[name].append((time.perf_counter() - started) * 1000)
    diff = [b - a for a, b in zip(times["shipped"], times["head"], strict=True)]
    shipped, mine = statistics.median(times["shipped"]), statistics.median(times["head"])
    print(f"{len(texts)} texts of {probe.name}, single vote p50: shipped cut {shipped:.1f} ms, "
          f"(H) {mine:.1f} ms; per-text difference p50 {statistics.median(diff):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=None)
    parser.add_argument("--head", type=Path, default=Path("/tmp/as15/aside_head.npz"))
    parser.add_argument("--dev", type=Path, default=None, help="folder with dev.jsonl")
    parser.add_argument("--cost", type=Path, default=None, help="a probe file")
    parser.add_argument("--vote-cost", type=Path, default=None, help="a probe file")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.build:
        build(args.build)
    if args.dev:
        dev_changes(args.head, args.dev)
    if args.cost:
        cost(args.head, args.cost)
    if args.vote_cost:
        vote_cost(args.head, args.vote_cost)


if __name__ == "__main__":
    main()
