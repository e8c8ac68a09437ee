"""How often the task runs, as runs a month: "10k tickets nightly", "300 a week", "every
other week", "our weekly meeting", "30,000 users, each has 200 a month".

The order the rules are tried in; each rule is its own module (totals, intervals, weekdays,
times, events, one_a_period, summary_aside, one_deliverable, owners, shares, per_unit,
first_batch, chinese_counts, one_off, on_a_date, collection_once, shifts; an extra on top:
extras); a reading said of the peak gives way to a later one (peaks)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from council.workload_words.cadence_words import (
    piece_after,
    relative_is_a_cadence,
    span_before,
    standalone,
    time_span_at,
    usual_count_at,
    work_in_span,
)
from council.workload_words.chinese_counts import chinese_count, says_period_first
from council.workload_words.collection_once import read_collection_once
from council.workload_words.counts import (
    HEDGE,
    count_before,
    count_elsewhere,
    count_numbers,
    counts_items,
    has_own_period,
)
from council.workload_words.cron import read_cron
from council.workload_words.events import event_read
from council.workload_words.extras import extra_before, extra_in
from council.workload_words.first_batch import first_batch_note, first_batch_then
from council.workload_words.headcount import STAFF, times_candidates, times_headcount
from council.workload_words.intervals import read_interval
from council.workload_words.joined_counts import joined_count
from council.workload_words.numbers import NUMBER_RE, fmt, parse_number
from council.workload_words.on_a_date import read_on_a_date
from council.workload_words.one_a_period import one_a_period
from council.workload_words.one_deliverable import one_piece_about, piece_made_from
from council.workload_words.one_off import read_one_off
from council.workload_words.only_part import part_follows, part_in_whole_period
from council.workload_words.owners import (
    fleet_after,
    items_each_after,
    owners_before,
    owners_between,
    owners_of_each,
    senders_then_work,
)
from council.workload_words.peaks import (
    LIMIT_NOTE,
    PEAK_NOTE,
    at_limit,
    at_peak,
    said_as_usual,
    usual_after_peak,
)
from council.workload_words.per_owner import times_owners
from council.workload_words.per_unit import per_unit_before
from council.workload_words.periods import (
    PER_MONTH,
    per_month_of,
    period_matches,
    period_unit,
    with_article,
)
from council.workload_words.rates import read_rate
from council.workload_words.shares import share_before
from council.workload_words.shifts import read_shift
from council.workload_words.sprints import sprints_a_month
from council.workload_words.summary_aside import one_summary_of
from council.workload_words.text import sentence_bounds
from council.workload_words.times import TimesWords, times_read
from council.workload_words.totals import read_total
from council.workload_words.vague_then_number import number_given_after
from council.workload_words.values import Read
from council.workload_words.weekdays import read_weekday, weekdays_only


def read_volume(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """How often the task runs, a month; ``taken`` are the spans already read as sizes or
    steps, whose numbers are no count. The first reading not said of a limit or the peak (a
    peak's only when said as the usual: ``peaks.said_as_usual``), else the limit's or the
    peak's, said so ("Peak is 50 requests a minute ..., but normally it's about 5,000 a day")."""
    most, note = None, ""  # the first reading said of a peak or a limit, and which
    whole = None  # a stream only part of which is worked on ("..., but only about 200 ...")
    for read in _volume_reads(text, taken):
        said = (LIMIT_NOTE if at_limit(text, read) else PEAK_NOTE if at_peak(text, read)
                else "")
        if not said and whole is None and most is None and part_follows(text, read):
            whole = read
            continue
        if not said:
            # a limit is never the volume; a peak gives way to the usual one only
            if most is None or note == LIMIT_NOTE or said_as_usual(text, most, read):
                return times_owners(text, read)
            break
        if most is None:
            most, note = read, said
    if most is None:
        return None if whole is None else times_owners(
            text, part_in_whole_period(text, whole) or whole)
    first = NUMBER_RE.search(most.words.lower())
    usual = (usual_after_peak(text, most, parse_number(first.group(0)) or 0.0)
             if note == PEAK_NOTE and first is not None else None)
    if usual is not None:  # "...; the rest of the year about 1,000"
        return times_owners(text, usual)
    return times_owners(text, replace(most, how=f"{most.how} ({note})"))


def _volume_reads(text: str, taken: list[tuple[int, int]]) -> Iterator[Read]:
    """Every rule's reading in the order they are tried (computed only as far as asked)."""
    if "* " in text and (cron := read_cron(text, taken)) is not None:
        yield cron
    if (read := read_total(text)) is not None:
        yield read
    if (read := read_interval(text, taken)) is not None:
        yield read
    if (read := read_weekday(text, taken)) is not None:
        yield read
    if (read := read_rate(text, taken)) is not None:
        yield read
    if (read := read_shift(text, taken)) is not None:
        yield read
    times_words = TimesWords(text)
    periods = period_matches(text)
    for p in periods:
        said = p.group("adverb")
        unit = period_unit(p)
        if unit not in PER_MONTH or any(a <= p.start() < b for a, b in taken):
            continue  # not a period, or part of a size ("each about an hour long")
        lo, hi = sentence_bounds(text, p.start())
        if not relative_is_a_cadence(text, p, lo, unit):
            continue  # "any time this week", "can run overnight": when, not how often
        sentence = text[lo:hi]
        if unit == "day" and weekdays_only(sentence):
            unit = "business day"  # "on weekdays, 150 mails/day"
        per_month = sprints_a_month(text) if unit == "sprint" else per_month_of(unit, sentence)
        times = times_words.at(p, lo, hi)
        if says_period_first(said):
            # Chinese says the period before the count ("每天处理3000条"): a count within a few
            # characters after it, or no reading ("笔记本150瓦，每天使用12小时" is watts and hours)
            read = chinese_count(text, p, unit, per_month, taken)
            if read is not None:
                yield read
            continue
        if (at := usual_count_at(text, p, lo)) is not None:
            # "a normal day is about 20,000 requests": the count after the usual period
            said_after = [n for n in count_numbers(text, at, hi, taken)
                          if n.start() == at and not time_span_at(text, at)]
            if said_after and (n := parse_number(said_after[0].group(0))):
                yield _count_a_period(text, said_after[0], n, p, lo, hi, unit, per_month, taken)
            continue
        if span_before(text, p.start()):
            # "our 3 agents work 8 hours a day": a length of time a day, no work; unless the
            # work comes right after it, with no period of its own ("spend 30 minutes a day
            # labelling 200 images")
            at = work_in_span(text, p.end())
            done = [n for n in count_numbers(text, at, hi, taken)
                    if n.start() == at] if at is not None else []
            if done and not _has_own_period(text, done[0], p, hi, periods, taken) and (
                    n := parse_number(done[0].group(0))):
                yield _count_a_period(text, done[0], n, p, lo, hi, unit, per_month, taken)
            continue
        before = [] if times else count_before(text, p.start(), lo, taken)
        count = before[-1] if before else None
        if count is not None and _SHIFTS_AT.match(text, count.end()) and any(
                q.start() > p.end() and not span_before(text, q.start())
                and count_before(text, q.start(), p.end(), taken) for q in periods):
            # "We run 3 shifts a day ...; we log about 200 incidents a day": the shifts are a
            # schedule beside the work's own count, read after them (review 15: read 90)
            continue
        if count is None and times is None and said and said[0] == "毎" and p.start() > lo and (
                after := chinese_count(text, p, unit, per_month, taken)) is not None:
            # Japanese "毎日" mid-sentence with its count right after ("1日目は50件、その後は
            # 毎日200件": the 50 a first batch; review 15, read 1,500)
            yield after
            continue
        if count is None and times is None and (
                event := event_read(text, p, lo, unit, per_month)) is not None:
            # "our weekly meeting": one a week; the sentence's other numbers are its content
            yield event
            continue
        if (count is None and times is None and not p.group("adverb")
                and (one := one_a_period(text, p, lo, hi, unit, per_month, taken))):
            # "writes one log file an hour": one a period
            yield one
            continue
        if count is None and times is None and standalone(text, p, lo):
            # "Nightly batch: categorise 250k transactions", "we run evals weekly"
            cands = [n for n in count_numbers(text, lo, hi, taken) if counts_items(text, n, lo)
                     and not (n.end() <= p.start()
                              and first_batch_then(text, n.end(), p.start()))]
            if len(cands) > 1 and (own := owners_between(text, p.end(), cands[1])) is not None \
                    and own.start("n") == cands[0].start():
                # "Every day 8 reviewers each check about 25 contracts": 25 for each of 8
                cands = cands[1:]
            elif len(cands) > 1 and (_STAFF_AT.match(text, cands[0].end())
                                     or senders_then_work(text, cands[0], cands[1])):
                # "Ogni giorno 3 agenti rispondono a 50 email": the staff, then their work
                # (review 15: read 90, the agents); "5 klanten je 40 facturen": you get 40
                cands = cands[1:]
            made = next((c for c in count_numbers(text, p.end(), hi, taken)
                         if piece_made_from(text, c, lo)), None) if (
                piece_after(text, p.end())) else None
            if made is not None:
                # "Weekly digest built from some 3,000 Slack messages a week": one digest a
                # week over what it is made from, whatever that count's own period
                runs = per_month
                yield Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                           f"once {with_article(unit)} = {fmt(runs)} a month (one piece made "
                           f"from the {made.group(0)} said after it)")
                continue
            if cands and (_has_own_period(text, cands[0], p, hi, periods, taken) or (
                    piece_after(text, p.end())
                    and any(_has_own_period(text, c, p, hi, periods, taken) for c in cands[1:]))):
                # "Summarise tickets for the weekly report, about 5,000 a month": the count's
                # own period reads it, not the report's cadence (decisionqa13: 21,667 a month);
                # so after a report on what it covers: "Weekly report on 40 accounts, about
                # 2,000 emails a month" (words14: 40 a week, 173 a month)
                continue
            if cands and one_summary_of(text, p.end(), cands[0], lo):
                # "Every morning, summarise the overnight tickets, usually 120 messages": one
                # summary a morning of what came in, the count said aside
                runs = per_month
                yield Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                           f"once {with_article(unit)} = {fmt(runs)} a month (one summary of "
                           f"the {cands[0].group(0)} said after it)")
                continue
            if cands and one_piece_about(text, cands[0], lo, hi):
                # "Each morning, ... news on our 5 main competitors and write a 1-page brief"
                runs = per_month
                yield Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                           f"once {with_article(unit)} = {fmt(runs)} a month (one piece "
                           f"written about the {cands[0].group(0)} it names)")
                continue
            count = cands[0] if cands else count_elsewhere(text, lo, hi, taken)
            if count is None:
                runs = per_month
                yield Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                           f"once {with_article(unit)} = {fmt(runs)} a month")
                continue
        if times is not None:  # "3x a day ... 500 tweets each run": 1,500 a day
            yield times_read(text, times, p, unit, per_month, taken)
            continue
        if count is None:
            given = number_given_after(text, lo, p.start(), p.end())
            if given is not None:  # "a handful of refund requests a day, maybe 8"
                n, end = given.value, given.end
                runs = n * per_month
                yield Read("runs_per_month", runs, text[p.start():end].strip(), p.start(), end,
                           f"the number you gave: {fmt(n)} {with_article(unit)} x "
                           f"{fmt(per_month)} = {fmt(runs)} a month")
            continue
        n = parse_number(count.group(0))
        if not n:
            continue
        yield _count_a_period(text, count, n, p, lo, hi, unit, per_month, taken)
    if (read := read_one_off(text, taken)) is not None:
        yield read
    if (read := read_on_a_date(text, taken)) is not None:
        yield read
    if (read := read_collection_once(text, taken)) is not None:
        yield read


