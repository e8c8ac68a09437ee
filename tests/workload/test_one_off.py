"""A one-off with nothing counted is one task ("One-off: translate a 40-page contract" read
the category's 2,000 a month, while the form's hint said "1 for a one-off"); a one-off that
counts its items ("translate these 10,000 product descriptions once") is that many tasks once,
priced as one month (round 8's review: it was priced at the category's monthly volume), unless
the count is one task's input ("detect duplicates among 100k tickets once"); "one-time
passwords" and "off-by-one" are not one-offs."""

from __future__ import annotations

import pytest

from council.workload_words.reader import read_workload


@pytest.mark.parametrize("text, words", [
    ("One-off: translate a 40-page contract into German", "One-off"),
    ("Summarise this due diligence report, just once", "just once"),
    ("a one-time review of our privacy policy", "one-time review"),
])
def test_a_one_off_is_one_task(text: str, words: str) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == 1.0 and read.words == words
    assert read.how == "a one-off: 1 task, priced as one month"


@pytest.mark.parametrize("text, n, words", [
    ("Translate these 10,000 product descriptions once", 10_000,
     "10,000 product descriptions once"),
    ("Translate our 300 UI strings once", 300, "300 UI strings once"),
    ("Parse 10,000 resumes into JSON, once", 10_000, "10,000 resumes into JSON, once"),
    ("Generate product descriptions in German for 12k SKUs, one-off", 12_000,
     "12k SKUs, one-off"),
    ("Review our 25 data processing agreements against GDPR Article 28, only once", 25,
     "25 data processing agreements against GDPR Article 28, only once"),
])
def test_a_one_off_that_counts_its_items_is_that_many_tasks_once(text: str, n: int,
                                                                 words: str) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and (read.value, read.words) == (n, words)
    assert read.how == f"a one-off: {n:,} tasks once, priced as one month"


@pytest.mark.parametrize("text", [
    "Detect duplicates among 100k support tickets once",
    "one-off: cluster 1.5M search queries into topics",
    "Once the 500 files arrive, tag them",
    "fix the off-by-one error in this loop",
])
def test_not_a_single_task(text: str) -> None:
    assert read_workload(text).runs_per_month is None


def test_one_time_passwords_are_not_a_one_off() -> None:
    read = read_workload("Send one-time passwords by SMS to 5,000 users a day").runs_per_month
    assert read is not None and read.value == 150_000


@pytest.mark.parametrize("text, n", [
    # userqa9: each was priced at the category's monthly volume
    ("Résumer 300 fiches produit, une seule fois", 300),
    ("Traducir 1.200 fichas de producto, una sola vez", 1_200),
    ("Einmalig 5.000 Produkttexte übersetzen", 5_000),
    ("Traduzir 800 descrições de produtos, uma única vez", 800),
    ("Solve these 50 maths problems (50 such problems once)", 50),  # the count said twice
])
def test_a_one_off_said_in_other_words_counts_its_items(text: str, n: int) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == n
    assert read.how == f"a one-off: {n:,} tasks once, priced as one month"


@pytest.mark.parametrize("text", [
    "Résumer 300 fiches produit une fois par semaine",  # a cadence, not a one-off
    "Solve 50 problems once, then 20 more problems once",  # two counts: left to the form
])
def test_once_a_period_and_two_counts_are_not_a_one_off(text: str) -> None:
    read = read_workload(text).runs_per_month
    assert read is None or not read.how.startswith("a one-off")
