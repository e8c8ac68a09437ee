"""How numbers read, everywhere (page, CLI, History, Markdown export, explanations).

One money format and one probability format, so "$123" never stands beside "$123.45" and a
probability never reads "0.9023" beside "84%".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

MONEY_SIGNIFICANT = 2  # below 10 cents a figure keeps two significant digits: $0.00012


def money(value: float | None) -> str:
    """Dollars: $12,345 from $1,000; cents from 10 cents ($12.50, $0.86); below that two
    significant digits ($0.057, $0.0004, $0.00012), so a cheap cost never reads $0.00."""
    if value is None or not math.isfinite(value):
        return "n/a"
    if value == 0:
        return "$0"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if round(value, 2) >= 1_000:
        return f"{sign}${value:,.0f}"
    if round(value, 2) >= 0.1:
        return f"{sign}${value:,.2f}"
    decimals = max(2, MONEY_SIGNIFICANT - 1 - math.floor(math.log10(value)))
    text = f"{value:.{decimals}f}"
    whole, frac = text.split(".")
    frac = frac.rstrip("0").ljust(2, "0")
    return f"{sign}${whole}.{frac}"


def _money_to(value: float, decimals: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.{decimals}f}"


def money_apart(a: float, b: float) -> tuple[str, str]:
    """Two dollar figures set side by side, with up to two more decimals than ``money``
    shows when that is what tells them apart: $0.0112 against $0.0114, never "$0.011
    against the pick's $0.011" (QA round 15). Figures equal even so read equal: a sentence
    then says "the same" (the rule ``percents_apart`` follows for probabilities)."""
    x, y = money(a), money(b)
    if x != y or a == b or not (math.isfinite(a) and math.isfinite(b)):
        return x, y
    shown = len(x.split(".")[1]) if "." in x else 0
    for extra in (1, 2):
        x2, y2 = _money_to(a, shown + extra), _money_to(b, shown + extra)
        if x2 != y2:
            return x2, y2
    return x, y


def saves(amount: float) -> str:
    """"saves $12.50", or for a negative saving "costs $18.46 more": never "saves -$18.46"."""
    return f"saves {money(amount)}" if amount >= 0 else f"costs {money(-amount)} more"


def at_least(value: float) -> float:
    """``value`` rounded up to the figure ``money`` shows, so the amount read is enough:
    $0.002345 -> 0.0024, $12.341 -> 12.35, $1,234.2 -> 1,235."""
    if value <= 0 or not math.isfinite(value):
        return value
    if round(value, 2) >= 1_000:
        decimals = 0
    elif round(value, 2) >= 0.1:
        decimals = 2
    else:
        decimals = max(2, MONEY_SIGNIFICANT - 1 - math.floor(math.log10(value)))
    scale = 10**decimals
    up = math.ceil(round(value * scale, 6)) / scale
    return up if up >= value else up + 1 / scale


def whole_percents(values: Sequence[float]) -> list[int]:
    """Parts of a whole as whole percentages that add up to 100: each rounded down, the
    points left going to the largest remainders (all 0 when the whole is 0)."""
    total = sum(values)
    if total <= 0:
        return [0] * len(values)
    exact = [v / total * 100 for v in values]
    whole = [math.floor(x + 1e-9) for x in exact]
    for i in sorted(range(len(exact)), key=lambda i: (whole[i] - exact[i], i))[
            :100 - sum(whole)]:
        whole[i] += 1
    return whole


def mix_shares(mix: Mapping[str, float]) -> list[tuple[str, str]]:
    """(category, its share) for the three largest categories of 5% or more (the mix in
    order, largest first), and ("", the rest) when others remain: whole percentages that add
    up to 100% (``shares``), as the verdict, the workload and the failure cost state theirs."""
    said = dict(zip(mix, whole_percents(list(mix.values())), strict=True))
    top = [k for k, v in mix.items() if v >= 0.05 * sum(mix.values())][:3]
    rest = 100 - sum(said[k] for k in top)
    return [(k, f"{said[k]}%") for k in top] + ([("", f"{rest}%")] if rest > 0 else [])


def shares(values: Sequence[float]) -> list[str]:
    """Parts of a whole (a mix of categories, a budget's split) as whole percentages that add
    up to 100% (``whole_percents``), so a mix never reads "50% + 48%" in one place and
    "51% + 49%" in another."""
    return [f"{w}%" for w in whole_percents(values)]


def percent(value: float | None) -> str:
    """A probability or share as a whole percentage: 84%."""
    return "n/a" if value is None else f"{value:.0%}"


def percents_apart(a: float, b: float) -> tuple[str, str]:
    """Two probabilities set side by side, with the fewest decimals (up to 2) that tell them
    apart: 0.9975 against 0.9962 is "99.8%" against "99.6%", not "100%" against "100%"."""
    for digits in (0, 1, 2):
        x, y = f"{a:.{digits}%}", f"{b:.{digits}%}"
        if x != y or a == b:
            return x, y
    return x, y


def percent_against(value: float, pick: float, floor: float | None = None) -> str:
    """A model's probability where it is set against the pick's: under a floor as
    ``percent_beside`` reads it, else with the digits that tell it from the pick's
    (``percents_apart``), so its table cell and its "why" show the same figure (QA round
    15: "81%" beside "P(adequate) 81.0%")."""
    if floor is not None and value < floor:
        return percent_beside(value, floor)
    return percents_apart(value, pick)[0]


def percent_beside(value: float, bar: float) -> str:
    """A probability said beside a bar it is judged against: a whole percentage, unless that
    would read as the bar itself from the wrong side (0.747 under a 75% floor is "74.7%", not
    "75%"; 0.7499 is "74.99%")."""
    shown = f"{value:.0%}"
    if value >= bar or shown != f"{bar:.0%}":
        return shown
    for digits in (1, 2):
        shown = f"{value:.{digits}%}"
        if float(shown.rstrip("%")) < bar * 100:
            return shown
    return f"under {bar:.0%}"


def count(value: float) -> str:
    """A count a person reads (tasks a month, tokens): whole, with thousands separators, so
    the 2,166.67 tasks of "about 500 a week" read 2,167 wherever they are shown."""
    return f"{value:,.0f}"


def tokens(value: float | None) -> str:
    return "n/a" if value is None else count(value)
