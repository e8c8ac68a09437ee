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
from council.money_words.vat_rates import STATED_RATE, VatRate, vat_rate

_TAX = r"(?:VAT|MwSt\.?|USt\.?|GST|IVA|BTW|TVA|moms|sales\s+tax|tax(?:es)?)"
# a rate said between the VAT words: "inkl. 19 % MwSt.", "TVA 20 % comprise" (decision QA 18)
_RATE = r"(?:\d{1,2}(?:[.,]\d{1,2})?\s?%\s+)?"
# gross: "incl. VAT", "including VAT", "inkl. MwSt.", "TTC", "IVA incluida" (French "TTC" and
# "HT" only in capitals; "gross" and "net" alone are no VAT words: "net of fees")
# "inklusive moms" (Swedish), "（税込）" (Japanese: tax included; 税抜 / 税別 before tax)
_GROSS = (rf"(?:incl\.?|inkl\.?|including|inklusive|inclusive(?:\s+of)?|with)\s+{_RATE}{_TAX}|"
          rf"{_TAX}\s+{_RATE}(?:incl\.?|included|inclusive|incluida|incluido|inclusa|comprise?)|"
          r"(?-i:TTC)|税込み?")
# net: "plus VAT", "excl. VAT", "zzgl. MwSt.", "HT", "+ VAT", "net of VAT"
_NET = (rf"(?:excl\.?|exkl\.?|excluding|exclusive\s+of|plus|\+|zzgl\.?|before|net\s+of|"
        rf"without)\s+{_RATE}{_TAX}|(?-i:HT)|税抜き?|税別")
_LETTER = "A-Za-z\u00c0-\u024f"  # Latin letters: "税込です" needs no space around its words
VAT_WORDS = re.compile(rf"(?<![{_LETTER}\d+])(?:(?P<gross>{_GROSS})|(?P<net>{_NET}))"
                       rf"(?![{_LETTER}])", re.IGNORECASE)
# the VAT words right after an amount, before its period: "300 € TTC par mois"
LEADING_VAT = re.compile(rf"^\s*\(?(?:{_GROSS}|{_NET})\)?(?![\w])", re.IGNORECASE)
# "incl. VAT at 20%", "inkl. MwSt. von 19 %": the rate said after the VAT words
_RATE_AFTER = re.compile(rf"\s*(?:at|@|of|von|de|del|di)?\s*{STATED_RATE.pattern}",
                         re.IGNORECASE)
_REACH = 40  # characters after the amount (and its period) the VAT words are looked for in


@dataclass(frozen=True)
class VatRead:
    """Whether a budget figure includes VAT, the words that say so, and the rate its net is
    shown at."""

    gross: bool
    words: str
    rate: VatRate

    def how(self, usd: float) -> str:
        """What the answer says beside the budget."""
        if self.gross:
            net = usd / (1 + self.rate.rate)
            return (f"'{self.words}': used gross, as written; model prices are before tax, so "
                    f"where tax is added to the provider's invoice the net to spend is less "
                    f"(at {self.rate.why}, {money(net)} a month): give the net in the form "
                    "if so")
        return f"'{self.words}': the figure is net, before tax, as model prices are"


def vat_after(rest: str, context: str = "", currency: str = "") -> VatRead | None:
    """The VAT words in the first characters after an amount, up to the clause's next comma
    ("... a month incl. VAT", "... TTC par mois") or just after it ("500 € al mes, IVA
    incluida"); None when none is said there. ``context``: the sentence, for the country;
    ``currency``: the amount's."""
    head, *more = rest[:_REACH].split(",")
    if more and LEADING_VAT.match(more[0]):
        head = f"{head},{more[0]}"
    m = VAT_WORDS.search(head)
    if m is None:
        return None
    stated = STATED_RATE.search(m.group(0)) or _RATE_AFTER.match(head, m.end())
    rate = vat_rate(stated["pct"] if stated else None, context, currency)
    return VatRead(gross=m["gross"] is not None, words=m.group(0).strip(), rate=rate)
