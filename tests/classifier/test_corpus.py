"""Corpus rows are validated with file and line in the message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.classifier_training.corpus import corpus_hash, load_corpus
from council.errors import InvalidInput

from .conftest import FIXTURE_DATA

GOOD = {"id": "a", "text": "Summarise this", "category": "summarisation", "difficulty": 2,
        "split": "train"}


def _write(tmp_path: Path, *rows: object) -> Path:
    (tmp_path / "x.jsonl").write_text("\n".join(
        r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return tmp_path


def test_fixture_corpus_loads() -> None:
    examples = load_corpus(FIXTURE_DATA)
    assert len(examples) == 105 and {e.split for e in examples} == {"train", "test"}


@pytest.mark.parametrize(("bad", "message"), [
    ("{oops", "invalid JSON"),
    ({**GOOD, "category": "poetry"}, "unknown category"),
    ({**GOOD, "difficulty": 6}, "difficulty"),
    ({**GOOD, "difficulty": True}, "difficulty"),
    ({**GOOD, "split": "dev"}, "split"),
    ({**GOOD, "text": "  "}, "text"),
    ({"id": "b"}, "missing field"),
    ({**GOOD}, "duplicate id"),
])
def test_bad_row_names_line(tmp_path: Path, bad: object, message: str) -> None:
    _write(tmp_path, GOOD, bad)
    with pytest.raises(InvalidInput, match=message) as info:
        load_corpus(tmp_path)
    assert "x.jsonl:2" in str(info.value)


def test_no_data_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no training data"):
        load_corpus(tmp_path)
    assert corpus_hash(tmp_path) is None


def test_hash_changes_with_content(tmp_path: Path) -> None:
    first = corpus_hash(_write(tmp_path, GOOD))
    second = corpus_hash(_write(tmp_path, {**GOOD, "difficulty": 3}))
    assert first and second and first != second


REAL = {"id": "gsm8k/1", "text": "Janet has 3 apples...", "category": "math_reasoning",
        "labels": ["math_reasoning"], "difficulty": None, "split": "train", "source": "gsm8k",
        "licence": "MIT"}


def _write_real(tmp_path: Path, *rows: object) -> Path:
    _write(tmp_path, GOOD)
    (tmp_path / "real").mkdir(exist_ok=True)
    (tmp_path / "real" / "gsm8k.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return tmp_path


def test_copied_real_rows_load_with_their_source(tmp_path: Path) -> None:
    examples = load_corpus(_write_real(tmp_path, REAL, {**REAL, "id": "gsm8k/2",
                                                        "labels": ["math_reasoning",
                                                                   "research_qa"]}))
    team, real, both = examples
    assert team.source == "team" and team.accepted == ("summarisation",)
    assert real.source == "gsm8k" and real.difficulty is None
    assert both.accepted == ("math_reasoning", "research_qa")
    before = corpus_hash(tmp_path)
    (tmp_path / "real" / "gsm8k.jsonl").write_text(json.dumps(REAL) + "\n")
    assert corpus_hash(tmp_path) != before  # the copied rows are part of the fingerprint


@pytest.mark.parametrize(("bad", "message"), [
    ({**REAL, "licence": ""}, "licence"),
    ({k: v for k, v in REAL.items() if k != "source"}, "source"),
    ({**REAL, "labels": ["research_qa", "math_reasoning"]}, "first being"),
    ({**REAL, "labels": ["poetry"]}, "labels"),
])
def test_bad_real_row_names_line(tmp_path: Path, bad: dict, message: str) -> None:
    _write_real(tmp_path, REAL, bad)
    with pytest.raises(InvalidInput, match=message) as info:
        load_corpus(tmp_path)
    assert "gsm8k.jsonl:2" in str(info.value)


def test_team_rows_need_a_difficulty(tmp_path: Path) -> None:
    _write(tmp_path, {**GOOD, "difficulty": None})
    with pytest.raises(InvalidInput, match="difficulty"):
        load_corpus(tmp_path)


def test_rows_written_for_real_kinds_train_only() -> None:
    """training/data/tasks/real_kinds.jsonl (issue 17 target 1): 52 team rows, all in the train
    split, so the hand-written test split stays the rows every earlier figure was read on."""
    from council.classifier_training.corpus import TEAM_SOURCE, default_data_dir

    rows = [e for e in load_corpus(default_data_dir()) if e.id.startswith("real-kinds-")]
    assert len(rows) == 52
    assert {e.source for e in rows} == {TEAM_SOURCE}
    assert {e.split for e in rows} == {"train"}
    assert all(e.difficulty in (1, 2, 3, 4, 5) for e in rows)


def test_ninth_round_rows_train_only() -> None:
    """training/data/tasks/real_kinds8.jsonl (issue 17, ninth round): the 21 eighth-round rows
    that passed the ninth round's rule (no web-agent intent among them), all team rows in the
    train split; the 10 web-agent intents stay in training/data/candidates/round8."""
    from council.classifier_training.corpus import TEAM_SOURCE, default_data_dir

    rows = [e for e in load_corpus(default_data_dir()) if e.id.startswith("real-kinds8-")]
    assert len(rows) == 21
    assert "agentic" not in {e.category for e in rows}
    assert {e.source for e in rows} == {TEAM_SOURCE}
    assert {e.split for e in rows} == {"train"}
    left = load_corpus(default_data_dir().parent / "candidates" / "round8")
    assert len(left) == 10 and {e.category for e in left} == {"agentic"}
    assert not {e.id for e in left} & {e.id for e in rows}


def test_twelfth_round_rows_train_only() -> None:
    """training/data/tasks/real_kinds10.jsonl (issue 17, twelfth round): the tenth round's 28
    everyday asks that passed the twelfth round's rule, all team rows in the train split; its
    two diagnostic debugging rows stay in training/data/candidates/round10."""
    from council.classifier_training.corpus import TEAM_SOURCE, default_data_dir

    rows = [e for e in load_corpus(default_data_dir()) if e.id.startswith("real-kinds10-")]
    assert len(rows) == 28
    assert {e.source for e in rows} == {TEAM_SOURCE}
    assert {e.split for e in rows} == {"train"}
    left = load_corpus(default_data_dir().parent / "candidates" / "round10")
    assert {e.id for e in left} == {"real-kinds10-027", "real-kinds10-028"}
    assert {e.category for e in left} == {"debugging"}
