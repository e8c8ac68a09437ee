"""How often the task runs, as runs a month: "10k tickets nightly", "300 a week", "every
other week", "our weekly meeting", "30,000 users, each has 200 a month"."""

from __future__ import annotations

import re

from council.currency_words import MONEY_AFTER, SIGN_CHARS
from council.workload_words.counts import (
    HEDGE,
    cadence_times_count,
    count_before,
    count_elsewhere,
    count_numbers,
    counts_items,
    first_batch_then,
)
from council.workload_words.cron import read_cron
from council.workload_words.headcount import each_persons, times_candidates, times_headcount
from council.workload_words.numbers import DIGITS, NUMBER, WORDNUM, fmt, parse_number
from council.workload_words.periods import (
    ADVERB_UNIT,
    FOREIGN_ADVERBS,
    FOREIGN_UNITS,
    PER_MONTH,
    PERIOD_WORDS,
    UNIT_ALIAS,
    per_month_of,
    period_matches,
    with_article,
)
from council.workload_words.text import PERIOD_NAMES, WEEKDAYS, sentence_bounds, word_list
from council.workload_words.values import Read

# "every Monday", "each Friday", "on Mondays": once a week ("on Monday" alone is one day).
_WEEKDAY_RE = re.compile(rf"\b(?:(?:every|each) {WEEKDAYS}|on {WEEKDAYS}s)\b")
_INTERVAL_RE = re.compile(rf"\bevery\s+(?P<n>{DIGITS}|{WORDNUM}|other)\s+{PERIOD_WORDS}\b")
_TIMES_RE = re.compile(r"\b(?P<t>once|twice|thrice|three times|four times|\d+ ?(?:x|times))\s+"
                       r"(?:a|an|per|each|every)\s+"
                       + PERIOD_WORDS + r"\b")

_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0, "three times": 3.0, "four times": 4.0,
          "einmal": 1.0, "zweimal": 2.0, "dreimal": 3.0, "viermal": 4.0}
# "zweimal pro Woche", "dwa razy w tygodniu", "due volte alla settimana", "3 fois par jour"
# (number words are digits by then: "002 razy"), right before a period said in that language
# "deux fois", "dos veces": the times word says the language, so its number is read in
# any text (a text too short to tell its language by its small words)
# "une fois par semaine", "una vez al mes", "una volta al giorno", "uma vez por semana": "une"
# and "una" are one only before the times word (elsewhere an article: "une liste par jour")
_FOREIGN_TIMES = re.compile(r"\b(?P<t>einmal|zweimal|dreimal|viermal|\d+\s?(?:mal|volte|veces|"
                            r"vez|fois|vezes|razy|x)|(?:deux|trois|dos|tres|due|tre|duas|três|"
                            r"dwa|trzy) (?:fois|veces|volte|vezes|razy)|(?:une|una|uma) "
                            r"(?:fois|vez|volta))\s+$")
_FOREIGN_TIMES_KEYS = ("mal ", "volte", "volta", "veces", "vez ", "fois", "vezes", "razy", "x ")
_FOREIGN_ONE = {"une": 1.0, "una": 1.0, "uma": 1.0}

# "tous les lundis", "jeden Montag", "ogni lunedì", "cada lunes", "toda segunda",
# "w każdy poniedziałek": once a week. (Not "freitags" alone: in the real prompts it is a
# story's "on Fridays".)
_FOREIGN_WEEKDAY_RE = re.compile(
    r"\b(?:(?:tous les|chaque) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?|"
    r"(?:jeden|jedes|an jedem) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag)|"
    r"(?:ogni|tutti i|tutte le) (?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|"
    r"sabat[oi]|domenic(?:a|he))|(?:cada|todos los) (?:lunes|martes|mi[ée]rcoles|jueves|"
    r"viernes|s[áa]bados?|domingos?)|(?:toda|todas as|cada|todo|todos os) (?:(?:segunda|"
    r"ter[çc]a|quarta|quinta|sexta)s?(?:-feiras?)?|s[áa]bados?|domingos?)|(?:w każd[yą]|co) "
    r"(?:poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę))\b")
