"""Decision QA 16: yen as Japanese writes it ("月3万円", "約5万円の損失")."""

from __future__ import annotations

import pytest

from council.money_words import read_money


def test_a_monthly_budget_in_man_yen() -> None:
    b = read_money("顧客からの問い合わせメールを分類したい。月に3,000件ほど。"
                   "予算は月3万円です。").budget
    assert b is not None and b.usd_per_month == pytest.approx(190.78) and not b.ceiling


def test_an_upper_limit_is_a_ceiling() -> None:
    b = read_money("月の予算は5万円までです。").budget
    assert b is not None and b.usd_per_month == pytest.approx(317.96) and b.ceiling


@pytest.mark.parametrize("text, usd", [
    ("契約書の条項をチェックする。見落とし1件で約5万円の損失になる。", 317.96),
    ("誤分類1件につき500円のコストがかかる。", 3.18),
])
def test_a_failure_in_yen(text: str, usd: float) -> None:
    f = read_money(text).failure
    assert f is not None and f.usd == pytest.approx(usd)


@pytest.mark.parametrize("text", ["この商品は3万円です。", "ミスで3万円の商品を返品した。"])
def test_a_price_is_neither(text: str) -> None:
    m = read_money(text)
    assert m.budget is None and m.failure is None
