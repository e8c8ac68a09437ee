"""`council route train` then `council route score` on a few hundred shared rows."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from council.cli.main import cli


@pytest.mark.slow
@pytest.mark.xdist_group("mmlu-gsm8k-rows")  # one worker, in order: the vectors are reused
def test_train_then_score_round_trip(shared_dir: Path, tmp_path: Path) -> None:
    lines = (shared_dir / "routing" / "outcomes.jsonl").read_text().splitlines()
    subset = tmp_path / "outcomes.jsonl"
    # 204 rows, MMLU and GSM8K: at least the 200 (10 x k) the kNN term needs, asserted below
    subset.write_text("\n".join(lines[::49]) + "\n")
    out = tmp_path / "router"
    runner = CliRunner()
    result = runner.invoke(cli, ["route", "train", "--outcomes", str(subset), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "gpt-4-1106-preview: skill" in result.output
    meta = json.loads((out / "meta.json").read_text())
    assert sorted(meta["models"]) == ["gpt-4-1106-preview", "mixtral-8x7b-instruct"]
    assert meta["knn"]["weight"] > 0 and meta["knn"]["rows"] == len(lines[::49])
    # how many components 204 rows carry is chosen on inner folds, printed and recorded
    assert "fit chosen on 3 inner folds of the training rows:" in result.output
    assert meta["selection"]["folds"] == 3 and "base rate" in meta["selection"]["inner_log_loss"]
    report = json.loads((out / "report.json").read_text())
    assert set(report["calibration"]["per_model"]) == set(meta["models"])
    # one scale: the training prompts' mean difficulty is the local classifier's mean reading
    assert "difficulty anchored to the local classifier" in result.output
    agreement = report["difficulty_agreement"]
    assert meta["anchor"]["by"] == "local classifier"
    assert meta["anchor"]["mean"] == agreement["classifier_mean"]
    assert 1.0 <= agreement["classifier_mean"] <= 5.0 and agreement["rows"] == len(
        subset.read_text().splitlines())
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths
    from council.outcomes.reading import reading_text
    from council.outcomes.success_model import SuccessModel

    trained = SuccessModel.load(out)
    texts = [json.loads(line)["prompt"] for line in subset.read_text().splitlines()]
    # the vectors `route train` embedded, from the disk cache (trained.embed would embed the
    # 204 prompts again)
    encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    x = encoder.encode([reading_text(t) for t in texts]).astype(np.float64)
    assert trained.difficulty(x, texts).mean() == pytest.approx(
        agreement["classifier_mean"], abs=1e-3)

    prompts = tmp_path / "prompts.jsonl"
    rows = [json.loads(line) for line in lines[1::500]]
    prompts.write_text("".join(json.dumps({"id": r["id"], "prompt": r["prompt"]}) + "\n"
                               for r in rows))
    scores = tmp_path / "scores.jsonl"
    result = runner.invoke(cli, ["route", "score", "--model", str(out), "--input", str(prompts),
                                 "--output", str(scores), "--batch", "7"])
    assert result.exit_code == 0, result.output
    scored = [json.loads(line) for line in scores.read_text().splitlines()]
    assert [s["id"] for s in scored] == [r["id"] for r in rows]
    for s in scored:
        assert set(s["p_success"]) == set(meta["models"])
        assert isinstance(s["difficulty"], float)
        assert all(0.0 < p < 1.0 for p in s["p_success"].values())
    # not a constant: different prompts get different probabilities
    assert len({round(s["p_success"]["gpt-4-1106-preview"], 6) for s in scored}) > 1


def test_score_reports_missing_artifact_and_bad_rows(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text('{"id": "a", "prompt": "hello"}\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["route", "score", "--model", str(tmp_path / "none"),
                                 "--input", str(prompts), "--output", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no success model" in result.output


def test_train_reports_bad_outcome_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "prompt": "p", "outcomes": {"m": 1}}\n'
                   '{"id": "b", "prompt": "q", "outcomes": {"m": 3}}\n')
    result = CliRunner().invoke(cli, ["route", "train", "--outcomes", str(bad),
                                      "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "bad.jsonl:2 (id b)" in result.output and "0 or 1" in result.output


@pytest.mark.slow
@pytest.mark.xdist_group("mmlu-gsm8k-rows")  # one worker, in order: the vectors are reused
def test_train_with_fixed_anchor_centres_on_three(shared_dir: Path, tmp_path: Path) -> None:
    lines = (shared_dir / "routing" / "outcomes.jsonl").read_text().splitlines()
    subset = tmp_path / "outcomes.jsonl"
    # every other row of the round trip's subset: half the rows, and their vectors are in
    # the disk cache when the round trip ran first
    subset.write_text("\n".join(lines[::98]) + "\n")
    out = tmp_path / "router"
    result = CliRunner().invoke(cli, ["route", "train", "--outcomes", str(subset), "--out",
                                      str(out), "--anchor", "fixed"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "meta.json").read_text())
    assert meta["anchor"]["mean"] == 3.0 and "by" not in meta["anchor"]
    assert "difficulty_agreement" not in meta
