"""Decision QA 18: a gross budget's net is shown at the rate the words give ("inkl. 19 %
MwSt."), else at the one country's the currency or the sentence names, else at an assumed 20%
said to be one; "IVA incluida" after a comma, "TVA 20 % comprise", "inklusive moms" and
"（税込）" are VAT words."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd, said", [
    ("Kundenanfragen für unseren Shop in Berlin beantworten; Budget 400 € im Monat inkl. 19 % "
     "MwSt.", 446.88, "at the 19% rate your words give, $375.53 a month"),
    ("Responder a las reseñas de nuestra tienda de Madrid; presupuesto de 500 € al mes, IVA "
     "incluida.", 558.6, "at Spain's 21% rate ('Madrid'), $461.65 a month"),
    ("Rédiger les fiches produits ; budget de 360 € par mois, TVA 20 % comprise.", 402.19,
     "at the 20% rate your words give, $335.16 a month"),
    ("Kundenmails beantworten; Budget CHF 1'000 pro Monat inkl. MwSt.", 1215.14,
     "at Switzerland's 8.1% rate (CHF)"),
    ("Sammanfatta kundsamtal; budget 3 000 SEK i månaden inklusive moms.", 305.3,
     "at Sweden's 25% rate (SEK), $244.24 a month"),
    ("社内の問い合わせメールを分類したい。月額予算は10万円（税込）です。", 635.93,
     "at Japan's 10% rate (JPY), $578.12 a month"),
    ("Draft replies; our budget is €300 a month incl. VAT.", 335.16,
     "at an assumed 20% rate (your words name no country's; give yours), $279.30 a month"),
])
def test_the_net_at_the_rate_the_words_or_the_country_give(text: str, usd: float,
                                                           said: str) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)
    assert "used gross" in b.how and said in b.how


def test_two_countries_named_leave_the_rate_assumed() -> None:
    b = read_money("For our shops in Madrid and Paris: budget €500 a month incl. VAT.").budget
    assert b is not None and "an assumed 20% rate" in b.how


def test_a_net_figure_says_no_rate() -> None:
    b = read_money("Budget 250 € mtl. zzgl. 19 % MwSt.").budget
    assert b is not None and "net, before tax" in b.how and b.usd_per_month == pytest.approx(
        279.30)
