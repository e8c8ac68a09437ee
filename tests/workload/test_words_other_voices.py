"""The workload reader on numbers, schedules, periods and languages said other ways (round 2:
tests/data/workload_phrases_fresh2.jsonl): European separators, crontab lines, Spanish,
German, French and Portuguese, languages named by place, corpora in gigabytes, chat tools."""

from __future__ import annotations

import pytest

from council.task import parse_task
from council.workload import build_workload
from council.workload_words import european_numbers, read_workload


def _runs(text: str) -> float | None:
    r = read_workload(text).runs_per_month
    return None if r is None else r.value


@pytest.mark.parametrize(("said", "written"), [
    ("10.000 tickets", "10,000 tickets"), ("1.000.000 lines", "1,000,000 lines"),
    ("1\u2009500 chats", "1,500 chats"), ("2\u202f000 courriels", "2,000 courriels"),
    ("45'000 transactions", "45,000 transactions"), ("2,5k reviews", "2.5k reviews"),
    ("1,5 millones", "1.5 millones"),
    # versions, decimals and English thousands are left as they are
    ("v4.10.2", "v4.10.2"), ("python 3.12", "python 3.12"), ("1,200 a day", "1,200 a day"),
    ("$1.25 per call", "$1.25 per call"), ("4.10.200", "4.10.200"),
])
def test_european_numbers_are_rewritten_at_the_same_length(said: str, written: str) -> None:
    assert european_numbers(said) == written


@pytest.mark.parametrize(("text", "runs"), [
    ("0 2 * * * python classify.py  # ~15k new listings each night", 15_000 * 30),
    ("*/15 * * * * run_summarizer   (each run: ~40 alerts)", 40 * 96 * 30),
    ("cron: 30 6 * * 1-5  -> summarize the overnight tickets (~250)", 250 * 5 * 52 / 12),
    ("0 0 1 * * /opt/jobs/report.sh: draft the KPI report", 1),
    ("0 9 * 1,4,7,10 1 review the quarter's 30 contracts", 30 * 52 / 12 * 4 / 12),
])
def test_crontab_schedules(text: str, runs: float) -> None:
    r = read_workload(text).runs_per_month
    assert r.value == pytest.approx(runs)
    assert "crontab" in r.how and text[r.start:r.end] == r.words


@pytest.mark.parametrize("text", ["2 * 3 * 4 = 24", "60 2 * * * is no minute",
                                  "*/0 * * * * job"])
def test_what_is_not_a_crontab(text: str) -> None:
    r = read_workload(text).runs_per_month
    assert r is None or "crontab" not in r.how


@pytest.mark.parametrize(("text", "runs"), [
    ("Clasificar 10 mil tickets por noche.", 300_000),
    ("Wir möchten jede Nacht ca. 10.000 Tickets taggen.", 300_000),
    ("etwa 300 Verträge im Monat", 300),
    ("Nous recevons environ 2\u202f000 courriels par jour", 60_000),
    ("Precisamos resumir 3 mil avaliações por semana", 3000 * 52 / 12),
    ("Extraer los datos de 1,5 millones de facturas al año", 125_000),
    ("ca. 2,5 Tsd. pro Tag klassifizieren", 75_000),
    ("unas 2.500 llamadas diarias", 75_000),
    ("like 30 notes a wk", 30 * 52 / 12),
    ("classify 50k support emails/mo", 50_000),
    ("Summarize 3.000 tickets weekly", 3000 * 52 / 12),
    # a count after a cadence that each run covers: a fleet of one's own, an eval's prompts
    ("Every 2 hours, check the status page feeds of our 40 vendors.", 40 * 360),
    ("Run a nightly eval of 1,000 prompts against 3 models.", 30_000),
    ("every Monday, summarize the top 10 of the 200 tickets", 52 / 12),
])
def test_counts_and_periods_in_other_languages_and_formats(text: str, runs: float) -> None:
    assert _runs(text) == pytest.approx(runs)


@pytest.mark.parametrize("text", [
    "pls translate the release notes before v2.4 ships",
    "ok so for Q3 we compare GPT-5 vs claude",
    "moving to the 3-tier plan ($99/mo) next week",
    "we need 10 mil users a day",  # English "mil" (a million, in slang) is not read as 10,000
    "What role does delay have?\n//Tag.\nvar players = 2;",
])
def test_names_prices_and_code_are_no_volume(text: str) -> None:
    r = read_workload(text).runs_per_month
    assert r is None or r.value != 10_000, (text, r)
    if "mil" not in text:
        assert r is None, (text, r)