_FOREIGN_WEEKDAY_GATE = frozenset({"tous", "chaque", "jeden", "jedes", "jedem", "ogni", "tutti",
                                   "tutte", "cada", "todos", "toda", "todas", "todo", "każdy",
                                   "każdą", "co"})
# "on weekdays", "Monday to Friday": a count a day is a count a business day.
_WEEKDAYS_ONLY = re.compile(r"\b(?:on|only on) weekdays\b|\bweekdays only\b|"
                            r"\bmon(?:day)? ?(?:to|through|thru|-) ?fri(?:day)?\b")

_DELIVERABLE = re.compile(r"\s+(?:\d+-\w+\s+)?(?:\w+\s+)?(?:digest|summary|summaries|report|"
                          r"update|brief|briefing|newsletter|batch|job|run|check|export|eval|evaluation)(?:e?s)?\b")


# "$300 monthly", "1 200 zł miesięcznie", "monthly budget": the money's period, not how often
# the task runs (QA round 7: "budżet 1 200 zł miesięcznie" was one task a month)
_MONEY_BEFORE = re.compile(rf"(?:[{re.escape(SIGN_CHARS)}]\s?\d[\d.,\s]*(?:k|m)?|"
                           rf"\d(?:{MONEY_AFTER.pattern}))\s*$", re.IGNORECASE)
_BUDGET_AFTER = re.compile(r"\s+(?:budget|budżet|presupuesto|orçamento|spend|spending|"
                           r"allowance)\b", re.IGNORECASE)


def _standalone(text: str, p: re.Match[str], lo: int) -> bool:
    """Whether a period word names how often the task runs ('Nightly batch:', 'we run evals
    weekly', 'a daily digest'), not what the content covers ('monthly sales', 'the weekly sync')."""
    if p.group("adverb") and (_MONEY_BEFORE.search(text[max(lo, p.start() - 24):p.start()])
                              or _BUDGET_AFTER.match(text, p.end())):
        return False
    word = p.group(0).strip()
    if p.start() - lo < 3 or re.match(r"every|each|cada|chaque|jede|tou|tod|ogni|elke|iedere|"
                                      r"co |raz |każd|kazd", word):
        return True
    if not p.group("adverb"):
        return False
    after = text[p.end():]
    if _DELIVERABLE.match(after):
        return not _NOT_A_RUN.match(after)  # "our weekly newsletter template": one-off
    return bool(re.match(r"\s*(?:[,.;:)]|$)", after) or _ADVERBIAL.match(after))


# A cadence before a recurring event says one item an occurrence: "the notes of our weekly
# meeting" is one meeting a week. Not when each of several items is done for it ("each epic
# ... for the weekly sync": how many epics is not said).
_EVENTS = (r"(?:meetings?|stand-?ups?|syncs?|calls?|reviews?|retros?|retrospectives?|1:1s?|"
           r"one-on-ones?|all-hands|town halls?|huddles?|check-ins?|webinars?|podcasts?|"
           r"episodes?|demos?)\b")
_EVENT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _EVENTS)
_BARE_EVENT = re.compile(r"\s+" + _EVENTS)  # "every weekly sync": the event, unqualified
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+$")
# The task hangs on each occurrence: "before each quarterly earnings call".
_WHEN_EACH_BEFORE = re.compile(r"\b(?:before|after|ahead of|following|prior to|during)\s+"
                               r"(?:each|every)\s+$")
_EACH = re.compile(r"\b(?:each|every|all)\b")
_FOR_BEFORE = re.compile(r"\bfor (?:the |our |a |an |each |every |this )?$")
# "hourly for the on-call engineer", "daily to the team": the adverb says when the task runs.
_ADVERBIAL = re.compile(r"\s+(?:for|to|and|from|into|with|by|at|until|so)\b")
_NOT_A_RUN = re.compile(r"\s+(?:\w+\s+)?(?:template|format|layout|style)s?\b")


