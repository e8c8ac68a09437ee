"""Local classifier speed: warm single-description latency and batch throughput, and how
many descriptions the second category reading (e5) read again: its cut is fixed at training
time, so the share on real descriptions is measured here, beside the p50.

Run: python bench/classifier.py [--artifact DIR] [--threads 1] [--n 2000]
         [--texts ../shared/categories/dev.jsonl] [--request-weight W] [--second-weight W]
--texts times single votes on real prompts (a JSONL with a "prompt" field, a seeded sample)
instead of the eight written samples, whose wording the classifier was trained on.
Not a timed test: it prints a table. Uses the artifact `ensure_classifier()` loads (building
it if missing) and the plain encoder, with no embedding disk cache, as the app does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

SAMPLES = [
    "Summarise this email thread into three bullet points for my manager",
    "Write a Python function that validates IBAN numbers and returns the country",
    "Our Kafka consumers lag by hours after the upgrade to 3.6; find the cause",
    "Design a multi-tenant billing schema with usage-based pricing and invoices",
    "Translate our onboarding emails into Brazilian Portuguese, keep the friendly tone",
    "Tag each support ticket as billing, bug, feature request or account access",
    "Read this 400-page loan agreement and list every covenant with its threshold",
    "Prove that every tree with n vertices has exactly n-1 edges",
]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _real_texts(path: Path, n: int) -> list[str]:
    import json
    import random

    with path.open(encoding="utf-8") as f:
        prompts = [json.loads(line)["prompt"] for line in f if line.strip()]
    return random.Random(0).sample(prompts, min(n, len(prompts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--artifact", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads for the encoder (COUNCIL_TORCH_THREADS); 0: torch's "
                             "default "
                             "(one thread is fastest for single texts on this 2-core box)")
    parser.add_argument("--n", type=int, default=2000, help="texts in the batch run")
    parser.add_argument("--repeats", type=int, default=200, help="single-text calls timed")
    parser.add_argument("--texts", type=Path, default=None,
                        help="JSONL of real prompts ('prompt' field) for the single votes")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.reading_weights import add_weight_options, apply_weights

    add_weight_options(parser)
    args = parser.parse_args()
    singles = _real_texts(args.texts, args.repeats) if args.texts else [
        SAMPLES[i % len(SAMPLES)] + f" (case {i})" for i in range(args.repeats)]

    import torch

    from council.assess.classifier import prepare_text
    from council.classifier_loader import ensure_classifier

    # The encoder sets torch's threads from COUNCIL_TORCH_THREADS when it loads (default 1).
    os.environ["COUNCIL_TORCH_THREADS"] = str(args.threads or torch.get_num_threads())
    started = time.perf_counter()
    classifier = ensure_classifier(args.artifact)
    weights = apply_weights(classifier, args)
    classifier.predict(["warm up the encoder"])
    load_s = time.perf_counter() - started

    single: list[float] = []
    read_again: list[bool] = []  # the second reading (council.assess.second_reading) ran
    encode_only: list[float] = []
    post: list[float] = []
    with torch.inference_mode():
        for text in singles:
            t0 = time.perf_counter()
            vote = classifier.vote(text)
            single.append(time.perf_counter() - t0)
            read_again.append("read again with" in vote.reason)
            t0 = time.perf_counter()
            vector = classifier.encoder.encode([prepare_text(text)])
            encode_only.append(time.perf_counter() - t0)
            second = classifier.second.encoder.encode(
                [prepare_text(text, classifier.second.window)]) \
                if classifier.second is not None else None
            t0 = time.perf_counter()
            classifier.predict_embedded([text], vector, second)
            post.append(time.perf_counter() - t0)

        texts = [SAMPLES[i % len(SAMPLES)] + f" (variant {i})" for i in range(args.n)]
        t0 = time.perf_counter()
        batch = classifier.predict(texts, batch_size=64)
        batch_s = time.perf_counter() - t0
    second_name = classifier.params.second_encoder
    batch_again = sum(p.category_encoder == second_name for p in batch) if second_name else 0
    first_only = [t for t, a in zip(single, read_again, strict=True) if not a]
    again_only = [t for t, a in zip(single, read_again, strict=True) if a]

    ms = 1000.0

    rows = [
        ("load average (1 min)", f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"),
        ("torch threads", f"{torch.get_num_threads()}"),
        ("category read with", weights),
        ("single votes on", f"{len(singles)} real prompts from {args.texts.name}"
         if args.texts else f"{len(singles)} written samples"),
        ("load + first prediction", f"{load_s:.1f} s"),
        ("single vote p50", f"{statistics.median(single) * ms:.1f} ms"),
        ("single vote p95", f"{_percentile(single, 0.95) * ms:.1f} ms"),
        ("single votes read again", f"{sum(read_again)} of {len(read_again)} "
                                    f"(cut {classifier.params.second_cut:.3f}, "
                                    f"{second_name or 'no second reading'})"),
        ("  p50 first reading only", f"{statistics.median(first_only) * ms:.1f} ms"
         if first_only else "-"),
        ("  p50 read again", f"{statistics.median(again_only) * ms:.1f} ms"
         if again_only else "-"),
        ("encoder alone p50", f"{statistics.median(encode_only) * ms:.1f} ms"),
        ("post-encoding work p50", f"{statistics.median(post) * ms:.2f} ms"),
        (f"batch of {args.n}", f"{batch_s:.1f} s"),
        ("batch throughput", f"{args.n / batch_s:.0f} descriptions/s"),
        ("batch read again", f"{batch_again / len(batch):.0%}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  -----")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
