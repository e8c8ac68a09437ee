"""Corpus rows are validated with file and line in the message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.errors import InvalidInput
from council.training.corpus import corpus_hash, load_corpus

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
