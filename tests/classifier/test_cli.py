"""`council assess` and `council train` from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.assess.encoder import MiniLMEncoder
from council.assess.second_reading import SECOND_ENCODER
from council.categories import CATEGORY_KEYS
from council.classifier_loader import forget_loaded
from council.cli.main import cli

from .conftest import FIXTURE_DATA

# the first reading: MiniLM with its top layers fine-tuned (council.assess.tuned_encoder)
TUNED = f"{MiniLMEncoder.name}+tuned2-"

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
                            "low_confidence", "reason", "category_reading"}
        assert row["category_reading"]["first_encoder"].startswith(TUNED)
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


@pytest.mark.parametrize("cut", [0.0, 0.999])
def test_assess_one_text_prints_how_the_category_was_read(tmp_path: Path,
                                                          fixture_artifact: Path,
                                                          cut: float) -> None:
    """`council assess TEXT` prints the category reading (MiniLM only, or read again with
    e5 because MiniLM was unsure), and --json carries it. Cut 0: never read again; cut
    0.999: always (the same artifact, its cut edited)."""
    artifact = tmp_path / "artifact"
    shutil.copytree(fixture_artifact, artifact)
    meta = json.loads((artifact / "metadata.json").read_text())
    meta["params"]["second_cut"] = cut
    (artifact / "metadata.json").write_text(json.dumps(meta))
    text = "Summarise the notes of our weekly meeting"
    forget_loaded()
    try:
        shown = CliRunner().invoke(cli, ["assess", text, "--artifact", str(artifact)])
        data = CliRunner().invoke(cli, ["assess", text, "--artifact", str(artifact), "--json"])
    finally:
        forget_loaded()
    assert shown.exit_code == 0 and data.exit_code == 0, shown.output + data.output
    reading = json.loads(data.output)["category_reading"]
    assert reading["first_encoder"].startswith(TUNED) and reading["cut"] == cut
    line = next(x for x in shown.output.splitlines() if x.startswith("category reading: "))
    if cut:
        assert reading["encoder"] == SECOND_ENCODER
        assert line.startswith("category reading: read twice: MiniLM (fine-tuned) was unsure ("
                               f"{reading['first_top_p']:.2f} on its top category, under the "
                               "1.00 cut), so e5 read the task again")
    else:
        assert reading["encoder"].startswith(TUNED)
        assert line.startswith(
            "category reading: read by MiniLM (fine-tuned) only: sure enough")


def test_assess_needs_one_text_or_a_file(tmp_path: Path) -> None:
    src = _input(tmp_path, json.dumps({"id": 1, "prompt": "ok"}))
    both = CliRunner().invoke(cli, ["assess", "hello", "--input", str(src)])
    assert both.exit_code == 2 and "TEXT, or --input" in both.output
    neither = CliRunner().invoke(cli, ["assess"])
    assert neither.exit_code == 2 and "TEXT, or --input" in neither.output
    no_out = CliRunner().invoke(cli, ["assess", "--input", str(src)])
    assert no_out.exit_code == 2 and "--output" in no_out.output
