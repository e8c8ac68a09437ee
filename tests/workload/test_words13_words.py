"""Words13: QA round 12's and review 12's leftovers (tests/data/workload_phrases_words13.jsonl,
written before the fixes); each fix's cases fail on the reader before it, the traps beside
them pass on both."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def summary(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


# A rate a second said of the peak is the volume's most, not someone waiting (read no_batch).
@pytest.mark.parametrize("text", [
    "We run 2 QPS against the classifier at peak, averaging about 40,000 calls a day.",
    "Traffic peaks at about 5 requests per second at lunchtime.",
    "At peak it is 10 requests per second; the scores go into a weekly report.",
])
def test_a_rate_a_second_at_peak_is_no_wait(text: str) -> None:
    assert summary(text)["latency"] is None


@pytest.mark.parametrize("text", [
    "The chatbot answers 3 requests per second during business hours.",
    "We send 40 req/s at peak but usually 5 requests per second.",  # the usual rate waits
    "Peak is 2 QPS and users wait for the answer on the page.",  # a wait said in words
])
def test_a_rate_not_said_of_the_peak_still_waits(text: str) -> None:
    assert summary(text)["latency"] == "no_batch"


# A morning or an evening in Swedish and Dutch is a day, as in English (read nothing).
@pytest.mark.parametrize(("text", "want"), [
    ("Varje morgon klockan 7 går vi igenom ungefär tvåhundra supportärenden.", 6_000),
    ("Elke ochtend om 8 uur lezen we ongeveer honderd klantmails.", 3_000),
    ("Varje kväll läser vi cirka 40 rapporter.", 1_200),
    ("Elke avond om 22 uur verwerken we 500 bestellingen.", 15_000),
])
def test_a_morning_or_evening_abroad_is_a_day(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize("text", [
    "I morgon ska vi läsa 40 rapporter.",  # "i morgon": tomorrow, once
    "Morgen lezen we 40 offertes.",  # Dutch "morgen": tomorrow
])
def test_tomorrow_is_no_cadence(text: str) -> None:
    assert summary(text)["runs_per_month"] is None


# A total duration cut into pieces, once: the pieces once (read no volume, one task, or 20).
@pytest.mark.parametrize(("text", "want", "size"), [
    ("Transcribe and summarise 35 hours of interviews once, each about 45 minutes.", 46.67,
     [45, "minute"]),
    ("One-off job: 120 hours of recorded lectures, each around 90 minutes, to be turned into "
     "study notes.", 80, [90, "minute"]),
    ("Une seule fois : 20 heures d'entretiens, d'environ 40 minutes chacun, à résumer.", 30,
     [40, "minute"]),
])
def test_a_total_cut_into_pieces_once(text: str, want: float, size: list[object]) -> None:
    got = summary(text)
    assert got["runs_per_month"] == pytest.approx(want, rel=0.01)
    assert got["input"] == pytest.approx(size)


def test_the_size_of_each_said_before_each() -> None:
    # "30 minutes each" after the total (read 20 hours of input and no volume): 40 a day
    got = summary("We transcribe 20 hours of calls a day, 30 minutes each.")
    assert got["runs_per_month"] == pytest.approx(1_200, rel=0.01)
    assert got["input"] == pytest.approx([30, "minute"])


def test_a_one_off_with_nothing_cut_is_one_task() -> None:
    assert summary("One-off: translate a 40-page contract.")["runs_per_month"] == 1


# "token" as a domain noun (a crypto token) is a count of things (read no volume).
@pytest.mark.parametrize(("text", "want"), [
    ("Our crypto wallet app explains 300 token transfers a day to users.", 9_000),
    ("Explain 40 token launches a week to our community.", 173.33),
])
def test_crypto_tokens_are_counted(text: str, want: float) -> None:
    got = summary(text)
    assert got["runs_per_month"] == pytest.approx(want, rel=0.01)
    assert got["input"] is None


def test_a_prompts_tokens_stay_a_size() -> None:
    got = summary("About 800 prompts a day, each around 300 tokens.")
    assert got["runs_per_month"] == pytest.approx(24_000)
    assert got["input"] == pytest.approx([300, "token"])


# Short Dutch: "we" is Dutch too, and "week" a Dutch word beside another (read no language).
@pytest.mark.parametrize("text", [
    "Elke dag beoordelen we alle 20 sollicitaties.",
    "Elke week lezen we 40 offertes.",
    "Elke avond om 22 uur verwerken we 500 bestellingen.",
])
def test_short_dutch_reads_dutch(text: str) -> None:
    assert summary(text)["languages"] == ["Dutch"]


@pytest.mark.parametrize("text", [
    "Every week we read 40 quotes.",
    "Each day we review all 20 applications.",
    "We go to Den Haag every week.",
])
def test_english_with_we_and_week_stays_english(text: str) -> None:
    assert summary(text)["languages"] == []


# Two sizes of one input joined by "plus": the input is both (read the first part alone).
@pytest.mark.parametrize(("text", "want"), [
    ("Each contract is about 20 pages plus a 5-page annex; we review 40 a month.", [25, "page"]),
    ("Each prompt has a 500-token system prompt + 1,200 tokens of user text; 3,000 a day.",
     [1_700, "token"]),
])
def test_two_parts_of_one_input_are_read_together(text: str, want: list[object]) -> None:
    assert summary(text)["input"] == pytest.approx(want)


@pytest.mark.parametrize(("text", "want"), [
    # a count after "plus" is no second part
    ("Summarise 200 reports a week of about 10 pages, plus 30 emails.", [10, "page"]),
    # the most a size has, then the outliers: the size most have
    ("We answer about 200 support emails a day, most under 300 words, a few over 2,000.",
     [300, "word"]),
])
def test_a_size_beside_other_figures_is_read_alone(text: str, want: list[object]) -> None:
    assert summary(text)["input"] == pytest.approx(want)


# Two counts of things joined by "and" in one period's clause are both the work (read the
# first or the last alone).
@pytest.mark.parametrize(("text", "want"), [
    ("Every day we get about 150 emails and 80 chat messages to triage.", 6_900),
    ("Chaque jour nous recevons environ 100 e-mails et 50 formulaires à classer.", 4_500),
    ("Each week we review 40 contracts and 3 policies.", 186.33),
])
def test_two_counts_joined_by_and_are_summed(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize(("text", "want"), [
    ("We handle 200 tickets a day and 5 agents answer them.", 6_000),  # people
    ("We get 300 emails a day and 20 of them are urgent.", 9_000),  # a part of the first
    ("Tag medical abstracts with MeSH terms, we have a backlog of 2 million and ~5k new ones "
     "daily.", 150_000),  # a first batch beside the cadence
    ("Between 200 and 300 tickets a day.", 9_000),  # a range
])
def test_counts_that_are_not_two_parts_of_the_work_are_not_summed(text: str,
                                                                    want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


# A peak and a rate a second in German, the usual volume beside it; "am Tag" is no clock hour.
@pytest.mark.parametrize(("text", "want"), [
    ("Spitzenlast sind 3 Anfragen pro Sekunde, im Schnitt etwa 50.000 am Tag.", 1_500_000),
    ("Wir bekommen etwa 500 am Tag.", 15_000),
    ("Unser Chatbot beantwortet 3 Anfragen pro Sekunde.", 7_776_000),
])
def test_a_german_peak_rate_and_the_usual_volume(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize(("text", "want"), [
    ("Every day at 9 am we classify 300 tickets.", 9_000),  # "9 am" stays a clock hour
    ("Nous traitons 2 requêtes par seconde aux heures de pointe, en moyenne 40 000 par jour.",
     1_200_000),
])
def test_clock_hours_and_french_peaks_read_as_before(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


# The usual period said as the subject, its count after it ("a normal day is about 20,000"):
# read unread, so the peak before it was the volume.
@pytest.mark.parametrize(("text", "want"), [
    ("Traffic peaks at about 5 requests per second at lunchtime; a normal day is about 20,000 "
     "requests.", 600_000),
    ("At peak we get 2,000 chats a day, but a typical week has 3,000.", 13_000),
    ("We get 300 tickets on a normal day.", 9_000),
])
def test_the_usual_period_and_its_count(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.01)


def test_a_normal_day_of_hours_is_no_count() -> None:
    text = "A normal day is 8 hours for our support team, and we answer 400 emails a week."
    assert summary(text)["runs_per_month"] == pytest.approx(1_733.33, rel=0.01)
