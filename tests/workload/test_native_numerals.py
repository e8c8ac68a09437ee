"""Round 8's review: counts in Chinese numerals or Arabic-Indic digits ("每天大约三千条",
"١٠٠٠ تذكرة يوميا") and Arabic or Chinese periods ("يوميا", "每天") were not read, so the task
was priced at the category's monthly volume."""

from __future__ import annotations

import pytest

from council.workload_words.native_numerals import (
    chinese_value,
    native_numerals,
    unread_numerals,
)
from council.workload_words.reader import read_workload
from tests.recs import make_rec


@pytest.mark.parametrize("text, runs, words", [
    ("每天一万条客服消息", 300_000, "每天一万条"),
    ("每天大约三千条", 90_000, "每天大约三千条"),
    ("每月五百份合同", 500, "每月五百份"),
    ("每天十条", 300, "每天十条"),
    ("每周两百万条日志", 2_000_000 * 52 / 12, "每周两百万条"),
    ("١٠٠٠ تذكرة يوميا", 30_000, "١٠٠٠ تذكرة يوميا"),
    ("500 رسالة يوميا", 15_000, "500 رسالة يوميا"),
    ("نتلقى ٣٠٠ رسالة يومياً", 9_000, "٣٠٠ رسالة يوميا"),
])
def test_counts_in_other_scripts_are_read(text: str, runs: float, words: str) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == pytest.approx(runs) and read.words == words


@pytest.mark.parametrize("said, value", [
    ("一万", 10_000), ("三千五百", 3_500), ("十二", 12), ("两百万", 2_000_000),
    ("一万二千", 12_000), ("一亿三千万", 130_000_000), ("一二三", None),
])
def test_chinese_values(said: str, value: int | None) -> None:
    assert chinese_value(said) == value


@pytest.mark.parametrize("text", ["十分重要", "我们一起处理", "第三季度的报告", "统一格式"])
def test_words_that_hold_a_numeral_are_left_alone(text: str) -> None:
    assert native_numerals(text) == text


def test_rewritten_in_place() -> None:
    for text in ("每天一万条客服消息", "每天十条", "١٠٠٠ تذكرة يوميا", "每周两百万条日志"):
        assert len(native_numerals(text)) == len(text)


@pytest.mark.parametrize("text", [
    "笔记本150瓦，每天使用12小时；",  # watts and hours (a real prompt read as 4,500 a month)
    "每月15日发送报告",  # the 15th of each month
])
def test_a_chinese_period_with_a_measure_is_no_volume(text: str) -> None:
    assert read_workload(text).runs_per_month is None


def test_a_count_that_cannot_be_written_in_place_is_said_to_be_unread() -> None:
    """'两百万日志' (no counter to take a third digit's place): not read, and the note says
    so; read counts and words holding a numeral ('十分') give no note."""
    text = "每周两百万日志需要分类"
    assert read_workload(text).runs_per_month is None
    assert unread_numerals(text) == ["'两百万' (2,000,000) was not read as a count: give the "
                                     "number of tasks in 'Tasks / month'"]
    assert unread_numerals("每天一万条客服消息，十分重要") == []


def test_the_answer_says_a_count_was_not_read() -> None:
    rec = make_rec("每周两百万日志需要分类", category="classification")
    assert any("'两百万' (2,000,000) was not read as a count" in n for n in rec.notes)
