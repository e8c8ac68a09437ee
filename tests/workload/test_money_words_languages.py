"""Budgets and failure costs said in Italian, Spanish, French, German, Portuguese and Polish,
and amounts written with a '.' or a space between digit groups (round 6, issue 17).

money_phrases_fresh3.jsonl (17 rows, written before these rules): 13 misread before them
("1.500 € al mese", "200 euros par mois", "300 € pro Monat", "R$ 2.000 por mês", "1 200 zł
miesięcznie" unread; "1 500 €" read as €500; "Ogni errore ci costa", "kostet", "cuesta",
"kosztuje nas ok. 50 zł" unread; a traducteur's and an Anwalt's minutes unread), 0 after.
"""

from __future__ import annotations

import pytest

from council.money_words import read_money
from council.role_rates import LAWYER, TRANSLATOR
from tests.recommend.test_money_words import _fresh2_misreadings, _load

MAX_FRESH3_MISREADINGS = 0


def test_the_blind_rows_in_other_languages() -> None:
    assert len(_load("money_phrases_fresh3.jsonl")) == 17
    wrong = _fresh2_misreadings(name="money_phrases_fresh3.jsonl")
    assert len(wrong) <= MAX_FRESH3_MISREADINGS, wrong


@pytest.mark.parametrize(("text", "usd"), [
    ("Possiamo spendere 500 € al mese", 558.6),
    ("Budget : 12 000 € par an", 1117.2),
    ("Nuestro presupuesto: 6.000 € al año", 558.6),
    ("Unser Budget: 900 € pro Quartal", 335.16),
    ("Budżet wynosi 2 000 zł miesięcznie", 507.38),
])
def test_budgets_said_in_other_languages(text: str, usd: float | None) -> None:
    b = read_money(text).budget
    assert (None if b is None else b.usd_per_month) == usd


@pytest.mark.parametrize("text", [
    "Riassumere annunci di appartamenti: affitto 1.200 € al mese",
    "Extraer ofertas de empleo con un salario de 2.000 € al mes para la base de datos",
    "Budżet klienta? Opisz produkty w cenie 1 200 zł miesięcznie",
    "Le loyer est de 900 € par mois; résumer les baux",
    "Das Gehalt von 3.000 € pro Monat aus den Anzeigen auslesen",
])
def test_rents_salaries_and_prices_in_other_languages_stay_unread(text: str) -> None:
    assert read_money(text).budget is None


def test_failures_said_in_other_languages() -> None:
    f = read_money("Un errore costa 2 ore di lavoro").failure
    assert f is not None and f.minutes == 120
    f = read_money("Si le résumé est faux, un traducteur passe 20 minutes à le corriger").failure
    assert f is not None and f.minutes == 20 and f.rate == TRANSLATOR
    f = read_money("Ist die Antwort falsch, braucht ein Anwalt 1 Stunde").failure
    assert f is not None and f.minutes == 60 and f.rate == LAWYER
    f = read_money("Każdy błąd kosztuje nas ok. 50 zł.").failure
    assert f is not None and f.usd == round(50 * 4.4038 ** -1 * 1.1172, 2)
    # a mass of ore is no time; a price is no failure
    assert read_money("Un errore nel prezzo: 20 ore samples").failure is None


@pytest.mark.parametrize("text", [
    "Streszczaj umowy, budżet 1 200 zł miesięcznie",
    "Summarise contracts, budget $300 monthly",
    "Summarise contracts; monthly budget of $300",
])
def test_a_budgets_period_is_no_cadence(text: str) -> None:
    """QA round 7: the budget's 'miesięcznie' / 'monthly' was read as one task a month."""
    from council.workload_words import read_workload

    assert read_workload(text).runs_per_month is None
    assert read_money(text).budget is not None


def test_a_cadence_beside_a_budget_is_still_read() -> None:
    from council.workload_words import read_workload

    assert read_workload("Summarise contracts monthly, budget $300").runs_per_month.value == 1
    assert read_workload("Streszczaj 1 200 umów miesięcznie").runs_per_month.value == 1200


@pytest.mark.parametrize("text", [
    "Summarise 500 support chats a day; a bad summary costs an agent 5 minutes",
    "Summarise tickets; each wrong summary wastes an agent's time",
    # QA round 9: "agent time" without the possessive ($14,321 a month for ticket routing)
    "Route 8,000 tickets a day; a misrouted ticket costs us roughly $3 in agent time",
    "Tag support emails; wrong tags burn 40 agent-hours a month",
])
def test_a_person_whose_time_a_failure_costs_is_no_agent_loop(text: str) -> None:
    """QA round 7: 'costs an agent 5 minutes' (a support agent's time) was read as an agent
    loop: 15 calls a task, agentic 50%, $944.92 a month instead of one call a chat."""
    from council.workload_words import read_workload

    assert read_workload(text).loop is None
    assert read_workload("Build an agent that books travel; a mistake takes an agent 10 "
                         "minutes to fix").loop.value == "agent"


