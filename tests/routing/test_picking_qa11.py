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


def _pick(tmp_path: Path, costs: str, flag: str = "--failure-cost") -> tuple[int, str]:
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text('{"id": "a", "prompt": "Write a haiku"}\n')
    result = CliRunner().invoke(cli, ["route", "pick", "--model", str(tmp_path), "--input",
                                      str(prompts), "--output", str(tmp_path / "out.jsonl"),
                                      flag, costs])
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


@pytest.mark.parametrize(("budget", "said"), [
    ("30€", "Error: --budget-usd takes US dollars: '30€' is 30 EUR = $33.52 at 1 EUR = 1.1172 "
            "USD (ECB euro reference rates of 2026-10-30); give --budget-usd 33.52"),
    ("£12.50", "'£12.50' is 12.5 GBP = $16.75"),
    ("300 kr", "Error: --budget-usd: '300 kr' is not in dollars, and its currency is not one "
               "the council converts"),
    ("thirty", "Error: --budget-usd: 'thirty' is not a number of dollars"),
])
def test_a_budget_in_another_currency_is_named_with_its_dollars(tmp_path: Path, budget: str,
                                                                said: str) -> None:
    """'--budget-usd 30€' got click's "'30€' is not a valid float" (lead, round 11): now
    it says what the figure is in dollars, at the dated rate, and what to type; the router
    is never loaded (the folder holds none) and nothing is written."""
    code, out = _pick(tmp_path, budget, "--budget-usd")
    assert code == 2 and said in out, out
    assert not (tmp_path / "out.jsonl").exists()


def test_dollar_figures_read_as_before() -> None:
    for text, value in [("5", 5.0), ("$5", 5.0), ("5 USD", 5.0), ("30 dollars", 30.0),
                        (".5", 0.5), ("1e3", 1000.0), ("-5", -5.0)]:
        assert picking.dollars("--budget-usd", text) == value
    with pytest.raises(InvalidInput, match="--failure-cost takes US dollars: '€5' is 5 EUR"):
        picking.parse_failure_costs("0.5,€5")


def test_a_thousands_separator_is_named_not_read_as_two_costs() -> None:
    # review11: '1,000' was [1.0, 0.0], a $1 and a $0 failure cost, in silence
    with pytest.raises(InvalidInput, match="thousands separator"):
        picking.parse_failure_costs("1,000")
    with pytest.raises(InvalidInput, match="give 25000 without"):
        picking.parse_failure_costs("0.5,$25,000")
    assert picking.parse_failure_costs("5,500") == [5.0, 500.0]
