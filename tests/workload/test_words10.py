"""Words10: misreadings left by review 8 and round 9, each fixed by a rule (rows:
tests/data/workload_phrases_review8.jsonl and workload_phrases_words10.jsonl)."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def _languages(text: str) -> tuple[str, ...] | None:
    r = read_workload(text).languages
    return None if r is None else r.value  # type: ignore[return-value]


@pytest.mark.parametrize(("text", "language"), [
    # kana: Japanese (the small words were romaji only)
    ("毎晩1万件のログを要約してください。", "Japanese"),
    ("毎朝300件のメールを分類してください。", "Japanese"),
    # Chinese characters with no kana: Chinese; Hangul: Korean
    ("每周大约处理800份合同，每份平均15页。", "Chinese"),
    ("매일 약 500건의 고객 문의를 분류해 주세요.", "Korean"),
    # short French and German: too few small words, their workload words tell the language
    ("Une fois par semaine, on classe environ 300 tickets.", "French"),
    ("Verträge zusammenfassen: 300 € pro Monat.", "German"),
    ("Deux fois par jour, l'équipe exporte environ 400 tickets à classer par priorité.",
     "French"),
])
def test_the_language_a_short_or_other_script_text_is_written_in(text: str,
                                                                 language: str) -> None:
    assert _languages(text) == (language,)


@pytest.mark.parametrize("text", [
    # English with a French or German word in it stays unread
    "Tag the environ variables in our 300 config files every week",
    "We get about 300 tickets a week; pro tip: tag them by product.",
    # a script shared by several languages is not guessed
    "Суммируйте 300 тикетов в день.",
    # a few kanji in an English text are not Chinese
    "Summarise the 漢字 glossary once a week for our team in Leeds.",
])
def test_no_language_guessed_from_too_little(text: str) -> None:
    assert _languages(text) is None


@pytest.mark.parametrize(("text", "said"), [
    ("Tous les lundis, on reçoit une quinzaine de candidatures ; il faut un résumé d'une page "
     "pour chacune.", "une page"),
    ("Je voudrais un résumé d'une page de ce rapport de 40 pages.", "une page"),
    ("Un resumen de una página por contrato, 200 contratos al mes.", "una página"),
    ("Bitte eine Zusammenfassung von einer Seite pro Vertrag.", "einer Seite"),
])
def test_a_summary_of_one_page_is_one_page_written(text: str, said: str) -> None:
    """"un résumé d'une page" was read as nothing ("une" is an article elsewhere)."""
    w = read_workload(text)
    out = w.output_size
    assert out is not None and (out.quantity, out.unit, out.words) == (1, "page", said)
    if "40 pages" in text:  # the report read is still the input
        assert (w.input_size.quantity, w.input_size.unit) == (40, "page")


def test_a_summary_of_one_page_is_no_volume() -> None:
    w = read_workload("Il faut un résumé d'une page.")
    assert w.runs_per_month is None and w.output_size.quantity == 1


@pytest.mark.parametrize(("text", "runs", "words"), [
    ("We need a one-off migration of 2,500 files from Python 2 to Python 3.", 2500,
     "a one-off migration of 2,500"),
    ("A one-off migration of 2,500 files", 2500, "A one-off migration of 2,500"),
    ("Convert these 300 files to Markdown, once.", 300, "300 files to Markdown, once"),
])
def test_a_one_off_migration_of_files_is_a_task_a_file(text: str, runs: float,
                                                       words: str) -> None:
    """It was one task reading all the files (2,500 x 1,400 = 3.5M tokens: no model fits)."""
    w = read_workload(text)
    assert w.runs_per_month is not None and w.runs_per_month.value == runs
    assert w.runs_per_month.words == words and "one-off" in w.runs_per_month.how
    assert (w.input_size.quantity, w.input_size.unit) == (1, "file")
    assert f"one of the {runs:,} files a task" in w.input_size.how


@pytest.mark.parametrize(("text", "files"), [
    ("Find duplicate functions across 400 files", 400),  # read together
    ("Review these 12 files in the PR", 12),  # one change reviewed as one
])
def test_files_read_together_stay_one_input(text: str, files: float) -> None:
    w = read_workload(text)
    assert (w.input_size.quantity, w.input_size.unit) == (files, "file")
    assert w.runs_per_month is None


def test_a_backlog_counts_its_items() -> None:
    r = read_workload("We have a backlog of 18,000 scanned letters (1-2 pages each) to "
                      "transcribe, once.").runs_per_month
    assert r is not None and r.value == 18_000 and "one-off" in r.how


def _runs(text: str) -> float | None:
    r = read_workload(text).runs_per_month
    return None if r is None else float(r.value)


@pytest.mark.parametrize(("text", "runs"), [
    # "a few hundred": about three hundred (an estimate); "300-ish": 300
    ("A few hundred customer reviews come in every week; tag each with a sentiment.",
     300 * 52 / 12),
    ("Daily: generate alt text for the 300-ish new product photos.", 9000),
    # a range of times is its upper end; "just this once" is a one-off; "Ein Mal" is einmal
    ("Two or three times a month we need a deck outline from a 50-page market report.", 3),
    ("Translate a 2-hour video's subtitles (about 18k words) from English to Japanese, just "
     "this once.", 1),
    ("Ein Mal im Monat das Protokoll der Betriebsversammlung zusammenfassen.", 1),
    # each weekday named is a run
    ("Every Monday, Wednesday and Friday the bot reviews ~25 new vendor contracts.",
     3 * 25 * 52 / 12),
    ("On Mondays and Thursdays we send clients one digest of the week's news.", 2 * 52 / 12),
    # a count "each" of the owners named before it, and the items each run holds
    ("Clinic notes: 12 doctors, ~25 patient visits each per day.", 12 * 25 * 30),
    ("The tool will be used by 30 reps, maybe 15 emails each per day.", 30 * 15 * 30),
    ("Half a dozen analysts each ask the research assistant 20 or so questions a day.",
     6 * 20 * 30),
    ("Two batches a day of roughly 250 receipts each.", 2 * 250 * 30),
])
def test_words10_rows_read_by_their_rule(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    ("We get 10 reports a week of 30 pages each.", 10 * 52 / 12),  # pages are a size
    ("every Monday, pull the tickets (usually 60-80)", 80 * 52 / 12),
    ("Every Monday the team meets; on Friday we send one digest.", 52 / 12),
    ("3x a day, maybe 500 tweets each run", 500 * 3 * 30),
])
def test_what_those_rules_leave_alone(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


def test_sizes_said_roughly_or_in_german() -> None:
    w = read_workload("A handful of contracts a week (say 5-6), each 30ish pages.")
    assert (w.input_size.quantity, w.input_size.unit, w.input_size.words) == (
        30, "page", "30ish pages")
    w = read_workload("Ein Mal im Monat das Protokoll (ca. 90 Minuten Aufnahme) zusammenfassen.")
    assert (w.input_size.quantity, w.input_size.unit) == (90, "minute")


@pytest.mark.parametrize(("text", "runs", "how"), [
    ("Each month about a third of our 9,000 customers renew; write a renewal email for each.",
     3000, "a third of 9,000 = 3,000"),
    ("20% of the 40,000 orders a month need a fraud check.", 8000, "20% of 40,000 = 8,000"),
    ("Our kiosk answers ~40 questions an hour for the 12 hours the mall is open every day.",
     40 * 12 * 30, "360 hours a month"),
])
def test_a_share_of_a_count_and_the_hours_of_a_day(text: str, runs: float, how: str) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs) and how in r.how


def test_german_wait_chinese_pages_and_what_goes_to_the_model() -> None:
    w = read_workload("~5.000 Bestellungen/Tag zur Betrugsprüfung, Antwort in unter 200 ms "
                      "nötig.")
    assert w.latency.value == "no_batch" and w.languages.value == ("German",)
    assert read_workload("每周大约处理800份合同，每份平均15页。").input_size.quantity == 15
    w = read_workload("Only the ~2,000 error traces a day go to the model, ~1k tokens each.")
    assert w.output_size is None and w.input_size.quantity == 1000


@pytest.mark.parametrize(("text", "runs", "size"), [
    ("Transcripts: roughly 2 hours of audio per day from the helpline, cut into calls of ~6 "
     "minutes; classify each call's reason.", 20 * 30, (6, "minute")),
    ("Co miesiąc mamy około 90 godzin nagrań rozmów, średnio 8 minut na rozmowę; chcemy "
     "streszczenie każdej.", 90 * 60 / 8, (8, "minute")),
    ("Volume: 1.2M tokens/day across all prompts, which average 600 tokens each.", 2000 * 30,
     (600, "token")),
])
def test_a_total_a_period_over_the_size_of_each(text: str, runs: float,
                                                 size: tuple[float, str]) -> None:
    """The total was read as one call's input (2 hours, 90 hours) or not at all."""
    w = read_workload(text)
    assert w.runs_per_month is not None and w.runs_per_month.value == pytest.approx(runs)
    assert (w.input_size.quantity, w.input_size.unit) == size


