"""Decision QA, round 11 (2026-12-01): `council route pick --failure-cost` as a new user types
it. "0.01,,1" ran twice and dropped the missing figure without a word, "0.5,0.5" ran the
same figure twice and wrote each prompt's row twice, and "$5" was "not a number of dollars"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from council.cli.main import cli
from council.errors import InvalidInput
from council.outcomes import picking


def _pick(tmp_path: Path, costs: str) -> tuple[int, str]:
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text('{"id": "a", "prompt": "Write a haiku"}\n')
    result = CliRunner().invoke(cli, ["route", "pick", "--model", str(tmp_path), "--input",
                                      str(prompts), "--output", str(tmp_path / "out.jsonl"),
                                      "--failure-cost", costs])
    return result.exit_code, result.output


@pytest.mark.parametrize(("costs", "said"), [
    ("0.01,,1", "'0.01,,1' has an empty figure between commas"),
    ("0.5,", "'0.5,' has an empty figure between commas"),
    ("0.5,0.5", "0.5 is given twice in '0.5,0.5'"),
    ("1,1.0", "1.0 is given twice in '1,1.0'"),
])
def test_a_figure_lost_or_repeated_between_commas_is_named(tmp_path: Path, costs: str,
                                                           said: str) -> None:
    code, out = _pick(tmp_path, costs)
    assert code == 2 and f"Error: --failure-cost: {said}" in out, out
    assert not (tmp_path / "out.jsonl").exists()


def test_a_dollar_sign_is_read() -> None:
    assert picking.parse_failure_costs("$5, $0.5,50") == [5.0, 0.5, 50.0]
    with pytest.raises(InvalidInput, match="'a lost customer' is not a number of dollars"):
        picking.parse_failure_costs("a lost customer")
    with pytest.raises(InvalidInput, match="give at least one dollar figure"):
        picking.parse_failure_costs(" , ")
