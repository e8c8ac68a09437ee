"""Counts written in another script's digits or numerals: Arabic-Indic and Persian digits
("١٠٠٠ تذكرة يوميا") and Chinese numerals ("每天一万条", "每天大约三千条").

Each is rewritten in place at the same length, as the foreign number words are
(``foreign_numbers``), so every read keeps its offsets and shows the words as written: a digit
for a digit, and a Chinese numeral as digits with the scale character the reader already knows
("一万" -> "1万", "三千五百" -> "3500", "五百" -> "5百"), taking in the counter after it when
it needs one more place ("十条" -> "10", "两百万条" -> "200万"). A run that cannot be written so,
a single "一" (one, and part of many words: "一起", "统一") or a run that opens with a scale
("千万" is also "by all means") is left unread.
"""

from __future__ import annotations

import re

# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits, the Arabic thousands separator and
# decimal point
_DIGITS = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)},
                         **{chr(0x6F0 + i): str(i) for i in range(10)},
                         "\u066c": ",", "\u066b": "."})
_NATIVE_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_CN_RUN = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億]+")
# An ordinal, a scale after digits ("1万件" is read as it is) or a fixed phrase: "第三",
# "十分" (very), "万一" (in case), "一些"/"一下"/"一起", "四半期" (a quarter: words17)
_NOT_BEFORE = re.compile(r"[第\d.,]$")
_NOT_AFTER = re.compile("分|些|下|起|般|直|样|定|切|致|旦|半期")
# A counter after a count: items, pieces, copies, letters, sheets, articles, times, people
_COUNTER = re.compile("[条個个件份封张張篇次位名本行页頁单單]")
# How a value is written in place, longest scale first: "3千", "1.2万"
_SCALES = (("亿", 100_000_000), ("万", 10_000), ("千", 1000), ("百", 100))


def chinese_value(said: str) -> int | None:
    """'一万' -> 10000, '三千五百' -> 3500, '十二' -> 12, '两百万' -> 2000000; None when the
    characters make no one number ('一二三')."""
    total, section, digit = 0, 0, None
    for ch in said:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: a list or a code, not a count
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch] if total and total < _CN_BIG[ch] else \
                total + max(section, 1) * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0) or None


def _in_place(value: int, length: int) -> str | None:
    """``value`` written in ``length`` characters the reader parses, or None."""
    plain = str(value)
    if len(plain) <= length:
        return plain.rjust(length, "0")
    for char, scale in _SCALES:
        if value >= scale:
            head = f"{value / scale:g}"
            if len(head) + 1 <= length and "e" not in head:
                return head.rjust(length - 1, "0") + char
    return None


def _rewrites(text: str) -> list[tuple[int, int, str, str | None]]:
    """Each Chinese count in ``text``: its start, end, words and its digits (None when they
    cannot be written in its place)."""
    out: list[tuple[int, int, str, str | None]] = []
    for m in _CN_RUN.finditer(text):
        said = m.group(0)
        if said == "一" or said[0] in "百千万萬亿億" or _NOT_AFTER.match(text, m.end()) \
                or _NOT_BEFORE.search(text, max(0, m.start() - 1), m.start()):
            continue
        value = chinese_value(said)
        if value is None or value < 2:
            continue
        end = m.end()
        written = _in_place(value, len(said))
        if written is None and _COUNTER.match(text, end):
            end += 1  # "十条": the counter's place holds the second digit
            written = _in_place(value, len(said) + 1)
        out.append((m.start(), end, said, written))
    return out


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def native_numerals(text: str) -> str:
    """The text with Arabic-Indic digits and Chinese numerals written as the reader's digits."""
    if text.isascii():
        return text
    if _NATIVE_DIGIT.search(text):
        text = text.translate(_DIGITS)
    if not _has_han(text):
        return text
    out = text
    for start, end, _, written in _rewrites(text):
        if written is not None:
            out = out[:start] + written + out[end:]
    return out


def unread_numerals(text: str) -> list[str]:
    """A note for each Chinese count with a scale ("两百万", "三百万") the reader could not
    take as digits, so the user sees it was not read."""
    if text.isascii() or not _has_han(text):
        return []
    said_once = dict.fromkeys(  # a lone "十" is as often a word ("十字", a cross): no note
        said for _, _, said, written in _rewrites(text)
        if written is None and len(said) > 1 and any(ch in _CN_UNITS or ch in _CN_BIG
                                                     for ch in said))
    return [f"'{said}' ({chinese_value(said):,}) was not read as a count: give the number of "
            "tasks in 'Tasks / month'" for said in said_once]
