"""Fit the link from public evidence to per-skill levels, and check it against outcomes.

    python training/evidence_link.py --data ../shared/routing [--per-benchmark 80]
    python training/evidence_link.py --data ../shared/routing --crosswalks-only
    python training/evidence_link.py --data ../shared/routing --compare-refit

The models in the shared routing outcomes (GPT-4, GPT-3.5, Claude 1/2/Instant, Mixtral,
Llama-2-70B, Yi-34B, Mistral-7B, Code Llama 34B, WizardLM-13B) have LMArena ratings too
(models_catalog/evidence/lmarena-text*.yaml). The link

    level = intercept + slope x (rating - 1300) / 100      (clipped to [1, 5])

is fitted so that the catalog's own adequacy (council.adequacy: P = Phi((level - d) /
sqrt(1 + sd^2)) averaged over the council's category weights, d and sd the local classifier's
difficulty reading of each prompt) predicts each model's measured success rate on each
benchmark (binomial likelihood over model x benchmark cells). It is then checked model by
model with that model left out of the fit. It writes models_catalog/evidence/link.yaml (with
the crosswalks that put percent-scored benchmarks on the Arena scale, fitted over the catalog
models that have both), and training/reports/evidence_link.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from council.adequacy import category_weights, p_adequate  # noqa: E402
from council.catalog.evidence import (  # noqa: E402
    PERCENT_BENCHMARKS,
    RATING_BENCHMARKS,
    RATING_CENTER,
    SKILL_EVIDENCE,
    Crosswalk,
    Link,
    coverage,
    derive_levels,
    load_evidence,
)
from council.categories import SKILLS, skill_for  # noqa: E402

OUTCOME_FILES = ("outcomes.jsonl", "routerbench/outcomes.jsonl")
# Bradley-Terry: 100 rating points = ln(10)/4 logits of preference; one level = 1.702 logits
# of success (council.outcomes.success_model.LEVEL_LOGITS). If a preference logit were a
# success logit, the slope would be this many levels per 100 points.
THEORY_SLOPE = math.log(10) / 4 / 1.702
# Models the catalog helper is adding (genai-prices ids); reported, not fitted.
NEW_IDS = ("claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "gpt-6.1-sol",
           "gpt-6.1-terra", "gpt-6-luna", "gpt-6-astra", "gemini-4-argon", "gemini-3.8-flash",
           "grok-4.7", "kimi-k3.1-pro", "mistral-large-4", "deepseek-flash", "muse-spark-1.3",
           "minimax-m3")


def benchmark_of(source: str) -> str:
    if source.startswith("mmlu"):
        return "mmlu"
    return source.split("/")[-1].split(".")[0]


def read_outcomes(data: Path) -> tuple[dict, dict]:
    """(model, benchmark) -> [successes, trials]; benchmark -> list of prompts."""
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    prompts: dict[str, list[str]] = defaultdict(list)
    for name in OUTCOME_FILES:
        with open(data / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                bench = benchmark_of(row["source"])
                prompts[bench].append(row["prompt"])
                for model, ok in row["outcomes"].items():
                    cells[(model, bench)][0] += int(ok)
                    cells[(model, bench)][1] += 1
    return dict(cells), dict(prompts)


def readings(prompts: dict[str, list[str]], per: int, cache: Path) -> dict[str, dict]:
    """The local classifier's reading of a fixed random sample of each benchmark's prompts."""
    key = f"v1-{per}"
    if cache.exists():
        stored = json.loads(cache.read_text())
        if stored.get("key") == key:
            return stored["benchmarks"]
    from council.classifier_loader import ensure_classifier

    clf = ensure_classifier()
    out = {}
    for bench, texts in sorted(prompts.items()):
        sample = random.Random(0).sample(texts, min(per, len(texts)))
        preds = clf.predict(sample)
        out[bench] = {
            "d": [p.difficulty for p in preds], "sd": [p.difficulty_sd for p in preds],
            "w": [_skill_weights(p) for p in preds],
            "n_prompts": len(texts)}
        print(f"  read {len(sample)} {bench} prompts: mean difficulty "
              f"{np.mean(out[bench]['d']):.2f}", flush=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"key": key, "benchmarks": out}))
    return out


def _skill_weights(pred) -> dict[str, float]:
    weights: dict[str, float] = defaultdict(float)
    for cat, w in category_weights(pred.category_p, pred.category).items():
        weights[skill_for(cat)] += w
    return dict(weights)


def routing_ratings(evidence) -> dict[str, dict[str, float]]:
    """Routing model -> skill -> Arena rating (its overall rating where a skill has none)."""
    out = {}
    ids = {r.model for f in evidence.files for r in f.rows if "/" in r.model or r.model in (
        "gpt-4-1106-preview", "gpt-3.5-turbo-1106", "mixtral-8x7b-instruct",
        "claude-v1", "claude-v2", "claude-instant-v1")}
    for model in sorted(ids):
        by_bench = {r.benchmark: r.score for r, _ in evidence.rows_for(model)
                    if r.benchmark in RATING_BENCHMARKS}
        if "lmarena-text:overall" not in by_bench:
            continue
        out[model] = {s: next((by_bench[b] for b in SKILL_EVIDENCE[s] if b in by_bench),
                              by_bench["lmarena-text:overall"]) for s in SKILLS}
    return out


def predict_slow(a: float, b: float, ratings: dict[str, float], reading: dict) -> float:
    """The catalog's adequacy itself (council.adequacy.p_adequate), prompt by prompt."""
    levels = {s: min(max(a + b * (r - RATING_CENTER) / 100.0, 1.0), 5.0)
              for s, r in ratings.items()}
    total = 0.0
    for d, sd, w in zip(reading["d"], reading["sd"], reading["w"], strict=True):
        total += sum(wt * p_adequate(levels[s], d, sd) for s, wt in w.items())
    return total / len(reading["d"])


