"""How people write a currency beside an amount: one vocabulary, kept here, for the money
reader (what an amount is in dollars: ``council.money_words``) and the workload reader (an
amount of money is not a count of tasks: ``council.workload_words``).

Each written form maps to the ISO code of ``council.exchange_rates``'s table, or to "" where
several currencies share it ("kr", "pesos"): such a figure is never taken as dollars.
"""

from __future__ import annotations

import re

from council.exchange_rates import PER_EUR

# Signs: before the amount ("$40", "€300") or, as much of Europe writes it, after ("300 €").
SIGNS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                         "₩": "KRW", "₺": "TRY", "₪": "ILS"}
# A country's dollar (or yen) sign, written before the amount: "US$", "C$", "R$", "CN¥".
PREFIX_SIGNS: dict[str, str] = {"us$": "USD", "cn¥": "CNY", "c$": "CAD", "ca$": "CAD",
                                "a$": "AUD", "au$": "AUD", "nz$": "NZD", "s$": "SGD",
                                "hk$": "HKD", "r$": "BRL", "mx$": "MXN",
                                # rupees as India writes them: "Rs. 40,000", "Rs 500"
                                # (decision QA 16: unread, and "Rs." ended the sentence)
                                "rs.": "INR", "rs": "INR"}
# Codes that are also words ("40 PHP files", "try 3 times", "Ron"): never read as money.
CODE_WORDS = frozenset({"php", "try", "ron"})
# The table's ISO codes, before or after the amount ("CHF 500", "3,600 USD"), and "RMB".
CODES: dict[str, str] = {c.lower(): c for c in PER_EUR if c.lower() not in CODE_WORDS} | {
    "rmb": "CNY"}
# Names, written after the amount ("40 euros", "1 200 zł").
NAMES: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "pound": "GBP", "quid": "GBP", "yen": "JPY", "yuan": "CNY",
    "francs": "CHF", "franc": "CHF", "swiss francs": "CHF",
    # Swiss francs in German, Italian, Spanish (QA 12: "80 Franken im Monat" was unread)
    "franken": "CHF", "schweizer franken": "CHF", "franchi": "CHF", "francos": "CHF",
    "rupees": "INR", "rupee": "INR", "円": "JPY", "元": "CNY", "원": "KRW",
    "zł": "PLN", "zl": "PLN", "złoty": "PLN", "zloty": "PLN", "złotych": "PLN",
    "kronor": "SEK", "kronur": "ISK", "reais": "BRL",
    # dollars in Spanish, Portuguese, Italian, Polish (QA round 9: "2.000 dólares" was unread)
    "dólares": "USD", "dólar": "USD", "dolares": "USD", "dollari": "USD", "dolarów": "USD",
    "dolary": "USD",
    "kr": "", "kroner": "", "krone": "", "pesos": "", "peso": ""}
# Why a shared name is not converted (the note the answer shows).
AMBIGUOUS: dict[str, str] = {
    "kr": "kr is the sign of the Swedish, Norwegian, Danish and Icelandic krona",
    "kroner": "kroner are Norwegian or Danish", "krone": "krone are Norwegian or Danish",
    "pesos": "pesos are Mexican, Argentine, Chilean, Colombian or Philippine",
    "peso": "the peso is Mexican, Argentine, Chilean, Colombian or Philippine"}

# A shared name in a text written in one language is that language's currency: "500 kr i
# månaden" in a Swedish text is kronor (the reader knows Swedish by its small words; Danish
# and Norwegian it cannot tell apart, so "kr" there stays unread).
SHARED_IN_LANGUAGE: dict[tuple[str, str], str] = {("kr", "Swedish"): "SEK"}

# A shared name beside the one country whose currency it can be, in the amount's own clause:
# "Summarise Swedish news articles, 500 kr per month budget" is kronor (decision QA 13: the
# English text's "kr" was unread); two countries named ("Danish and Norwegian") leave it unread.
_KRONA_COUNTRIES = (("SEK", r"swed(?:en|ish|es)"), ("NOK", r"norw(?:ay|egian|egians)"),
                    ("DKK", r"denmark|danish|danes"), ("ISK", r"iceland(?:ic|ers)?"))
SHARED_BY_COUNTRY: dict[str, tuple[tuple[str, str], ...]] = {
    "kr": _KRONA_COUNTRIES, "kroner": _KRONA_COUNTRIES[1:3], "krone": _KRONA_COUNTRIES[1:3]}


def named_country_currency(said: str, clause: str) -> tuple[str, str] | None:
    """The currency of the one country the clause names for a shared name ("kr"), with the
    word that names it; None when it names none or several."""
    found = [(code, m.group(0)) for code, pattern in SHARED_BY_COUNTRY.get(said, ())
             if (m := re.search(rf"\b(?:{pattern})\b", clause, re.IGNORECASE)) is not None]
    return found[0] if len(found) == 1 else None

BEFORE: dict[str, str] = SIGNS | PREFIX_SIGNS | CODES  # "€300", "R$ 2.000", "CHF 500"
AFTER: dict[str, str] = CODES | NAMES | SIGNS  # "500 CHF", "40 euros", "300 €"

SIGN_CHARS = "".join(SIGNS)  # for a character class: "$€£¥₹₩₺₪"
# Dollars named in a language that writes a thousands point: "2.000 dólares" is two thousand.
POINT_DOLLAR_NAMES = frozenset({"dólares", "dólar", "dolares", "dollari", "dolarów", "dolary"})


def alternation(words: dict[str, str]) -> str:
    """A regex alternation of the words, longest first ("swiss francs" before "francs")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Money said right after a number: "500 CHF a month", "4,000 kr", "40 euros", "300 €".
MONEY_AFTER = re.compile(
    rf"\s?(?:(?:{alternation({w: c for w, c in AFTER.items() if w not in SIGNS})})\b|"
    rf"[{re.escape(SIGN_CHARS)}])", re.IGNORECASE)
