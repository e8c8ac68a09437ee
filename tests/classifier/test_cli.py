"""`council assess` and `council train` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.categories import CATEGORY_KEYS
from council.cli.main import cli

from .conftest import FIXTURE_DATA

# One worker trains the session fixtures once (`pytest -n 2 --dist loadgroup`).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]


def _input(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_assess_writes_one_row_per_prompt(tmp_path: Path, fixture_artifact: Path) -> None:
    rows = [json.dumps({"id": i, "prompt": f"Translate sentence {i} into French"})
            for i in range(5)]
    src = _input(tmp_path, *rows[:3], "", *rows[3:])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["assess", "--input", str(src), "--output", str(out),
                                      "--artifact", str(fixture_artifact), "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in got] == list(range(5))
    for row in got:
        assert set(row) == {"id", "category", "category_p", "difficulty", "difficulty_sd",
                            "low_confidence"}
        assert set(row["category_p"]) == set(CATEGORY_KEYS)
        assert row["category"] == "translation"


def test_assess_stops_at_bad_row_naming_line(tmp_path: Path, fixture_artifact: Path) -> None:
    src = _input(tmp_path, json.dumps({"id": 1, "prompt": "ok"}), "{broken",
                 json.dumps({"id": 3, "prompt": "fine"}))
    result = CliRunner().invoke(cli, ["assess", "--input", str(src), "--output",
                                      str(tmp_path / "o.jsonl"), "--artifact",
                                      str(fixture_artifact)])
    assert result.exit_code == 2
    assert "in.jsonl:2" in result.output and "invalid JSON" in result.output


def test_assess_can_skip_and_report(tmp_path: Path, fixture_artifact: Path) -> None:
    src = _input(tmp_path, json.dumps({"id": 1, "prompt": "Summarise this report"}),
                 json.dumps({"id": 2}), json.dumps({"id": 3, "prompt": "   "}), "[1, 2]",
                 json.dumps({"id": 5, "prompt": "Write a poem about rain"}))
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(cli, ["assess", "--input", str(src), "--output", str(out),
                                      "--artifact", str(fixture_artifact), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [1, 5]
    for line in ("in.jsonl:2", "in.jsonl:3", "in.jsonl:4"):
        assert line in result.output


def test_train_writes_artifact_and_report(tmp_path: Path) -> None:
    out, reports = tmp_path / "artifact", tmp_path / "reports"
    result = CliRunner().invoke(cli, ["train", "--data", str(FIXTURE_DATA), "--out", str(out),
                                      "--report-dir", str(reports), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert (out / "metadata.json").exists()
    report = json.loads((reports / "classifier.json").read_text())
    assert report["metadata"]["seed"] == 3
    assert 0.0 <= report["test"]["category_macro_f1"] <= 1.0
    assert "Confusion matrix" in (reports / "classifier.md").read_text()


@pytest.mark.parametrize("command", ["train", "assess"])
def test_help_has_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example: council " + command in result.output


def test_assess_output_folder_must_exist(tmp_path: Path, fixture_artifact: Path) -> None:
    src = _input(tmp_path, json.dumps({"id": 1, "prompt": "ok"}))
    result = CliRunner().invoke(cli, ["assess", "--input", str(src), "--output",
                                      str(tmp_path / "nope" / "o.jsonl"), "--artifact",
                                      str(fixture_artifact)])
    assert result.exit_code == 2 and "does not exist" in result.output
