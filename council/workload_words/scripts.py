"""The language a text's own script says when it names none: kana is Japanese
("毎晩1万件のログを要約してください"), Hangul Korean, Chinese characters with no kana Chinese
("每周大约处理800份合同").
Other scripts (Cyrillic, Devanagari) are written in several languages each: not read. Arabic
script is Arabic when it has the Arabic article or tāʾ marbūṭa and none of the letters Persian
and Urdu add ("نتلقى حوالي 400 رسالة كل يوم"); Latin with Vietnamese's stacked tone marks and
horned letters is Vietnamese ("Mỗi ngày chúng tôi nhận khoảng 500 email"; words18: unread)."""

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
_ARABIC = re.compile(r"[\u0621-\u064a]")
# Persian and Urdu letters (پ چ ژ گ ی ک ٹ ڈ ڑ ں ے ہ): not Arabic
_PERSIAN_URDU = re.compile(r"[\u067e\u0686\u0698\u06af\u06cc\u06a9\u0679\u0688\u0691\u06ba"
                           r"\u06d2\u06c1]")
# the article, tāʾ marbūṭa, or a small word ("في", "من", "كل", "حوالي"): Arabic's, not Persian's
_ARABIC_SIGN = re.compile(r"(?:^|\s)(?:ال|وال|بال|لل)\w|\u0629|"
                          r"(?:^|\s)(?:في|من|على|إلى|الى|عن|كل|حوالي|هذا|هذه)(?=\s|$)")
# Vietnamese: horned and breve letters, đ, and the stacked tone marks (U+1EA0-U+1EF9)
_VIETNAMESE = re.compile(r"[\u01a1\u01b0\u0111\u0103\u1ea0-\u1ef9]", re.IGNORECASE)
MIN_VIETNAMESE = 3  # letters of that set, so a name ("Nguyễn") alone is no language


def script_language(head: str) -> str | None:
    """Japanese, Korean, Chinese, Arabic or Vietnamese when the head's letters say so (see the
    module docstring); else None (Latin text, or a script shared by several languages)."""
    if head.isascii():
        return None
    if len(_VIETNAMESE.findall(head)) >= MIN_VIETNAMESE:
        words = [w for w in head.split() if any(c.isalpha() for c in w)]
        if sum(not w.isascii() for w in words) * 2 > len(words):  # not "to Nguyễn Văn An"
            return "Vietnamese"
    arabic = len(_ARABIC.findall(head))
    if arabic and arabic / max(1, arabic + len(_LATIN.findall(head))) > MIN_OTHER_SCRIPT:
        return ("Arabic" if _ARABIC_SIGN.search(head) and not _PERSIAN_URDU.search(head)
                else None)
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
