"""Fine-tuning MiniLM's top layers for the category (issue 17): measurement of recipes.

Run: PYTHONPATH=$PWD python training/finetune_experiments.py --data ../shared/categories
         [--variant top2-e3 ...] [--seed 0] [--share 0.3 ...] [--json out.json] [--latency]

The fitting code is the shipped one (council.classifier_training.finetune, on the lower
states of council.assess.tuned_encoder, cached here in var/finetune-cache between runs);
this script only varies its recipe and scores it as bench/categories.py scores the shipped
path: every dev row by a model that never saw its source (QMSum's rows by a fine-tune fitted
without QMSum; the other sources by the fine-tune on the whole training split, which never
saw them), the hand-written test split by the full fine-tune. Two readings per variant:
  - `recipe`: the shipped first reading (regression + features + prototype vote + kNN) on
    the fine-tuned vectors instead of MiniLM's;
  - `+e5`: e5's reading (as shipped) mixed 0.3/0.7 below a cut that sends a fixed share of
    the dev rows on (57.7%, what the frozen cascade re-read; `--share` adds more), taken from
    the dev rows' own top probabilities (no labels).
Variant `frozen` (no layer trained) must reproduce the bench's frozen figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHIPPED_DEV_SHARE = 0.577  # bench/categories.py "shipped" on this corpus: dev rows read again


@dataclass(frozen=True)
class Setting:
    """A fine-tuning recipe (council.classifier_training.finetune.FineTune) by name; `top` 0
    is MiniLM as published. The top-1 settings and the network's own head reading were
    measured by this script at commit 36dfa28 (docs/encoders.md); the council code tunes two."""

    name: str
    top: int  # transformer layers trained (0 or council.assess.tuned_encoder's LAYERS - CUT)
    epochs: int = 4
    lr: float = 1e-4  # the layers' learning rate; the head's is 10x
    batch: int = 16
    weight_decay: float = 0.01
    max_tokens: int = 256  # training reads at most the first this many tokens (cost)

    def recipe(self, seed: int):
        from council.classifier_training.finetune import FineTune

        return FineTune(epochs=self.epochs, lr=self.lr, batch=self.batch,
                        weight_decay=self.weight_decay, max_tokens=self.max_tokens, seed=seed)


SETTINGS = [Setting("frozen", 0, epochs=0), Setting("top2-e3", 2, epochs=3),
            Setting("top2-e3-t128", 2, epochs=3, max_tokens=128),
            Setting("top2-e2-t64", 2, epochs=2, max_tokens=64)]


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LowerStates:
    """council.assess.tuned_encoder.lower_states per text, kept on disk (fp16) between runs."""

    def __init__(self, cache: Path) -> None:
        from council.assess.tuned_encoder import CUT

        self.path = cache / f"minilm-after-{CUT}.pt"
        self.states: dict[str, object] = {}
        self.dirty = False
        if self.path.is_file():
            import torch

            self.states = torch.load(self.path, weights_only=True)

    def get(self, texts: list[str]) -> list:
        import torch

        from council.assess.tuned_encoder import lower_states

        missing = list(dict.fromkeys(t for t in texts if _key(t) not in self.states))
        if missing:
            started = time.perf_counter()
            for t, h in zip(missing, lower_states(missing), strict=True):
                self.states[_key(t)] = h.to(torch.float16)
            self.dirty = True
            print(f"  lower states: {len(missing)} texts in {time.perf_counter() - started:.0f} s",
                  flush=True)
        return [self.states[_key(t)].float() for t in texts]

    def save(self) -> None:
        if self.dirty:
            import torch

            self.path.parent.mkdir(parents=True, exist_ok=True)
            torch.save(self.states, self.path)
            self.dirty = False


def fine_tune(states: LowerStates, examples, s: Setting, seed: int):
    """The shipped fine-tune code (council.classifier_training.finetune) with this setting."""
    from council.assess.classifier import prepare_text
    from council.classifier_training.finetune import fine_tune as fit

    return fit(states.get([prepare_text(e.text) for e in examples]), examples, s.recipe(seed))


class TunedEncoder:
    """A fine-tune's vectors from the cached lower states (the encoder interface)."""

    def __init__(self, layers, states: LowerStates) -> None:
        from council.assess.tuned_encoder import TunedMiniLMEncoder

        self.inner, self.states = TunedMiniLMEncoder(layers), states
        self.name, self.dim = self.inner.name, 384
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.inner.from_states(self.states.get(missing)),
                                  strict=True))
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 384))


