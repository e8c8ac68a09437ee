"""A file of decision cases a new user would type, run through `council recommend --json` and
scored against what a careful reader expects (each case's ``expect``).

    python bench/decision_cases.py tests/data/decision_cases_qa12.jsonl [--heldout] [--dump DIR]

Each case is the description plus the form's fields as the CLI's flags (``--failure-cost``,
``--budget-usd``, ``--ceiling``, ``--quality``, ``--needs``, ``--min-context``); the command
runs in this process (click's runner: the real command, the classifier loaded once). A row
is wrong when any expectation fails; the table names which. ``--heldout`` runs only the
held-back cases (scored once), else only the others.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("COUNCIL_VOTERS", "none")


def flags(form: dict[str, Any]) -> list[str]:
    """The form's fields as `council recommend` flags."""
    out: list[str] = []
    if "failure_cost_usd" in form:
        out += ["--failure-cost", str(form["failure_cost_usd"])]
    if "budget_usd_per_month" in form:
        out += ["--budget-usd", str(form["budget_usd_per_month"])]
    if form.get("budget_ceiling"):
        out.append("--ceiling")
    if "quality" in form:
        out += ["--quality", form["quality"]]
    if form.get("needs"):
        out += ["--needs", ",".join(form["needs"])]
    if "min_context" in form:
        out += ["--min-context", str(form["min_context"])]
    if "runs_per_month" in form:
        out += ["--runs-per-month", str(form["runs_per_month"])]
    if form.get("batch"):
        out.append("--batch")
    return out


def said(rec: dict[str, Any]) -> str:
    """Everything the answer says in words: notes, assumptions, decision, cascade, no-fit."""
    parts: list[str] = [*rec.get("notes", []), rec.get("no_fit") or ""]
    parts += [f"{a.get('name')}: {a.get('why')}" for a in rec.get("assumption_notes", [])]
    d = rec.get("decision") or {}
    parts += [json.dumps(d, ensure_ascii=False)]
    parts += [json.dumps(rec.get("cascade") or {}, ensure_ascii=False)]
    parts += [str(rec.get("explanation") or "")]
    return "\n".join(parts)


