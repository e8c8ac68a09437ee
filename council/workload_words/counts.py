"""Which numbers count what a task runs on (not sizes, prices, labels, ranks, dates or
names), and a cadence times the count its sentence gives ("200 reviews every 15 min")."""

from __future__ import annotations

import re

from council.currency_words import MONEY_AFTER, SIGNS
from council.workload_words.clock_hours import clock_hour
from council.workload_words.durations import HOUR_UNITS, MINUTE_UNITS
from council.workload_words.first_batch import first_batch_then
from council.workload_words.loose_plurals import loose_plural_counts
from council.workload_words.numbers import NUMBER_RE, fmt, parse_number
from council.workload_words.one_deliverable import (
    gathered_into_one,
    one_piece_about,
    one_piece_of,
)
from council.workload_words.owners import owners_before, owners_between
from council.workload_words.per_file import file_by_file
from council.workload_words.per_page import PAGES_OF_WORDS
from council.workload_words.text import (
    AND_WORDS,
    BETWEEN_WORDS,
    COIN_AFTER,
    PAGE_BY_PAGE,
    PERIOD_NAMES,
    RATE_AFTER,
    alternation,
    sentence_bounds,
)
from council.workload_words.values import Read

_CONTENT_BEFORE = re.compile(r"\b(?:of|from|with|in|past|last|next|first|top)\s+"
                             r"(?:~|about |roughly |around |our |the )?$")
# After such a word a count may still be what each run covers: "each of our 40 stores", "the
# feeds of our 40 vendors" (a fleet of one's own), "a nightly eval of 1,000 prompts".
_ITEMS_BEFORE = re.compile(r"(?:\beach of (?:our |the )?|\b(?:of|from|across) (?:all )?our |"
                           # "daily reports from 12 warehouses": pieces, one from each (review
                           # 15: read one a day)
                           r"\b(?:reports|summaries|digests|updates|briefs|recaps|overviews) "
                           r"from (?:the |all )?|"
                           # "a migration of 2,500 files", "a backlog of 18,000 letters": the
                           # work is done to each item
                           r"\b(?:migration|conversion|translation|backlog) of "
                           r"(?:~|about |roughly |around |some )?|"
                           r"\b(?:evals?|evaluations?|batch|run|job|sweep) of "
                           r"(?:~|about |roughly |around )?|"
                           # "(extract) totals from about 3,000 receipts": fields taken
                           # from each of the items (the window is 20 characters)
                           r"\b(?:totals?|amounts?|fields?|values?|data|details|dates?|names?|"
                           r"prices?) from (?:~|about |roughly |around )?)$")


# Money said in a word no currency table holds (user QA 18: "two grand a month" and "5 cents per
# customer per month" were read as 2 and 5 tasks a month): "grand" is a thousand dollars (not
# "a grand total"), cents and pence are hundredths.
_MONEY_WORD_AFTER = re.compile(r"\s+(?:grand\b(?!\s+(?:total|totals|scheme|prize|plan)\b)|"
                               r"(?:cents?|pence)\b)", re.IGNORECASE)

def counts_items(text: str, n: re.Match[str], lo: int) -> bool:
    """Whether a number after a cadence may be the count each run covers."""
    before = text[max(lo, n.start() - 20):n.start()]
    return (not _CONTENT_BEFORE.search(before) or _ITEMS_BEFORE.search(before) is not None
            or _each_one_done(text, n))


# "a release every 2 weeks with about 50 changes; summarise each change": what the count
# holds is the work when a verb later takes each one of it (words16: read one a fortnight);
# not "each change is listed" (no verb before it)
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)??(?P<noun>[a-z]{3,})s\b")
_NOT_A_VERB = frozenset({"and", "but", "then", "where", "so", "with", "for", "of", "in", "on",
                         "that", "which", "while"})


