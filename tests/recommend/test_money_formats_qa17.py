"""Decision QA 17: amounts written as much of the world writes them ("1.234,56 €", "1 234,56 €",
"R$ 1.500,00", "CHF 2'000", "3,000元", "50만 원"), and prices that stay none."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd, ceiling", [
    ("Support-Tickets klassifizieren, etwa 8.000 im Monat; Budget höchstens 1.234,56 € pro "
     "Monat.", 1379.25, True),
    ("Résumer nos appels clients, environ 3 000 par mois ; budget maximum de 1 234,56 € par "
     "mois.", 1379.25, True),
    ("Classificar e-mails de clientes, cerca de 5.000 por mês; orçamento de R$ 1.500,00 por "
     "mês.", 276.12, False),
    ("Summarise Swiss court rulings, about 400 a month; budget CHF 2'000 per month.", 2430.28,
     False),
    ("Tag product listings for our Shenzhen shop; our budget is 3,000元 a month.", 450.93, False),
    ("为网店的商品评论分类，每月约两万条；每月预算2000元。", 300.62, False),
    ("고객 문의 이메일을 분류하고 싶습니다. 월 예산은 50만 원입니다.", 374.46, False),
])
def test_a_budget_in_a_local_format(text: str, usd: float, ceiling: bool) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd) and b.ceiling == ceiling


@pytest.mark.parametrize("text, usd", [
    ("Budget $1,500 a month for summaries.", 1500.0),      # a thousands comma, as before
    ("Budget 1.200 € pro Monat.", 1340.64),                # a thousands point, as before
    ("Responder dúvidas; cada resposta errada nos custa R$ 250,00.", None),  # decimals kept
])
def test_earlier_formats_keep_their_reading(text: str, usd: float | None) -> None:
    m = read_money(text)
    if usd is None:
        assert m.failure is not None and m.failure.usd == pytest.approx(46.02)
    else:
        assert m.budget is not None and m.budget.usd_per_month == pytest.approx(usd)


@pytest.mark.parametrize("text", ["这个商品3万元。", "The 3,000元 phone sells well in Shenzhen."])
def test_a_price_in_yuan_is_no_budget(text: str) -> None:
    assert read_money(text).budget is None


@pytest.mark.parametrize("text, said", [
    ("社内FAQの質問に自動で回答したい。予算は50万円です。", "'50万円'"),
    ("고객 리뷰를 요약해 주세요. 예산은 100만 원입니다.", "'100만 원'"),
])
def test_a_budget_with_no_period_is_said_not_dropped(text: str, said: str) -> None:
    m = read_money(text)
    assert m.budget is None and any(said in u and "no period" in u for u in m.unread)


@pytest.mark.parametrize("text, usd", [("Budget of ₹5,00,000 a month for support.", 5265.64),
                                       ("Budget Rs 1,50,000 per month for support.", 1579.69)])
def test_indian_digit_groups(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)
