"""`council train` folds the app's feedback into the outcome model, shrunk toward the catalog.

Real SQLite store, the real `council train` command and the real encoder (slow tests).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council import store
from council.cli.main import cli
from council.db import open_db
from council.outcomes.adequacy_source import OutcomeAdequacy
from council.outcomes.feedback import PRIOR_STRENGTH, screen_feedback, shrink
from council.outcomes.rows import OutcomeRow, OutcomeSummary
from tests.recs import priced_rec

HAIKU, MINI = "claude-haiku-4-5", "gpt-5-mini"
PROBE = "Classify incoming support tickets into twelve queues"
TASKS = ["Classify support tickets into 12 queues", "Summarise a long legal contract",
         "Write a SQL query joining three tables", "Translate a product page to German",
         "Extract invoice totals from scanned PDFs", "Prove a lemma about prime numbers"]


def _row(i: int, outcomes: dict[str, int]) -> OutcomeRow:
    return OutcomeRow(id=str(i), source="feedback", prompt=f"task {i}", outcomes=outcomes)


def test_thin_feedback_is_left_to_the_catalog_by_name() -> None:
    rows = [_row(0, {"a": 1, "b": 1}), _row(1, {"a": 0}), _row(2, {"a": 1, "c": 1}),
            _row(3, {"c": 1}), _row(4, {"c": 1})]
    kept, left = screen_feedback(rows)
    assert {x.model: x.reason for x in left} == {
        "b": "it needs at least 3", "c": "always adequate: it needs both verdicts to learn from"}
    assert "b: 1 verdict(s), 1 adequate: left to the catalog" in left[0].message()
    assert [r.outcomes for r in kept] == [{"a": 1}, {"a": 0}, {"a": 1}]
    # one verdict on a model the outcome files already cover is kept
    files = OutcomeSummary()
    for i, v in enumerate([1, 0, 1]):
        files.add(_row(10 + i, {"b": v}))
    kept, left = screen_feedback([_row(0, {"b": 1})], files)
    assert not left and kept[0].outcomes == {"b": 1}


def test_shrink_is_a_beta_prior_worth_n_pseudo_outcomes() -> None:
    assert shrink(0.2, 0, 0.9) == pytest.approx(0.9)
    assert shrink(0.2, 4, 0.9) == pytest.approx((4 * 0.2 + PRIOR_STRENGTH * 0.9) / 14)
    assert shrink(0.2, 100_000, 0.9) == pytest.approx(0.2, abs=1e-3)
    assert shrink(0.2, 4, None) == 0.2


def _env(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home where `council init` has run: its own database and artifacts, and a copy
    of the project's local classifier (built once per run; `council train` reads the
    outcome prompts with it to anchor the difficulty scale)."""
    import shutil

    from council.classifier_loader import ensure_classifier
    from council.config import paths

    ensure_classifier()
    shutil.copytree(paths().classifier_artifact, home / "models" / "classifier")
    monkeypatch.setenv("COUNCIL_HOME", str(home))
    monkeypatch.setenv("COUNCIL_DB", str(home / "council.db"))
    monkeypatch.setenv("COUNCIL_ARTIFACTS", str(home / "models"))
    return home / "council.db"


def _rate(db_path: Path, verdicts: list[tuple[str, str, bool]]) -> None:
    db = open_db(db_path)
    for task, model, adequate in verdicts:
        share = store.save_recommendation(db, priced_rec(task, model))  # rated: the pick
        store.add_feedback(db, share, model, adequate, "")


def _train() -> str:
    result = CliRunner().invoke(cli, ["train", "--outcomes-only"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_feedback_moves_p_in_the_direction_of_the_verdicts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = _env(tmp_path, monkeypatch)
    _rate(db_path, [(t, HAIKU, i % 2 == 0) for i, t in enumerate(TASKS)]
          + [(TASKS[0], MINI, True)])
    out = _train()
    # the thin model is named, not dropped silently; the rest is trained and tabulated
    assert f"left out  {MINI}: 1 verdict(s), 1 adequate: left to the catalog" in out
    assert "trained" in out and HAIKU in out
    artifact = tmp_path / "models" / "outcomes"
    meta = json.loads((artifact / "meta.json").read_text())
    assert meta["models"] == [HAIKU]
    assert meta["feedback"] == {HAIKU: {"verdicts": 6, "adequate": 3}}
    assert meta["prior_strength"] == PRIOR_STRENGTH
    before = OutcomeAdequacy(artifact)
    p_before = before.p_success(PROBE, [HAIKU, MINI])
    assert set(p_before) == {HAIKU}  # MINI stays with the catalog

    # ten more tickets-like tasks on which haiku was not adequate, then retrain
    _rate(db_path, [(f"Classify support tickets batch {i} into queues", HAIKU, False)
                    for i in range(10)])
    _train()
    after = OutcomeAdequacy(artifact)
    p_after = after.p_success(PROBE, [HAIKU])
    assert p_after[HAIKU] < p_before[HAIKU] - 0.05

    # shrunk toward a catalog prior of 0.9: between the fit and the prior, and it moves less
    prior = {HAIKU: 0.9}
    s_before = before.p_success(PROBE, [HAIKU], prior=prior)[HAIKU]
    s_after = after.p_success(PROBE, [HAIKU], prior=prior)[HAIKU]
    assert p_after[HAIKU] < s_after < 0.9
    assert s_after < s_before
    assert s_before - s_after < p_before[HAIKU] - p_after[HAIKU]
    assert s_after == pytest.approx((16 * p_after[HAIKU] + PRIOR_STRENGTH * 0.9) / 26)

    # `council recommend` finds the trained model by default and shrinks it as the app does
    result = CliRunner().invoke(cli, ["recommend", PROBE, "--json"])
    assert result.exit_code == 0, result.output
    candidates = {c["model_id"]: c for c in json.loads(result.output)["candidates"]}
    assert candidates[HAIKU]["adequacy_source"] == "outcomes"
    assert {c["adequacy_source"] for m, c in candidates.items() if m != HAIKU} <= {
        "catalog", "catalog-estimate"}
    assert p_after[HAIKU] < candidates[HAIKU]["p_adequate"] < 1.0


@pytest.mark.slow
def test_single_verdict_only_is_reported_not_crashed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = _env(tmp_path, monkeypatch)
    _rate(db_path, [(TASKS[0], HAIKU, True)])
    out = _train()
    assert f"left out  {HAIKU}: 1 verdict(s), 1 adequate: left to the catalog" in out
    assert "no model has enough feedback yet" in out
    assert not (tmp_path / "models" / "outcomes").exists()


@pytest.mark.slow
def test_outcome_files_and_feedback_train_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = _env(tmp_path, monkeypatch)
    _rate(db_path, [(t, HAIKU, i % 3 != 0) for i, t in enumerate(TASKS)])
    outcomes = tmp_path / "outcomes.jsonl"
    outcomes.write_text("".join(
        json.dumps({"id": f"f{i}", "prompt": t, "outcomes": {"other": i % 2}}) + "\n"
        for i, t in enumerate(TASKS * 2)))
    result = CliRunner().invoke(cli, ["train", "--outcomes-only", "--outcomes", str(outcomes),
                                      "--feedback-db", str(db_path)])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "models" / "outcomes" / "meta.json").read_text())
    assert meta["models"] == [HAIKU, "other"]
    assert meta["outcome_counts"] == {HAIKU: 6, "other": 12}