def _each_one_done(text: str, n: re.Match[str]) -> bool:
    plural = _PLURAL_AFTER.match(text, n.end()) if "each " in text or "every " in text else None
    if plural is None:
        return False
    noun = plural["noun"]
    for stem in {noun, noun.removesuffix("e")}:  # "changes", "batches"
        for said in (f" each {stem} ", f" every {stem} ", f" each {stem}.", f" every {stem}."):
            at = text.find(said, plural.end())
            verb = text[:at].split()[-1:] if at > 0 else []
            if verb and verb[0].isalpha() and verb[0] not in _NOT_A_VERB:
                return True
    return False


HEDGE = re.compile(r"(?:\b(?:about|around|roughly|approximately|approx\.|nearly|almost|some|"
                   r"up to|over|maybe|~)\s*|~)$")

# (an hour or a minute in any language the readers know: "12 Stunden am Tag besetzt", "ouvert
# 9 heures par jour" are opening hours, no count; words14: read 360 and 270 a month)
_UNIT_AFTER = re.compile(r"[-\s]?(?:pages?|files?|words?|tokens?|steps?|turns?|"
                         r"queues?|categories|labels|fields|languages|bullet|"
                         rf"{HOUR_UNITS}|{MINUTE_UNITS})\b")

_SPRINT_OF = re.compile(r"\bsprints?\s+(?:di|de|da|van|von|od)\s+$")
# Words of Spanish or Portuguese (where "10 mil" is ten thousand).
_ROMANCE = re.compile(r"\b(?:por|para|de|del|los|las|unos|unas|uns|umas|cerca|nuestros|nossos|"
                      r"nuestras|nossas|cada|mais|más|el|os|as)\b")


# "3-tier", "5-star" are compound words; a romaji counter ("30-nin" people, "10-ken" items,
# "50-mai" sheets, "5-hon" things, "3-tsu") is a count.
_COMPOUND = re.compile(r"-(?!(?:nin|ken|mai|hon|tsu|mei)\b)[a-z]")


