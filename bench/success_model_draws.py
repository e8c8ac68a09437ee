"""Small draws of a shared outcome file: the fit chosen on inner folds against the fit
before the choice (32 components), held-out Brier minus the base rate's, per draw.

    python bench/success_model_draws.py --rows ../shared/routing/routerbench/outcomes.jsonl \
        --size 160 --draws 10
    python bench/success_model_draws.py --rows ../shared/routing/outcomes.jsonl --every 49 \
        --draws 10

How the small tests in tests/routing/test_success_model.py picked their draws: rows as the
tests read them (``splitlines``), fit on the first 3/4, scored on the rest. With ``--every``
the rows are the fixed lines[::EVERY] (test_route_cli's) and a draw only shuffles them.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from council.assess.encoder import CachedEncoder, default_encoder
from council.config import paths
from council.outcomes.reading import reading_text
from council.outcomes.rows import load_table
from council.outcomes.selection import fit_chosen
from council.outcomes.success_model import FitConfig, fit_success_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--size", type=int, default=160)
    parser.add_argument("--every", type=int, default=0)
    parser.add_argument("--draws", type=int, default=10)
    args = parser.parse_args()
    lines = args.rows.read_text().splitlines()
    encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    print(f"{'draw':>4} {'rows':>5} {'before':>8} {'chosen':>8} components")
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(args.draws):
            rng = np.random.default_rng(seed)
            if args.every:
                fixed = lines[::args.every]
                pick = [fixed[i] for i in rng.permutation(len(fixed))]
            else:
                pick = [lines[i] for i in rng.choice(len(lines), args.size, replace=False)]
            path = Path(scratch) / f"draw-{seed}.jsonl"
            path.write_text("\n".join(pick) + "\n")
            table = load_table(path)
            x = encoder.encode([reading_text(t) for t in table.prompts]).astype(np.float64)
            k = len(table) * 3 // 4
            y, test_y, texts = table.y[:k], table.y[k:], table.prompts
            seen = test_y >= 0
            rates = np.where(y >= 0, y, 0).sum(0) / np.maximum((y >= 0).sum(0), 1)
            if not ((rates > 0) & (rates < 1)).all():
                print(f"{seed:>4} one class in a model's training rows: skipped")
                continue
            base = float(np.mean(((rates - test_y) ** 2)[seen]))
            out = []
            for fit in (fit_success_model, fit_chosen):
                model = fit(x[:k], y, table.models, "draws", FitConfig(), texts=texts[:k])
                p = model.p_matrix(x[k:], texts[k:])
                out.append(float(np.mean(((p - test_y) ** 2)[seen])) - base)
            print(f"{seed:>4} {len(table):>5} {out[0]:+8.4f} {out[1]:+8.4f} "
                  f"{model.meta['selection']['components']}", flush=True)


if __name__ == "__main__":
    main()
