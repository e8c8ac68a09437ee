"""Every answer after the council is byte-identical to the committed golden one.

tests/data/recommend_golden.json holds, for the ten tasks of bench/recommend_golden.py's
CASES (stated assessments, today pinned), a digest of each answer's canonical JSON and a
summary. A change that moves an answer on purpose (the catalog, the workload reader, a rule)
regenerates it: ``python bench/recommend_golden.py --write-tests``.
"""

from __future__ import annotations

import copy
import json

from tests.bench_modules import load_bench
from tests.recs import real_catalog

golden = load_bench("recommend_golden")
STORED = json.loads(golden.TESTS_FILE.read_text(encoding="utf-8"))


def test_the_file_holds_the_cases_of_the_code():
    assert [(r["spec"], r["assessment"]) for r in STORED["cases"]] == [
        (c.spec, c.assessment) for c in golden.CASES]


def test_every_answer_is_byte_identical_to_the_golden_one():
    problems = golden.differences(STORED, real_catalog())
    assert not problems, ("answers moved; if on purpose, run `python bench/recommend_golden.py "
                          "--write-tests` and say why in the commit:\n" + "\n".join(problems))


def test_a_moved_answer_is_reported_with_where_it_moved():
    stored = copy.deepcopy(STORED)
    row = stored["cases"][2]
    row["digest"] = "0" * 64
    pick = row["summary"]["pick"]
    row["summary"]["per_month"][pick] += 0.01
    problems = golden.differences(stored, real_catalog())
    assert len(problems) == 1
    assert problems[0].startswith("case 2 (") and f".per_month.{pick}:" in problems[0]


def test_the_golden_answers_cover_the_paths_of_selection():
    summaries = [r["summary"] for r in STORED["cases"]]
    assert any(s["pick"] is None for s in summaries)  # no model fits
    assert sum(s["cascade"] is not None for s in summaries) >= 5
    assert len({s["pick"] for s in summaries}) >= 4
