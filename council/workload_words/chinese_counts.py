"""Chinese says the period before the count ("每天处理3000条": 3,000 a day): a count within a
few characters after the period, never one before a unit of measure ("笔记本150瓦，每天使用12小时"
is watts and hours)."""

from __future__ import annotations

import re

from council.workload_words.numbers import NUMBER, fmt, parse_number
from council.workload_words.periods import with_article
from council.workload_words.values import Read

# A count a few characters after a Chinese period ("每天收到大约2千封"), not followed by a unit
# of measure ("12小时" hours, "150瓦" watts, "3元" yuan, "5页" pages are sizes or prices)
_CN_UNITS = "小分秒瓦度元块塊岁歲年月天号號点點米克斤倍页頁字%万千億亿百時"
# and Korean's: minutes, seconds, won, people, years, days, weeks, months, hours, pages
_KO_UNITS = r"[분초원명년일주]|개월|시간|페이지"
_UNIT = rf"\s?(?:[{_CN_UNITS}a-z\d.,]|日(?!志)|{_KO_UNITS})"
_NO_UNIT = rf"(?!{_UNIT})"
_CN_COUNT_AFTER = re.compile(rf"[^\d，。；！？,.;!?\n]{{0,8}}?(?P<n>{NUMBER}){_NO_UNIT}")
_CN_COUNTER = re.compile("[条個个件份封张張篇次位名本单單回건개통]")


# Korean periods, all said before the count ("매일 약 500건")
_KO_PERIOD_FIRST = frozenset({"매일", "매주", "매달", "매월", "하루에", "일주일에", "한 달에",
                              "한달에"})
# Japanese periods said before the count ("月に", "週に", "1日あたり")
_JA_PERIOD_FIRST = re.compile(r"(?:1|一)?(?:日|週|月)(?:に|あたり|当たり)")
# "週に2回、30件": a number of times (回) the period, then the count each time, "per time"
# said or not ("週に3回、1回あたり40件"), no measure or people ("30分の会議", "30人のチーム":
# review 15, read 260 and 60)
# A team said between them is people, not the count: "月に2回、30人のチームで100件" is twice
# 100 (words16: read 2, the team's number stopping the count)
_JA_TEAM = r"(?:\d+\s?人[^\d，。；！？,.;!?\n]{0,6}?で)?"
_JA_TIMES = re.compile(rf"回[、,\s]*(?:(?:1|一)回(?:あたり|当たり|に)?)?(?:に)?{_JA_TEAM}"
                       rf"[^\d，。；！？,.;!?\n]{{0,4}}?(?P<n>{NUMBER})(?!\s?人){_NO_UNIT}")
# "200〜300件": a range, read at its upper end
_RANGE_TO = re.compile(rf"\s?[〜~～\-–]\s?(?P<n>{NUMBER})")
_UNIT_AFTER = re.compile(_UNIT)


def says_period_first(said: str | None) -> bool:
    """Whether a period adverb is a Chinese one ("每天") or a Japanese one said before its
    count ("月に"), whose count comes after it."""
    return bool(said) and (said[0] == "每"  # type: ignore[index]
                           or said in _KO_PERIOD_FIRST
                           or _JA_PERIOD_FIRST.fullmatch(said) is not None)  # type: ignore[arg-type]


def chinese_count(text: str, p: re.Match[str], unit: str, per_month: float,
                  taken: list[tuple[int, int]]) -> Read | None:
    """The count right after a Chinese period ``p``, times the period's runs a month; None when
    no count follows it ("每天使用12小时" is hours)."""
    after = _CN_COUNT_AFTER.match(text, p.end())
    n = parse_number(after["n"]) if after is not None else None
    if after is None or not n or any(a <= after.start("n") < b for a, b in taken):
        return None
    end, said = after.end(), ""
    if (upper := _RANGE_TO.match(text, end)) and (top := parse_number(upper["n"])):
        if _UNIT_AFTER.match(text, upper.end("n")):
            return None  # "1日あたり2〜3時間": a measure's range (review 15: read 3 a day)
        # "200〜300件": the upper end
        said = f"{fmt(n)}-{fmt(top)}, the upper end: "
        n, end = top, upper.end()
    if (each := _JA_TIMES.match(text, end)) and (k := parse_number(each["n"])):
        # "週に2回、30件": 2 times a period, 30 each time
        said = f"{fmt(n)} times of {fmt(k)}: "
        n, end = n * k, each.end()
    end += 1 if _CN_COUNTER.match(text, end) else 0
    runs = n * per_month
    return Read("runs_per_month", runs, text[p.start():end].strip(), p.start(), end,
                said + (f"{fmt(n)} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                        f"{fmt(runs)}" if per_month != 1 else f"{fmt(n)} a month"))
