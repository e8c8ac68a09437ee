"""Round 17's reader fixes (words17, from tests/data/workload_phrases_words17.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def read(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


def runs(text: str) -> float | None:
    return read(text)["runs_per_month"]  # type: ignore[return-value]


# A support team's agents are people (decision QA 16 case 07, QA 15 case 20: read as an agent
# loop of 15 calls a task)
@pytest.mark.parametrize(("text", "loop"), [
    ("Our support team has 12 agents. The budget is $10 per agent per month. Draft replies to "
     "tickets.", None),
    ("Suggest answers to our agents while the customer is on the phone; about 20,000 calls a "
     "month.", None),
    ("Our agents answer roughly 300 emails a day; suggest a draft for each.", None),
    ("Each agent on our support team closes about 60 tickets a day; we have 8 agents.", None),
    # controls: an agent the task builds or runs, with tools
    ("Build an agent that answers our customers' emails, about 300 a day.", "agent"),
    ("Run an AI agent over each ticket to look up the order and issue the refund; 200 tickets "
     "a day.", "agent"),
    ("Our agents answer questions by calling the search tool until they find the answer.",
     "agent"),
    ("We have 4 agents that triage and fix bugs in parallel.", "agent"),
])
def test_support_agents_are_people(text: str, loop: str | None) -> None:
    assert read(text)["loop"] == loop


# "several hundred", "hundreds of", "thousands of": five of them, an estimate as "a few" is
# three (read nothing, 30 and 4.33: the cadence alone)
@pytest.mark.parametrize(("text", "want"), [
    ("We get several hundred tickets a day.", 15_000),
    ("Several thousand reviews come in every month.", 5_000),
    ("Hundreds of emails every day need a first reply.", 15_000),
    ("Thousands of product reviews come in each week.", 5_000 * 52 / 12),
    # controls: "a few", a stated count beside a crowd, a crowd with no period
    ("We get a few hundred tickets a day.", 9_000),
    ("Thousands of customers use our app; answer about 200 questions a day.", 6_000),
    ("Our app has thousands of users.", None),
    ("Summarise this article about hundreds of years of history.", None),
])
def test_several_and_hundreds_of(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)


# Periods said first abroad: a quarter-end in French and Portuguese, a quarter in Japanese
# ("毎四半期": the "四" was read as a 4) and Chinese (its count 7 characters on), Turkish and
# Hindi in Latin script (all unread)
@pytest.mark.parametrize(("text", "want", "languages"), [
    ("Chaque fin de trimestre, nous rédigeons environ 60 rapports pour nos clients.", 20,
     ["French"]),
    ("A cada fim de trimestre, preparamos cerca de 40 relatórios.", 40 / 3, ["Portuguese"]),
    ("毎四半期、約600件の契約をレビューします。", 200, ["Japanese"]),
    ("每个季度我们要审核大约1500份合同。", 500, ["Chinese"]),
    ("Her gün yaklaşık 500 müşteri yorumu geliyor; bunları Türkçe olarak sınıflandırmamız "
     "gerekiyor.", 15_000, ["Turkish"]),
    ("Roz lagbhag 200 customer emails aate hain, reply Hindi mein chahiye.", 6_000, ["Hindi"]),
    # controls: a name, English "her", hours in Chinese, a quarter's money in Japanese
    ("Roz, please summarise this chapter in 200 words.", None, []),
    ("Her day starts with about 40 emails; draft replies to them.", None, []),
    ("每天使用电脑工作大约12小时。", None, ["Chinese"]),
    ("四半期の売上は3億円でした。要約してください。", None, ["Japanese"]),
])
def test_periods_said_first_abroad(text: str, want: float | None, languages: list[str]) -> None:
    got = read(text)
    assert got["languages"] == languages
    assert got["runs_per_month"] == want if want is None else \
        got["runs_per_month"] == pytest.approx(want, rel=0.001)


# The owner after a verb ("come in from each store"), a call centre in two words, a person
# said "each agent" with the team counted later (read one store's, centre's, agent's)
@pytest.mark.parametrize(("text", "want"), [
    ("About 200 orders a day come in from each store, and we have 15 stores.", 90_000),
    ("Per call centre we get around 1,500 calls a day, and there are 4 call centres.", 180_000),
    ("Each call centre handles about 2,000 calls a day and we have 3 call centres.", 180_000),
    ("Each agent on our support team closes about 60 tickets a day; we have 8 agents.", 14_400),
    # controls: no count of the owners, a count not said per owner, a headcount already read
    ("About 300 tickets a day come in from each channel.", 9_000),
    ("Each agent spends 5 minutes per ticket; 400 tickets a day; we have 8 agents.", 12_000),
    ("About 20 tickets per agent per day; 3 agents.", 1_800),
    ("The call centre gets 2,000 calls a day; we have 3 call centres but only one uses the "
     "tool.", 60_000),
])
def test_owner_after_a_verb_and_call_centres(text: str, want: float) -> None:
    assert runs(text) == pytest.approx(want, rel=0.001)


# A shift abroad ("turno", "Schicht"; read 90, the shifts alone) and the people of each shift
# when each of them does the count ("each nurse ... 10 nurses a shift"; read one nurse's)
@pytest.mark.parametrize(("text", "want"), [
    ("Cada turno recibimos unas 80 llamadas y tenemos 3 turnos al día.", 7_200),
    ("Ogni turno riceviamo circa 60 chiamate; facciamo 3 turni al giorno.", 5_400),
    ("Pro Schicht kommen etwa 50 Anrufe rein, wir haben 2 Schichten am Tag.", 3_000),
    ("Per shift each nurse writes about 6 handover notes; 3 shifts a day, 10 nurses a shift.",
     5_400),
    # controls: the shift's count not each person's; no number of nurses; no shifts a day
    ("Per shift we get around 150 calls; we have 10 nurses a shift and 3 shifts a day.",
     13_500),
    ("Each nurse writes about 6 notes per shift; 2 shifts a day.", 360),
    ("El turno de noche recibe 80 llamadas.", None),
])
def test_shifts_abroad_and_people_a_shift(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)


# People who come on a weekday are no weekly cadence of the work ("Ogni lunedì 3 colleghi in
# più ...", "Every Monday 2 more colleagues help ..."; read 13 and 8.67, the people), and
# Italian "del giorno" is the day's (unread)
@pytest.mark.parametrize(("text", "want"), [
    ("Ogni lunedì 3 colleghi in più ci aiutano con le circa 200 email del giorno.", 6_000),
    ("Every Monday 2 more colleagues help with the 150 emails a day.", 4_500),
    ("Every Monday 3 new people join; we get about 200 emails a day.", 6_000),
    # controls: things on a weekday, an extra of work
    ("Every Monday 3 reports are due.", 3 * 52 / 12),
    ("Ogni lunedì 40 ordini in più; di solito sono 150 al giorno.", 150 * 30 + 40 * 52 / 12),
])
def test_people_on_a_weekday(text: str, want: float) -> None:
    assert runs(text) == pytest.approx(want, rel=0.001)


# A number of times after a count said for each of some owners ("Each of our 12 stores sends
# about 30 invoices twice a week": read 260, one store's)
@pytest.mark.parametrize(("text", "want"), [
    ("Each of our 12 stores sends about 30 invoices twice a week.", 12 * 30 * 2 * 52 / 12),
    ("Each of our 5 clinics files about 40 claims three times a week.", 5 * 40 * 3 * 52 / 12),
    # controls: the times said first; one thing each of them
    ("Twice a week, each of our 12 stores sends about 30 invoices.", 3_120),
    ("Each of our 4 teams writes a status note twice a week.", 4 * 2 * 52 / 12),
    ("Each of the 3 reports is updated twice a week.", 3 * 2 * 52 / 12),
])
def test_times_after_each_of_the_owners(text: str, want: float) -> None:
    assert runs(text) == pytest.approx(want, rel=0.001)


# A job on a date: its items once, priced as one month, as a one-off's are (review 15 left
# "12月1日に300件": read nothing, as the English did)
@pytest.mark.parametrize(("text", "want"), [
    ("12月1日に300件の請求書を処理します。", 300),
    ("On December 1 we will process 300 orders.", 300),
    ("On the 3rd of May we will translate about 1,200 product pages.", 1_200),
    # controls: no job done to each, a deadline, a cadence after, a date's year
    ("On March 3 we had 300 visitors.", None),
    ("Translate our app's strings (about 2.5k keys) into 8 languages before the launch on "
     "March 3rd.", None),
    ("On December 1 we process 300 orders, and then 50 a day after that.", 1_500),
    ("On March 19, 2012 the company was founded; summarise its history.", None),
])
def test_a_job_on_a_date(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)


# A one-off said of each of the things counted in the sentence before ("Our Excel sheet has
# 12,000 rows; write a product description for each row once": unread); the count is not
# multiplied again by its own owner ("each row" x "12,000 rows")
@pytest.mark.parametrize(("text", "want"), [
    ("Our Excel sheet has 12,000 rows; write a product description for each row once.", 12_000),
    ("We have 3,000 old tickets. Tag each ticket once.", 3_000),
    ("We have 40 stores. Write a welcome note for each store once.", 40),
    # controls: one piece over them all; with no "once" and no cadence the rows are read once
    # too since words18 (collection_once: words17 left it unread)
    ("Our sheet has 12,000 rows; classify each row.", 12_000),
    ("The report covers 12,000 rows; write one summary once.", None),
])
def test_one_off_for_each_thing_counted_before(text: str, want: float | None) -> None:
    assert runs(text) == want


# After the held-out scoring: a caller on the line waits ("while the caller is still on the
# line": no wait read)
@pytest.mark.parametrize(("text", "latency"), [
    ("Give our call-centre agents a suggested answer while the caller is still on the line; "
     "about 5,000 calls a day.", "no_batch"),
    ("Draft a reply while the client is on hold.", "no_batch"),
    # control: after the call, overnight
    ("Summarise each call after the caller hangs up, overnight is fine; 2,000 calls a day.",
     "batch_ok"),
])
def test_while_the_caller(text: str, latency: str) -> None:
    assert read(text)["latency"] == latency


# After the held-out scoring: the job done to each item said in the next clause ("On 15 March
# we will send 2,000 renewal letters; draft them": unread)
@pytest.mark.parametrize(("text", "want"), [
    ("On 15 March we will send 2,000 renewal letters; draft them.", 2_000),
    ("On 2 June we get 400 applications. Please screen each of them.", 400),
    # controls: what someone did to them, no job
    ("On March 3 we had 300 visitors; we thanked them.", None),
    ("On March 3 we had 300 visitors.", None),
])
def test_a_date_and_the_job_after(text: str, want: float | None) -> None:
    assert runs(text) == want


# Found after the held-out scoring, probing the round's own rules: "hundreds of thousands of"
# is five hundred thousand (read 5,000: "thousands of" alone)
@pytest.mark.parametrize(("text", "want"), [
    ("Hundreds of thousands of rows a month need cleaning.", 500_000),
    ("Hundreds of emails every day need a first reply.", 15_000),
])
def test_hundreds_of_thousands(text: str, want: float) -> None:
    assert runs(text) == pytest.approx(want, rel=0.001)