@pytest.mark.parametrize("text", ["Summarise 500 support chats a day",
                                  "Classify 2,000 chats a day by topic",
                                  "Tag yesterday's chats by sentiment"])
def test_chats_worked_on_are_no_conversation(text: str) -> None:
    from council.workload_words import read_workload

    assert read_workload(text).loop is None
    assert read_workload("Answer FAQ questions on our website chat widget, ~3,000 chats per "
                         "day").loop.value == "multi_turn"


@pytest.mark.parametrize(("text", "usd"), [
    # the workload reader's periods, now the money reader's too (council.workload_words.periods)
    ("Budget: 400 € per maand voor samenvattingen.", 446.88),
    ("Mamy budżet 1 200 zł każdego miesiąca.", 304.43),
    ("Presupuesto: 500 € mensual.", 558.6),
    ("Budget 100 € elke week", 484.12),
    # and those the money reader had on its own list before, still read
    ("Budget 300 € je Monat.", 335.16),
    ("Budget 2 400 € all'anno.", 223.44),
    ("budget 6 000 € par an", 558.6),
    ("Budget 300 € / mois", 335.16),
    ("budżet 900 zł/mies", 228.32),
])
def test_one_vocabulary_of_periods_for_volumes_and_money(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and round(b.usd_per_month, 2) == usd, b


@pytest.mark.parametrize(("text", "usd"), [
    # QA round 9: unread (no "malo", "costar" or "dólares"), and "$2.000" read as $2
    ("Resumir las actas de 40 reuniones de la junta directiva cada trimestre, cada acta tiene "
     "unas 30 páginas. Un resumen malo nos puede costar 2.000 dólares en decisiones "
     "equivocadas.", 2000.0),
    ("Un error nos cuesta $2.000.", 2000.0),
    ("Um erro custa US$ 2.000 para nós.", 2000.0),
    ("Ein Fehler kostet uns 1.200 Dollar.", 1200.0),
    ("Un error nos cuesta 50 dólares.", 50.0),
    # English keeps the decimal point
    ("A wrong answer costs us $2.500.", 2.5),
])
def test_dollars_with_a_thousands_point_in_a_language_that_writes_one(text: str,
                                                                       usd: float) -> None:
    from council.money_words import read_money

    read = read_money(text).failure
    assert read is not None and read.usd == usd, read


def test_a_budget_in_dollars_with_a_thousands_point() -> None:
    from council.money_words import read_money

    budget = read_money("Presupuesto: $1.500 al mes.").budget
    assert budget is not None and budget.usd_per_month == 1500.0


@pytest.mark.parametrize("text", ["Budget 100 € au total.", "Presupuesto 100 € en total.",
                                  "Budget $500 and no more."])
def test_a_budget_with_no_period_is_said_in_any_language(text: str) -> None:
    """QA round 9: ' au total', ' and no more' matched the per-unit words ('a', 'an' with no
    word boundary), so the budget was dropped without a word."""
    from council.money_words import read_money

    read = read_money(text)
    assert read.budget is None
    assert any("was not read as a budget: the words give no period" in u for u in read.unread)


@pytest.mark.parametrize(("text", "words"), [
    ("Write 300 original product descriptions for our online wine shop, about 150 words "
     "each, once.", "150 words"),
    ("Rédiger 300 fiches produit originales pour notre boutique en ligne de vins, environ 150 "
     "mots chacune, une seule fois.", "150 mots"),
    ("Escribir 300 fichas de producto para nuestra tienda de vinos, unas 150 palabras cada "
     "una.", "150 palabras"),
])
def test_the_size_of_each_piece_a_task_orders_written_is_the_output(text: str,
                                                                    words: str) -> None:
    """QA round 9: read as the input (200 tokens), the output left at the category's."""
    from council.workload_words import read_workload

    read = read_workload(text)
    assert read.input_size is None and read.output_size is not None
    assert read.output_size.words == words
    assert read_workload("Summarise 40 reports of about 5,000 words each").output_size is None
    assert read_workload("Write a summary of each of our 300 reports, about 5,000 words "
                         "each").input_size is not None


def test_a_failure_that_could_cost_a_figure_is_said_to_be_a_worst_case() -> None:
    from council.money_words import WORST_CASE_NOTE, read_money

    could = read_money("A missed vulnerability could cost us $20,000.").failure
    assert could is not None and could.usd == 20000.0 and could.how == WORST_CASE_NOTE
    plain = read_money("A wrong total costs about $15 to fix by hand.").failure
    assert plain is not None and plain.how == ""
