"""The team's hand-written rows are not copies of the real prompts the category bench scores
(bench/categories.py): a copied row would let a source score a model trained on its own text.
Copied real rows live apart, under training/data/tasks/real/, naming their source."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from council.classifier_training.corpus import TEAM_SOURCE, default_data_dir, load_corpus


def _dev_prompts() -> list[str]:
    shared = os.environ.get("COUNCIL_SHARED")
    path = Path(shared) / "categories" / "dev.jsonl" if shared else None
    if path is None or not path.is_file():
        pytest.skip("no ../shared/categories/dev.jsonl (COUNCIL_SHARED)")
    return [" ".join(json.loads(line)["prompt"].lower().split())
            for line in path.open(encoding="utf-8") if line.strip()]


def test_team_rows_are_not_dev_prompts() -> None:
    prompts = _dev_prompts()
    team = [" ".join(e.text.lower().split()) for e in load_corpus(default_data_dir())
            if e.source == TEAM_SOURCE]
    dev_blob, team_blob = "\n".join(prompts), "\n".join(team)
    # a team row found inside a dev prompt, or a dev prompt (40+ characters) inside a team row
    inside_dev = [t for t in team if len(t) >= 40 and t in dev_blob]
    inside_team = [p for p in prompts if len(p) >= 40 and p in team_blob]
    assert inside_dev == [] and inside_team == []


def _runs(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def seen_runs() -> set[tuple[str, ...]]:
    """Every 8-word run of dev and the corpus, candidates included; built once for all files."""
    seen: set[tuple[str, ...]] = set()
    for prompt in _dev_prompts():
        seen |= _runs(prompt)
    candidates = sorted((default_data_dir().parent / "candidates").iterdir())
    for example in [*load_corpus(default_data_dir()),
                    *(e for folder in candidates for e in load_corpus(folder))]:
        seen |= _runs(example.text)
    return seen


@pytest.mark.parametrize("name", ["category_blind8.jsonl", "category_blind9.jsonl",
                                  "category_blind10.jsonl", "category_blind11.jsonl",
                                  "category_blind12.jsonl", "category_blind13.jsonl",
                                  "category_blind14.jsonl",
                                  "category_blind15.jsonl", "category_blind16.jsonl",
                                  "category_blind17.jsonl",
                                  "category_blind18.jsonl", "category_blind19.jsonl",
                                  "category_blind20.jsonl", "category_blind21.jsonl",
                                  "category_blind22.jsonl", "category_blind23.jsonl",
                                  "category_blind24.jsonl"])
def test_blind_files_share_no_8_word_run_with_dev_or_the_corpus(
        name: str, seen_runs: set[tuple[str, ...]]) -> None:
    """A blind file measures text nobody tuned on: no run of 8 words it shares with a dev
    prompt (the bench's measure) or a training row (what the classifier learnt from), the
    candidate rows of training/data/candidates included."""
    path = Path(__file__).resolve().parents[1] / "data" / name
    shared = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        hits = _runs(row["text"]) & seen_runs
        if hits:
            shared[row["id"]] = " ".join(sorted(hits)[0])
    assert shared == {}
