"""The workload reader and the batch advice on descriptions written in other users' voices.

tests/data/workload_phrases_fresh.jsonl: 80 descriptions (terse tickets, rambling paragraphs,
non-native English, numbers in words, ranges, rates, sizes in MB and LOC, traps such as
"Python 3.11", "HTTP 404", "$49/month"), written before the reader's code or its other test
files were read, each with the numbers a careful person reads (an absent field: nothing).
At first count the reader misread 34 of their 560 values on 30 of the 80 rows; MAX_MISREADINGS
is where the general fixes left it (see bench/workload_reader.py for the table per field).
workload_phrases_fresh_heldout.jsonl: 30 more, written after those fixes and measured before any
rule was fitted to them: 9 misreadings of 210 (14 with the reader before the fixes), 0 after.
workload_phrases_fresh2.jsonl: 60 more in voices neither file had (Slack with abbreviations,
specs with headings, forwarded mail, crontab lines, English mixed with another language, whole
descriptions in Spanish, German, French or Portuguese, European number formats, languages named
by place or people, traps such as "v2.4", "Q3", "GPT-5", "3-tier", "24/7"), written before the
reader's code was read: 82 misreadings of 420 on 47 rows at first count, MAX_FRESH2 after.
workload_phrases_fresh3.jsonl: 70 more in voices none of those had (a Jira ticket, a
procurement email, a PRD with a metrics table, dictation with fillers, Airflow docstrings, SRE
runbook steps, portal forms, a teacher, a lawyer, a hospital, a game studio; Italian, Dutch,
Polish, Japanese in romaji and kana, mixed; "1'500", "3x/wk", "twice a quarter", "every other
day"; traps such as "Step 7", "at 02:00", "ISO 27001", "top 10", "2 TB of archives"), written
before the reader's code was read: 65 misreadings of 490 at first count, MAX_FRESH3 after.
workload_phrases_fresh3_heldout.jsonl: 25 more, written after those fixes and measured before
any rule was fitted to them: 13 misreadings of 175 (27 with the reader before round 3),
MAX_FRESH3_HELDOUT after.
workload_phrases_fresh4.jsonl: 16 written blind for issues 17/19 (hires a quarter times
candidates per role, an agent's "50 sessions every night", Italian and Polish texts that name
no language): 24 misreadings of 112 with the reader before the fixes, MAX_FRESH4 after.
workload_phrases_fresh5.jsonl: 25 written blind for round 6 (issue 17: Italian, Spanish, French,
German, Portuguese and Polish texts, '.' and space thousands, number words, "up to N", "this
quarter", "overnight", places that are not languages): 25 misreadings of 175 before the fixes,
MAX_FRESH5 after. workload_phrases_fresh5_heldout.jsonl: 12 written after those fixes and scored
once before any fit: 3 of 84 (11 with the reader before round 6), MAX_FRESH5_HELDOUT after.
workload_phrases_review8.jsonl: 8 written with review 8's rules (a regression file, not blind):
"une fois par semaine" (une is one before "fois", an article elsewhere), a first batch then a
cadence ("Diese Woche 200, danach jeden Monat 50"), "毎晩1万件", "300 € pro Monat" (money, no
volume): 10 misreadings of 56 with the reader before them, MAX_REVIEW8 after.
workload_phrases_words10.jsonl: 48 written before words10's fixes (ranges, "a few hundred",
weekdays, tokens as words, pages or audio minutes, Swedish, Dutch, Chinese, Japanese): 41 of
336 before them, MAX_WORDS10 after; workload_phrases_words10_heldout.jsonl: 16 written after
them, scored once: 10 of 112 (12 before words10), MAX_WORDS10_HELDOUT now.
workload_phrases_userqa10.jsonl: 14 written before QA round 10's fixes (Swedish periods, waits
and chats, "a handful ..., maybe 8", bots that answer each question): 22 of 98 before them
(21 once one label was set to the files' convention, its note says so), MAX_USERQA10 after.
workload_phrases_userqa11.jsonl: 17 written before QA round 11's fixes (Swedish nightly jobs,
agents with an API, RAG, a cron job, a live chat, code and emoji as the description, a pasted
20,000-character contract): 11 of 119 before them as first labelled; 11 with the labels now
(the emoji row's latency set to the files' convention, the code row's "one LLM call per
ticket" added: their notes say so), MAX_USERQA11 after. workload_phrases_userqa11_heldout.jsonl:
10 written after those fixes and scored once: 2 of 70 (12 with the reader before the round).
workload_phrases_words12.jsonl: 17 written before words12's fixes (browsing, searching or
clicking through the web as a tool loop, and its traps: customers who browse, search queries;
one update, overview or recap a period about our N things, and "for each of", "reports"):
11 of 119 before them, MAX_WORDS12 after.
workload_phrases_lead11.jsonl: 8 written before the lead's fix (Swedish and Dutch weekdays, one
summary a week about N things): 9 of 56 before it, MAX_LEAD11 after.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.advice import advise, batch_fits
from council.costing import cost_of
from council.task import parse_task
from council.workload import build_workload
from council.workload_words import parse_number, read_workload
from tests.bench_modules import load_bench

DATA = Path(__file__).parents[1] / "data"
FRESH = DATA / "workload_phrases_fresh.jsonl"
HELDOUT = DATA / "workload_phrases_fresh_heldout.jsonl"
FRESH2 = DATA / "workload_phrases_fresh2.jsonl"
FRESH3 = DATA / "workload_phrases_fresh3.jsonl"
FRESH3_HELDOUT = DATA / "workload_phrases_fresh3_heldout.jsonl"
FRESH4 = DATA / "workload_phrases_fresh4.jsonl"
FRESH4_HELDOUT = DATA / "workload_phrases_fresh4_heldout.jsonl"
FRESH5 = DATA / "workload_phrases_fresh5.jsonl"
FRESH5_HELDOUT = DATA / "workload_phrases_fresh5_heldout.jsonl"
REVIEW8 = DATA / "workload_phrases_review8.jsonl"
WORDS10 = DATA / "workload_phrases_words10.jsonl"
WORDS10_HELDOUT = DATA / "workload_phrases_words10_heldout.jsonl"
USERQA10 = DATA / "workload_phrases_userqa10.jsonl"
USERQA11 = DATA / "workload_phrases_userqa11.jsonl"
USERQA11_HELDOUT = DATA / "workload_phrases_userqa11_heldout.jsonl"
WORDS12 = DATA / "workload_phrases_words12.jsonl"
LEAD11 = DATA / "workload_phrases_lead11.jsonl"
REVIEW12 = DATA / "workload_phrases_review12.jsonl"
WORDS13 = DATA / "workload_phrases_words13.jsonl"
WORDS13_HELDOUT = DATA / "workload_phrases_words13_heldout.jsonl"
FIELDS = ("runs_per_month", "input", "output", "calls_per_task", "loop", "languages", "latency")
# 2 of 560 at the last count: two sizes in GB/TB (read as a corpus, not one call's input, as
# the team's "30 GB email archive" row wants: the rows' labels and that row disagree, and the
# reader keeps the team's intent: a terabyte priced as one call's input is no estimate). Read
# since round 3: "Compare ... answers for our docs chatbot" (the chatbot is what is judged).
MAX_MISREADINGS = 2
MAX_HELDOUT_MISREADINGS = 0
# 1 of 420: a monthly crontab job read with no latency (other crontab rows want none). Read
# since round 3: "15 pages a day" of pager alerts, "um agente pra responder os leads no
# WhatsApp" (an assistant on a messenger), "auch auf Englisch" of a German text. Since round 5
# (issue 19) five rows wholly in Spanish, German, French or Portuguese that name no language
# read the language they are written in, as fresh3_heldout's Italian and Polish rows want (the
# rows first said none; re-labelled so one rule holds for every language, each row's note
# says so); words10 re-labelled the German "Unser Chatbot ..." row so too.
MAX_FRESH2_MISREADINGS = 1
# 15 of 490 (65 at first count): counts across sentences ("three sections ... 28 students
# each. Twice a month", "15 people per quarter ... 6 candidates per role", "with my 8
# reports" ("15 people per quarter ... 6 candidates per role" read since round 5), "each of
# the ~50k rows ... twice a year", the DAG's
# "400 PDFs" a line after "nightly", "30-nin" in romaji), "½ page" of what is written, "50k-row"
# (rows are no unit), "8,000 pages ... each page's", "300-ji", "~400 words each" of plans the
# model drafts (said a sentence later: read as input), the partner's Friday review; round 5:
# "every night" of an agent's sessions (no batch for a loop whose steps wait on each other).
MAX_FRESH3_MISREADINGS = 0
# 25 written after round 3's rules, measured before any rule was fitted to them: 13 of 175
# (27 with the reader before round 3); 8 after "next-day", "overnight." ending a clause, "later
# in the week", "reruns up to 12 times" of an agent and romaji's small words. Left: "van zo'n
# 300 woorden" written (read as input), "10-ken" in romaji, "we have about 3,000 lines, once"
# (read as input; the row leaves it out), "~3 hints per question" of a tutor app (calls, loop);
# round 5 (issue 19): two wholly Italian / Polish texts that name no language read it.
MAX_FRESH3_HELDOUT_MISREADINGS = 0
# 1 of 112 (24 before round 5, 6 after it): "Tłumaczymy ... na angielski" (the Polish source
# of a translation: fresh2's French "Traduire ... en allemand" row wants the target only, this
# row the source too; no rule holds both). Read since round 6: "tre turni al giorno", "po
# jednej stronie", "reads up to 20 web pages", "Milan offices each send a weekly report in
# English" (no Italian by place), "summarise both every Monday".
MAX_FRESH4_MISREADINGS = 1
# 12 written after round 5's rules, measured before any was fitted to them: 3 of 84 (11 with
# the reader before round 5); then "totals from about 3,000 receipts" (fields taken from each
# item) is read. Left: "8 engineers this quarter" ("this quarter" is no cadence the reader
# takes) and "Overnight, the agent triages ~200 alerts" ("overnight" alone is no cadence); both
# read since round 6.
MAX_FRESH4_HELDOUT_MISREADINGS = 0
# 0 of 175 (25 before round 6, 1 after it): the French "résumé d'une page" is read since
# words10 (one page written: "une" is one before "page" after a summary, an article
# elsewhere). "Diese Woche kommen 500 ..., danach jeden Monat etwa 2.000" is read since review 8
# (2,000 a month; the 500 before "danach" a first batch). The held-out 12: the French of "Deux
# fois par jour, l'équipe exporte ..." (one French small word: too few to tell the language),
# read since words10 (its workload words: "fois", "jour", "environ").
MAX_FRESH5_MISREADINGS = 0
MAX_FRESH5_HELDOUT_MISREADINGS = 0
# 0 of 56 (10 before review 8, 4 after it, all languages, read since words10): "Une fois par
# semaine, on classe ..." and "Verträge zusammenfassen: 300 € pro Monat." by their workload
# words with the small words, two Japanese texts by their kana.
MAX_REVIEW8_MISREADINGS = 0
# 48 written before words10's fixes (tests/workload/test_words10.py): 41 misreadings of 336
# before them, 5 after, 1 since QA round 10 (Swedish periods and language, a bot answering
# each question is one call, "A handful ... (say 5-6)"). Left: twelve subsidiaries'
# quarterly reports.
MAX_WORDS10_MISREADINGS = 1
MAX_USERQA10_MISREADINGS = 0
# "browse the web for news on our 5 main competitors" is read as an agent loop since words12
# (tool use on the web). Read since the round's
# fixes: "varje natt" after the verb (2 rows), a pasted contract's clauses (2 values),
# "invoices as PDFs, 2-3 pages each" and "eine Antwort darf höchstens 150 Wörter haben" (input
# and output swapped in each), "one LLM call per ticket", one brief a morning "on our 5 main
# competitors" (a rule written after that row was scored: not blind).
MAX_USERQA11_MISREADINGS = 0
# Scored once, no fit: "Every Friday write a one-page summary about our 14 open projects" read
# 14 a week (a weekday's cadence did not take the one-piece rule; one a week since words12);
# left: "~500 log lines -> 1 model call per batch" reads 500 lines of input, which the row
# leaves out (the reader's reading is defensible: each call sends the batch).
MAX_USERQA11_HELDOUT_MISREADINGS = 1
# 16 written after those fixes and scored once before any fit: 10 of 112 (12 with the reader
# before words10); 7 since the totals and per-unit rules (fitted to words10 rows, not these).
MAX_WORDS10_HELDOUT_MISREADINGS = 7
# 17 written before words12's fixes: 11 of 119 before them; 5 once browsing, searching,
# clicking through or navigating a site is an agent loop; 1 once a cadence's count each time
# (weekdays, "twice a week") takes the one-piece rule; 0 since Swedish weekdays are cadences
# and "en sammanfattning om våra 12 projekt" one piece (lead11).
MAX_WORDS12_MISREADINGS = 0
# 8 written before the lead's fix (Swedish and Dutch weekdays, two days a week, one summary or
# overview a week about N things, "en rapport för var och en av våra 8 butiker"; the first row
# repeats words12's last): 9 of 56 before it (every volume). Left: "Elke dinsdag en donderdag
# beoordelen we zo'n 25 sollicitaties" names no language and is too short to tell it is Dutch.
MAX_LEAD11_MISREADINGS = 1
# 46 traps written by review 12 before its fixes (limits beside a volume, "looks at 15 each
# day", "alle 20", "a ticket is a conversation of 5 messages", "de nos 300"): 35 of 322 with
# main's reader; left: "Elke dag ... alle 20" names no language, "300 token transfers a day"
# reads no volume ("our busiest agent" read an agent loop until the lead's session-12 fix);
# both read since words13.
MAX_REVIEW12_MISREADINGS = 0
# 21 written by words13 before its fixes (QA 12's and review 12's leftovers and rows of the
# same families): 16 of 147 with main's reader. The 7 held out, scored once after the fixes: 8
# of 49 with main's reader, 7 now ("the daily average is around 500k", German "Jeden Morgen",
# "one time only", "Iedere maand ... 300 facturen", "1,000 tokens of instructions plus about
# 3,000 tokens of retrieved context", "the long ones run to 1,500 words" read as output).
MAX_WORDS13_MISREADINGS = 0
MAX_WORDS13_HELDOUT_MISREADINGS = 7
# Rows where the batch API is advised though a person reads a waiting user or a loop: none in
# the first file since "answer HR policy questions from employees in Teams" is read (4 before
# round 1's fixes, 1 after); in fresh2 none since "responder os leads no WhatsApp" is read (1
# before round 3); in fresh3 none (4 before round 3: a pager, a discharge letter before the
# patient leaves, a Japanese "waiting", "right after each one").
MAX_BATCH_AGAINST_A_PERSON = 0
MAX_FRESH2_BATCH_AGAINST_A_PERSON = 0
MAX_FRESH3_BATCH_AGAINST_A_PERSON = 0


def _rows(path: Path = FRESH) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


# the bench's comparison: numbers within 1%, languages as sets
_same = load_bench("workload_reader").same


@pytest.mark.parametrize(("path", "n", "most"), [(FRESH, 80, MAX_MISREADINGS),
                                               (HELDOUT, 30, MAX_HELDOUT_MISREADINGS),
                                               (FRESH2, 60, MAX_FRESH2_MISREADINGS),
                                               (FRESH3, 70, MAX_FRESH3_MISREADINGS),
                                               (FRESH3_HELDOUT, 25,
                                                MAX_FRESH3_HELDOUT_MISREADINGS),
                                               (FRESH4, 16, MAX_FRESH4_MISREADINGS),
                                               (FRESH4_HELDOUT, 12,
                                                MAX_FRESH4_HELDOUT_MISREADINGS),
                                               (FRESH5, 25, MAX_FRESH5_MISREADINGS),
                                               (FRESH5_HELDOUT, 12,
                                                MAX_FRESH5_HELDOUT_MISREADINGS),
                                               (REVIEW8, 8, MAX_REVIEW8_MISREADINGS),
                                               (WORDS10, 48, MAX_WORDS10_MISREADINGS),
                                               (WORDS10_HELDOUT, 16,
                                                MAX_WORDS10_HELDOUT_MISREADINGS),
                                               (USERQA10, 14, MAX_USERQA10_MISREADINGS),
                                               (USERQA11, 17, MAX_USERQA11_MISREADINGS),
                                               (USERQA11_HELDOUT, 10,
                                                MAX_USERQA11_HELDOUT_MISREADINGS),
                                               (WORDS12, 17, MAX_WORDS12_MISREADINGS),
                                               (LEAD11, 8, MAX_LEAD11_MISREADINGS),
                                               (REVIEW12, 46, MAX_REVIEW12_MISREADINGS),
                                               (WORDS13, 21, MAX_WORDS13_MISREADINGS),
                                               (WORDS13_HELDOUT, 7,
                                                MAX_WORDS13_HELDOUT_MISREADINGS)])
def test_fresh_descriptions_are_read_as_a_person_reads_them(path: Path, n: int,
                                                            most: int) -> None:
    rows = _rows(path)
    assert len(rows) == n
    wrong = []
    for row in rows:
        got = read_workload(row["text"]).summary()
        wrong += [f"{f}: {row['text'][:70]!r}: want {row.get(f)!r}, got {got[f]!r}"
                  for f in FIELDS if not _same(f, row.get(f), got[f])]
    assert len(wrong) <= most, f"{len(wrong)} misreadings of {len(rows) * 7}\n" + "\n".join(wrong)


def test_every_fresh_read_carries_its_exact_words_and_how() -> None:
    for row in (_rows() + _rows(HELDOUT) + _rows(FRESH2) + _rows(FRESH3) + _rows(FRESH4)
                + _rows(FRESH5) + _rows(FRESH5_HELDOUT) + _rows(REVIEW8) + _rows(WORDS10)
                + _rows(WORDS10_HELDOUT) + _rows(USERQA10) + _rows(USERQA11)
                + _rows(USERQA11_HELDOUT)):
        text = row["text"]
        for r in read_workload(text).reads:
            assert r.words and text[r.start:r.end] == r.words and r.how, (text, r)


@pytest.mark.parametrize(("said", "value"), [
    ("half a million", 500_000), ("a couple of hundred", 200), ("two dozen", 24),
    ("2 dozen", 24), ("thousand and a half", 1500), ("a thousand and a half", 1500),
    ("half a dozen", 6), ("couple thousand", 2000), ("a dozen", 12), ("10k", 10_000),
    ("three hundred thousand", 300_000),
])
def test_counts_said_in_words(said: str, value: float) -> None:
    assert parse_number(said) == value


def test_rates_ranges_and_sizes_said_other_ways() -> None:
    def runs(text: str) -> float | None:
        r = read_workload(text).runs_per_month
        return None if r is None else r.value

    assert runs("between 200 and 300 reviews every 15 min") == pytest.approx(300 * 4 * 720)
    assert runs("3x a day, maybe 500 tweets each run") == pytest.approx(500 * 3 * 30)
    assert runs("on weekdays, draft replies (approx. 150 mails/day)") == pytest.approx(
        150 * 260 / 12)
    assert runs("30,000 users, each has maybe 200 transactions a month") == 6_000_000
    assert runs("every Monday, pull the tickets (usually 60-80)") == pytest.approx(80 * 52 / 12)
    log = read_workload("Summarize a 3 MB log file").input_size
    assert (log.quantity, log.unit, log.words) == (3_000_000, "char", "3 MB")
    assert "3 MB = 3,000,000 characters" in log.how
    loc = read_workload("a monolith of 100k LOC").input_size
    assert (loc.quantity, loc.unit) == (100_000, "line")


@pytest.mark.parametrize("text", [
    "Our pricing page says $49/month; write 3 variants of the headline",
    "Generate the copy for a 2-step signup form",
    "Fix the 404 and 500 errors reported in the last 24 hours",
    "Run the model on a box with 16 GB RAM",
    "Summarize 14 call transcripts, each about an hour long",
])
def test_traps_give_no_volume_steps_or_wrong_size(text: str) -> None:
    w = read_workload(text)
    assert (w.runs_per_month, w.calls_per_task) == (None, None), text
    assert w.input_size is None or (w.input_size.quantity, w.input_size.unit) == (1, "hour")


def test_who_waits_said_other_ways() -> None:
    def waits(text: str) -> bool | None:
        return read_workload(text).user_waits

    assert waits("must be decided before the comment is shown") is True
    assert waits("about 40 requests per second of search queries") is True
    assert waits("they type a question and wait for the query to run") is True
    assert waits("Not urgent, by the next morning is fine.") is False
    assert waits("results needed next week") is False
    assert waits("summarize the consultation, done the same day") is False
    assert waits("spell-check the emails before they go out today") is None
    assert waits("the model decides the routing in under a second") is True
    assert waits("grade the essays by end of week") is False
    assert read_workload("Our call centre handles 6,000 calls a day; give the agent a live "
                         "summary").loop is None
    # a person on the phone is not an agent loop; the chat on a website is a conversation
    assert read_workload("The user is on the phone with our agent and the agent needs a "
                         "suggested answer").loop is None
    assert read_workload("Answer customers on the website chat").loop.value == "multi_turn"
    assert read_workload("for the spanish and italian website").languages.value == (
        "Italian", "Spanish")
    assert read_workload("polish the copy of our landing page").languages is None


@pytest.fixture(scope="module")
def sonnet():
    from tests.recs import real_catalog

    model = real_catalog().get("claude-sonnet-4-6")
    assert model.batch_api
    return model


@pytest.mark.parametrize(("path", "most"), [(FRESH, MAX_BATCH_AGAINST_A_PERSON),
                                           (FRESH2, MAX_FRESH2_BATCH_AGAINST_A_PERSON),
                                           (FRESH3, MAX_FRESH3_BATCH_AGAINST_A_PERSON),
                                           (FRESH4, 0), (FRESH4_HELDOUT, 0), (FRESH5, 0),
                                           (FRESH5_HELDOUT, 0)])
def test_no_batch_advice_where_a_person_reads_a_wait_or_a_loop(sonnet, path: Path,
                                                               most: int) -> None:
    against = []
    for row in _rows(path):
        # a category whose default has nobody waiting: only the words can stop the batch API
        w = build_workload(parse_task(description=row["text"]), "extraction", 2.0)
        keys = {a.key for a in advise(sonnet, w, cost_of(sonnet, w))}
        assert ("batch" in keys) == batch_fits(w), row["text"]
        words = read_workload(row["text"])
        if words.user_waits or words.loop is not None:
            assert "batch" not in keys, row["text"]
        person = (row.get("latency") == "no_batch" or row.get("loop") is not None
                  or (row.get("calls_per_task") or 1) > 1)
        if person and "batch" in keys:
            against.append(row["text"])
    assert len(against) <= most, against
