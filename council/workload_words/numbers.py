"""Numbers as people write them: digits with k/M/bn, number-words, spoken counts ("half a
million"), European separators; where in a text a number may start, and how one is shown."""

from __future__ import annotations

import re

_WORD_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "thirteen": 13, "fourteen": 14,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SCALE: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "hundred": 100,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    # the same said in Spanish, Portuguese, French and German ("10 mil tickets", "2,5 Tsd.")
    "mil": 1e3, "mille": 1e3, "tausend": 1e3, "tsd": 1e3, "tsd.": 1e3, "millones": 1e6,
    "milhões": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6,
    # and Polish ("2 tys. e-maili", "1,5 mln": words16, read 2 and 1.5)
    "tys": 1e3, "tys.": 1e3, "mln": 1e6, "mln.": 1e6,
    # Japanese and Chinese after the digits ("1万件": 10,000 items; "3千": 3,000; "5百": 500,
    # as ``native_numerals`` writes "五百")
    "万": 1e4, "千": 1e3, "億": 1e8, "亿": 1e8, "百": 100,
    # and Korean ("2천 건": 2,000; "3만": 30,000; words16, read 2 and 3)
    "천": 1e3, "만": 1e4, "억": 1e8,
}
# A kilobyte ... terabyte, by its first letter: a byte is a character (``sizes``, ``totals``)
BYTE_SCALE: dict[str, float] = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "twenty-five" (hyphenated, as written) before "twenty"; the teens before their units
WORDNUM = (rf"a dozen|dozen|(?:{_TENS})-(?:{_UNITS})\b|{_TENS}|fifteen|thirteen|fourteen|"
           r"sixteen|seventeen|eighteen|nineteen|eleven|twelve|one|two|three|four|five|six|"
           r"seven|eight|nine|ten")
