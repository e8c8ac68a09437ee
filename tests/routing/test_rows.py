"""The outcome reader: each kind of bad input gets a message naming the row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.errors import InvalidInput
from council.outcomes.rows import load_table


def _write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "outcomes.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def _row(i: int, **outcomes: int) -> dict[str, object]:
    return {"id": f"r{i}", "source": "s", "prompt": f"question {i}", "outcomes": outcomes}


def test_good_file_reads_extra_fields_and_costs(tmp_path: Path) -> None:
    rows = [{**_row(0, a=1, b=0), "cost_usd": {"a": 0.1, "b": 0.2}, "extra": [1]},
            {**_row(1, a=0, b=1), "cost_usd": {"a": 0.3, "b": 0.4}}]
    table = load_table(_write(tmp_path, rows))
    assert table.models == ["a", "b"]
    assert table.y.tolist() == [[1, 0], [0, 1]]
    assert table.cost is not None and table.cost[1, 1] == pytest.approx(0.4)


def test_model_missing_on_some_rows_is_kept_and_counted(tmp_path: Path) -> None:
    rows = [_row(0, a=1, b=0), _row(1, a=0), _row(2, a=1, b=1)]
    table = load_table(_write(tmp_path, rows))
    assert len(table) == 3  # the row without b is not dropped
    assert table.y[1].tolist() == [0, -1]
    assert table.summary.missing("b") == 1
    assert "b: 2 outcomes, 1 missing" in table.summary.report()


@pytest.mark.parametrize("value", [2, 0.5, "1", True, None])
def test_non_binary_outcome_names_row_and_model(tmp_path: Path, value: object) -> None:
    rows = [_row(0, a=1, b=0), {"id": "bad7", "prompt": "p", "outcomes": {"a": value}}]
    with pytest.raises(InvalidInput, match=r"outcomes\.jsonl:2 \(id bad7\).*'a'.*0 or 1"):
        load_table(_write(tmp_path, rows))


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        load_table(_write(tmp_path, ["", "  "]))


def test_invalid_json_names_line(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"outcomes\.jsonl:2: invalid JSON"):
        load_table(_write(tmp_path, [_row(0, a=1), '{"id": "x", "prompt": ']))


def test_model_with_single_outcome(tmp_path: Path) -> None:
    rows = [_row(0, a=1, b=1), _row(1, a=0)]
    with pytest.raises(InvalidInput, match="model 'b' has 1 outcome"):
        load_table(_write(tmp_path, rows))


def test_model_without_variance(tmp_path: Path) -> None:
    rows = [_row(0, a=1, b=0), _row(1, a=0, b=0), _row(2, a=1, b=0)]
    with pytest.raises(InvalidInput, match=r"model 'b' has 3 outcome.*all 0"):
        load_table(_write(tmp_path, rows))


@pytest.mark.parametrize("row, message", [
    ({"prompt": "p", "outcomes": {"a": 1}}, "'id'"),
    ({"id": "z", "prompt": "  ", "outcomes": {"a": 1}}, "'prompt'"),
    ({"id": "z", "prompt": "p", "outcomes": {}}, "'outcomes'"),
    ({"id": "z", "prompt": "p", "outcomes": {"a": 1}, "cost_usd": {"a": -1}}, "cost_usd"),
    ([1, 2], "JSON object"),
])
def test_malformed_rows(tmp_path: Path, row: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        load_table(_write(tmp_path, [_row(0, a=1), row]))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not found"):
        load_table(tmp_path / "nope.jsonl")