def _first_batch(text: str, lo: int, start: int, taken: list[tuple[int, int]]) -> str:
    """"; the 200 before 'danach' are a first batch ..." when the sentence counts one before
    a "then" ahead of the cadence read, so the number left out is said; else ""."""
    for n in count_numbers(text, lo, start, taken):
        then = first_batch_then(text, n.end(), start)
        if then is not None:
            return (f"; the {n.group(0)} before '{then.group(0)}' are a first batch, not a "
                    "month's volume")
    return ""


def _event(text: str, p: re.Match[str], lo: int) -> re.Match[str] | None:
    """The recurring event after a cadence adverb ('weekly meeting', 'daily standup')."""
    if not p.group("adverb"):
        return None
    if _EACH_BEFORE.search(text, max(lo, p.start() - 6), p.start()):
        # "every weekly sync", "after each quarterly earnings call": one an occurrence; not
        # "each weekly client call transcript" (whose, and how many, is not said)
        if (_BARE_EVENT.match(text, p.end())
                or _WHEN_EACH_BEFORE.search(text, max(lo, p.start() - 20), p.start())):
            return _EVENT.match(text, p.end())
        return None
    if (_FOR_BEFORE.search(text, max(lo, p.start() - 20), p.start())
            and _EACH.search(text, lo, p.start())):
        return None
    return _EVENT.match(text, p.end())


# A 1:1 is with one person: "weekly 1:1s with my 8 reports" is eight a week (a "weekly
# meeting with my 8 reports" is one).
_PAIRED = re.compile(r"1:1|one-on-one")
_ONE_ON_ONES = re.compile(rf"\s+with\s+(?:each of\s+)?(?:my|our|the|his|her|their|all)\s+"
                          rf"(?:~|about\s+)?(?P<n>{DIGITS}|{WORDNUM})\b")


# "elke twee weken", "ogni due settimane", "co dwa tygodnie", "alle zwei Wochen", "cada dos
# semanas", "toutes les deux semaines": one every n periods.
_FOREIGN_TWO = {"duas": 2.0, "twee": 2.0, "due": 2.0, "dwa": 2.0, "zwei": 2.0, "dos": 2.0,
                "deux": 2.0, "dois": 2.0, "drie": 3.0, "tre": 3.0, "trzy": 3.0, "drei": 3.0,
                "tres": 3.0, "trois": 3.0, "três": 3.0}
_FOREIGN_PLURALS = {
    "dagen": "day", "giorni": "day", "dni": "day", "tage": "day", "días": "day", "dias": "day",
    "jours": "day", "weken": "week", "settimane": "week", "tygodnie": "week", "wochen": "week",
    "semanas": "week", "semaines": "week", "maanden": "month", "mesi": "month",
    "miesiące": "month", "monate": "month", "meses": "month", "mois": "month"}
_FOREIGN_EVERY = frozenset({"elke", "iedere", "ogni", "co", "alle", "cada", "toutes", "tous",
                            "todas", "todos"})
_FOREIGN_INTERVAL_RE = re.compile(
    r"\b(?:elke|iedere|ogni|co|alle|cada|toutes les|tous les|todas as|todos os|a cada)\s+"
    r"(?P<n>\d+|" + "|".join(_FOREIGN_TWO) + r")\s+(?P<unit>"
    + "|".join(_FOREIGN_PLURALS) + r")\b")

# "30,000 users, each has (about) 200 ...": a count of owners before a count per owner.
# "120 sales reps each write ~10 ...": up to three words for the owners, any verb after each.
_EACH_HAS = re.compile(rf"(?P<n>{NUMBER})\s+(?:(?!(?:from|of|for|in|to|with)\s)[a-z-]+\s+){{0,2}}"
                       r"[a-z-]+,?\s+each\s+(?:(?!of\s)[a-z]+\s+)?$")