# One to nine said in words in the other languages read, by language (index = value; "" where
# the word is left out: "sei" is "you are" in Italian, "neuf" "new" in French, "sex" English).
# ``foreign_numbers`` reads them in a text of that language; the cadence rules read the few
# below in any text.
ONE_TO_NINE_ABROAD: dict[str, tuple[str, ...]] = {
    "Italian": ("", "", "due", "tre", "quattro", "cinque", "", "sette", "otto", "nove"),
    "Spanish": ("", "", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
    "French": ("", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", ""),
    "German": ("", "", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    "Portuguese": ("", "", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"),
    "Polish": ("", "", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem",
               "dziewięć"),
    # QA round 12 ("Vi har ungefär tvåhundra fakturor i månaden": unread)
    "Swedish": ("", "", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"),
    "Dutch": ("", "", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
}
# Small counts in other languages, where a cadence says them as words ("elke twee weken",
# "deux fois par jour", Swedish "fyra gånger i veckan"): read by the cadence rules in any
# text, the times or interval word saying the language. Two and three in every language above,
# Portuguese's feminine "duas", and Swedish four and five.
FOREIGN_FEW: dict[str, float] = {
    **{words[n]: float(n) for words in ONE_TO_NINE_ABROAD.values() for n in (2, 3)},
    "duas": 2.0, **{ONE_TO_NINE_ABROAD["Swedish"][n]: float(n) for n in (4, 5)}}
_SCALES = r"(?:thousand|million|billion|hundred)"
_FOREIGN_SCALES = (r"(?:mil|mille|tausend|millones|milhões|millions|millionen)\b|"
                   r"(?:tsd|mio|tys|mln)\b\.?")
_SCALE_WORDS = rf"(?:(?:hundred\s+(?:thousand|million)|{_SCALES})\b|{_FOREIGN_SCALES})"
_SMALL = WORDNUM.split("|dozen|", 1)[1]
# Counts said the way people speak: "half a million", "a couple of hundred", "two dozen",
# "a thousand and a half".
# "a few hundred" is read as three hundred (an estimate: "a few" is about three); "several
# hundred", "hundreds of", "thousands of" as five of them (an estimate: "several" is
# more than a few; words17: "several hundred tickets a day" unread, "hundreds of emails every
# day" read 30, once a day); since words18 "dozens of", "millions of" and "tens of thousands
# of" too (60; 5,000,000; 50,000), where a sentence counts work (``volumes``).
SEVERAL = 5
_SPOKEN = (rf"half an? (?:dozen|{_SCALES})\b|(?:a )?couple (?:of )?(?:dozen|{_SCALES})\b|"
           rf"a few (?:dozen|{_SCALES})\b|several (?:dozen|{_SCALES})\b|"
           r"(?:tens|hundreds|thousands) of (?:thousands|millions) of\b|"
           r"(?:dozens|hundreds|thousands|millions) of\b|"
           rf"(?:(?:a|one) )?{_SCALES} and a half\b|\b(?:{_SMALL}) dozen\b")
# A number: digits, with an attached k/M/bn or a scale word or "dozen" after them; a spoken
# count; number-words with a scale word; a number-word. (Digits lead one branch only: trying
# them in several branches doubled the cost of a scan.)
# "½ page", "1½ hours": a vulgar fraction, alone or after a whole number.
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_FRACTION = r"\d*[½¼¾⅓⅔]"
# "1e6", "2.5e5": an engineer's count (two exponent digits at most: "1e309" is no count)
_EXPONENT = r"[eE]\+?\d{1,2}\b"
# "300-ish photos", "30ish pages": about that many, read as the number.
NUMBER = (rf"(?:{_FRACTION}|(?:{DIGITS})(?:{_EXPONENT}|(?:[kKmMbB]|bn|mm)\b|[万千億亿百천만억]|"
          rf"\s+(?:{_SCALE_WORDS}|dozen\b)|-?ish\b)?|"
          rf"{_SPOKEN}|"
          rf"(?:{WORDNUM}|a|an)\s+{_SCALE_WORDS}|\b(?:{WORDNUM})\b)")
NUMBER_RE = re.compile(NUMBER)


def parse_number(text: str) -> float | None:
    """'10k' -> 10000, '1.5M' -> 1.5e6, 'ten thousand' -> 10000, 'a dozen' -> 12."""
    t = text.strip().lower().replace(",", "")
    if t.endswith("ish") and t[:1].isdigit():  # "300-ish", "30ish"
        t = t[:-3].rstrip("-")
    if t[-1:] in _FRACTIONS:  # "½", "1½"
        return (float(t[:-1]) if t[:-1].isdigit() else 0.0) + _FRACTIONS[t[-1]]
    if re.fullmatch(r"\d+(?:\.\d+)?e\+?\d{1,2}", t):  # "1e6", "2.5e5"
        return float(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|m|mm|b|bn|万|千|億|亿|百|천|만|억)?", t)
    if m:
        return float(m.group(1)) * (_SCALE[m.group(2)] if m.group(2) else 1.0)
    parts = t.split()
    if not parts:
        return None
    if parts[0] == "half" and len(parts) == 3:  # "half a million"
        whole = parse_number("a " + parts[2])
        return None if whole is None else whole / 2
    if "couple" in parts[:2]:  # "a couple of hundred", "couple thousand"
        return 2 * _SCALE.get(parts[-1], 12 if parts[-1] == "dozen" else 0) or None
    if parts[:2] == ["a", "few"]:  # "a few hundred": about three hundred
        return 3 * _SCALE.get(parts[-1], 12 if parts[-1] == "dozen" else 0) or None
    if parts[0] == "several":  # "several hundred": about five hundred
        return SEVERAL * _SCALE.get(parts[-1], 12 if parts[-1] == "dozen" else 0) or None
    if parts[-1] == "of" and len(parts) == 2:  # "hundreds of": several hundred
        return SEVERAL * _PLURAL_SCALE.get(parts[0], 0) or None
    if parts[-1] == "of" and len(parts) == 4:  # "hundreds of thousands of": 500,000
        return (SEVERAL * _PLURAL_SCALE.get(parts[0], 0) * _PLURAL_SCALE.get(parts[2], 0)
                or None)
    if parts[-3:] == ["and", "a", "half"] and parts[-4] in _SCALE:  # "a thousand and a half"
        return 1.5 * _SCALE[parts[-4]]
    if parts[-1] == "dozen" and len(parts) == 2 and parts[0] not in ("a", "an"):  # "two dozen"
        base = parse_number(parts[0])
        return None if base is None else base * 12
    if parts[-1] in _SCALE and len(parts[-1]) > 2 and len(parts) >= 2:
        head = " ".join(parts[:-1])
        base = (float(head) if re.fullmatch(r"\d+(?:\.\d+)?", head)
                else parse_number(head) if parts[-2] == "hundred"  # "three hundred thousand"
                else _word_value(head))
        return None if base is None else base * _SCALE[parts[-1]]
    return _word_value(t)


# "dozens of", "tens of thousands of": the unit a loose plural counts in
_PLURAL_SCALE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6}


def _word_value(words: str) -> float | None:
    """'twelve' -> 12, 'twenty-five' -> 25 (a number-word, alone or tens-units)."""
    tens, _, unit = words.partition("-")
    if unit and tens in _TENS.split("|") and unit in _UNITS.split("|"):
        return _WORD_NUMBERS[tens] + _WORD_NUMBERS[unit]
    return _WORD_NUMBERS.get(words)


# Numbers written the European way, rewritten in place to the English way at the same length
# (so every read keeps its offsets into the description): "10.000" and "1.000.000" are
# thousands, a thin, no-break or plain-apostrophe space between digit groups ("1 500",
# "45'000") is a thousands separator, and a decimal comma before a scale ("2,5k", "1,5
# millones", "2,5 Tsd.") is a decimal point. A dotted group after a letter ("v2.100") or
# inside a longer dotted run ("4.10.2") is a version and is left alone.
_DOT_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\d.]|,\d)")
_SPACE_THOUSANDS = re.compile(r"(?<=\d)[\u2009\u202f\u00a0'\u2019](?=\d{3}(?!\d))")
# A plain space between digit groups, as French, Polish and others write thousands ("12 000
# avis", "2 500 chats"): only a whole number of 1-3 digits and 3-digit groups, not a range's
# end, a list ("in 2 500-word essays"), a decimal or a time.
_PLAIN_SPACE_THOUSANDS = re.compile(r"(?<![\d.,:/-])(?<![\d.,:/-] )\d{1,3}(?: \d{3})+(?![\d.,:/%-]|"
                                    r" \d| ?(?:-|to)\s?\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\w.,])\d+(,)\d{1,2}(?=\s?(?:k\b|m\b|bn\b|mil|mio|tsd|tys|mln|"
                            r"tausend|thousand|million|billion))")


_SEPARATED = re.compile(r"\d[.,\u2009\u202f\u00a0'\u2019 ]\d")


def european_numbers(text: str) -> str:
    """'10.000 Tickets' -> '10,000 Tickets', '1 500' -> '1,500', '2,5k' -> '2.5k' (same length)."""
    if _SEPARATED.search(text) is None:
        return text
    text = _DOT_THOUSANDS.sub(lambda m: m.group(0).replace(".", ","), text)
    text = _SPACE_THOUSANDS.sub(",", text)
    text = _PLAIN_SPACE_THOUSANDS.sub(lambda m: m.group(0).replace(" ", ","), text)
    return _DECIMAL_COMMA.sub(lambda m: m.group(0).replace(",", "."), text)


def fmt(x: float) -> str:
    """A number as a reading shows it: '10,000', '2.5'."""
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 or x >= 100 else f"{x:,.2f}".rstrip("0")


# Where a number may start: the number-led patterns are tried only there (a 20,000-character
# text has few), found with one character-class scan and plain substring searches, since a
# long alternation tried at every character is what made long descriptions slow.
_DIGIT_RUN = re.compile(r"[0-9½¼¾⅓⅔][0-9,.]*")
_NUMBER_WORDS = (*WORDNUM.split("|"), "a thousand", "a million", "a hundred", "a billion",
                 "an hour", "half", "a couple", "couple", "thousand", "hundred", "million", "a few",
                 "several", "hundreds", "thousands", "dozens", "millions", "tens")


def number_starts(text: str) -> list[int]:
    """Where a number may start in the (lower-case) text, in order."""
    found = {m.start() for m in _DIGIT_RUN.finditer(text)}
    lower = text  # already lower case (read_workload)
    for word in _NUMBER_WORDS:
        i = lower.find(word)
        while i != -1:
            j = i + len(word)
            if (i == 0 or not lower[i - 1].isalnum()) and (j == len(lower)
                                                          or not lower[j].isalnum()):
                found.add(i)
            i = lower.find(word, i + 1)
    return sorted(found)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` beginning at the candidate positions."""
    out: list[re.Match[str]] = []
    end = -1
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m:
            out.append(m)
            end = m.end()
    return out
