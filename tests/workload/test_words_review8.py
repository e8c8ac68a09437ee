"""Review 8 (issue 17 part 3: the workload from the words, each number with its words):
"une fois" is once and "une" elsewhere an article; a first batch before "then" is not the
cadence's count; "毎晩1万件" is 10,000 a night; "300 € pro Monat" with no budget word is said
to be unread, never silently dropped (the rows: tests/data/workload_phrases_review8.jsonl)."""

from __future__ import annotations

import pytest

from council.money_words import read_money
from council.workload_words import parse_number, read_workload


def _runs(text: str):
    return read_workload(text).runs_per_month


@pytest.mark.parametrize(("text", "value", "words", "how"), [
    ("Nous résumons une fois par semaine le rapport des ventes.", 52 / 12,
     "une fois par semaine", "once a week = 4.33 a month"),
    ("Une fois par semaine, on classe environ 300 tickets.", 300 * 52 / 12,
     "Une fois par semaine, on classe environ 300",
     "300 each time, once a week = 4.33 times a month: 1,300"),
    ("Una vez al mes resumimos unos 80 contratos.", 80, "Una vez al mes resumimos unos 80",
     "80 each time, once a month = 1 times a month: 80"),
])
def test_une_fois_is_once(text: str, value: float, words: str, how: str) -> None:
    r = _runs(text)
    assert r is not None and r.value == pytest.approx(value) and r.words == words
    assert r.how == how


def test_une_elsewhere_is_still_an_article() -> None:
    r = _runs("Chaque jour, il faut résumer une liste de 40 clients pour l'équipe.")
    assert r is not None and r.value == 1200 and "40" in r.words


@pytest.mark.parametrize(("text", "value", "words", "first"), [
    ("Diese Woche 200, danach jeden Monat 50 Verträge zusammenfassen.", 50, "jeden Monat 50",
     "the 200 before 'danach'"),
    ("Diese Woche kommen 800 Anträge, danach jede Woche etwa 120.", 120 * 52 / 12,
     "jede Woche etwa 120", "the 800 before 'danach'"),
    ("Cette semaine 200 contrats, ensuite 50 par mois.", 50, "50 par mois",
     "the 200 before 'ensuite'"),
])
def test_a_first_batch_then_a_cadence(text: str, value: float, words: str, first: str) -> None:
    """The first batch was read as the month's count (200 a month, 800 a week)."""
    r = _runs(text)
    assert r is not None and r.value == pytest.approx(value) and r.words == words
    assert f"{first} are a first batch, not a month's volume" in r.how, r.how


def test_then_with_no_count_after_it_keeps_the_count() -> None:
    r = _runs("We get 300 tickets, then triage them every morning.")
    assert r is not None and r.value == 9000 and "first batch" not in r.how


@pytest.mark.parametrize(("text", "value", "words"), [
    ("毎晩1万件のログを要約してください。", 300_000, "毎晩1万"),
    ("毎朝300件のメールを分類してください。", 9_000, "毎朝300"),
    ("毎日200件のログを要約してください。", 6_000, "毎日200"),
])
def test_japanese_every_night_with_no_space(text: str, value: float, words: str) -> None:
    r = _runs(text)
    assert r is not None and r.value == value and r.words == words


def test_japanese_scale_words() -> None:
    assert (parse_number("1万"), parse_number("3千"), parse_number("2億")) == (1e4, 3e3, 2e8)


def test_an_amount_a_month_with_no_budget_word_is_said_unread() -> None:
    """Before: read as nothing, and nothing said. The demanding user's expectation: a figure
    they wrote is never silently dropped nor silently made a budget (a budget changes the
    rule that picks); the answer says it was not read and how to give it."""
    text = "Verträge zusammenfassen: 300 € pro Monat."
    assert _runs(text) is None  # money, not a volume
    words = read_money(text)
    assert words.budget is None
    assert words.unread == ("'300 € pro Monat' was not read as a monthly budget: no word says "
                            "it is what you can spend; if it is, write 'budget' before it or "
                            "give it in the form",)
    budget = read_money("Budget: 300 € pro Monat.").budget
    assert budget is not None and round(budget.usd_per_month, 2) == 335.16
    # a price, someone's income or a quoted figure is not asked about
    for quiet in ("Our $19.99 plan a month", "Tag listings for flats that rent at €1,500 a month",
                  "Job ads say things like 'up to £45,000 per year'; pull the salary band"):
        assert read_money(quiet).unread == (), quiet