_ARRAYS: dict[int, tuple] = {}


def predict(a: float, b: float, ratings: dict[str, float], reading: dict,
            offset: float = 0.0) -> float:
    """predict_slow, vectorised (the fit calls it ~10^5 times); a test of equality is in main."""
    from scipy.special import ndtr

    arr = _ARRAYS.get(id(reading))
    if arr is None:
        d = np.array(reading["d"])[:, None]
        scale = np.sqrt(1.0 + np.array(reading["sd"]) ** 2)[:, None]
        w = np.array([[x.get(s, 0.0) for s in SKILLS] for x in reading["w"]])
        arr = _ARRAYS[id(reading)] = (d, scale, w)
    d, scale, w = arr
    r = np.array([ratings[s] for s in SKILLS])[None, :]
    levels = np.clip(a + b * (r - RATING_CENTER) / 100.0, 1.0, 5.0)
    return float((ndtr((levels - d - offset) / scale) * w).sum(axis=1).mean())


def fit(cells: list[tuple[str, str, int, int]], ratings, reads,
        offsets: bool = False) -> tuple[float, float, dict[str, float]]:
    """(intercept, slope, per-benchmark difficulty offsets) by binomial likelihood.

    With ``offsets`` each benchmark's difficulty may shift (the shifts sum to zero, so the
    classifier's mean reading stays the zero point): the slope is then learnt from how models
    differ within a benchmark, not from how the classifier ranks benchmarks.
    """
    from scipy.optimize import minimize

    benches = sorted({c[1] for c in cells})

    def unpack(theta: np.ndarray) -> tuple[float, float, dict[str, float]]:
        shift = {bn: 0.0 for bn in benches}
        if offsets:
            free = [*theta[2:], -float(np.sum(theta[2:]))]
            shift = dict(zip(benches, free, strict=True))
        return float(theta[0]), float(math.exp(theta[1])), shift

    def nll(theta: np.ndarray) -> float:
        a, b, shift = unpack(theta)
        loss = 0.0
        for model, bench, k, n in cells:
            p = predict(a, b, ratings[model], reads[bench], shift[bench])
            p = min(max(p, 1e-6), 1 - 1e-6)
            loss -= k * math.log(p) + (n - k) * math.log(1 - p)
        return loss

    extra = [0.0] * (len(benches) - 1) if offsets else []
    best = min((minimize(nll, np.array([a0, math.log(0.35), *extra]), method="Nelder-Mead",
                         options={"xatol": 1e-4, "fatol": 1e-3, "maxiter": 3000})
                for a0 in (3.5, 4.5)), key=lambda r: r.fun)
    return unpack(best.x)


