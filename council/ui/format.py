"""Small formatting helpers shared by the pages."""

from __future__ import annotations


def money(value: float | None) -> str:
    """Dollars with precision that suits the size: $0.000123, $1.23, $12,345."""
    if value is None:
        return "n/a"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == 0:
        return "$0"
    if value < 0.01:
        return f"{sign}${value:.6f}".rstrip("0")
    if value < 1_000:
        return f"{sign}${value:,.2f}"
    return f"{sign}${value:,.0f}"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def tokens(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}"