def _recipe(v, enc, tc, train, texts_to_score, second: bool):
    """The shipped category recipe fitted on `train` read by `enc`; probabilities of
    `texts_to_score` (classes in sorted order)."""
    import bench_categories as bc

    from council.assess.classifier import embed_texts
    from council.assess.second_reading import SECOND_WINDOW

    def featurise(texts):
        emb = embed_texts(enc, texts, window=SECOND_WINDOW) if second else embed_texts(enc, texts)
        x = bc._features(emb, texts, v.features)
        return np.hstack([x, bc._prototype_sims(enc, emb) * v.proto_scale])

    x_train = featurise([e.text for e in train])
    head = bc._fit_head(tc, x_train, tc.category_rows(train), tc.CATEGORY_C, v)
    assert list(head.classes_) == sorted(head.classes_)
    return head.predict_proba(featurise(texts_to_score))


def _scores(p_dev, p_test, dev, test, classes) -> dict:
    order = np.argsort(-p_dev, axis=1)[:, :2]
    top1 = [classes[o[0]] in r.labels for o, r in zip(order, dev, strict=True)]
    top2 = [classes[o[0]] in r.labels or classes[o[1]] in r.labels
            for o, r in zip(order, dev, strict=True)]
    t = np.argmax(p_test, axis=1)
    return {"accuracy": float(np.mean(top1)), "top2": float(np.mean(top2)),
            "test_split": float(np.mean([classes[k] == e.category
                                         for k, e in zip(t, test, strict=True)]))}


def _mix(p, q, share: float, w: float = 0.7):
    """Below the cut that sends `share` of rows on: (1-w) p + w q."""
    cut = np.quantile(p.max(axis=1), share)
    again = p.max(axis=1) < cut
    return np.where(again[:, None], (1 - w) * p + w * q, p), cut


LATENCY_TEXTS = (
    "Review this pull request for thread-safety problems in the connection pool.",
    "Translate the following paragraph into French, keeping the formal tone: "
    + "We thank you for your patience while we look into the delay. " * 4)


