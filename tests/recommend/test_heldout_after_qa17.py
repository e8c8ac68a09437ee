"""Decision QA 17's held-back misses, fixed after the score: "mtl." is a month, "¥" beside
"RMB" is the yuan, and a country as where data must stay."""

from __future__ import annotations

import pytest

from council.money_words import read_money
from council.privacy_words import read_privacy


def test_mtl_is_a_month_and_zzgl_mwst_net() -> None:
    b = read_money("Produkttexte schreiben, ca. 300 im Monat; Budget 250 € mtl. zzgl. MwSt.").budget
    assert b is not None and b.usd_per_month == pytest.approx(279.3) and "net" in b.how


@pytest.mark.parametrize("text, usd", [
    ("Answer WeChat questions for our Shanghai store; budget ¥2,000 a month (RMB).", 300.62),
    ("Answer HR questions; budget ¥30,000 a month.", 190.78),  # yen, as before
])
def test_the_yen_sign_beside_rmb_is_the_yuan(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)


def test_data_that_may_not_leave_a_country() -> None:
    reads = read_privacy("Draft replies to patient emails; no patient data may leave Germany.")
    assert [r.kind for r in reads] == ["residency"]


@pytest.mark.parametrize("text", ["We ship from Germany; summarise orders.",
                                  "Write a travel guide: tourists must stay in France a week."])
def test_a_country_with_no_data_condition_is_none(text: str) -> None:
    assert read_privacy(text) == ()