def test_a_total_with_no_size_of_each_is_left_alone() -> None:
    w = read_workload("We have 300 hours of recordings to transcribe.")
    assert w.runs_per_month is None
    assert (w.input_size.quantity, w.input_size.unit) == (300, "hour")


@pytest.mark.parametrize(("text", "runs", "how"), [
    # every n hours of the business hours; the count after "one summary of" is its content
    ("Every 2 hours during business hours, post one summary of the new Zendesk tickets (a "
     "dozen or so each time) for the on-call lead.", 8 * 260 / 12 / 2, "of 173 hours a month"),
    # a count per unit times the units a period
    ("About a thousand short survey comments per wave, three waves a year; code each comment.",
     1000 * 3 / 12, "1,000 each of 3"),
])
def test_business_hours_intervals_and_counts_per_unit(text: str, runs: float,
                                                      how: str) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs) and how in r.how, r


def test_people_waiting_at_the_screen_wait() -> None:
    w = read_workload("Our mall kiosk answers questions, ~40 an hour; shoppers wait at the "
                      "screen.")
    assert w.latency is not None and w.latency.value == "no_batch"
    assert read_workload("Today customers wait 3 days for a reply.").latency is None


def test_every_two_hours_around_the_clock_is_unchanged() -> None:
    r = read_workload("Every 2 hours, summarise the new alerts.").runs_per_month
    assert r is not None and r.value == 360


@pytest.mark.parametrize("text", [
    "Co miesiąc mamy około 90 godzin nagrań rozmów, średnio 8 minut na rozmowę; chcemy "
    "streszczenie każdej.",
    "Each week we get recordings of customer conversations to summarise.",
])
def test_recorded_conversations_are_read_not_held(text: str) -> None:
    """'nagrań rozmów' (recordings of conversations) was a live conversation: someone waiting."""
    w = read_workload(text)
    assert w.loop is None and w.user_waits is None


def test_a_chatbot_still_holds_a_conversation() -> None:
    assert read_workload("Our chatbot holds conversations with customers").loop.value == \
        "multi_turn"