def assumption(rec: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((a for a in rec.get("assumption_notes", []) if a.get("name") == name), None)


def score(case: dict[str, Any], rec: dict[str, Any] | None, error: str,
          done: dict[str, dict[str, Any]] | None = None, catalog: Any = None) -> list[str]:
    """What a careful reader would call wrong in this answer (empty: right). ``done``: the
    answers of the cases run before (for ``moves_from``); ``catalog``: for ``pick_has``."""
    e = case["expect"]
    if rec is None:
        return [f"no answer: {error[:120]}"]
    wrong: list[str] = []
    text = said(rec)
    fail = assumption(rec, "failure_cost_usd")
    f = e.get("failure")
    if f == "form":
        if fail is None or fail.get("source") != "you":
            wrong.append("failure cost: not the form's")
    elif f == "default":
        if fail is None or fail.get("source") in ("you", "text"):
            wrong.append("failure cost: not the category's default")
    elif isinstance(f, list) and (fail is None or fail.get("source") != "text"
                                  or not f[0] <= fail["value"] <= f[1]):
        got = None if fail is None else (fail.get("value"), fail.get("source"))
        wrong.append(f"failure cost {got} not in {f} from the words")
    budget = assumption(rec, "budget_usd_per_month")
    spec = rec.get("spec") or {}
    if budget is None and (case.get("form") or {}).get("budget_usd_per_month") is not None:
        # a budget typed in the form is the user's, not an assumption: read it from the spec
        budget = {"value": spec.get("budget_usd_per_month"),
                  "why": "a ceiling" if spec.get("budget_ceiling") else ""}
    b = e.get("budget")
    if b is not None:
        if budget is None or not b[0] <= budget["value"] <= b[1]:
            if not (e.get("say") and all(re.search(s, text, re.I) for s in e["say"])):
                wrong.append(f"budget {None if budget is None else budget['value']} not in {b}")
        elif e.get("ceiling") is not None and ("a ceiling" in budget.get("why", "")) \
                != e["ceiling"]:
            wrong.append(f"budget read, but ceiling should be {e['ceiling']}")
    elif e.get("say"):
        for s in e["say"]:
            if not re.search(s, text, re.I):
                wrong.append(f"does not say /{s}/")
    if "budget_used" in e:
        used = spec.get("budget_usd_per_month")
        if used != e["budget_used"]:
            wrong.append(f"budget used {used}, want {e['budget_used']}")
    if e.get("floor_note") is not None and f"P {e['floor_note']:.2f}" not in text:
        wrong.append(f"no note naming the floor {e['floor_note']}")
    # an answer: a pick, a best action, or the closest models and what rules each out
    if e.get("no_empty") and rec.get("recommended") is None and not (
            (rec.get("decision") or {}).get("best_action")) and not rec.get("alternatives"):
        wrong.append("empty answer")
    wrong += _round13(e, rec, done or {}, catalog)
    wrong += _round14(e, rec)
    # decision QA 16: the failure cost used, whatever its source, at most this
    if "failure_max" in e and (fail is None or fail["value"] > e["failure_max"]):
        wrong.append(f"failure cost {None if fail is None else fail['value']} over "
                     f"{e['failure_max']}")
    # decision QA 15: words the answer must say beside whatever else is expected
    wrong += [f"does not say /{s}/" for s in e.get("must_say") or ()
              if not re.search(s, text, re.I)]
    # decision QA 18: the pick is of the family or provider the words require
    if "pick_id" in e and not re.search(e["pick_id"], _pick(rec).get("model_id") or ""):
        wrong.append(f"pick {_pick(rec).get('model_id')} does not match /{e['pick_id']}/")
    calls = assumption(rec, "calls_per_task")
    if "calls_max" in e and calls is not None and calls["value"] > e["calls_max"]:
        wrong.append(f"calls a task {calls['value']}, want at most {e['calls_max']}")
    if "cascade_offered" in e:
        casc = rec.get("cascade") or {}
        act = (rec.get("decision") or {}).get("best_action") or {}
        offered = bool(casc.get("worth_it")) or bool(act.get("cascade_cheap"))
        if offered != e["cascade_offered"]:
            wrong.append(f"cascade offered {offered}, want {e['cascade_offered']} "
                         f"(cascade {casc.get('expected_cost_per_task')}, "
                         f"pick {((rec.get('recommended') or {}).get('expected_cost_per_task'))})")
    return wrong


def _pick(rec: dict[str, Any]) -> dict[str, Any]:
    return rec.get("recommended") or {}


def _round13(e: dict[str, Any], rec: dict[str, Any], done: dict[str, dict[str, Any]],
             catalog: Any) -> list[str]:
    """Decision QA 13's expectations: a project sum not taken as a month's, no budget, the
    pick's capabilities and context, the check's cost, the move between two failure costs,
    the cheapest pick at a failure cost of 0."""
    wrong: list[str] = []
    budget = assumption(rec, "budget_usd_per_month")
    if "budget_not" in e and budget is not None and abs(budget["value"] - e["budget_not"]) < 0.5:
        wrong.append(f"a sum for the whole project used as {budget['value']} a month")
    if e.get("no_budget") and budget is not None:
        wrong.append(f"a budget {budget['value']} nobody gave")
    pick = _pick(rec)
    if (e.get("pick_has") or e.get("pick_context")) and catalog is not None and pick:
        model = next((m for m in catalog.models if m.id == pick["model_id"]), None)
        for cap in e.get("pick_has") or ():
            if model is None or not model.has(cap):
                wrong.append(f"pick {pick['model_id']} has no {cap}")
        if e.get("pick_context") and (model is None
                                      or model.context_window < e["pick_context"]):
            wrong.append(f"pick {pick['model_id']} context below {e['pick_context']:,}")
    elif e.get("pick_has") or e.get("pick_context"):
        wrong.append("no pick to check")
    if "detection" in e:
        det = (rec.get("decision") or {}).get("detection_cost_usd")
        lo, hi = e["detection"]
        if det is None or not lo <= det <= hi:
            wrong.append(f"check cost {det} not in {e['detection']}")
    if "moves_from" in e:
        other = _pick(done.get(e["moves_from"]) or {})
        if not other or not pick:
            wrong.append(f"no pick to compare with {e['moves_from']}")
        elif not (pick["p_adequate"] > other["p_adequate"]
                  and pick["cost"]["per_task"] >= other["cost"]["per_task"]):
            wrong.append(f"pick {pick['model_id']} (P {pick['p_adequate']:.4f}) did not move up "
                         f"from {other['model_id']} (P {other['p_adequate']:.4f})")
    if "pick_cheapest" in e and pick:
        pool = [c for c in rec.get("candidates", [])
                if e["pick_cheapest"] == "all" or c.get("meets_bar")]
        least = min(pool, key=lambda c: c["cost"]["per_task"]) if pool else None
        if least is None or pick["cost"]["per_task"] > least["cost"]["per_task"] + 1e-12:
            wrong.append(f"pick {pick['model_id']} is not the cheapest"
                         f"{'' if e['pick_cheapest'] == 'all' else ' over the floor'} "
                         f"({None if least is None else least['model_id']})")
    return wrong


def _round14(e: dict[str, Any], rec: dict[str, Any]) -> list[str]:
    """Decision QA 14's expectations: the pick at least as likely as a model the words name,
    the calls a task, whether someone waits, and the form's runs, floor and batch used."""
    wrong: list[str] = []
    pick = _pick(rec)
    if "p_at_least" in e:
        ref = next((c for c in [*rec.get("candidates", []), *rec.get("excluded", [])]
                    if c.get("model_id") == e["p_at_least"]), None)
        if ref is None or not pick:
            wrong.append(f"no pick or no {e['p_at_least']} to compare")
        elif pick["p_adequate"] < ref["p_adequate"] - 1e-9:
            wrong.append(f"pick {pick['model_id']} (P {pick['p_adequate']:.4f}) below "
                         f"{e['p_at_least']} (P {ref['p_adequate']:.4f})")
    calls = assumption(rec, "calls_per_task")
    if "calls_min" in e and (calls is None or calls["value"] < e["calls_min"]):
        wrong.append(f"calls a task {None if calls is None else calls['value']}, "
                     f"want at least {e['calls_min']}")
    waits = assumption(rec, "user_waits")
    if "waits" in e and (waits is None or bool(waits["value"]) != e["waits"]):
        wrong.append(f"someone waits {None if waits is None else waits['value']}, "
                     f"want {e['waits']}")
    spec = rec.get("spec") or {}
    runs = assumption(rec, "runs_per_month")
    if "runs_used" in e and (runs is None or runs["value"] != e["runs_used"]):
        wrong.append(f"runs used {None if runs is None else runs['value']}, "
                     f"want {e['runs_used']}")
    if "quality_used" in e and spec.get("quality") != e["quality_used"]:
        wrong.append(f"floor used {spec.get('quality')}, want {e['quality_used']}")
    if "batch_used" in e and bool(spec.get("batch")) != e["batch_used"]:
        wrong.append(f"batch {spec.get('batch')}, want {e['batch_used']}")
    return wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path)
    ap.add_argument("--heldout", action="store_true", help="only the held-back cases")
    ap.add_argument("--dump", type=Path, default=None, help="write each answer's JSON here")
    ap.add_argument("--only", default=None, help="comma-separated case ids")
    args = ap.parse_args()
    from click.testing import CliRunner

    from council.cli.main import cli

    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    cases = [c for c in cases if c["heldout"] == args.heldout]
    if args.only:
        keep = set(args.only.split(","))
        cases = [c for c in cases if c["id"] in keep]
    runner = CliRunner()
    catalog = None
    if any("pick_has" in c["expect"] or "pick_context" in c["expect"] for c in cases):
        from council.assembly import open_catalog

        catalog = open_catalog()
    done: dict[str, dict[str, Any]] = {}
    bad = 0
    print("| case | style | wrong |\n|---|---|---|")
    for c in cases:
        res = runner.invoke(cli, ["recommend", c["text"], *flags(c["form"]), "--json"])
        rec, error = None, ""
        try:
            rec = json.loads(res.output[res.output.index("{"):])
        except ValueError:
            error = (res.output or repr(res.exception)).strip().replace("\n", " ")
        if args.dump is not None and rec is not None:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{c['id']}.json").write_text(json.dumps(rec, indent=1))
        wrong = score(c, rec, error, done, catalog)
        if rec is not None:
            done[c["id"]] = rec
        bad += bool(wrong)
        print(f"| {c['id']} | {c['style']} | {'; '.join(wrong) or 'right'} |", flush=True)
    print(f"\n{bad} of {len(cases)} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
