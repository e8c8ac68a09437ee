"""The workload reader's rules of round 5 (issues 17/19, tests/data/workload_phrases_fresh4.jsonl):
each rule on cases it must read and on cases it must leave alone, and through the real
recommendation, where the reading is shown with its words."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload
from tests.recs import make_rec


def _runs(text: str) -> float | None:
    r = read_workload(text).runs_per_month
    return None if r is None else r.value


@pytest.mark.parametrize(("text", "runs"), [
    # hires a quarter times the candidates of each role: a task a candidate
    ("We hire about 15 people per quarter and interview 6 candidates per role; each "
     "interview is 45 minutes.", 15 * 6 / 3),
    ("we hire about 15 people per quarter, and for each role we shortlist 6 candidates",
     15 * 6 / 3),
    ("We fill 4 positions a month and see three finalists per position.", 12),
])
def test_hires_times_candidates_per_role(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    # no candidates per role: the hires alone
    ("Per quarter we onboard ~15 new hires; each gets a 30-day plan.", 5),
    # the count is of CVs, not of hires: the candidates are already in it
    ("We screen 600 CVs a quarter, 6 candidates per role reach the interview.", 200),
    # candidates per role in another sentence: not this count's
    ("We hire 15 people per quarter. Last year we saw 6 candidates per role.", 5),
])
def test_candidates_per_role_do_not_multiply_other_counts(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize("text", [
    "Our coding agent runs 50 sessions every night on the backlog, each session up to 30 "
    "tool calls; we review the pull requests in the morning.",
    "Nightly, an agent works through ~50 support tickets: it looks up the order, checks the "
    "refund policy and drafts a reply, about 8 steps per ticket.",
])
def test_an_agent_run_nightly_is_not_read_as_batch_ok(text: str) -> None:
    words = read_workload(text)
    assert words.loop is not None and words.loop.value == "agent"
    assert words.latency is None and words.user_waits is None


@pytest.mark.parametrize(("text", "runs"), [
    ("Every night we extract totals from about 3,000 receipts.", 3000 * 30),
    # "from" a period or a place stays content, not the run's items
    ("Every night, summarise the notes from the last 3 days.", 30),
])
def test_fields_taken_from_each_item_count_the_items(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    # one summary a period of what it brought, the count said aside after the items
    ("Every morning, summarise the overnight hotline tickets, usually 120 messages.", 30),
    ("Codziennie rano trzeba streścić nocne zgłoszenia z infolinii, zwykle 120 wiadomości.",
     30),
    # each of them summarised, or the count said as the object: one run each, as before
    ("Every morning, summarise each of the tickets, usually 120 messages.", 120 * 30),
    ("Every night we summarise about 3,000 reviews.", 3000 * 30),
    ("Every morning, classify the overnight tickets, usually 120 messages.", 120 * 30),
])
def test_a_summary_of_what_a_period_brings_is_one_run(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "size"), [
    ("a fine turno serve un riepilogo delle note, di solito 40 righe", (40, "line")),
    ("el registro tiene unas 300 líneas", (300, "line")),
    ("das Protokoll hat etwa 200 Zeilen", (200, "line")),
])
def test_lines_said_in_other_languages(text: str, size: tuple[float, str]) -> None:
    r = read_workload(text).input_size
    assert r is not None and (r.quantity, r.unit) == size


def test_a_nightly_job_without_an_agent_stays_batch_ok() -> None:
    words = read_workload("Every night we classify about 50,000 product reviews.")
    assert words.loop is None and words.latency is not None
    assert words.latency.value == "batch_ok"


@pytest.mark.parametrize(("text", "language"), [
    ("Ogni settimana riceviamo circa 200 curriculum, da 2 pagine ciascuno; vorremmo un "
     "breve riassunto per ognuno.", "Italian"),
    ("Ogni mese archiviamo 1.200 fatture e vogliamo estrarre importo e scadenza.", "Italian"),
    ("Każdego miesiąca dostajemy około 400 faktur; trzeba z nich wyciągnąć kwotę.", "Polish"),
    ("Clasificar 10 mil tickets por noche según el área del producto.", "Spanish"),
    ("Juste un poème court en 6 vers, sans autre contenu, sur la confiture", "French"),
])
def test_a_text_that_names_no_language_is_read_in_its_own(text: str, language: str) -> None:
    r = read_workload(text).languages
    assert r is not None and r.value == (language,)
    assert r.words == text[r.start:r.end] and "written in" in r.how


@pytest.mark.parametrize("text", [
    "If i increased size by 25% how much more volume do i get",  # "i", "do": English
    "for i in range(10):\n    do_something(i, w, z)  # na, do, po",  # code
    "sastavi mi pesmu na srpskom sa ukrštenom rimom i 8 stihova.",  # Serbian: not listed
    "Summarise the tickets per team, al fresco menu and la carte included.",  # English prose
])
def test_no_language_read_from_english_code_or_unlisted_languages(text: str) -> None:
    assert read_workload(text).languages is None


def test_polish_and_italian_cadences_waits_and_chat_turns() -> None:
    chat = read_workload("Czat na stronie: klienci czekają na odpowiedź, około 300 rozmów "
                         "dziennie, 4-6 wiadomości w rozmowie.")
    assert chat.summary() | {"languages": None} == {
        "runs_per_month": 9000, "input": None, "output": None, "calls_per_task": 6,
        "loop": "multi_turn", "languages": None, "latency": "no_batch"}
    assert _runs("Każdego miesiąca dostajemy około 400 faktur.") == 400
    waits = read_workload("Rispondere alle email dei clienti: circa 80 al giorno, il cliente "
                          "aspetta la risposta.")
    assert waits.latency is not None and waits.latency.value == "no_batch"
    assert read_workload("Il cliente aspetta il prossimo mese.").latency is None


# ---------------------------------------------------------------- in the recommendation


def test_an_agents_nightly_sessions_get_no_batch_advice_in_the_answer() -> None:
    rec = make_rec("Our coding agent runs 50 sessions every night on the backlog, each session "
                   "up to 30 tool calls; we review the pull requests in the morning.",
                   category="agentic", difficulty=3.0)
    assert rec.recommended is not None
    assert "batch" not in {a.key for a in rec.advice}
    waits = next(a for a in rec.assumption_notes if a.name == "user_waits")
    assert waits.source != "text"  # "every night" no longer says the batch API fits
    runs = next(a for a in rec.assumption_notes if a.name == "runs_per_month")
    assert runs.value == pytest.approx(1500) and "50 sessions every night" in runs.why


def test_hires_times_candidates_and_an_italian_text_are_shown_with_their_words() -> None:
    rec = make_rec("We hire about 15 people per quarter and interview 6 candidates per role; "
                   "each interview is 45 minutes and we want it transcribed and scored.",
                   category="summarisation", difficulty=2.0)
    runs = next(a for a in rec.assumption_notes if a.name == "runs_per_month")
    assert runs.value == pytest.approx(30) and "6 candidates per role" in runs.why
    it = make_rec("Ogni settimana riceviamo circa 200 curriculum, da 2 pagine ciascuno; "
                  "vorremmo un breve riassunto per ognuno.", category="summarisation",
                  difficulty=2.0)
    lang = next(a for a in it.assumption_notes if a.name == "languages")
    assert lang.value == "Italian" and lang.source == "text"
    assert "from your words: 'Ogni settimana riceviamo circa 200 curriculum" in lang.why


@pytest.mark.parametrize(("text", "runs"), [
    # money in any currency is not a volume (the QA round: "4,000 kr a month" read as 4,000 tasks)
    ("Summarise support chats; our budget is 4,000 kr a month.", None),
    ("Classify invoices, budget 500 CHF a month.", None),
    ("Draft replies to reviews, we can spend 20,000 JPY per month.", None),
    ("Tag 2,000 tickets a month; budget 300 SEK a month.", 2000),
    # ... but a code that is also a word, and counts beside money, are still counts
    ("Refactor 40 PHP files a month", 40),
    ("We pay 300 zł a month; translate 120 documents a month", 120),
])
def test_money_in_any_currency_is_not_a_volume(text: str, runs: float | None) -> None:
    assert _runs(text) == (None if runs is None else pytest.approx(runs))
