"""Round 19's reader fixes (words19, from tests/data/workload_phrases_words19.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import WorkloadWords, read_workload


def words(text: str) -> WorkloadWords:
    return read_workload.__wrapped__(text)


# loose plurals abroad: five of the unit, the range said, as "dozens of" and "hundreds of"
# are (main: nothing, once a week, or "centinaia di" as 100)
@pytest.mark.parametrize(("text", "want", "said"), [
    ("Recibimos decenas de correos al día.", 1_500, "'decenas de' taken as a round figure: "
     "an estimate (20 to 90, 50 taken)"),
    ("Recibimos cientos de solicitudes cada semana.", 500 * 52 / 12, "(200 to 900, 500 taken)"),
    ("Wir bekommen Hunderte von Anfragen pro Woche.", 500 * 52 / 12, "'Hunderte von'"),
    ("Wir bekommen Dutzende E-Mails am Tag.", 1_800, "(24 to 108, 60 taken)"),
    ("Nous recevons des centaines de demandes par jour.", 15_000, "'des centaines de'"),
    ("Recebemos dezenas de pedidos por dia.", 1_500, "'dezenas de'"),
    ("Riceviamo centinaia di richieste al giorno.", 15_000, "'centinaia di'"),
    ("Codziennie dostajemy dziesiątki zgłoszeń od klientów.", 1_500, "'dziesiątki'"),
])
def test_loose_plurals_abroad(text: str, want: float, said: str) -> None:
    w = words(text)
    assert w.languages is not None  # Polish: read no language before (words19)
    r = w.runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)
    assert said in r.how


@pytest.mark.parametrize(("text", "want"), [
    ("Hace decenas de años que usamos este sistema; recibimos unas 200 solicitudes al día.",
     6_000),
    ("Die Firma hat Hunderte Mitarbeiter; wir prüfen etwa 40 Verträge pro Woche.", 40 * 52 / 12),
    ("We get hundreds of tickets a week.", 500 * 52 / 12),
])
def test_loose_plurals_abroad_controls(text: str, want: float) -> None:
    r = words(text).runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)


# a part with no period of its own shares the stream's (main kept the stream's count)
@pytest.mark.parametrize(("text", "want"), [
    ("We get 50,000 emails a month, but only about 2,000 of them need a reply.", 2_000),
    ("We get 50,000 emails a month, and only 2,000 need a reply.", 2_000),
    ("We get about 500 tickets a week, but only 100 of them require a human answer.",
     100 * 52 / 12),
])
def test_a_part_shares_the_streams_period(text: str, want: float) -> None:
    r = words(text).runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)
    assert " of the " in r.how


@pytest.mark.parametrize(("text", "want"), [
    ("We get 50,000 emails a month, but only 2 people to answer them.", 50_000),
    ("We get about 500 tickets a week, but only 100 of them are urgent.", 500 * 52 / 12),
    ("We get hundreds of thousands of log events per day, but only about 200 alerts a day "
     "need a summary.", 6_000),
])
def test_a_part_shares_the_streams_period_controls(text: str, want: float) -> None:
    r = words(text).runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)


# a month's words over one job's words; "a quarter of a million" at a sentence's start
@pytest.mark.parametrize(("text", "want", "size"), [
    ("We translate 1.5 million words a month, in documents of about 3,000 words each.", 500,
     [3000.0, "word"]),
    ("Our agency translates about 1.5 million words a month; a typical job is 2,500 words.", 600,
     [2500.0, "word"]),
    ("A quarter of a million emails come in each month.", 250_000, None),
])
def test_volumes_in_words(text: str, want: float, size: list[object] | None) -> None:
    w = words(text)
    assert w.runs_per_month is not None and w.runs_per_month.value == pytest.approx(want)
    assert w.summary()["input"] == size


@pytest.mark.parametrize(("text", "want", "size"), [
    ("We have about 1.5 million words of contracts to translate.", None, [1_500_000.0, "word"]),
    ("Translate 200 articles a month, each about 1,200 words.", 200, [1200.0, "word"]),
    ("A quarter of our 9,000 customers renew each month.", 2_250, None),
    ("Once a quarter we review 300 contracts.", 100, None),
])
def test_volumes_in_words_controls(text: str, want: float | None,
                                   size: list[object] | None) -> None:
    w = words(text)
    got = None if w.runs_per_month is None else w.runs_per_month.value
    assert got == (None if want is None else pytest.approx(want))
    assert w.summary()["input"] == size


# one answer said for each item is one call (main: none, so a support task took the
# category's 4 calls a task); a loop or a chat keeps its own
@pytest.mark.parametrize(("text", "want"), [
    ("Write one reply per ticket; about 3,000 support tickets a month.", 1),
    ("We want one short summary for each call, about 2,000 calls a month.", 1),
])
def test_one_answer_for_each_item_is_one_call(text: str, want: int) -> None:
    r = words(text).calls_per_task
    assert r is not None and r.value == want


@pytest.mark.parametrize("text", [
    "Build an agent that writes one reply per ticket after searching our docs and CRM in "
    "several steps.",
    "Answer each customer question in a chat; about 3,000 chats a month.",
    "Route incoming phone calls by intent from the caller's first sentence; about 20,000 calls "
    "a month.",
])
def test_one_answer_for_each_item_controls(text: str) -> None:
    assert words(text).calls_per_task is None


def test_a_token_total_with_no_size_of_one_task_is_said_unread() -> None:
    """Decision QA 18 case 26: "about half a million tokens a month in all" gave no count and
    said nothing; now the volume left to a default says why."""
    w = words("Summarise incoming documents, about half a million tokens a month in all.")
    assert w.runs_per_month is None
    assert [(u.value, u.words) for u in w.unread] == [("runs_per_month",
                                                       "half a million tokens a month")]
    sized = words("Input volume: half a million tokens a month, in prompts of about 2k tokens.")
    assert sized.runs_per_month is not None and sized.unread == ()
