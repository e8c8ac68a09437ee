"""The decision cases through the form, and each answer's share link opened again.

    python bench/decision_cases_page.py tests/data/decision_cases_qa13.jsonl [--heldout]
        [--cli DIR]

Each case's description and form fields go into the real Recommend page (Streamlit's AppTest:
the real classifier, catalog and SQLite in a scratch home); the stored answer is scored as
`bench/decision_cases.py` scores the CLI's. Then the share link (`?r=<id>`) is opened in a
fresh page and must show the same pick and the same figures (metrics, captions, Markdown) as
the page that made it. With ``--cli DIR`` (the ``--dump`` of `decision_cases.py`) the page's
pick, failure cost and budget are compared with the CLI's too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ["COUNCIL_VOTERS"] = "none"

from decision_cases import assumption, score

PAGE = "from council.ui.pages import recommend\nrecommend.page()\n"


def shown(at: Any) -> list[str]:
    """What the page shows a reader, in order: metrics, captions, Markdown, notes."""
    out = [f"{m.label}={m.value}" for m in at.metric]
    for kind in (at.caption, at.markdown, at.info, at.warning, at.success, at.error):
        # "Saved <time>" differs between the two runs only by design; nothing else may
        out += [re.sub(r"Saved \S+ \S*", "Saved", str(e.value)) for e in kind]
    # the live vote's status lines are shown while voting only, not on a reopened link
    return [s for s in out if not re.match(r":(green|red)\[[✓✗]|Voter skipped", s)]


def fill(at: Any, case: dict[str, Any]) -> Any:
    form = case["form"]
    at.text_area(key="description").input(case["text"])
    for key in ("failure_cost_usd", "budget_usd_per_month", "min_context", "runs_per_month"):
        if key in form:
            at.number_input(key=key).set_value(form[key])
    if form.get("budget_ceiling"):
        at.toggle(key="budget_ceiling").set_value(True)
    if form.get("batch"):
        at.toggle(key="batch").set_value(True)
    if "quality" in form:
        at.segmented_control(key="quality").set_value(form["quality"])
    if form.get("needs"):
        at.multiselect(key="needs").set_value(form["needs"])
    at.button(key="FormSubmitter:task_form-Recommend").click()
    return at.run()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path)
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--cli", type=Path, default=None, help="decision_cases.py --dump DIR")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="council-page-"))
    os.environ["COUNCIL_HOME"] = str(home)
    os.environ["COUNCIL_DB"] = str(home / "council.db")
    from streamlit.testing.v1 import AppTest

    from council import store
    from council.assembly import open_catalog
    from council.config import PROJECT_ROOT
    from council.db import open_db

    os.environ.setdefault("COUNCIL_ARTIFACTS", str(PROJECT_ROOT / "var" / "models"))
    catalog = open_catalog()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    cases = [c for c in cases if c["heldout"] == args.heldout]
    done: dict[str, dict[str, Any]] = {}
    bad = 0
    print("| case | page | share link | page against the CLI |\n|---|---|---|---|")
    for c in cases:
        at = fill(AppTest.from_string(PAGE, default_timeout=300).run(), c)
        problems: list[str] = []
        rec: dict[str, Any] | None = None
        share = at.query_params.get("r")
        share = share[0] if isinstance(share, list) else share
        if at.exception:
            problems.append(f"exception {at.exception[0].value[:80]}")
        if not share:
            errors = "; ".join(str(e.value)[:120] for e in at.error)
            wrong = [f"no answer: {errors}"]
        else:
            stored = store.load_recommendation(open_db(home / "council.db"), share)
            rec = json.loads(json.dumps(stored.rec.to_dict()))
            wrong = score(c, rec, "", done, catalog)
            # decision QA 16: words the page must not show (a one-off's "Per month")
            page = shown(at) + [str(col) for df in at.dataframe for col in df.value.columns]
            wrong += [f"page shows /{pat}/" for pat in c["expect"].get("page_not") or ()
                      if any(re.search(pat, line) for line in page)]
            done[c["id"]] = rec
            again = AppTest.from_string(PAGE, default_timeout=300)
            again.query_params["r"] = share
            again = again.run()
            first, second = shown(at), shown(again)
            if first != second:
                diff = [s for s in first if s not in second][:2]
                problems.append(f"share link differs: {diff}")
        vs_cli = ""
        if args.cli is not None and rec is not None and (args.cli / f"{c['id']}.json").exists():
            cli = json.loads((args.cli / f"{c['id']}.json").read_text())
            parts = []
            for name in ("failure_cost_usd", "budget_usd_per_month"):
                a, b = assumption(rec, name), assumption(cli, name)
                if (a or {}).get("value") != (b or {}).get("value"):
                    parts.append(f"{name} page {(a or {}).get('value')} cli "
                                 f"{(b or {}).get('value')}")
            pa = (rec.get("recommended") or {}).get("model_id")
            pb = (cli.get("recommended") or {}).get("model_id")
            if pa != pb:
                parts.append(f"pick page {pa} cli {pb}")
            vs_cli = "; ".join(parts) or "same"
        bad += bool(wrong)
        print(f"| {c['id']} | {'; '.join(wrong) or 'right'} | "
              f"{'; '.join(problems) or 'same'} | {vs_cli} |", flush=True)
    print(f"\n{bad} of {len(cases)} wrong on the page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
