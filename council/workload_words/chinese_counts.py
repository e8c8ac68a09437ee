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
_CN_UNITS = "小分秒瓦度元块塊岁歲年月天号號点點米克斤倍页頁字%万千億亿百"
_CN_COUNT_AFTER = re.compile(rf"[^\d，。；！？,.;!?\n]{{0,6}}?(?P<n>{NUMBER})"
                             rf"(?!\s?(?:[{_CN_UNITS}a-z\d.,]|日(?!志)))")
_CN_COUNTER = re.compile("[条個个件份封张張篇次位名本单單]")


def says_period_first(said: str | None) -> bool:
    """Whether a period adverb is a Chinese one ("每天"), whose count comes after it."""
    return bool(said) and said[0] == "每"  # type: ignore[index]


def chinese_count(text: str, p: re.Match[str], unit: str, per_month: float,
                  taken: list[tuple[int, int]]) -> Read | None:
    """The count right after a Chinese period ``p``, times the period's runs a month; None when
    no count follows it ("每天使用12小时" is hours)."""
    after = _CN_COUNT_AFTER.match(text, p.end())
    n = parse_number(after["n"]) if after is not None else None
    if after is None or not n or any(a <= after.start("n") < b for a, b in taken):
        return None
    end = after.end() + (1 if _CN_COUNTER.match(text, after.end()) else 0)
    runs = n * per_month
    return Read("runs_per_month", runs, text[p.start():end].strip(), p.start(), end,
                f"{fmt(n)} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                f"{fmt(runs)}" if per_month != 1 else f"{fmt(n)} a month")
