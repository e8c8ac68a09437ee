"""Decision QA 15: a failure said as a chance of a fine is the chance times the fine."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Classify card transactions for AML review; a missed suspicious one has about a 1 in "
     "1,000 chance of a $100,000 regulatory fine.", 100.0),
    ("Screen job ads for discriminatory wording; if one slips through there's maybe a 2% "
     "chance of a €5,000 fine.", 111.72),
    ("Redact personal data from transcripts; a leak carries a 0.5% chance of a $20,000 fine.",
     100.0),
])
def test_a_chance_of_a_fine_is_its_expectation(text, usd):
    failure = read_money(text).failure
    assert failure is not None and failure.usd == pytest.approx(usd, abs=0.01)
    assert "chance" in failure.how and "expected a failure" in failure.how


@pytest.mark.parametrize("text", [
    "Forecast the weather; there is a 30% chance of rain and tickets cost $50.",
    "Summarise: the court found a 10% chance that the $5,000 claim would succeed.",
])
def test_a_chance_of_no_penalty_is_no_failure_cost(text):
    assert read_money(text).failure is None
