"""How numbers read, everywhere (page, CLI, History, Markdown export, explanations).

One money format and one probability format, so "$123" never stands beside "$123.45" and a
probability never reads "0.9023" beside "84%".
"""

from __future__ import annotations

import math

MONEY_SIGNIFICANT = 3  # below $1 a figure keeps three significant digits: $0.000123


def money(value: float | None) -> str:
    """Dollars: $12,345 from $1,000; $12.50 from $1; below $1 three significant digits
    with at least two decimals ($0.72, $0.0004, $0.000123), so a cheap cost never reads $0.00."""
    if value is None or not math.isfinite(value):
        return "n/a"
    if value == 0:
        return "$0"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if round(value, 2) >= 1_000:
        return f"{sign}${value:,.0f}"
    if round(value, 2) >= 1:
        return f"{sign}${value:,.2f}"
    decimals = max(2, MONEY_SIGNIFICANT - 1 - math.floor(math.log10(value)))
    text = f"{value:.{decimals}f}"
    whole, frac = text.split(".")
    frac = frac.rstrip("0").ljust(2, "0")
    return f"{sign}${whole}.{frac}"


def percent(value: float | None) -> str:
    """A probability or share as a whole percentage: 84%."""
    return "n/a" if value is None else f"{value:.0%}"


def tokens(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}"