_STAFF_AT = re.compile(rf"\s+{STAFF}\b")
_SHIFTS_AT = re.compile(r"\s+(?:[a-z-]+\s+)?shifts?\b")


def _has_own_period(text: str, count: re.Match[str], p: re.Match[str], hi: int,
                    periods: list[re.Match[str]], taken: list[tuple[int, int]]) -> bool:
    """Whether a later period word of the sentence ending at ``hi`` (one of the text's
    ``periods``, which the caller has) takes ``count`` as its own ("5,000 a month"), so the
    standalone cadence ``p`` before it is not the count's period."""
    return has_own_period(text, count, [q for q in periods
                                        if q.start() < hi and q.start() != p.start()], taken)


def _count_a_period(text: str, count: re.Match[str], n: float, p: re.Match[str], lo: int,
                    hi: int, unit: str, per_month: float, taken: list[tuple[int, int]]) -> Read:
    """'300 tickets a week': the count times the period's runs a month; times each of a fleet,
    a share of it, the count per unit, the items each run holds, each of its owners, the
    headcount or the candidates, where the words say so."""
    start, end = min(count.start(), p.start()), max(count.end(), p.end())
    fleet = fleet_after(text, count, p.end(), hi)
    k = parse_number(fleet.group("n")) if fleet else None
    fleet_how = ""
    if fleet is not None and k:  # "3x/wk I write plans for each of my 25 athletes"
        fleet_how = f"{fmt(n)} times for each of {fmt(k)}: "
        n, end = n * k, fleet.end()
    share = share_before(text, lo, count.start())
    if share is not None:  # "about a third of our 9,000 customers": 3,000
        fleet_how += f"{share.said} of {fmt(n)} = {fmt(n * share.part)}: "
        n, start = n * share.part, min(start, share.start)
    per = per_unit_before(text, lo, count)
    k = parse_number(per.group("n")) if per else None
    if per is not None and k and count_numbers(text, per.start("n"), per.end("n"), taken):
        # "a thousand comments per wave, three waves a year": 3,000 a year
        fleet_how += f"{fmt(k)} each of {fmt(n)}: "
        n, start = n * k, min(start, per.start())
    held = items_each_after(text, p.end(), count)
    k = parse_number(held.group("n")) if held else None
    if held is not None and k and count_numbers(text, held.start("n"), held.end("n"), taken):
        # "Two batches a day of roughly 250 receipts each": 500 a day
        fleet_how += f"{fmt(n)} of {fmt(k)} each: "
        n, end = n * k, held.end()
    joined = joined_count(text, count, lo, hi, taken)
    if joined is not None:  # "about 150 emails and 80 chat messages" a day: 230 a day
        fleet_how += f"{fmt(n)} + {fmt(joined.n)} (two counts of the work) = {fmt(n + joined.n)}: "
        n, start, end = n + joined.n, min(start, joined.start), max(end, joined.end)
    runs = n * per_month
    hedge = HEDGE.search(text, max(0, start - 14), start)
    start = hedge.start() if hedge else start
    how = fleet_how + (f"{fmt(n)} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                       f"{fmt(runs)}" if per_month != 1 else f"{fmt(n)} a month")
    extra = extra_in(text, end, hi) or extra_before(text, lo)
    if extra is not None:  # "and 50 more on Mondays": 216.67 a month on top
        runs, start, end = runs + extra.per_month, min(start, extra.start), max(end, extra.end)
        how += f", plus {fmt(extra.per_month)} a month ('{extra.said}') = {fmt(runs)}"
    how += first_batch_note(text, count_numbers(text, lo, start, taken), start)
    owners = owners_before(text, lo, start) or owners_of_each(text, lo, count, p.start()) or (
        owners_between(text, p.end(), count) if p.end() <= count.start() else None)
    if owners is not None and (k := parse_number(owners.group("n"))):
        # "30,000 users, each has maybe 200 transactions a month": 200 for each user
        start, runs = min(start, owners.start()), runs * k
        how = f"{fmt(k)} x ({how}) = {fmt(runs)}"
        return Read("runs_per_month", runs, text[start:end].strip(), start, end, how)
    return times_candidates(text, times_headcount(
        text, Read("runs_per_month", runs, text[start:end].strip(), start, end, how)))