MONTHS = (r"january|february|march|april|june|july|august|september|october|november|"
           r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
# A number that names or orders rather than counts: a heading or a rank ("Step 7", "Year 9",
# "Section 2.3", "top 10"), a time of day ("at 02:00", "2pm"), a date ("15 March").
# A version after a language, framework or platform ("from Python 2 to Python 3", "Angular
# 17", "iOS 18") names a release.
_LABEL_BEFORE = re.compile(rf"(?:\b(?:step|phase|stage|section|chapter|article|part|level|"
                           r"sprint|year|grade|ward|room|floor|top|no\.|"
                           r"python|java|php|perl|ruby|rails|django|node|angular|vue|react|"
                           r"ios|android|windows|macos|ubuntu|debian|version|"
                           rf"{MONTHS})|\d:|#)\s*$")
# "We grade 200 essays a week", "Grade 30 exams": the verb, not "Grade 9" (review 12: unread)
_GRADE_THE_VERB = re.compile(r"(?:^|\b(?:we|i|they|to|and|please|teachers?|tutors?)\s+)grade\s+$",
                             re.IGNORECASE)
# (not German "am Tag", "am Abend": "etwa 50.000 am Tag" is a count a day, words13)
_NOT_A_COUNT_AFTER = re.compile(rf"(?::\d\d|\s?(?:am(?!\s+(?:tag|abend|morgen|vormittag|"
                                rf"nachmittag|wochenende|werktag|arbeitstag)\b)|pm)\b|"
                                rf"\s+(?:{MONTHS})\b)")
_EACH_DONE = re.compile(rf"\beach\b(?!\s+(?:{PERIOD_NAMES}|time|run)s?\b)")
_RANKED = re.compile(r"\s+(?:most|least|best|worst|latest|newest|largest|biggest|highest|"
                     r"lowest)\b")
# "12 files a day", "3 pages per week" of a pager, "15 pages a day ... one page per form",
# "100k pages a day" of a crawl: a count in a unit of size that is a count of tasks.
_PAGER = re.compile(r"pager|\bon-?call\b|\bsev-?\d|\bincidents?\b")
# "100k pages a day" of web pages: each page is a document, one task each
_WEB_PAGES = re.compile(r"\bweb ?pages?\b|\bwebsites?\b|\bcrawl\w*|\bscrap(?:e|ed|es|ing)\b")
_ONE_PAGE_EACH = re.compile(r"\b(?:one|a|1|single) page (?:per|each|a)\b|\ba page each\b|"
                            r"\bone-page (?!summar|brief|report)")


def _units_are_tasks(text: str, unit: re.Match[str]) -> bool:
    said = unit.group(0).strip(" -")
    if said == "files" and unit.group(0)[:1] != "-" and file_by_file(text, unit.start()):
        return True  # "a one-off migration of 2,500 files": each file a task
    if said.startswith("page") and unit.group(0)[:1] != "-" and PAGE_BY_PAGE.match(
            text, unit.end()):
        return True  # "8,000 pages, and want each page's OCR text cleaned up"
    if said.startswith("page") and unit.group(0)[:1] != "-" and PAGES_OF_WORDS.match(
            text, unit.end()):
        return True  # "300 pages of about 500 words each": items, as tickets would be
    if not RATE_AFTER.match(text, unit.end()):
        return False
    if said.startswith("file"):
        return True
    return said.startswith("page") and (_PAGER.search(text) is not None
                                        or _ONE_PAGE_EACH.search(text) is not None
                                        or _WEB_PAGES.search(text) is not None)


# A range said with "between ... and" in the languages read (words15 held-out: "Semanalmente
# revisamos entre 80 e 120 contratos" read 80 a week)
_RANGE_OPENS = re.compile(rf"\b(?:{alternation(BETWEEN_WORDS)}) $")
_RANGE_AND = re.compile(rf" (?:{alternation(AND_WORDS)}) (?=\d)")


# A range's "to" in the languages read: "200 to 300", "50 bis 70", "od 200 do 300", "200 tot
# 300", "200 till 300" (words16: read the low end where the period is said first, "Jeden Tag
# 50 bis 70" 1,500 a month); "a", "à", "al", "au" after "de", "da", "desde" only ("de 200 a 300")
_RANGE_TO = re.compile(r"\s*(?:-|to|bis|do|tot|till)\s*\d")
_FROM_BEFORE = re.compile(r"\b(?:de|da|desde|dal|du|od)\s+$")
_FROM_TO = re.compile(r"\s*(?:a|à|al|au)\s+\d")


def count_numbers(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Numbers in text[lo:hi] outside the spans already read as sizes or steps."""
    out = []
    for m in NUMBER_RE.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        if m.group(0).lower() in ("a", "an", "one"):
            continue
        if re.match(r"[eE][+-]?\d", text[e:e + 3]):
            continue  # "1e309": an exponent too big (or negative) to be a count, not 1
        if s and text[s - 1] in "-\u2212" and (s == 1 or text[s - 2] in " \t\n(:="):
            continue  # "-500 strings a day": a count cannot be negative; not 500
        if _RANGE_TO.match(text, e) or re.match(r"\s*%", text[e:e + 2]) or (
                _FROM_BEFORE.search(text, max(0, s - 7), s) and _FROM_TO.match(text, e)):
            continue  # a range's low end ("50 bis 70", "od 200 do 300"), a percentage
        if _RANGE_OPENS.search(text, max(0, s - 9), s) and _RANGE_AND.match(text, e):
            continue  # "between 200 and 300", "entre 80 e 120", "tra 200 e 300": the low end
        if text[max(0, s - 2):s].strip()[-1:] in SIGNS or MONEY_AFTER.match(text, e) \
                or _MONEY_WORD_AFTER.match(text, e):
            continue  # "$49/month", "500 CHF a month", "4,000 kr", "two grand": money
        unit = _UNIT_AFTER.match(text, e)
        coin = unit is not None and unit.group(0).lstrip(" -").startswith("token") and bool(
            COIN_AFTER.match(text, unit.end()))  # "300 token transfers": things, no size
        if unit and not coin and not _units_are_tasks(text, unit):
            continue  # "12 queues", "3 bullet points": a size or a label count, not a volume
        if ((_LABEL_BEFORE.search(text, max(0, s - 10), s)
             and not _GRADE_THE_VERB.search(text, max(0, s - 16), s))
                or _NOT_A_COUNT_AFTER.match(text, e) or clock_hour(text, m)):
            continue  # "Step 7", "Year 9", "at 02:00", "15 March", "um 7 Uhr"
        if s and text[s - 1] == "月" and text.startswith("日", e):
            continue  # "毎月1日に", "12月1日": a day of the month, a date (review 15: read 1)
        if _RANKED.match(text, e) and not _EACH_DONE.search(text[e:e + 100].split(".")[0]):
            continue  # "the 20 most important emails": what one run reads, unless each is done
        if s and ((text[s - 1].isalpha() and text[s - 1].isascii())
                  or (text[s - 1] == "-" and text[s - 2:s - 1].isalpha())):
            continue  # "v2.4", "Q3", "P1", "GPT-5": a name, not a count ("約200件" is one)
        if _COMPOUND.match(text, e):
            continue  # "3-tier", "5-star": a compound word, not a count
        if m.group(0).endswith("mil") and not _ROMANCE.search(text):
            continue  # "mil" is a thousand in Spanish or Portuguese, a million in English slang
        if s and text[s - 1] == " " and _SPRINT_OF.search(text, max(0, s - 14), s):
            continue  # "ogni sprint di 2 settimane": the sprint's length, no count
        if not loose_plural_counts(text, m):
            continue  # "millions of premature deaths each year": no work of ours
        out.append(m)
    return out


def count_before(text: str, at: int, lo: int, taken: list[tuple[int, int]]
                 ) -> list[re.Match[str]]:
    """Numbers shortly before a cadence in its sentence ('300 a week', '200 tickets a day'),
    none with a "then" between it and the cadence."""
    return [n for n in count_numbers(text, max(lo, at - 70), at, taken)
            if len(re.findall(r"\S+", text[n.end():at])) <= 7
            and first_batch_then(text, n.end(), at) is None]


def has_own_period(text: str, count: re.Match[str], periods: list[re.Match[str]],
                   taken: list[tuple[int, int]]) -> bool:
    """Whether one of ``periods`` after ``count`` takes it as its own count ("5,000 a month",
    "400 calls a day"): the last count before that period is this one."""
    return any(q.start() > count.end()
               and any(n.start() == count.start()
                       for n in count_before(text, q.start(), count.start(), taken)[-1:])
               for q in periods)


_YEAR = re.compile(r"(?:19|20)\d\d")  # "since 1930 ... every four years": a date, not a count


_BOTH_BEFORE = re.compile(r"\bboth\s+$")


def cadence_times_count(text: str, start: int, end: int, runs: float, said: str,
                        taken: list[tuple[int, int]]) -> Read:
    """A cadence ('every 15 min', 'every Monday', '3x a day') times the count its sentence
    gives before it ('200-300 reviews every 15 min') or after it ('... 500 tweets each run'),
    else once an occurrence."""
    lo, hi = sentence_bounds(text, start)
    busy = [*taken, (start, end)]
    before = [n for n in count_before(text, start, lo, busy) if not _YEAR.fullmatch(n.group(0))
              and not one_piece_about(text, n, lo, hi)]
    count = before[-1] if before else next(
        (n for n in count_numbers(text, end, hi, busy)
         if counts_items(text, n, lo) and not _YEAR.fullmatch(n.group(0))
         and not gathered_into_one(text, n.end(), hi)
         and not one_piece_of(text, end, n.start())
         # "every Friday, write a recap about our 6 teams": one recap a week
         and not one_piece_about(text, n, lo, hi)), None)
    count = count if count is not None else count_elsewhere(text, lo, hi, busy)
    if count is None and (both := _BOTH_BEFORE.search(text, max(lo, start - 6), start)):
        # "summarise both every Monday": the two things just named, each time
        return Read("runs_per_month", 2 * runs, text[both.start():end], both.start(), end,
                    f"both (2) each time, {said} = {fmt(runs)} times a month: {fmt(2 * runs)}")
    n = None if count is None else parse_number(count.group(0))
    if count is None or not n:
        return Read("runs_per_month", runs, text[start:end], start, end,
                    f"{said} = {fmt(runs)} a month")
    a, b = min(count.start(), start), max(count.end(), end)
    each = ""
    if count.start() >= end:
        # "Twice a week, each of our 12 stores sends about 30 invoices": 30 for each of 12
        nxt = next((m for m in count_numbers(text, count.end(), hi, busy)), None)
        own = owners_between(text, end, nxt) if nxt is not None else None
        k = parse_number(nxt.group(0)) if nxt is not None else None
        if own is not None and own.start("n") == count.start() and k:
            each, n, b = f"{fmt(k)} for each of {fmt(n)}: ", n * k, nxt.end()
    elif (own := owners_before(text, lo, count.start())) is not None and (
            k := parse_number(own["n"])) and k > 1:
        # "Each of our 12 stores sends about 30 invoices twice a week": 30 for each of 12
        # (words16 left it: read 260, one store's)
        each, n, a = f"{fmt(n)} for each of {fmt(k)}: ", n * k, own.start()
    hedge = HEDGE.search(text, max(0, a - 14), a)
    a = hedge.start() if hedge else a
    return Read("runs_per_month", n * runs, text[a:b].strip(), a, b,
                f"{each}{fmt(n)} each time, {said} = {fmt(runs)} times a month: "
                f"{fmt(n * runs)}")


# A count said in another sentence than its cadence, when the cadence's own has none: "For
# each of the ~50k rows ... We refresh the sheet twice a year" (what each run covers), and a
# schedule line's next sentence ("Runs nightly at 02:00 UTC. Pulls ... (roughly 400 PDFs").
_FOR_EACH_OF = re.compile(rf"\bfor each of (?:the |our |my |all )?(?:~|about |roughly |around )?"
                          rf"(?P<n>{NUMBER_RE.pattern})")
_SCHEDULE_LINE = re.compile(r"\s*(?:it |this (?:job|dag|pipeline|task) |the (?:job|dag|pipeline|"
                            r"task) )?(?:runs|is run|is scheduled|scheduled|is triggered|"
                            r"triggered|executes)\b")

# The sentence after a schedule line says what each run takes in: "Pulls the previous day's
# invoices (roughly 400 PDFs)", not whom it tells ("Sends the 3 owners a note").
_TAKES_IN = re.compile(r"\s*(?:it |then )?(?:pulls|reads|fetches|loads|processes|ingests|scans|"
                       r"collects|downloads|takes|grabs|picks up)\b")
_FULL_STOP = re.compile(r"[.;!?](?:\s|$)")


def count_elsewhere(text: str, lo: int, hi: int, taken: list[tuple[int, int]]
                    ) -> re.Match[str] | None:
    """The count of a cadence whose sentence text[lo:hi] gives none, from another sentence."""
    each = _FOR_EACH_OF.search(text)
    if each is not None and not lo <= each.start() < hi:
        found = count_numbers(text, each.start("n"), each.end("n"), taken)
        if found and not _YEAR.fullmatch(found[0].group(0)):
            return found[0]
    if _SCHEDULE_LINE.match(text, lo) and (taken_in := _TAKES_IN.match(text, hi + 1)):
        # the next sentence, to its full stop (a docstring wraps its lines)
        stop = _FULL_STOP.search(text, taken_in.end())
        nhi = stop.start() if stop else len(text)
        return next((n for n in count_numbers(text, taken_in.start(), nhi, taken)
                     if counts_items(text, n, taken_in.start())
                     and not _YEAR.fullmatch(n.group(0))), None)
    return None