# A summary of what a period brings, its count said aside after the items ("summarise the
# overnight tickets, usually 120 messages", "streścić nocne zgłoszenia, zwykle 120
# wiadomości"): one run a period. Not "summarise each of the 120" nor "summarise about 3,000
# reviews" (whether one summary or 3,000, the words do not say; read as 3,000, as before).
_ONE_SUMMARY_OF = re.compile(r"\b(?:summari[sz]e|recap|digest|streścić|streszczenie|podsumować|"
                             r"podsumowanie|riassumere|riassunto|resumir|résumer|zusammenfassen|"
                             r"samenvatten)\b(?![^.;]*\b(?:each|every|per|każd\w*|ogni|cada|"
                             r"chaque|jede[nrs]?|elke)\b)")
_ASIDE_COUNT = re.compile(r",\s*(?:usually|typically|normally|generally|often|zwykle|zazwyczaj|"
                          r"di solito|solitamente|normalmente|en général|meistens|normalerweise|"
                          r"meestal)\s*(?:~|about |around |roughly |około |circa )?$")

# "3x/wk ... for each of my 25 athletes": a number of times, done for each of a fleet.
_MULTIPLIER = re.compile(r"\s?(?:x|times)\b")
_EACH_OF = re.compile(rf"\beach of (?:my|our|the|his|her|their) (?P<n>{DIGITS})\b")


# "one log file an hour", "one digest a day": one of a thing a period
_ONE_BEFORE = re.compile(rf"\bone\s+(?!of\b|(?:{PERIOD_NAMES}|page|word|line|token|file|"
                         rf"char)s?\b)(?:[a-z-]+\s+){{1,2}}$")
# A deadline before "this ...": "any time this week", "by the end of this quarter".
_DEADLINE_BEFORE = re.compile(r"(?:any ?time|by|before|until|within|during|end of|later|"
                              r"sometime|next|in)\s+$")


# A count a few characters after a Chinese period ("每天收到大约2千封"), not followed by a unit
# of measure ("12小时" hours, "150瓦" watts, "3元" yuan, "5页" pages are sizes or prices)
_CN_UNITS = "小分秒瓦度元块塊岁歲年月天号號点點米克斤倍页頁字%万千億亿百"
_CN_COUNT_AFTER = re.compile(rf"[^\d，。；！？,.;!?\n]{{0,6}}?(?P<n>{NUMBER})"
                             rf"(?!\s?(?:[{_CN_UNITS}a-z\d.,]|日(?!志)))")
_CN_COUNTER = re.compile("[条個个件份封张張篇次位名本单單]")


def _relative_is_a_cadence(text: str, p: re.Match[str], lo: int, unit: str) -> bool:
    """'8 engineers this quarter', 'This quarter we expect 1,200 applications': a quarter's
    volume (not "this week" or "this morning", which say when, nor a deadline before it);
    'Overnight, the agent triages ~200 alerts': every night, when it opens its sentence
    (not "one-time job, can run overnight", "overnight batch is fine")."""
    said = p.group(0)
    if said.startswith("this"):
        return unit == "quarter" and not _DEADLINE_BEFORE.search(
            text, max(lo, p.start() - 12), p.start())
    if p.group("adverb") == "overnight":
        return p.start() - lo < 3
    return True


# "One-off: translate a 40-page contract", "just once", "a one-time migration": one task. Not
# "one-time password(s)", nor "off-by-one".
_ONE_OFF = re.compile(r"\b(?:a |this is a |it's a |just a )?one[- ]off\b|\b(?:just|only) once\b|"
                      r"\bone[- ]time (?:job|task|run|project|migration|translation|report|"
                      r"analysis|clean-?up|import|export|review|audit)\b")


# "Translate these 10,000 product descriptions once": a one-off said with a bare "once" at the
# end of its clause (not "once a week", nor "once the file arrives").
_ONCE = re.compile(r"\bonce(?=\s*(?:[.,;:!)]|$|(?:and|then|before|after|no)\b))",
                   re.IGNORECASE)