def latency(repeats: int = 200) -> None:
    """p50 of one description through MiniLM, and of running its top layers again on the
    states before them (what a tuned reading *beside* MiniLM's would add; the shipped
    fine-tune replaces them instead: council.assess.tuned_encoder)."""
    import torch

    from council.assess.encoder import default_encoder
    from council.assess.tuned_encoder import CUT, lower_states, pooled, top_copies

    encoder = default_encoder()
    top = top_copies().eval()
    for text in LATENCY_TEXTS:
        h = lower_states([text])[0][None]
        mask = torch.ones(h.shape[:2])
        times: dict[str, list[float]] = {"encode": [], f"layers {CUT}.. again": []}
        for _ in range(repeats):
            t0 = time.perf_counter()
            encoder.encode([text])
            t1 = time.perf_counter()
            with torch.inference_mode():
                pooled(top, h, mask)
            t2 = time.perf_counter()
            times["encode"].append(t1 - t0)
            times[f"layers {CUT}.. again"].append(t2 - t1)
        print(f"{h.shape[1]} tokens: " + ", ".join(
            f"{k} p50 {np.median(v) * 1e3:.1f} ms" for k, v in times.items()), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="folder with dev.jsonl")
    parser.add_argument("--variant", action="append", default=None,
                        help=f"one of {[s.name for s in SETTINGS]}; repeatable")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None, help="append results here")
    parser.add_argument("--latency", action="store_true",
                        help="only time one description: MiniLM, and 1 or 2 layers again")
    parser.add_argument("--share", type=float, action="append", default=None,
                        help="more shares of dev rows e5 re-reads (recipe reading; repeatable)")
    args = parser.parse_args()

    import torch
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(1)
    if args.latency:
        latency()
        return
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_categories", Path(__file__).resolve().parents[1] / "bench" / "categories.py")
    bc = importlib.util.module_from_spec(spec)
    sys.modules["bench_categories"] = bc
    spec.loader.exec_module(bc)

    from council.assess.classifier import KNN_K, KNN_WEIGHT, PROTOTYPE_VOTE
    from council.assess.encoder import CachedEncoder, default_encoder, encoder_named
    from council.assess.second_reading import SECOND_ENCODER
    from council.classifier_training import classifier as tc
    from council.classifier_training.corpus import default_data_dir, load_corpus
    from council.config import paths

    corpus = load_corpus(default_data_dir())
    if args.data is None:
        sys.exit("error: --data is required (the folder holding dev.jsonl)")
    dev = bc.load_dev(args.data)
    train = [e for e in corpus if e.split == "train"]
    test = [e for e in corpus if e.split == "test"]
    v = bc.Variant("shipped", "", real=False, shipped=True,
                   features=tc.FEATURES + tc.CATEGORY_FEATURES, knn=KNN_WEIGHT, knn_k=KNN_K,
                   proto_scale=tc.PROTOTYPE_SCALE, proto_vote=PROTOTYPE_VOTE)
    classes = sorted({label for e in train for label in e.accepted})
    train_groups = {bc.GROUPS.get(e.source, e.source) for e in train}
    held = sorted({r.group for r in dev} & train_groups)  # sources scored by a model without them
    print(f"{len(train)} training rows, {len(test)} test rows, {len(dev)} dev rows; "
          f"held out with their own fit: {held}", flush=True)
    frozen = CachedEncoder(default_encoder(), paths().embedding_cache)
    e5 = CachedEncoder(encoder_named(SECOND_ENCODER), paths().embedding_cache)
    cache = paths().home / "finetune-cache"
    lower = LowerStates(cache)

    def held_out(reading) -> tuple[np.ndarray, np.ndarray]:
        """reading(group or None) -> (probabilities of texts, fitted without that group)."""
        p_dev = np.zeros((len(dev), len(classes)))
        rest = [i for i, r in enumerate(dev) if r.group not in held]
        p_full_dev, p_test = reading(None, [dev[i].prompt for i in rest], [e.text for e in test])
        p_dev[rest] = p_full_dev
        for g in held:
            rows = [i for i, r in enumerate(dev) if r.group == g]
            p_dev[rows], _ = reading(g, [dev[i].prompt for i in rows], [])
        return p_dev, p_test

    def without(g):
        return train if g is None else [e for e in train if bc.GROUPS.get(e.source, e.source) != g]

    with threadpool_limits(limits=1, user_api="blas"):
        def e5_reading(g, dev_texts, test_texts):
            p = _recipe(v, e5, tc, without(g), dev_texts + test_texts, second=True)
            return p[:len(dev_texts)], p[len(dev_texts):]

        q_dev, q_test = held_out(e5_reading)
        results = []
        for s in SETTINGS:
            if args.variant and s.name not in args.variant:
                continue
            encoders, fit_seconds = {}, []
            if s.top:
                for g in [None, *held]:
                    started = time.perf_counter()
                    layers = fine_tune(lower, without(g), s, args.seed)
                    fit_seconds.append(round(time.perf_counter() - started, 1))
                    encoders[g] = TunedEncoder(layers, lower)
                lower.save()

            def recipe_reading(g, dev_texts, test_texts, encoders=encoders):
                enc = encoders.get(g, frozen)
                p = _recipe(v, enc, tc, without(g), dev_texts + test_texts, second=False)
                return p[:len(dev_texts)], p[len(dev_texts):]

            readings = {"recipe": held_out(recipe_reading)}
            lower.save()  # the dev rows' states too
            for name, (p_dev, p_test) in readings.items():
                first = _scores(p_dev, p_test, dev, test, classes)
                m_dev, cut = _mix(p_dev, q_dev, SHIPPED_DEV_SHARE)
                m_test = np.where((p_test.max(1) < cut)[:, None], 0.3 * p_test + 0.7 * q_test,
                                  p_test)
                mixed = _scores(m_dev, m_test, dev, test, classes)
                row = {"setting": s.name, "reading": name, "seed": args.seed,
                       "fit_seconds": fit_seconds, "first": first, "with_e5": mixed,
                       "cut": round(float(cut), 4),
                       "test_share_read_again": float((p_test.max(1) < cut).mean())}
                for share in (args.share or []) if name == "recipe" else []:
                    m_dev, cut_s = _mix(p_dev, q_dev, share)
                    m_test = np.where((p_test.max(1) < cut_s)[:, None],
                                      0.3 * p_test + 0.7 * q_test, p_test)
                    row[f"with_e5_share_{share:g}"] = _scores(m_dev, m_test, dev, test, classes)
                    got = row[f"with_e5_share_{share:g}"]
                    print(f"{s.name:16} {name:6} e5 re-reads {share:.0%} of dev rows: "
                          f"{got['accuracy']:.3f} / {got['top2']:.3f} test "
                          f"{got['test_split']:.3f}", flush=True)
                results.append(row)
                print(f"{s.name:16} {name:6} seed {args.seed} fits {fit_seconds} s | first: "
                      f"{first['accuracy']:.3f} / {first['top2']:.3f} test "
                      f"{first['test_split']:.3f}"
                      f" | +e5: {mixed['accuracy']:.3f} / {mixed['top2']:.3f} test "
                      f"{mixed['test_split']:.3f} (test read again "
                      f"{row['test_share_read_again']:.0%})", flush=True)
    if args.json:
        old = json.loads(args.json.read_text()) if args.json.is_file() else []
        args.json.write_text(json.dumps(old + results, indent=1) + "\n")


if __name__ == "__main__":
    main()