# Benchmarks crosswalked after the 2026-11-30 review (AA's Terminal-Bench v2.1 and v4.0 and
# tau3-banking, in AA's files from August 2026). Each is used only when its fit is as good as
# the crosswalks already in use: r >= GATE_MIN_R over >= GATE_MIN_N models; a weaker fit is
# reported (CrosswalkFits.rejected) and left out of link.yaml, so its rows stay unused.
GATED_CROSSWALKS = ("aa:terminalbench_v2_1", "aa:terminalbench_v4_0", "aa:tau_banking")
GATE_MIN_R = 0.75
GATE_MIN_N = 10


@dataclass(frozen=True)
class CrosswalkFits:
    used: dict[str, Crosswalk]
    rejected: dict[str, Crosswalk]  # gated benchmarks whose fit is below the bar


def fit_crosswalks(evidence, routing: set[str]) -> CrosswalkFits:
    used: dict[str, Crosswalk] = {}
    rejected: dict[str, Crosswalk] = {}
    for bench, target in sorted(PERCENT_BENCHMARKS.items()):
        xs, ys = [], []
        models = {r.model for f in evidence.files for r in f.rows if r.benchmark == bench}
        for model in sorted(models - routing):
            rows = {r.benchmark: r for r, f in evidence.rows_for(model) if f.independent}
            if bench in rows and target in rows:
                p = min(max(rows[bench].score / 100.0, 0.005), 0.995)
                xs.append(math.log(p / (1 - p)))
                ys.append(rows[target].score)
        if len(xs) < 3:
            continue
        slope, intercept = np.polyfit(xs, ys, 1)
        r = float(np.corrcoef(xs, ys)[0, 1])
        walk = Crosswalk(target=target, intercept=round(float(intercept), 2),
                         slope=round(float(slope), 3), n=len(xs), r=round(r, 3))
        if bench in GATED_CROSSWALKS:
            if slope > 0 and r >= GATE_MIN_R and len(xs) >= GATE_MIN_N:
                used[bench] = walk
            else:
                rejected[bench] = walk
        elif len(xs) >= 8 and slope > 0:
            used[bench] = walk
    return CrosswalkFits(used=used, rejected=rejected)


