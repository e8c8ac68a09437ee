"""The VAT rate a gross budget's net is shown at: the rate the words state ("inkl. 19 %
MwSt.", "TVA 20 % comprise"), else the standard rate of the one country the words or the
currency name ("our shop in Madrid": Spain's 21%; "CHF": Switzerland's 8.1%), else an assumed
20%, said to be one (decision QA 18: every gross budget's net was shown "at a 20% rate",
Switzerland's and Italy's too, and never said to be an example).

Standard rates as each country's tax authority published them for 2026 (Switzerland raised
its rate to 8.1% in 2024, Finland to 25.5% in 2024); a reduced rate is not guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

ASSUMED = 0.20


@dataclass(frozen=True)
class _Country:
    name: str
    rate: float
    words: str  # the country, its people and its largest cities, as the words may name them
    currency: str = "EUR"


_COUNTRIES = (
    _Country("Germany", 0.19, r"germany|deutschland|german|deutsche[nrs]?|berlin\w*|m[uü]nchen|"
                              r"munich|hamburg\w*|frankfurt\w*|k[oö]ln|cologne|stuttgart"),
    _Country("Austria", 0.20, r"austria\w*|[oö]sterreich\w*|wien|vienna|graz|salzburg"),
    _Country("Switzerland", 0.081, r"switzerland|schweiz\w*|suisse|svizzera|swiss|z[uü]rich|"
                                   r"z[uü]rcher|gen[eè]v[ae]|genf|basel|bern", "CHF"),
    _Country("France", 0.20, r"france|fran[cç]ais\w*|french|par[ií]s\w*|lyon\w*|marseille|"
                             r"toulouse|bordeaux|lille"),
    _Country("Spain", 0.21, r"spain|espa[nñ]a|spanish|madrid\w*|barcelona|valencia|sevilla|"
                            r"seville|m[aá]laga|bilbao"),
    _Country("Italy", 0.22, r"italy|italia|italian|milan[oe]?|roma|rome|napoli|naples|torino|"
                            r"turin|firenze|florence|bologna"),
    _Country("the Netherlands", 0.21, r"netherlands|nederland|holland|dutch|amsterdam|"
                                      r"rotterdam|utrecht|den haag|the hague|eindhoven"),
    _Country("Belgium", 0.21, r"belgium|belgique|belgi[eë]|brussels|bruxelles|brussel|"
                              r"antwerp(?:en)?|gent|ghent"),
    _Country("Portugal", 0.23, r"portugal|portuguese|lisboa|lisbon|porto"),
    _Country("Ireland", 0.23, r"ireland|irish|dublin|cork"),
    _Country("Finland", 0.255, r"finland|suomi|finnish|helsinki"),
    _Country("Sweden", 0.25, r"sweden|sverige|swedish|stockholm|g[oö]teborg|gothenburg|malm[oö]",
             "SEK"),
    _Country("Denmark", 0.25, r"denmark|danmark|danish|copenhagen|k[oø]benhavn", "DKK"),
    _Country("Norway", 0.25, r"norway|norge|norwegian|oslo|bergen", "NOK"),
    _Country("Poland", 0.23, r"poland|polska|polish|warsaw|warszaw\w*|krak[oó]w", "PLN"),
    _Country("the Czech Republic", 0.21, r"czech\w*|česk\w*|prague|praha", "CZK"),
    _Country("Hungary", 0.27, r"hungary|magyar\w*|budapest", "HUF"),
    _Country("the UK", 0.20, r"uk|united kingdom|britain|british|england|london|manchester|"
                             r"scotland|wales", "GBP"),
    _Country("Japan", 0.10, r"japan\w*|日本|tokyo|東京|osaka|大阪", "JPY"),
)
_COUNTRY_WORDS = [(c, re.compile(rf"(?<!\w)(?:{c.words})(?!\w)", re.IGNORECASE))
                  for c in _COUNTRIES]
_BY_CURRENCY = {c.currency: c for c in _COUNTRIES if c.currency != "EUR"}
# a rate said with the VAT words: "19 %", "8,1 %", "20%"
STATED_RATE = re.compile(r"(?<![\d.,])(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s?%")


@dataclass(frozen=True)
class VatRate:
    """The rate a gross figure's net is shown at, and why that rate."""

    rate: float
    why: str  # "the 19% rate your words give", "Spain's 21% rate ('Madrid')", "an assumed ..."


def vat_rate(stated: str | None, context: str, currency: str) -> VatRate:
    """The rate the words state (``stated``: "19 %"), else the one country's the currency or
    ``context`` names, else an assumed 20%."""
    if stated is not None:
        pct = float(stated.rstrip("% ").replace(",", "."))
        return VatRate(pct / 100, f"the {pct:g}% rate your words give")
    country = _BY_CURRENCY.get(currency)
    if country is not None:
        return VatRate(country.rate, f"{_rate(country)} ({currency})")
    # a budget in dollars of a company in one euro country pays that country's VAT (user QA
    # 18: "two grand a month, VAT included, we're a German company" said "your words name no
    # country's")
    named = {c.name: (c, m.group(0)) for c, rx in _COUNTRY_WORDS if c.currency == "EUR"
             and currency in ("EUR", "USD", "") and (m := rx.search(context)) is not None}
    if len(named) == 1:
        c, word = next(iter(named.values()))
        return VatRate(c.rate, f"{_rate(c)} ('{word}')")
    return VatRate(ASSUMED, f"an assumed {ASSUMED:.0%} rate (your words name no country's; "
                            "give yours)")


def _rate(c: _Country) -> str:
    """"Spain's 21% rate", "Switzerland's 8.1% rate"."""
    return f"{c.name}'s {c.rate * 100:g}% rate"
