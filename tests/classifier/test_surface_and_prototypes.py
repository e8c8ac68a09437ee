"""The category head's own features (issue 17 part 1): surface features of the raw text and
the cosine to each category's written descriptions. Plain functions, no encoder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from council.assess.classifier import extra_features
from council.assess.prototypes import (
    DESCRIPTIONS,
    prototype_similarity,
    prototype_texts,
    prototype_vote,
)
from council.assess.surface import (
    SURFACE,
    asks_question,
    code_share,
    code_share_unmarked,
    has_function,
    has_traceback,
    imperative,
    line_count,
)
from council.categories import CATEGORY_KEYS

FIX_BUGS = "Fix bugs in f.\n\ndef f(xs):\n    total = 0\n    for x in xs:\n        total += x\n" \
           "    return total / len(x)\n"
TRACE = ("My script dies with this:\nTraceback (most recent call last):\n  File \"a.py\", "
         "line 3, in <module>\nZeroDivisionError: division by zero")
PROSE = "Summarise this email thread into three bullet points for my manager."


def test_code_share_tells_a_paste_from_prose():
    assert code_share(FIX_BUGS) >= 0.6
    assert code_share(PROSE) == 0.0
    assert code_share("") == 0.0


def test_braced_markers_are_not_code_once_unmarked():
    meeting = ("What did the team decide about the budget?\n\nChair: OK , let's start .\n"
               "Anna: I think we should {disfmarker}\nTom: {vocalsound}\n")
    assert code_share(meeting) == 0.5  # a line ending in a brace reads as code
    assert code_share_unmarked(meeting) == 0.0
    assert code_share_unmarked(FIX_BUGS) == code_share(FIX_BUGS)
    assert code_share_unmarked("if (x) {\n  y = {a};\n}") == 1.0


def test_function_and_traceback_are_found_only_where_pasted():
    assert has_function(FIX_BUGS) == 1.0
    assert has_function("public int add(int a, int b) {\n  return a + b;\n}") == 1.0
    assert has_function(PROSE) == 0.0
    assert has_traceback(TRACE) == 1.0
    assert has_traceback(FIX_BUGS) == 0.0


def test_question_order_and_lines():
    assert asks_question("What is the capital of Peru?") == 1.0
    assert asks_question(PROSE) == 0.0
    assert imperative(PROSE) == 1.0
    assert imperative("Please translate this into German") == 1.0
    assert imperative("My card payment was declined twice") == 0.0
    assert line_count(PROSE) == 0.0
    assert 0.0 < line_count(FIX_BUGS) < 1.0
    assert line_count("a\n" * 500) == 1.0


def test_every_surface_feature_is_in_range_and_reachable_by_name():
    texts = [FIX_BUGS, TRACE, PROSE, "🙂", "x" * 50_000, "?"]
    cols = extra_features(texts, list(SURFACE))
    assert cols.shape == (len(texts), len(SURFACE))
    assert ((cols >= 0) & (cols <= 1)).all()


def test_every_category_has_several_descriptions():
    assert set(DESCRIPTIONS) == set(CATEGORY_KEYS)
    assert all(len(v) >= 4 for v in DESCRIPTIONS.values())
    texts, owners = prototype_texts()
    assert len(texts) == len(owners) == len(set(texts))


def test_similarity_takes_the_nearest_description_of_each_category():
    protos = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    owners = ["a", "a", "b"]
    sims = prototype_similarity(np.array([[0.0, 1.0]]), protos, owners)
    assert np.allclose(sims, [[0.8, 1.0]])
    vote = prototype_vote(sims, ["a", "b"], ["b", "c", "a"], 0.1)
    assert np.isclose(vote.sum(), 1.0) and vote[0, 1] == 0.0  # c has no description
    assert vote[0, 0] > vote[0, 2]
    with pytest.raises(ValueError, match="contiguous"):
        prototype_similarity(np.array([[0.0, 1.0]]), protos, ["a", "b", "a"])


def _dev_prompts() -> list[str]:
    shared = os.environ.get("COUNCIL_SHARED")
    path = Path(shared) / "categories" / "dev.jsonl" if shared else None
    if path is None or not path.is_file():
        pytest.skip("no ../shared/categories/dev.jsonl (COUNCIL_SHARED)")
    return [json.loads(line)["prompt"].lower() for line in path.open(encoding="utf-8")
            if line.strip()]


def test_descriptions_are_not_copied_from_the_dev_set():
    prompts = _dev_prompts()
    texts, _ = prototype_texts()
    copied = [t for t in texts if any(t.lower().rstrip(".?") in p for p in prompts)]
    assert copied == []