# A verb done to each item it counts ("translate 10,000 descriptions", "migration of 2,500
# files"): the count is that many tasks. Words that make the count one task's input ("detect
# duplicates among 100k tickets", "cluster 1.5M queries") leave it to the form.
_EACH_ITEM_VERB = re.compile(r"\b(?:translat\w*|tag\w*|classif\w*|label\w*|rewrit\w*|"
                             r"generat\w*|pars\w*|scor\w*|summari[sz]\w*|extract\w*|"
                             r"caption\w*|categori[sz]\w*|moderat\w*|migrat\w*|convert\w*|"
                             r"transcrib\w*|grad\w*|proofread\w*|locali[sz]\w*|describ\w*|"
                             r"enrich\w*|review\w*|answer\w*|process\w*)\b", re.IGNORECASE)
_ONE_TASK_OVER = re.compile(r"\b(?:among|across|duplicat\w*|dedup\w*|cluster\w*|compar\w*|"
                            r"group\w*|all of|corpus|in total|variations?|then)\b",
                            re.IGNORECASE)

_WHEN_BEFORE = re.compile(r"\b(?:before|after|until|ahead of|for)\s+$", re.IGNORECASE)


def _one_off_count(text: str, one_off: re.Match[str],
                   taken: list[tuple[int, int]]) -> Read | None:
    """'Translate these 10,000 product descriptions once': one run of 10,000 tasks, when the
    one-off's sentence counts exactly one thing and a verb is done to each of them."""
    lo, hi = sentence_bounds(text, one_off.start())
    counted = [n for n in count_numbers(text, lo, hi, taken) if counts_items(text, n, lo)]
    if len(counted) != 1 or _ONE_TASK_OVER.search(text):
        return None
    n = counted[0]
    qty = parse_number(n.group(0))
    verb = next((v for v in _EACH_ITEM_VERB.finditer(text, lo, hi)
                 if not _WHEN_BEFORE.search(text, max(lo, v.start() - 10), v.start())), None)
    if not qty or qty < 2 or verb is None:
        return None
    start, end = min(n.start(), one_off.start()), max(n.end(), one_off.end())
    hedge = HEDGE.search(text, max(0, start - 14), start)
    start = hedge.start() if hedge else start
    return Read("runs_per_month", qty, text[start:end].strip(), start, end,
                f"a one-off: {fmt(qty)} tasks once, priced as one month")