def estimate_errors(catalog_dir: Path, evidence, link: Link) -> dict:
    """How far the provider files' estimates sit from the evidence-derived levels."""
    from council.catalog.loader import META_FILE, REJECTIONS_FILE, load_provider_file

    diffs = []
    for path in sorted(catalog_dir.glob("*.yaml")):
        if path.name in (META_FILE, REJECTIONS_FILE):  # not provider files
            continue
        for entry in load_provider_file(path):
            measured = derive_levels(evidence.rows_for(entry.id), link)
            for skill, m in measured.items():
                q = entry.quality[skill]
                if q.estimated:
                    diffs.append(m.level - q.skill)
    d = np.array(diffs)
    return {"n": int(d.size), "mean": round(float(d.mean()), 3),
            "rms": round(float(np.sqrt((d ** 2).mean())), 3),
            "sd": round(float(d.std()), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared routing directory")
    ap.add_argument("--catalog", type=Path, default=ROOT / "models_catalog")
    ap.add_argument("--per-benchmark", type=int, default=80)
    ap.add_argument("--reports", type=Path, default=ROOT / "training" / "reports")
    ap.add_argument("--cache", type=Path, default=ROOT / "var" / "evidence_readings.json")
    ap.add_argument("--crosswalks-only", action="store_true",
                    help="refit only the crosswalks; keep link.yaml's intercept, slope and fit")
    ap.add_argument("--compare-refit", action="store_true",
                    help="fit the link on today's classifier readings and compare it with "
                         "link.yaml's (outcome error, level moves); writes only "
                         "training/reports/evidence_link_refit.md")
    args = ap.parse_args(argv)
    if args.crosswalks_only:
        return refit_crosswalks_only(args.catalog, args.reports)
    if args.compare_refit:
        return compare_refit(args.data, args.catalog, args.reports, args.per_benchmark,
                             args.cache)

    evidence = load_evidence(args.catalog)
    if evidence is None:
        raise SystemExit(f"no evidence directory under {args.catalog}")
    cells_raw, prompts = read_outcomes(args.data)
    ratings = routing_ratings(evidence)
    reads = readings(prompts, args.per_benchmark, args.cache)
    cells = sorted((m, b, k, n) for (m, b), (k, n) in cells_raw.items() if m in ratings)
    missing = sorted({m for m, _ in cells_raw} - set(ratings))
    if missing:
        print("no Arena rating for:", ", ".join(missing))

    a_fit, b_fit, _ = fit(cells, ratings, reads)
    a_off, b_off, shift = fit(cells, ratings, reads, offsets=True)
    print(f"fit on {len(cells)} cells, classifier as read: level = {a_fit:.3f} + {b_fit:.3f} "
          f"x (rating - 1300)/100; with benchmark offsets: {a_off:.3f} + {b_off:.3f}, "
          + ", ".join(f"{k} {v:+.2f}" for k, v in shift.items()))
    model0, bench0 = cells[0][0], cells[0][1]
    fast, slow = predict(a_fit, b_fit, ratings[model0], reads[bench0]), predict_slow(
        a_fit, b_fit, ratings[model0], reads[bench0])
    assert abs(fast - slow) < 1e-9, (fast, slow)
    # The shipped link: the slope learnt within benchmarks, the zero point from the rubric
    # (level 5 = "where even the strongest models often fail": the best-rated model is 5.0).
    top = max(r.score for f in evidence.files for r in f.rows
              if r.benchmark == "lmarena-text:overall")
    a_ship = 5.0 - b_off * (top - RATING_CENTER) / 100.0
    print(f"shipped: level = {a_ship:.3f} + {b_off:.3f} x (rating - 1300)/100 "
          f"(best overall rating {top} = level 5)")

    held: dict[str, tuple] = {}
    groups = defaultdict(list)
    for model in ratings:
        groups[round(ratings[model]["chat"], 1), round(ratings[model]["coding"], 1)].append(model)
    for members in groups.values():
        train = [c for c in cells if c[0] not in members]
        fa, fb, _ = fit(train, ratings, reads)
        oa, ob, osh = fit(train, ratings, reads, offsets=True)
        for model in members:
            held[model] = (fa, fb, oa, ob, osh)
        print(f"  without {', '.join(members)}: {fa:.3f} + {fb:.3f}; offsets {oa:.3f} + "
              f"{ob:.3f}", flush=True)

    def lv(a: float, b: float, r: float) -> float:
        return round(min(max(a + b * (r - RATING_CENTER) / 100, 1.0), 5.0), 2)

    table = []
    for model, bench, k, n in cells:
        fa, fb, oa, ob, osh = held[model]
        rt = ratings[model]
        table.append({
            "model": model, "benchmark": bench, "n": n, "measured": round(k / n, 4),
            "fitted_held_out": round(predict(fa, fb, rt, reads[bench]), 4),
            "offsets_held_out": round(predict(oa, ob, rt, reads[bench], osh[bench]), 4),
            "shipped": round(predict(a_ship, b_off, rt, reads[bench]), 4),
            "rating_reasoning": rt["reasoning"], "rating_coding": rt["coding"],
            "level_fitted": [lv(a_fit, b_fit, rt["reasoning"]), lv(a_fit, b_fit, rt["coding"])],
            "level_shipped": [lv(a_ship, b_off, rt["reasoning"]),
                              lv(a_ship, b_off, rt["coding"])]})
    summary = {}
    for col in ("fitted_held_out", "offsets_held_out", "shipped"):
        err = np.array([t[col] - t["measured"] for t in table])
        meas = np.array([t["measured"] for t in table])
        pred = np.array([t[col] for t in table])
        per = {}
        for bench in sorted({t["benchmark"] for t in table}):
            rows = [t for t in table if t["benchmark"] == bench]
            e = np.array([t[col] - t["measured"] for t in rows])
            r = (float(np.corrcoef([t["measured"] for t in rows], [t[col] for t in rows])[0, 1])
                 if len(rows) > 2 else float("nan"))
            per[bench] = {"cells": len(rows), "mean_error": round(float(e.mean()), 3),
                          "mae": round(float(np.abs(e).mean()), 3),
                          "pearson": round(r, 3) if math.isfinite(r) else None}
        summary[col] = {"mae": round(float(np.abs(err).mean()), 3),
                        "mean_error": round(float(err.mean()), 3),
                        "pearson": round(float(np.corrcoef(meas, pred)[0, 1]), 3),
                        "by_benchmark": per}
    difficulty = {bench: round(float(np.mean(reads[bench]["d"])), 2) for bench in reads}

    routing_ids = set(ratings) | {"mixtral-8x7b-instruct"}
    fits = fit_crosswalks(evidence, routing_ids)
    link = Link(fitted=date.today(), by="training/evidence_link.py --data <shared>/routing",
                intercept=round(a_ship, 3), slope=round(b_off, 3), crosswalks=fits.used,
                fit={"cells": len(cells), "anchor_rating": top,
                     "classifier_anchored": {"intercept": round(a_fit, 3),
                                             "slope": round(b_fit, 3)},
                     "with_benchmark_offsets": {"intercept": round(a_off, 3),
                                                "slope": round(b_off, 3),
                                                "offsets": {k: round(v, 3)
                                                            for k, v in shift.items()}},
                     "held_out": {k: {x: v[x] for x in ("mae", "mean_error", "pearson")}
                                  for k, v in summary.items()},
                     "theory_slope": round(THEORY_SLOPE, 3)})
    publish(args.catalog, args.reports, evidence, link, fits,
            {"cells": table, "summary": summary, "classifier_mean_difficulty": difficulty,
             "unrated_outcome_models": missing})
    return 0


@dataclass(frozen=True)
class LinkError:
    """How well a link's adequacy predicts the outcome cells (P predicted - P measured)."""

    mae: float
    mean_error: float
    pearson: float


def link_error(a: float, b: float, cells, ratings, reads) -> LinkError:
    err = np.array([predict(a, b, ratings[m], reads[bn]) - k / n for m, bn, k, n in cells])
    meas = np.array([k / n for _, _, k, n in cells])
    return LinkError(round(float(np.abs(err).mean()), 3), round(float(err.mean()), 3),
                     round(float(np.corrcoef(meas, meas + err)[0, 1]), 3))


def level_moves(catalog_dir: Path, intercept: float, slope: float) -> list[tuple]:
    """(model, skill, level now, level under the other link) of every measured level of an
    active model, the catalog loaded from a copy whose link.yaml has the other numbers."""
    import shutil
    import tempfile

    import yaml

    from council.catalog.loader import load_catalog_dir

    now = load_catalog_dir(catalog_dir)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "models_catalog"
        shutil.copytree(catalog_dir, copy)
        path = copy / "evidence" / "link.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.update(intercept=intercept, slope=slope)
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        other = load_catalog_dir(copy)
    return [(m.id, s, q.skill, other.get(m.id).quality[s].skill)
            for m in now.models if m.status == "active"
            for s, q in m.quality.items() if not q.estimated]


def compare_refit(data: Path, catalog_dir: Path, reports: Path, per: int, cache: Path) -> int:
    """The full refit on today's readings against the link in use, without writing link.yaml:
    whether the refit predicts the outcomes better, and what it would move."""
    evidence = load_evidence(catalog_dir)
    if evidence is None or evidence.link is None:
        raise SystemExit(f"no evidence link under {catalog_dir}")
    cells_raw, prompts = read_outcomes(data)
    ratings = routing_ratings(evidence)
    reads = readings(prompts, per, cache)
    cells = sorted((m, b, k, n) for (m, b), (k, n) in cells_raw.items() if m in ratings)
    _, b_off, _ = fit(cells, ratings, reads, offsets=True)
    top = max(r.score for f in evidence.files for r in f.rows
              if r.benchmark == "lmarena-text:overall")
    a_new, b_new = round(5.0 - b_off * (top - RATING_CENTER) / 100.0, 3), round(b_off, 3)
    old = evidence.link
    errors = {"in use": link_error(old.intercept, old.slope, cells, ratings, reads),
              "refit": link_error(a_new, b_new, cells, ratings, reads)}
    moves = level_moves(catalog_dir, a_new, b_new)
    deltas = [new - now for _, _, now, new in moves]
    moved = [d for d in deltas if abs(d) > 1e-9]
    lines = [
        "# The evidence link refitted on today's classifier readings",
        "",
        "Written by `training/evidence_link.py --data ../shared/routing --compare-refit`; "
        "link.yaml is not changed. Both links are evaluated on the same "
        f"{len(cells)} outcome cells with the local classifier's current reading of the "
        f"prompts ({per} per benchmark; mean difficulty "
        + ", ".join(f"{k} {np.mean(v['d']):.2f}" for k, v in sorted(reads.items())) + ").",
        "",
        "| link | intercept | slope | MAE of P | mean error | Pearson |",
        "|---|---|---|---|---|---|",
        f"| in use (fitted {old.fitted}) | {old.intercept} | {old.slope} | "
        f"{errors['in use'].mae} | {errors['in use'].mean_error:+.3f} | "
        f"{errors['in use'].pearson} |",
        f"| refit today | {a_new} | {b_new} | {errors['refit'].mae} | "
        f"{errors['refit'].mean_error:+.3f} | {errors['refit'].pearson} |",
        "",
        f"Measured levels of active models that the refit would move: {len(moved)} of "
        f"{len(moves)} (mean {np.mean(deltas):+.3f}, from {min(deltas):+.3f} to "
        f"{max(deltas):+.3f}; levels at 5.0: {sum(n >= 5.0 for *_, n, _ in moves)} now, "
        f"{sum(x >= 5.0 for *_, x in moves)} after).",
        ""]
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "evidence_link_refit.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


def refit_crosswalks_only(catalog_dir: Path, reports: Path) -> int:
    """Refit the crosswalks (they rest on evidence rows alone) and keep link.yaml's intercept,
    slope and fit, which rest on the local classifier's readings of the outcome prompts: a
    new evidence row then changes levels only through the crosswalks and its own row."""
    evidence = load_evidence(catalog_dir)
    if evidence is None or evidence.link is None:
        raise SystemExit(f"no evidence link under {catalog_dir}; run the full fit first")
    fits = fit_crosswalks(evidence, set(routing_ratings(evidence)) | {"mixtral-8x7b-instruct"})
    old = evidence.link
    link = old.model_copy(update={"crosswalks": fits.used,
                                  "fit": {**old.fit, "crosswalks_refitted": str(date.today())}})
    base_path = reports / "evidence_link.json"
    base = json.loads(base_path.read_text()) if base_path.exists() else {}
    publish(catalog_dir, reports, evidence, link, fits,
            {k: base.get(k, d) for k, d in (("cells", []), ("summary", {}),
                                            ("classifier_mean_difficulty", {}),
                                            ("unrated_outcome_models", []))})
    return 0


def publish(catalog_dir: Path, reports: Path, evidence, link: Link, fits: CrosswalkFits,
            base: dict) -> None:
    """Write link.yaml and training/reports/evidence_link.{json,md} (coverage after the link)."""
    for bench, w in fits.rejected.items():
        print(f"crosswalk {bench} not used: r = {w.r} over {w.n} models (needs r >= "
              f"{GATE_MIN_R} over >= {GATE_MIN_N})")
    est = estimate_errors(catalog_dir, evidence, link)
    link = link.model_copy(update={"fit": {**link.fit, "estimate_vs_evidence": est}})

    import yaml

    link_path = catalog_dir / "evidence" / "link.yaml"
    link_path.write_text("# Written by training/evidence_link.py; see docs/catalog.md.\n"
                         + yaml.safe_dump(link.model_dump(mode="json"), sort_keys=False),
                         encoding="utf-8")

    from council.catalog.loader import load_catalog_dir

    catalog = load_catalog_dir(catalog_dir)
    cov = coverage(catalog.models)
    new_rows = {m: sorted({r.benchmark for r, _ in evidence.rows_for(m)}) for m in NEW_IDS}
    clipped = sorted({(m.id, s) for m in catalog.models if m.status == "active"
                      for s, q in m.quality.items() if not q.estimated and q.skill >= 5.0})
    report = {"link": link.model_dump(mode="json"), **base,
              "coverage": {"measured": cov.measured, "total": cov.total,
                           "share": round(cov.share, 3),
                           "estimated": {k: list(v) for k, v in cov.estimated_by_model.items()}},
              "levels_at_5": [list(x) for x in clipped],
              "new_models_with_evidence": new_rows,
              "rejected_crosswalks": {b: w.model_dump(mode="json")
                                      for b, w in fits.rejected.items()}}
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "evidence_link.json").write_text(json.dumps(report, indent=1))
    md = render(report, est)
    (reports / "evidence_link.md").write_text(md)
    print(md)


def render(rep: dict, est: dict) -> str:
    link, fit_ = rep["link"], rep["link"]["fit"]
    ca, wo = fit_["classifier_anchored"], fit_["with_benchmark_offsets"]
    lines = ["# Evidence -> level link, checked against outcomes", "",
             "Written by `training/evidence_link.py --data ../shared/routing`; numbers below are "
             "its output.", "",
             "Predictions use the catalog's own adequacy (`council.adequacy.p_adequate`, probit "
             "slope 1) of each model's linked level (its LMArena rating in the skill's category) "
             "against the local classifier's difficulty reading of each prompt (80 per "
             "benchmark, fixed seed), averaged over the classifier's category weights. "
             "*Held out* = refitted without that model.", "",
             "| link | intercept (level at 1300) | slope (levels / 100 points) |",
             "|---|---|---|",
             f"| A. fitted, classifier's difficulty as read | {ca['intercept']} | {ca['slope']} |",
             f"| B. fitted with a difficulty offset per benchmark (sum 0) | {wo['intercept']} | "
             f"{wo['slope']} |",
             f"| **shipped**: slope of B, level 5.0 at the best overall rating "
             f"({fit_['anchor_rating']}) | {link['intercept']} | {link['slope']} |",
             f"| Bradley-Terry theory (preference logit = success logit) | | "
             f"{fit_['theory_slope']} |", "",
             "Benchmark offsets of B (levels added to the classifier's reading): "
             + ", ".join(f"{k} {v:+.2f}" for k, v in wo["offsets"].items()) + ".", "",
             "| model | benchmark | n | measured | A held out | B held out | shipped | "
             "level A (reas./coding) | level shipped |", "|---|---|---|---|---|---|---|---|---|"]
    for t in rep["cells"]:
        lines.append(f"| {t['model']} | {t['benchmark']} | {t['n']} | {t['measured']:.3f} | "
                     f"{t['fitted_held_out']:.3f} | {t['offsets_held_out']:.3f} | "
                     f"{t['shipped']:.3f} | {t['level_fitted'][0]} / {t['level_fitted'][1]} | "
                     f"{t['level_shipped'][0]} / {t['level_shipped'][1]} |")
    lines += ["", "| predictions | MAE | mean error (pred - meas) | Pearson |",
              "|---|---|---|---|"]
    names = {"fitted_held_out": "A held out", "offsets_held_out": "B held out",
             "shipped": "shipped"}
    for col, v in rep["summary"].items():
        lines.append(f"| {names[col]} | {v['mae']} | {v['mean_error']:+.3f} | {v['pearson']} |")
    lines += ["", "| benchmark | classifier's mean difficulty | A: mean error / Pearson | "
              "B: mean error / Pearson | shipped: mean error / Pearson |",
              "|---|---|---|---|---|"]
    for bench, d in rep["classifier_mean_difficulty"].items():
        cols = [rep["summary"][c]["by_benchmark"].get(bench) for c in names]
        lines.append(f"| {bench} | {d} | " + " | ".join(
            f"{c['mean_error']:+.3f} / {c['pearson']}" if c else "" for c in cols) + " |")
    refit = ([f"Crosswalks refitted {fit_['crosswalks_refitted']} (`--crosswalks-only`); the "
              f"link above is the fit of {link['fitted']}.", ""]
             if fit_.get("crosswalks_refitted") else [])
    lines += ["", "## Crosswalks (percent benchmarks onto the Arena scale)", "", *refit,
              "| benchmark | onto | models | r | rating = a + b x logit(score) |",
              "|---|---|---|---|---|"]
    for bench, w in link["crosswalks"].items():
        lines.append(f"| {bench} | {w['target']} | {w['n']} | {w['r']} | "
                     f"{w['intercept']} + {w['slope']} x logit |")
    for bench, w in rep.get("rejected_crosswalks", {}).items():
        lines.append(f"| {bench} (**not used**: below r >= {GATE_MIN_R} over >= {GATE_MIN_N}) | "
                     f"{w['target']} | {w['n']} | {w['r']} | "
                     f"{w['intercept']} + {w['slope']} x logit |")
    cov = rep["coverage"]
    lines += ["", "## Coverage", "",
              f"Active models' per-skill levels citing a measurement: {cov['measured']} of "
              f"{cov['total']} ({100 * cov['share']:.1f}%).", "",
              f"Measured levels clipped at 5.0: {len(rep['levels_at_5'])}.", "",
              "Estimated (no public measurement): "
              + "; ".join(f"{m}: {', '.join(s)}" for m, s in cov["estimated"].items()), "",
              f"Curator estimates vs evidence-derived levels ({est['n']} model-skills): mean "
              f"{est['mean']:+.2f}, RMS {est['rms']}, SD {est['sd']} levels.", "",
              "Models being added (genai-prices ids) with evidence rows: "
              + ", ".join(f"{m} ({len(b)})" for m, b in rep["new_models_with_evidence"].items()),
              ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
