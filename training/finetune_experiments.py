"""Fine-tuning MiniLM's top layers for the category (issue 17 part 1): measurement only.

Run: PYTHONPATH=$PWD python training/finetune_experiments.py --data ../shared/categories
         [--variant top1-e4 ...] [--seed 0] [--json out.json]

The lower layers of all-MiniLM-L6-v2 stay frozen: every text's hidden states after them are
computed once (one forward pass, cached in var/finetune-cache) and the top one or two
transformer layers plus a linear category head are trained on those states with
cross-entropy (soft targets: a row accepting k categories splits its weight, as
`category_rows` does; the copied real rows weigh what they weigh in `council train`).

Scored exactly as bench/categories.py scores the shipped recipe: every dev row by a model that
never saw its source (QMSum's rows by a fine-tune fitted without QMSum; the other sources by
the fine-tune on the whole training split, which never saw them), the hand-written test split
by the full fine-tune. Four readings per variant:
  - `head`: the fine-tuned network's own softmax;
  - `recipe`: the shipped first reading (regression + features + prototype vote + kNN) on
    the fine-tuned vectors instead of MiniLM's;
  - `+e5` for each: e5's reading (as shipped) mixed 0.3/0.7 below a cut. The cut sends the same
    share of dev rows on as the shipped cascade does (57.7%), taken from the dev rows' own top
    probabilities (no labels), so each mix costs the same e5 time as shipped.
Variant `frozen` (no layer trained) must reproduce the bench's shipped figures.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LAYERS = 6
CUT = 4  # states are cached after this many layers; layers CUT.. run on them (frozen or trained)
SHIPPED_DEV_SHARE = 0.577  # bench/categories.py "shipped" on this corpus: dev rows read again


@dataclass(frozen=True)
class Setting:
    name: str
    top: int  # transformer layers trained (0: frozen MiniLM)
    epochs: int = 4
    lr: float = 1e-4  # the layers' learning rate; the head's is 10x
    batch: int = 16
    weight_decay: float = 0.01
    max_tokens: int = 256  # training reads at most the first this many tokens (cost)


SETTINGS = [Setting("frozen", 0, epochs=0),
            Setting("top1-e3", 1, epochs=3), Setting("top2-e3", 2, epochs=3),
            Setting("top1-e3-t128", 1, epochs=3, max_tokens=128),
            Setting("top2-e3-t128", 2, epochs=3, max_tokens=128),
            Setting("top2-e2-t64", 2, epochs=2, max_tokens=64)]


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LowerStates:
    """Hidden states after MiniLM's frozen lower layers, per text (fp16, no padding),
    computed on first need and kept on disk."""

    def __init__(self, cut: int, cache: Path) -> None:
        from council.assess.encoder import default_encoder

        self.cut = cut
        self.st = default_encoder()._load()
        self.bert = self.st[0].auto_model
        self.path = cache / f"minilm-after-{cut}.pt"
        self.states: dict[str, object] = {}
        self.dirty = False
        if self.path.is_file():
            import torch

            self.states = torch.load(self.path, weights_only=True)

    def get(self, texts: list[str]) -> list:
        import torch

        missing = sorted({t for t in texts if _key(t) not in self.states}, key=len)
        started = time.perf_counter()
        for at in range(0, len(missing), 32):
            chunk = missing[at:at + 32]
            feats = self.st.tokenize(chunk)
            with torch.inference_mode():
                out = self.bert(**{k: v for k, v in feats.items()
                                   if k in ("input_ids", "attention_mask", "token_type_ids")},
                                output_hidden_states=True)
            h = out.hidden_states[self.cut]
            lengths = feats["attention_mask"].sum(1).tolist()
            for j, t in enumerate(chunk):
                self.states[_key(t)] = h[j, :lengths[j]].to(torch.float16).clone()
            self.dirty = True
        if missing:
            print(f"  lower states: {len(missing)} texts in {time.perf_counter() - started:.0f} s",
                  flush=True)
        return [self.states[_key(t)] for t in texts]

    def save(self) -> None:
        if self.dirty:
            import torch

            self.path.parent.mkdir(parents=True, exist_ok=True)
            torch.save(self.states, self.path)
            self.dirty = False


def _pad(states: list):
    import torch

    n = max(s.shape[0] for s in states)
    h = torch.zeros(len(states), n, states[0].shape[1])
    mask = torch.zeros(len(states), n)
    for i, s in enumerate(states):
        h[i, :s.shape[0]] = s.float()
        mask[i, :s.shape[0]] = 1
    return h, mask


def _top_model(bert, top: int, n_classes: int):
    import torch
    from torch import nn

    class Top(nn.Module):
        """MiniLM's layers from CUT on (the last `top` trainable, those before frozen), mean
        pooling, a linear head."""

        def __init__(self) -> None:
            super().__init__()
            self.frozen = LAYERS - CUT - top
            self.layers = nn.ModuleList(copy.deepcopy(bert.encoder.layer[CUT:]))
            for layer in self.layers[:self.frozen]:
                layer.requires_grad_(False)
                layer.eval()
            self.head = nn.Linear(384, n_classes)

        def pooled(self, h, mask):
            ext = (1.0 - mask[:, None, None, :]) * torch.finfo(torch.float32).min
            for i, layer in enumerate(self.layers):
                if i < self.frozen:
                    layer.eval()  # no dropout in the frozen layers
                    with torch.no_grad():
                        out = layer(h, attention_mask=ext)
                else:
                    out = layer(h, attention_mask=ext)
                h = out[0] if isinstance(out, tuple) else out
            m = mask[..., None]
            return (h * m).sum(1) / m.sum(1).clamp(min=1)

        def forward(self, h, mask):
            return self.head(self.pooled(h, mask))

    return Top()


def fine_tune(states: LowerStates, examples, classes: list[str], s: Setting, seed: int):
    """The top layers + head fitted on `examples` (train split rows); returns the model."""
    import torch

    from council.classifier_training import classifier as tc

    torch.manual_seed(seed)
    rows = tc.category_rows(examples)
    target = np.zeros((len(examples), len(classes)))
    np.add.at(target, (rows.origin, np.searchsorted(classes, rows.y)), rows.weight)
    weight = target.sum(1)
    target = target / weight[:, None]
    model = _top_model(states.bert, s.top, len(classes))
    from council.assess.classifier import prepare_text

    h_all = [h[:s.max_tokens] for h in states.get([prepare_text(e.text) for e in examples])]
    params = [{"params": [p for p in model.layers.parameters() if p.requires_grad],
               "lr": s.lr},
              {"params": model.head.parameters(), "lr": s.lr * 10}]
    opt = torch.optim.AdamW(params, weight_decay=s.weight_decay)
    order = np.argsort([h.shape[0] for h in h_all], kind="stable")
    batches = [order[i:i + s.batch] for i in range(0, len(order), s.batch)]
    total = s.epochs * len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / max(1, total // 10)) * max(0.0, 1 - step / total))
    rng = np.random.default_rng(seed)
    t_target = torch.tensor(target, dtype=torch.float32)
    t_weight = torch.tensor(weight, dtype=torch.float32)
    model.train()
    for _ in range(s.epochs):
        for b in rng.permutation(len(batches)):
            idx = batches[b]
            h, mask = _pad([h_all[i] for i in idx])
            logp = torch.log_softmax(model(h, mask), dim=1)
            w = t_weight[idx]
            loss = -((t_target[idx] * logp).sum(1) * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    return model


class TunedEncoder:
    """A fine-tuned model behind the encoder interface: unit mean-pooled vectors, and the
    head's probabilities (for the `head` reading)."""

    def __init__(self, model, states: LowerStates, name: str) -> None:
        self.model, self.states, self.name, self.dim = model, states, name, 384
        self._memo: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _run(self, texts: list[str]) -> None:
        import torch

        missing = sorted({t for t in texts if t not in self._memo}, key=len)
        for at in range(0, len(missing), 64):
            chunk = missing[at:at + 64]
            h, mask = _pad(self.states.get(chunk))
            with torch.inference_mode():
                v = self.model.pooled(h, mask)
                p = torch.softmax(self.model.head(v), dim=1)
                v = torch.nn.functional.normalize(v, dim=1)
            for j, t in enumerate(chunk):
                self._memo[t] = (v[j].numpy().astype(np.float32), p[j].numpy())

    def encode(self, texts, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self._run(list(texts))
        return np.stack([self._memo[t][0] for t in texts]) if texts else np.zeros((0, 384))

    def proba(self, texts) -> np.ndarray:
        self._run(list(texts))
        return np.stack([self._memo[t][1] for t in texts])


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
    """p50 of one description through MiniLM, and of running its last one or two layers
    again on the states before them (what a tuned category reading would add)."""
    import torch

    from council.assess.encoder import default_encoder

    encoder = default_encoder()
    st = encoder._load()
    bert = st[0].auto_model
    for text in LATENCY_TEXTS:
        feats = st.tokenize([text])
        mask = feats["attention_mask"].float()
        with torch.inference_mode():
            hidden = bert(**{k: feats[k] for k in ("input_ids", "attention_mask",
                                                     "token_type_ids")},
                          output_hidden_states=True).hidden_states
        again = {top: _top_model(bert, top, 15).eval() for top in (1, 2)}
        for model in again.values():  # the frozen layer's output is shared, not rerun
            model.layers, model.frozen = model.layers[model.frozen:], 0
        times: dict[str, list[float]] = {"encode": [], "1 layer": [], "2 layers": []}
        for _ in range(repeats):
            t0 = time.perf_counter()
            encoder.encode([text])
            t1 = time.perf_counter()
            with torch.inference_mode():
                again[1].pooled(hidden[LAYERS - 1], mask)
            t2 = time.perf_counter()
            with torch.inference_mode():
                again[2].pooled(hidden[LAYERS - 2], mask)
            t3 = time.perf_counter()
            times["encode"].append(t1 - t0)
            times["1 layer"].append(t2 - t1)
            times["2 layers"].append(t3 - t2)
        print(f"{feats['input_ids'].shape[1]} tokens: " + ", ".join(
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
    lower: dict[int, LowerStates] = {}

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
                if CUT not in lower:
                    lower[CUT] = LowerStates(CUT, cache)
                for g in [None, *held]:
                    started = time.perf_counter()
                    model = fine_tune(lower[CUT], without(g), classes, s, args.seed)
                    fit_seconds.append(round(time.perf_counter() - started, 1))
                    encoders[g] = TunedEncoder(model, lower[CUT], f"tuned-{s.name}")
                lower[CUT].save()

            def recipe_reading(g, dev_texts, test_texts, encoders=encoders):
                enc = encoders.get(g, frozen)
                p = _recipe(v, enc, tc, without(g), dev_texts + test_texts, second=False)
                return p[:len(dev_texts)], p[len(dev_texts):]

            readings = {"recipe": held_out(recipe_reading)}
            if s.top:
                def head_reading(g, dev_texts, test_texts, encoders=encoders):
                    from council.assess.classifier import prepare_text

                    p = encoders[g].proba([prepare_text(t) for t in dev_texts + test_texts])
                    return p[:len(dev_texts)], p[len(dev_texts):]

                readings["head"] = held_out(head_reading)
                lower[CUT].save()  # the dev rows' states too
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
