"""The workload reader's rules of round 6 (issue 17, tests/data/workload_phrases_fresh5.jsonl):
each with the cases it must not fire on."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def _calls(text: str) -> int | None:
    r = read_workload(text).calls_per_task
    return None if r is None else r.value


@pytest.mark.parametrize(("text", "calls"), [
    # what an agent reads, each one a call
    ("Our research agent reads up to 15 sources per question", 15),
    ("each session browses and reads up to 20 web pages; the agent then writes a brief", 20),
    # steps said in German, Spanish, Italian
    ("Ein Agent bearbeitet jede Nacht rund 60 Tickets, pro Ticket bis zu 12 Schritte.", 12),
    ("Un agente resuelve cada incidencia en unos 8 pasos", 8),
    # a conversation's length said "each up to"
    ("Our tutoring bot handles 500 chats a day, each up to 10 messages", 10),
    # not: a person reads, no agent; a summary of up to 20 pages; messages of no conversation
    ("Our analyst reads up to 20 web pages a day and wants a digest", None),
    ("Summarise reports of up to 20 pages", None),
    ("We receive 500 emails a day, each up to 10 messages in its thread", None),
    ("Our support agents read up to 30 tickets an hour", None),
])
def test_calls_said_as_what_is_read_or_in_other_languages(text: str, calls: int | None) -> None:
    assert _calls(text) == calls


def _runs(text: str) -> float | None:
    r = read_workload(text).runs_per_month
    return None if r is None else r.value


@pytest.mark.parametrize(("text", "runs"), [
    # a plain space between digit groups is a thousands separator, as French and Polish write
    ("Chaque nuit, nous devons résumer environ 12 000 avis clients", 360_000),
    ("about 2 500 student chats a day", 75_000),
    ("Nous classons 1 200 000 avis par mois", 1_200_000),
    # not: a count then a size, a range's low end, a time, a decimal
    ("3 100-page reports a month", 3),
    ("between 2 and 3 000 tickets a day", 90_000),
    ("at 10 30 tickets come in every day", 900),
])
def test_a_space_between_digit_groups(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    # number words in the language the text is written in
    ("Ogni giorno riceviamo circa duecento email dai clienti", 6000),
    ("Abbiamo tre turni al giorno e a fine turno serve un riepilogo delle note", 90),
    ("Cada día llegan unos dos mil mensajes de WhatsApp y el cliente espera", 60_000),
    ("Nous traitons trois cents dossiers par mois, de 25 pages chacun", 300),
    ("Mil e quinhentos contratos por ano, em média 12 páginas cada; precisamos de um resumo",
     125),
    ("Wir bekommen jeden Tag zweihundert Rechnungen und brauchen die Summe", 6000),
    ("Codziennie dostajemy trzysta zgłoszeń od klientów i trzeba je posortować", 9000),
    # not: English words ("due", "six"), two numbers joined by "and", a percentage
    ("The report is due every Monday for the team", 52 / 12),
    ("Ogni settimana tre e quattro report per il cliente", 52 / 12),
    ("Ogni mese il cento per cento delle fatture va controllato", 1),
])
def test_number_words_in_the_language_of_the_text(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs, rel=0.01)


def test_a_number_word_read_shows_the_words_as_written() -> None:
    r = read_workload("Ogni giorno riceviamo circa duecento email dai clienti").runs_per_month
    assert r.words == "Ogni giorno riceviamo circa duecento" and "200 a day" in r.how


@pytest.mark.parametrize(("text", "runs"), [
    # times a period, weekdays, a quarter and "todo mês" said in other languages
    ("Wir bekommen zweimal pro Woche einen Bericht von ca. 40 Seiten", 2 * 52 / 12),
    ("Dwa razy w tygodniu przygotowujemy raport dla zarządu z około 30 stron", 2 * 52 / 12),
    ("Due volte alla settimana riceviamo il report del cliente", 2 * 52 / 12),
    ("Ogni trimestre analizziamo 1.800 questionari, 4 pagine ciascuno.", 600),
    ("Todo mês recebemos cerca de 2.000 notas fiscais e precisamos extrair o valor", 2000),
    ("Tous les lundis, on reçoit une quinzaine de candidatures ; il faut un résumé", 65),
    ("Jeden Montag kommen etwa 30 Bewerbungen, bitte je eine Zusammenfassung", 130),
    ("Cada lunes llegan unos 40 pedidos nuevos para el equipo", 40 * 52 / 12),
    # not: "w" before another word, a story's "freitags", "todo el día" (all day)
    ("Mamy 300 faktur w tym miesiącu do sprawdzenia i nic więcej", None),
    ("Sie arbeitet freitags bis spät in die Nacht und schreibt die Geschichte", None),
])
def test_cadences_said_in_other_languages(text: str, runs: float | None) -> None:
    got = _runs(text)
    assert got == (None if runs is None else pytest.approx(runs, rel=0.01))


@pytest.mark.parametrize(("text", "runs"), [
    # a quarter's volume said "this quarter"; "overnight" opening its sentence is every night
    ("This quarter we expect about 1,200 grant applications; each needs a note.", 400),
    ("We're hiring 8 engineers this quarter; for each opening we phone-screen 5 candidates "
     "and want notes from every screen.", 8 * 5 / 3),
    ("Overnight, the agent triages ~200 alerts: 6 tool calls each.", 6000),
    ("Overnight batch: ~4,000 support emails get a sentiment label; by 8am is fine.", 120_000),
    # not: when, not how often
    ("Dedupe 500k company names in one pass, any time this week", None),
    ("Summarise the 40 reports by the end of this quarter", None),
    ("We got 20 complaints this week; summarise them", None),
    ("Map 20,000 job titles to our taxonomy, one-time job, can run overnight", None),
    ("Label 800 customer calls as sales/support/spam, overnight batch is fine.", None),
    # hires in one sentence and candidates in the next: not multiplied
    ("We're hiring 8 engineers this quarter. For each opening HR reads 5 candidates.", 8 / 3),
])
def test_relative_periods(text: str, runs: float | None) -> None:
    got = _runs(text)
    assert got == (None if runs is None else pytest.approx(runs, rel=0.01))


def _languages(text: str) -> list[str]:
    r = read_workload(text).languages
    return [] if r is None else sorted(r.value)


@pytest.mark.parametrize(("text", "languages"), [
    # what a place's people send in a language is in that language
    ("Our Kraków and Milan offices each send a weekly report in English; summarise both",
     ["English"]),
    ("The Lisbon stores each send a daily stock note in English; summarise it", ["English"]),
    # but a place whose texts are summarised in a language still reads the place's
    ("The Tokyo office wants their weekly sales reports summarized for HQ in English.",
     ["English", "Japanese"]),
    ("our team in Warsaw reads the results, mostly in English", ["English", "Polish"]),
    # a translation's source said in Polish
    ("Co tydzień tłumaczymy z polskiego na niemiecki około 15 umów", ["German", "Polish"]),
])
def test_places_and_sources(text: str, languages: list[str]) -> None:
    assert _languages(text) == languages


def test_both_things_each_time() -> None:
    assert _runs("Our two offices each send a weekly report in English; summarise both every "
                 "Monday.") == pytest.approx(2 * 52 / 12)
    assert _runs("Summarise the report every Monday") == pytest.approx(52 / 12)
    assert _runs("Both teams want a summary every Monday") == pytest.approx(52 / 12)


@pytest.mark.parametrize(("text", "runs"), [
    # one of a thing a period
    ("Our Berlin data centre writes one log file an hour, about 5,000 lines each", 720),
    ("Write one tweet a day for our bakery", 30),
    # not: a duration, nor when the sentence counts something else
    ("It takes one hour a day to read them", None),
    ("Send one reminder per week to each of our 40 clients", None),
])
def test_one_a_period(text: str, runs: float | None) -> None:
    got = _runs(text)
    assert got == (None if runs is None else pytest.approx(runs, rel=0.01))


@pytest.mark.parametrize(("text", "latency"), [
    ("Overnight the pipeline re-scores 80,000 listings; nobody looks at them before 9am.",
     "batch_ok"),
    ("Tag the tickets; no one reads the tags until the morning", "batch_ok"),
    ("Nobody looks at the dashboard except the CEO", None),
])
def test_read_only_later(text: str, latency: str | None) -> None:
    r = read_workload(text).latency
    assert (None if r is None else r.value) == latency


def test_sizes_said_other_ways() -> None:
    w = read_workload("Każdego miesiąca dostajemy około 400 faktur, po jednej stronie; trzeba "
                      "z nich wyciągnąć kwotę")
    assert (w.input_size.quantity, w.input_size.unit) == (1, "page")
    w = read_workload("We expect about 1,200 grant applications; each needs a 1-page "
                      "eligibility note.")
    assert w.input_size is None and (w.output_size.quantity, w.output_size.unit) == (1, "page")
    # German "jeden" is "every", not one
    w = read_workload("Wir bekommen jeden Monat etwa 300 Rechnungen mit je 2 Seiten")
    assert w.runs_per_month.value == 300 and w.input_size.quantity == 2


@pytest.mark.parametrize(("text", "runs"), [
    # a times word that says its language reads in a text too short to tell it
    ("Deux fois par jour, l'équipe exporte environ 400 tickets à classer.", 24_000),
    ("Dos veces por semana llegan 30 informes", 2 * 30 * 52 / 12),
    # Polish genitive number words
    ("Co miesiąc mamy około dwóch tysięcy reklamacji do przypisania do działu.", 2000),
])
def test_held_out_misses_read(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs, rel=0.01)
