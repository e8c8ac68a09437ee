"""Ordinals that say one period or weekday in n: "every other week", "every third Monday",
"jeden zweiten Tag", "varannan vecka", "chaque deuxième lundi" (one every 2 or 3). One
vocabulary for the intervals and the weekdays (review 14: each kept its own, and they
differed: "every fourth Monday" and French ordinals were read by one only)."""

from __future__ import annotations

# English, after "every" or "each" ("on alternate days" too)
EVERY_NTH: dict[str, float] = {"other": 2.0, "alternate": 2.0, "second": 2.0, "third": 3.0,
                               "fourth": 4.0}
# Italian, German, Spanish, Portuguese, Dutch, Polish, Swedish and French, after that
# language's "every" ("ogni", "jeden", "cada", "elke", "co", "var", "chaque")
NTH_ABROAD: dict[str, float] = {
    "secondo": 2.0, "seconda": 2.0, "terzo": 3.0, "terza": 3.0,
    "zweiten": 2.0, "zweite": 2.0, "dritten": 3.0, "dritte": 3.0,
    "segundo": 2.0, "segunda": 2.0, "tercer": 3.0, "tercero": 3.0, "tercera": 3.0,
    "terceiro": 3.0, "terceira": 3.0,
    "tweede": 2.0, "derde": 3.0, "andere": 2.0,
    "drugi": 2.0, "drugą": 2.0, "trzeci": 3.0, "trzecią": 3.0,
    "tredje": 3.0, "annan": 2.0, "annat": 2.0,
    "deuxième": 2.0, "second": 2.0, "seconde": 2.0, "troisième": 3.0}