def read_volume(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """How often the task runs, a month; ``taken`` are the spans already read as sizes or
    steps, whose numbers are no count."""
    if "* " in text and (cron := read_cron(text, taken)) is not None:
        return cron
    every = "every " in text
    weekday = "day" in text and ("every " in text or "each " in text or "on " in text)
    for m in _INTERVAL_RE.finditer(text) if every else ():
        other = m.group("n") == "other"  # "every other week": one every 2 weeks
        n = 2.0 if other else parse_number(m.group("n"))
        unit = UNIT_ALIAS.get(m.group("unit").lower(), m.group("unit").lower())
        if n and unit in PER_MONTH:
            runs = PER_MONTH[unit] / n
            every_n = f"other {unit}" if other else f"{fmt(n)} {unit}s"
            return cadence_times_count(text, m.start(), m.end(), runs, f"one every {every_n}",
                                       taken)
    for m in (_FOREIGN_INTERVAL_RE.finditer(text)
              if not _FOREIGN_EVERY.isdisjoint(word_list(text)) else ()):
        n = parse_number(m.group("n")) or _FOREIGN_TWO.get(m.group("n"), 0.0)
        unit = _FOREIGN_PLURALS[m.group("unit")]
        if n:
            return cadence_times_count(text, m.start(), m.end(), PER_MONTH[unit] / n,
                                       f"one every {fmt(n)} {unit}s", taken)
    for m in _WEEKDAY_RE.finditer(text) if weekday else ():
        return cadence_times_count(text, m.start(), m.end(), PER_MONTH["week"], "once a week",
                                   taken)
    for m in (_FOREIGN_WEEKDAY_RE.finditer(text)
              if not _FOREIGN_WEEKDAY_GATE.isdisjoint(word_list(text)) else ()):
        return cadence_times_count(text, m.start(), m.end(), PER_MONTH["week"], "once a week",
                                   taken)
    multiples = any(w in text for w in ("once", "twice", "thrice", "times", "x a", "x per",
                                        "x an", "x each", "x every"))
    foreign_multiples = any(w in text for w in _FOREIGN_TIMES_KEYS)
    for p in period_matches(text):
        said = p.group("adverb")
        unit = (ADVERB_UNIT.get(said) or FOREIGN_ADVERBS[said] if said
                else p.group("unit") or p.group("unit1"))
        unit = UNIT_ALIAS.get(unit, unit)
        unit = FOREIGN_UNITS.get(unit, unit)
        if unit not in PER_MONTH or any(a <= p.start() < b for a, b in taken):
            continue  # not a period, or part of a size ("each about an hour long")
        lo, hi = sentence_bounds(text, p.start())
        if not _relative_is_a_cadence(text, p, lo, unit):
            continue  # "any time this week", "can run overnight": when, not how often
        sentence = text[lo:hi]
        if unit == "day" and _WEEKDAYS_ONLY.search(sentence):
            unit = "business day"  # "on weekdays, 150 mails/day"
        per_month = per_month_of(unit, sentence)
        times = next((t for t in _TIMES_RE.finditer(text, lo, hi)
                      if t.start() <= p.start() < t.end()), None) if multiples else None
        if times is None and foreign_multiples and p.group(0)[:1] != "/":
            times = _FOREIGN_TIMES.search(text, max(lo, p.start() - 14), p.start())
        if said and said[0] == "每":
            # Chinese says the period before the count ("每天处理3000条"): a count within a few
            # characters after it, or no reading ("笔记本150瓦，每天使用12小时" is watts and hours)
            after = _CN_COUNT_AFTER.match(text, p.end())
            n = parse_number(after["n"]) if after is not None else None
            if after is None or not n or any(a <= after.start("n") < b for a, b in taken):
                continue
            end = after.end() + (1 if _CN_COUNTER.match(text, after.end()) else 0)
            runs = n * per_month
            return Read("runs_per_month", runs, text[p.start():end].strip(), p.start(), end,
                        f"{fmt(n)} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                        f"{fmt(runs)}" if per_month != 1 else f"{fmt(n)} a month")
        before = [] if times else count_before(text, p.start(), lo, taken)
        count: re.Match[str] | None = before[-1] if before else None
        event = _event(text, p, lo) if count is None and times is None else None
        if event is not None:
            # "our weekly meeting": one a week; the sentence's other numbers are its content
            pairs = _ONE_ON_ONES.match(text, event.end()) if _PAIRED.search(
                event.group(0)) else None
            k = parse_number(pairs.group("n")) if pairs else None
            if pairs is not None and k:  # "weekly 1:1s with my 8 reports": 8 a week
                return Read("runs_per_month", k * per_month,
                            text[p.start():pairs.end()].strip(), p.start(), pairs.end(),
                            f"one with each of {fmt(k)}, {with_article(unit)}: {fmt(k)} x "
                            f"{fmt(per_month)} = {fmt(k * per_month)} a month")
            return Read("runs_per_month", per_month, text[p.start():event.end()].strip(),
                        p.start(), event.end(),
                        f"one {with_article(unit)} = {fmt(per_month)} a month")
        if (count is None and times is None and not p.group("adverb")
                and (one := _ONE_BEFORE.search(text, max(lo, p.start() - 30), p.start()))
                and not count_numbers(text, lo, hi, taken)):
            # "writes one log file an hour": one a period ("one" is no count elsewhere), when
            # the sentence counts nothing else ("one reminder a week to each of our 40")
            return Read("runs_per_month", per_month, text[one.start():p.end()].strip(),
                        one.start(), p.end(), f"one {with_article(unit)} = {fmt(per_month)} a "
                        "month")
        if count is None and times is None and _standalone(text, p, lo):
            # "Nightly batch: categorise 250k transactions", "we run evals weekly"
            cands = [n for n in count_numbers(text, lo, hi, taken) if counts_items(text, n, lo)
                     and not (n.end() <= p.start()
                              and first_batch_then(text, n.end(), p.start()))]
            if cands and _ONE_SUMMARY_OF.search(text, p.end(), cands[0].start()) and \
                    _ASIDE_COUNT.search(text, max(lo, cands[0].start() - 24), cands[0].start()):
                # "Every morning, summarise the overnight tickets, usually 120 messages": one
                # summary a morning of what came in, the count said aside
                runs = per_month
                return Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                            f"once {with_article(unit)} = {fmt(runs)} a month (one summary of "
                            f"the {cands[0].group(0)} said after it)")
            count = cands[0] if cands else count_elsewhere(text, lo, hi, taken)
            if count is None:
                runs = per_month
                return Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                            f"once {with_article(unit)} = {fmt(runs)} a month")
        if times is not None:  # "3x a day ... 500 tweets each run": 1,500 a day
            said = times.group("t")
            first = said.split()[0]
            runs = _TIMES.get(said, 0.0) or _FOREIGN_TWO.get(first, 0.0) or _FOREIGN_ONE.get(
                first, 0.0) or float(
                re.match(r"\d+", said).group(0))  # type: ignore[union-attr]
            t_end = max(times.end(), p.end())  # a foreign period follows its times word
            shown = (("once" if runs == 1 else f"{fmt(runs)} times")
                     if times.re is _FOREIGN_TIMES else said)
            read = cadence_times_count(text, times.start(), t_end, runs * per_month,
                                       f"{shown} {with_article(unit)}", taken)
            if (read.start, read.end) == (times.start(), t_end):  # no count of its own
                read = each_persons(text, read)
            return times_headcount(text, read)
        if count is None:
            continue
        n = parse_number(count.group(0))
        if not n:
            continue
        start, end = min(count.start(), p.start()), max(count.end(), p.end())
        fleet = (_EACH_OF.search(text, p.end(), hi)
                 if _MULTIPLIER.match(text, count.end()) else None)
        k = parse_number(fleet.group("n")) if fleet else None
        fleet_how = ""
        if fleet is not None and k:  # "3x/wk I write plans for each of my 25 athletes"
            fleet_how = f"{fmt(n)} times for each of {fmt(k)}: "
            n, end = n * k, fleet.end()
        runs = n * per_month
        hedge = HEDGE.search(text, max(0, start - 14), start)
        start = hedge.start() if hedge else start
        how = fleet_how + (f"{fmt(n)} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                           f"{fmt(runs)}" if per_month != 1 else f"{fmt(n)} a month")
        how += _first_batch(text, lo, start, taken)
        owners = _EACH_HAS.search(text, max(lo, start - 60), start)
        if owners is not None and (k := parse_number(owners.group("n"))):
            # "30,000 users, each has maybe 200 transactions a month": 200 for each user
            start, runs = owners.start(), runs * k
            how = f"{fmt(k)} x ({how}) = {fmt(runs)}"
            return Read("runs_per_month", runs, text[start:end].strip(), start, end, how)
        return times_candidates(text, times_headcount(
            text, Read("runs_per_month", runs, text[start:end].strip(), start, end, how)))
    if "one" in text or "once" in text:
        one_off = _ONE_OFF.search(text)
        counted = count_numbers(text, 0, len(text), taken)
        if one_off is not None and not counted:
            # no cadence and nothing counted: the words say the task runs once ("One-off:
            # translate a 40-page contract")
            return Read("runs_per_month", 1.0, one_off.group(0).strip(), one_off.start(),
                        one_off.end(), "a one-off: 1 task, priced as one month")
        one_off = one_off or (_ONCE.search(text) if counted else None)
        if one_off is not None:
            # "12k SKUs, one-off": 12k tasks once, priced as that one month; a count that is
            # one task's input ("duplicates among 100k tickets") is left to the form
            return _one_off_count(text, one_off, taken)
    return None
