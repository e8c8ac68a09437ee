"""VAT said beside a budget: "£250 a month incl. VAT", "500 € inkl. MwSt.", "300 € TTC",
"250 € zzgl. MwSt.": whether the figure is gross or net, said with the reading.

Model prices are quoted before VAT, so a gross budget buys less than its figure where VAT is
added to the provider's invoice. The reader uses the figure as written and says which it is
(decision QA 17: "incl. VAT" was read and nothing said; "TTC" between the amount and its
period left the budget unread)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.format import money

_TAX = r"(?:VAT|MwSt\.?|USt\.?|GST|IVA|BTW|TVA|sales\s+tax|tax(?:es)?)"
# gross: "incl. VAT", "including VAT", "inkl. MwSt.", "TTC", "IVA incluida" (French "TTC" and
# "HT" only in capitals; "gross" and "net" alone are no VAT words: "net of fees")
_GROSS = (rf"(?:incl\.?|inkl\.?|including|inclusive\s+of|with)\s+{_TAX}|{_TAX}\s+(?:incl\.?|"
          r"included|inclusive|incluida|incluido|inclusa|compris)|(?-i:TTC)")
# net: "plus VAT", "excl. VAT", "zzgl. MwSt.", "HT", "+ VAT", "net of VAT"
_NET = (rf"(?:excl\.?|exkl\.?|excluding|exclusive\s+of|plus|\+|zzgl\.?|before|net\s+of|"
        rf"without)\s+{_TAX}|(?-i:HT)")
VAT_WORDS = re.compile(rf"(?<![\w+])(?:(?P<gross>{_GROSS})|(?P<net>{_NET}))(?![\w])",
                       re.IGNORECASE)
# the VAT words right after an amount, before its period: "300 € TTC par mois"
LEADING_VAT = re.compile(rf"^\s*\(?(?:{_GROSS}|{_NET})\)?(?![\w])", re.IGNORECASE)
_REACH = 40  # characters after the amount (and its period) the VAT words are looked for in
EXAMPLE_RATE = 0.20  # a common VAT rate (the UK's, France's), shown as an example only


@dataclass(frozen=True)
class VatRead:
    """Whether a budget figure includes VAT, and the words that say so."""

    gross: bool
    words: str

    def how(self, usd: float) -> str:
        """What the answer says beside the budget."""
        if self.gross:
            net = usd / (1 + EXAMPLE_RATE)
            return (f"'{self.words}': used gross, as written; model prices are before tax, so "
                    f"where tax is added to the provider's invoice the net to spend is less "
                    f"(at a {EXAMPLE_RATE:.0%} rate, {money(net)} a month): give the net in the "
                    "form if so")
        return f"'{self.words}': the figure is net, before tax, as model prices are"


def vat_after(rest: str) -> VatRead | None:
    """The VAT words in the first characters after an amount, up to the clause's next comma
    ("... a month incl. VAT", "... TTC par mois"); None when none is said there."""
    head = rest[:_REACH].split(",")[0]
    m = VAT_WORDS.search(head)
    if m is None:
        return None
    return VatRead(gross=m["gross"] is not None, words=m.group(0).strip())