@pytest.mark.parametrize(("text", "languages"), [
    ("Answer questions from our Brazilian customers on the support chat", ("Portuguese",)),
    ("The Tokyo office wants the reports summarized for HQ in English", ("English", "Japanese")),
    ("Moderate comments for the Quebec site", ("French",)),
    ("courriels de nos clients québécois", ("French",)),
    ("Our Flemish and Walloon branches send complaints", ("Dutch", "French")),
    ("Kundenbewertungen auf Deutsch, Französisch und Italienisch", ("French", "German", "Italian")),
    ("Traduire nos fiches produit en allemand et en italien", ("German", "Italian")),
    ("pls translate the release notes into de + fr", ("French", "German")),
    ("We shipped 40 pallets from Germany last week", None),  # a place alone is no language
    ("translate it into the spreadsheet", None),
    # a place deep in pasted text is content, not the task's readers (council.workload_words.
    # languages.PLACE_HEAD): read at the start, not 400 characters in
    ("Summarise this article for our Tokyo office. " + "Markets moved. " * 30
     + "Members of the Tokyo Metropolitan Bureau met users on Friday.", ("Japanese",)),
    ("Summarise this article. " + "Markets moved. " * 30
     + "Members of the Tokyo Metropolitan Bureau met users on Friday.", None),
])
def test_languages_said_in_other_languages_by_place_or_by_code(text: str, languages) -> None:
    r = read_workload(text).languages
    assert (None if r is None else r.value) == languages
    if r is not None:
        assert text[r.start:r.end] == r.words


def test_a_corpus_in_gigabytes_is_no_calls_input_and_is_shown() -> None:
    w = read_workload("Split a 10 GB CSV by country and describe each country's data.")
    assert w.input_size is None
    assert (w.corpus_size.quantity, w.corpus_size.words) == (1e10, "10 GB")
    assert "split into chunks" in w.corpus_size.how
    assert read_workload("Process 7 terabytes of server logs").corpus_size.quantity == 7e12
    assert read_workload("runs on 16 GB boxes; classify the errors").corpus_size is None
    assert read_workload("Run the model on a box with 16 GB RAM").corpus_size is None
    workload = build_workload(parse_task(description="Process the 30 GB email archive once"),
                              "extraction", 2.0)
    shown = [a for a in workload.assumptions if a.name == "corpus_size"]
    assert shown and "30 GB" in shown[0].why and shown[0].source == "text"


@pytest.mark.parametrize(("text", "loop", "waits"), [
    ("hey can we get the bot to tag incoming tix? ~2k/day", None, None),
    ("Answer HR policy questions from employees in Teams", "multi_turn", True),
    ("Answer customer questions in Arabic and English on WhatsApp", None, None),
    ("Voice bot that takes pizza orders over the phone", "multi_turn", True),
    ("the bot can draft replies for ~300 tix a day, agents review b4 sending", None, None),
    ("Auto-summarize customer calls; ready when the agent closes the call", None, None),
    ("Un agent qui corrige les bugs, jusqu'à 15 itérations", "agent", None),
    ("O assistente responde clientes em tempo real, 5 mil conversas por mês", "multi_turn",
     True),
])
def test_who_talks_to_a_bot_and_who_waits(text: str, loop: str | None,
                                          waits: bool | None) -> None:
    w = read_workload(text)
    assert (None if w.loop is None else w.loop.value, w.user_waits) == (loop, waits)


@pytest.mark.parametrize(("text", "waits"), [
    ("no rush, eod is fine", False), ("SLA: 48h, batch is fine", False),
    ("results within a week are fine", False), ("the sales team checks them the next morning",
                                               False),
    ("Analysts will wait up to 2 minutes", True),
    ("Moderate comments before they're published", True),
    ("checked for fraud before the payment is approved", True),
    ("Clasificar tickets; no es urgente.", False), ("Ergebnis bis zum nächsten Werktag", False),
    ("el agente espera el resumen al colgar", True),
    ("esperamos 10 mil tickets por mes", None),  # "we expect": nobody waits
    ("need a summarizer asap pls", None),  # asap is when the project ships
])
def test_latency_said_other_ways(text: str, waits: bool | None) -> None:
    assert read_workload(text).user_waits is waits
