"""How far the success model's held-out check clears its bar, by sample size and draw.

tests/routing/test_success_model.py::test_beats_base_rate_on_held_out_shared_rows draws 400
RouterBench rows (seed 0), fits on the first 3/4 and requires held-out Brier below the base
rate's by 0.005. This prints that margin for other sizes and draws, the fit as the test runs
it, so a cheaper sample can be judged before a test is changed (docs/ARCHITECTURE.md,
"Test time, session 16"). Vectors come through the disk cache (cold rows are encoded).

    python bench/success_model_margin.py --data ../shared/routing --sizes 400,240,200 --seeds 0-4
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from council.assess.encoder import CachedEncoder, default_encoder
from council.config import paths
from council.outcomes.reading import READINGS
from council.outcomes.rows import load_table
from council.outcomes.success_model import FitConfig, fit_success_model

BAR = 0.005  # the test's: ours < prior - BAR


def margin(lines: list[str], n: int, seed: int, encoder: CachedEncoder,
           scratch: Path, reading: str = "window", every: int = 0) -> tuple[float, float]:
    """(held-out Brier of the model, of the base rate) on a draw of n rows, as the test.
    With `every`, the rows are the fixed lines[::every] (n is ignored) and the draw only
    shuffles them before the split."""
    rng = np.random.default_rng(seed)
    subset = scratch / f"subset-{n}-{seed}.jsonl"
    if every:
        fixed = lines[::every]
        subset.write_text("\n".join(fixed[i] for i in rng.permutation(len(fixed))))
        n = len(fixed)
    else:
        subset.write_text("\n".join(lines[i] for i in rng.choice(len(lines), n,
                                                                  replace=False)))
    table = load_table(subset)
    x = encoder.encode([READINGS[reading](t) for t in table.prompts]).astype(np.float64)
    k = n * 3 // 4
    model = fit_success_model(x[:k], table.y[:k], table.models, encoder.name, FitConfig())
    p, y = model.p_matrix(x[k:]), table.y[k:]
    base = table.y[:k].mean(0)
    return float(np.mean((p - y) ** 2)), float(np.mean((base - y) ** 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/routing"))
    parser.add_argument("--sizes", default="400,240,200")
    parser.add_argument("--seeds", default="0-4", help="FIRST-LAST, inclusive")
    parser.add_argument("--reading", choices=sorted(READINGS), default="window",
                        help="what the encoder reads of each prompt (council.outcomes.reading)")
    parser.add_argument("--rows", default="routerbench/outcomes.jsonl",
                        help="the outcome file under --data (outcomes.jsonl: MMLU and GSM8K)")
    parser.add_argument("--every", type=int, default=0,
                        help="fixed rows lines[::EVERY], each seed a shuffle before the split")
    args = parser.parse_args()
    lines = (args.data / args.rows).read_text().splitlines()
    first, last = (int(s) for s in args.seeds.split("-"))
    encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    print(f"{'seed':>4} {'rows':>5} {'model':>8} {'base':>8} {'margin over bar':>16}")
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(first, last + 1):
            for n in (int(s) for s in args.sizes.split(",")):
                ours, prior = margin(lines, n, seed, encoder, Path(scratch), args.reading,
                                     args.every)
                n = len(lines[::args.every]) if args.every else n
                print(f"{seed:>4} {n:>5} {ours:8.4f} {prior:8.4f} {prior - ours - BAR:+16.4f}",
                      flush=True)


if __name__ == "__main__":
    main()
