"""The language a text's own script says when it names none: kana is Japanese
("毎晩1万件のログを要約してください"), Hangul Korean, Chinese characters with no kana Chinese
("每周大约处理800份合同").
Other scripts (Cyrillic, Arabic, Devanagari) are written in several languages each: not read."""

from __future__ import annotations

import re

# A text is in another script when more than this share of its letters are outside the Latin
# script (the same share as the input flags' "written in a non-Latin script").
MIN_OTHER_SCRIPT = 0.3
# Japanese prose is more than a third kana (particles, endings); Chinese has none. A tenth of
# the letters in kana is Japanese (the input flags read the script by this rule too).
MIN_KANA = 0.1

_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_language(head: str) -> str | None:
    """Japanese, Korean or Chinese when the head's letters are mostly in that script; else
    None (Latin text, or a script shared by several languages)."""
    if head.isascii():
        return None
    kana = len(_KANA.findall(head))
    hangul = len(_HANGUL.findall(head))
    han = len(_HAN.findall(head))
    letters = kana + hangul + han + len(_LATIN.findall(head))
    if not letters or (kana + hangul + han) / letters <= MIN_OTHER_SCRIPT:
        return None
    if kana / letters >= MIN_KANA:
        return "Japanese"
    if hangul > han:
        return "Korean"
    return "Chinese" if han and not kana else None
