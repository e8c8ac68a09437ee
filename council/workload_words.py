"""Read the workload from a task description: volumes, sizes, loops, languages, latency.

Pure rules over regular expressions, no model: "10k tickets nightly" is 10,000 a night x 30
nights a month; "a 200-page PDF" is 200 pages x TOKENS_PER_PAGE tokens. Every number read is a
``Read`` that keeps the exact words it came from (``words``, with their offsets), so the answer
can show "from your words: '10k tickets nightly'" and the user can check and override it.

Conversions (each a stated assumption, shown with the number it produced):
- TOKENS_PER_WORD 1.33: the common rule of thumb for English, 1,000 tokens ~ 750 words.
- WORDS_PER_PAGE 500: a single-spaced page of prose; so a page is ~665 tokens.
- SPOKEN_WORDS_PER_MINUTE 150: conversational speech runs about 140-160 words a minute.
- TOKENS_PER_LINE 10 and TOKENS_PER_FILE 1,400: measured on this project's own Python
  (78 modules: 10.4 tokens a line, 1,396 tokens a file on average, o200k_base).
- CHARS_PER_TOKEN 4: the common rule of thumb for English text.
- Periods: a day is 1/30 of a month, a week 12/52, a business day 12/260 (5 x 52 a year,
  about 21.7 a month), an hour 1/720 (during business or working hours, 8 a business day:
  about 173 a month), a quarter 3 months, a year 12. "Bi-weekly" and "every other week" read as
  once a fortnight.
- Ranges ("5 to 8 tool calls", "3-4 turns", "between 200 and 300") read as their upper end: the
  bill of the long case.
- A kilobyte or megabyte of a file is 1,000 or 1,000,000 characters (a byte a character);
  gigabytes and terabytes are a corpus (``corpus_size``), never one call's input. "100k LOC"
  is 100,000 lines.
- Numbers written the European way ("10.000", "1 500", "2,5k") and counts, periods, sizes and
  language names said in Spanish, German, French or Portuguese ("10 mil tickets por noche");
  a crontab line ("0 2 * * *") is its schedule; a place or its people next to who writes or
  reads ("our Brazilian customers") names the language spoken there.
- A cadence without a count of its own ("every 15 min", "every Monday", "3x a day") times the
  count its sentence gives ("200-300 reviews every 15 min"); "on weekdays" turns a count a day
  into one a business day; "30,000 users, each has 200 a month" multiplies, so do "3x/wk ...
  for each of my 25 athletes" and "2-3 times per day per person" with "Team size: 45".
- Italian, Dutch, Polish and Japanese (romaji, kana) periods, sizes, language names and waits
  ("ogni settimana", "elke twee weken", "co miesiąc", "毎日", "po polsku", "日本語で"); a text
  in one of those languages or German, Spanish, French or Portuguese that names another
  language is read as in its own too ("gerne auch auf Englisch": German and English), unless
  it asks for a translation.
- Numbers that name rather than count are skipped: headings and ranks ("Step 7", "Year 9",
  "the 20 most important"), times of day ("at 02:00") and dates ("15 March", "january 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

TOKENS_PER_WORD = 1.33
WORDS_PER_PAGE = 500
SPOKEN_WORDS_PER_MINUTE = 150
TOKENS_PER_LINE = 10
TOKENS_PER_FILE = 1400
CHARS_PER_TOKEN = 4

# Tokens per unit of size, in the catalog's reference encoding.
UNIT_TOKENS: dict[str, float] = {
    "page": WORDS_PER_PAGE * TOKENS_PER_WORD,
    "word": TOKENS_PER_WORD,
    "minute": SPOKEN_WORDS_PER_MINUTE * TOKENS_PER_WORD,
    "hour": 60 * SPOKEN_WORDS_PER_MINUTE * TOKENS_PER_WORD,
    "line": TOKENS_PER_LINE,
    "file": TOKENS_PER_FILE,
    "token": 1.0,
    "char": 1 / CHARS_PER_TOKEN,
}

UNIT_WHY: dict[str, str] = {
    "page": f"~{WORDS_PER_PAGE} words a page x {TOKENS_PER_WORD} tokens a word",
    "word": "1,000 tokens ~ 750 English words",
    "minute": f"~{SPOKEN_WORDS_PER_MINUTE} spoken words a minute x {TOKENS_PER_WORD} tokens a word",
    "hour": f"~{SPOKEN_WORDS_PER_MINUTE} spoken words a minute x {TOKENS_PER_WORD} tokens a word",
    "line": f"~{TOKENS_PER_LINE} tokens a line of code",
    "file": f"~{TOKENS_PER_FILE:,} tokens a source file (this project's Python averages 1,396)",
    "token": "as stated",
    "char": f"~{CHARS_PER_TOKEN} characters a token",
}

PER_MONTH: dict[str, float] = {
    "second": 30 * 24 * 3600, "minute": 30 * 24 * 60, "hour": 30 * 24, "day": 30,
    "business day": 5 * 52 / 12, "week": 52 / 12, "fortnight": 26 / 12, "month": 1,
    "quarter": 1 / 3, "year": 1 / 12,
}
BUSINESS_HOURS_PER_MONTH = 8 * PER_MONTH["business day"]

# Calls per task of an agent loop when the words give no number. Coding agents on a repository:
# SWE-agent trajectories on SWE-Bench Pro run a median of 29 to 78 steps per task across four
# models (nilenso's analysis of 2,920 trajectories); 50 sits in that range. Other tool loops:
# the agentic category's default of 15 (an assumption, not a measurement).
CODING_AGENT_CALLS = 50
CODING_AGENT_SOURCE = ("coding agents on a repository take a median 29-78 steps per task "
                       "(SWE-agent on SWE-Bench Pro, four models)")
AGENT_LOOP_CALLS = 15
AGENT_LOOP_SOURCE = "the agentic default for a tool loop (an assumption, not a measurement)"

LANGUAGES: tuple[str, ...] = (
    "English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Japanese",
    "Chinese", "Mandarin", "Cantonese", "Korean", "Arabic", "Hindi", "Russian", "Ukrainian",
    "Polish", "Turkish", "Vietnamese", "Thai", "Indonesian", "Malay", "Swedish", "Norwegian",
    "Danish", "Finnish", "Greek", "Hebrew", "Czech", "Romanian", "Hungarian", "Bengali", "Urdu",
    "Persian", "Farsi", "Tagalog", "Swahili", "Catalan", "Bulgarian", "Croatian", "Serbian",
    "Slovak", "Slovenian", "Estonian", "Latvian", "Lithuanian", "Icelandic", "Irish", "Welsh",
    "Tamil", "Telugu", "Marathi", "Gujarati", "Punjabi", "Afrikaans", "Zulu", "Amharic",
)


@dataclass(frozen=True)
class Read:
    """One value read from the description, with the exact words it came from."""

    name: str
    value: float | int | bool | str | tuple[str, ...]
    words: str  # the exact span of the description
    start: int
    end: int
    how: str = ""  # how the words became the value ("10,000 a night x 30 nights a month")
    quantity: float | None = None  # sizes: the number in the words' own unit
    unit: str = ""  # sizes: page, file, hour, minute, word, line, token, char


@dataclass(frozen=True)
class WorkloadWords:
    """Everything the reader found; a field is None when the words do not say."""

    runs_per_month: Read | None = None
    input_size: Read | None = None  # value: reference tokens
    output_size: Read | None = None
    calls_per_task: Read | None = None  # an explicit number of steps, turns or tool calls
    loop: Read | None = None  # value "agent" or "multi_turn"
    coding: bool = False  # code words near an agent loop (sets the loop's default length)
    languages: Read | None = None  # value: tuple of language names
    latency: Read | None = None  # value "batch_ok" or "no_batch"
    corpus_size: Read | None = None  # gigabytes and up: the whole data, not one call's input
    reads: tuple[Read, ...] = field(default=(), repr=False)

    @property
    def user_waits(self) -> bool | None:
        """True when the words say someone waits for the answer, False when it can wait."""
        if self.latency is not None:
            return self.latency.value == "no_batch"
        if self.loop is not None and self.loop.value == "multi_turn":
            return True
        return None

    def summary(self) -> dict[str, object]:
        """The readings as plain values, in the fixture's terms (tests/data/workload_phrases)."""
        def size(r: Read | None) -> list[object] | None:
            return None if r is None else [r.quantity, r.unit]

        return {
            "runs_per_month": None if self.runs_per_month is None else self.runs_per_month.value,
            "input": size(self.input_size), "output": size(self.output_size),
            "calls_per_task": None if self.calls_per_task is None else self.calls_per_task.value,
            "loop": None if self.loop is None else self.loop.value,
            "languages": sorted(self.languages.value) if self.languages else [],  # type: ignore[arg-type]
            "latency": (None if self.user_waits is None
                        else "no_batch" if self.user_waits else "batch_ok"),
        }


# ------------------------------------------------------------------ numbers

_WORD_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}
_SCALE: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "hundred": 100,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    # the same said in Spanish, Portuguese, French and German ("10 mil tickets", "2,5 Tsd.")
    "mil": 1e3, "mille": 1e3, "tausend": 1e3, "tsd": 1e3, "tsd.": 1e3, "millones": 1e6,
    "milhões": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6,
}
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (r"a dozen|dozen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|fifteen|"
            r"eleven|twelve|one|two|three|four|five|six|seven|eight|nine|ten")
_SCALES = r"(?:thousand|million|billion|hundred)"
_FOREIGN_SCALES = r"(?:mil|mille|tausend|millones|milhões|millions|millionen)\b|(?:tsd|mio)\b\.?"
_SCALE_WORDS = rf"(?:(?:hundred\s+(?:thousand|million)|{_SCALES})\b|{_FOREIGN_SCALES})"
_SMALL = _WORDNUM.split("|dozen|", 1)[1]
# Counts said the way people speak: "half a million", "a couple of hundred", "two dozen",
# "a thousand and a half".
_SPOKEN = (rf"half an? (?:dozen|{_SCALES})\b|(?:a )?couple (?:of )?(?:dozen|{_SCALES})\b|"
           rf"(?:(?:a|one) )?{_SCALES} and a half\b|\b(?:{_SMALL}) dozen\b")
# A number: digits, with an attached k/M/bn or a scale word or "dozen" after them; a spoken
# count; number-words with a scale word; a number-word. (Digits lead one branch only: trying
# them in several branches doubled the cost of a scan.)
NUMBER = (rf"(?:(?:{_DIGITS})(?:(?:[kKmMbB]|bn|mm)\b|\s+(?:{_SCALE_WORDS}|dozen\b))?|{_SPOKEN}|"
          rf"(?:{_WORDNUM}|a|an)\s+{_SCALE_WORDS}|\b(?:{_WORDNUM})\b)")
_NUMBER_RE = re.compile(NUMBER)


def parse_number(text: str) -> float | None:
    """'10k' -> 10000, '1.5M' -> 1.5e6, 'ten thousand' -> 10000, 'a dozen' -> 12."""
    t = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|m|mm|b|bn)?", t)
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
    if parts[-3:] == ["and", "a", "half"] and parts[-4] in _SCALE:  # "a thousand and a half"
        return 1.5 * _SCALE[parts[-4]]
    if parts[-1] == "dozen" and len(parts) == 2 and parts[0] not in ("a", "an"):  # "two dozen"
        base = parse_number(parts[0])
        return None if base is None else base * 12
    if parts[-1] in _SCALE and len(parts[-1]) > 2 and len(parts) >= 2:
        head = " ".join(parts[:-1])
        base = (float(head) if re.fullmatch(r"\d+(?:\.\d+)?", head)
                else parse_number(head) if parts[-2] == "hundred"  # "three hundred thousand"
                else _WORD_NUMBERS.get(head))
        return None if base is None else base * _SCALE[parts[-1]]
    return _WORD_NUMBERS.get(t)


# Numbers written the European way, rewritten in place to the English way at the same length
# (so every read keeps its offsets into the description): "10.000" and "1.000.000" are
# thousands, a thin, no-break or plain-apostrophe space between digit groups ("1 500",
# "45'000") is a thousands separator, and a decimal comma before a scale ("2,5k", "1,5
# millones", "2,5 Tsd.") is a decimal point. A dotted group after a letter ("v2.100") or
# inside a longer dotted run ("4.10.2") is a version and is left alone.
_DOT_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\d.]|,\d)")
_SPACE_THOUSANDS = re.compile(r"(?<=\d)[\u2009\u202f\u00a0'\u2019](?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<![\w.,])\d+(,)\d{1,2}(?=\s?(?:k\b|m\b|bn\b|mil|mio|tsd|"
                            r"tausend|thousand|million|billion))")


_SEPARATED = re.compile(r"\d[.,\u2009\u202f\u00a0'\u2019]\d")


def european_numbers(text: str) -> str:
    """'10.000 Tickets' -> '10,000 Tickets', '1 500' -> '1,500', '2,5k' -> '2.5k' (same length)."""
    if _SEPARATED.search(text) is None:
        return text
    text = _DOT_THOUSANDS.sub(lambda m: m.group(0).replace(".", ","), text)
    text = _SPACE_THOUSANDS.sub(",", text)
    return _DECIMAL_COMMA.sub(lambda m: m.group(0).replace(",", "."), text)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 or x >= 100 else f"{x:,.2f}".rstrip("0")


# ------------------------------------------------------------------ sizes

_SIZE_UNITS = {
    "page": r"pages?|pgs?|p[aá]ginas?|seiten?|pagine|stron[yę]?|strona",
    # a file format between the count and "files": "12 CSV files"
    "file": r"(?:(?:csv|pdf|json|xml|xlsx?|excel|docx?|txt|markdown|html|python) )?files?",
    "word": r"words?|mots|palabras|palavras|w[oö]rter|parole|woorden|słów|słowa",
    "line": r"(?:log |code |source )?lines?(?: of code)?|s?loc", "token": r"tokens?",
    "char": r"characters|chars",
    "byte": r"[kmgt]b|(?:kilo|mega|giga|tera)bytes?",
}
_NOT_CONTENT = re.compile(r"\b(?:memory|ram|limit|heap|cache|disk|storage|quota)\b[^.]{0,25}$")
# A file's bytes are its characters (one byte a character in ASCII text). Kilo- and megabytes
# only: a gigabyte is ~250M tokens, no call's input but a corpus ("the 30 GB email archive").
_BYTES = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}
# Gigabytes and terabytes are a corpus ("the 30 GB email archive", "a 10 GB CSV"): ~250
# million tokens and up, no call's input. They are read as such and shown ("split into
# chunks, each call reads one"), never as the input of a call.
CORPUS_UNITS = "gt"
_SIZE_RE = re.compile(
    rf"(?P<num>{NUMBER})(?:\s*(?:-|to)\s*(?P<num2>{_DIGITS}))?\s*-?\s*(?P<unit>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _SIZE_UNITS.items()) + r")\b"
    r"(?!\s*(?:of\s+)?(?:ram|memory|vram|gpu|disk|storage|ssd|hdd)\b)"
    r"(?!\s*(?:box(?:es)?|machines?|instances?|nodes?|vms?|laptops?)\b)")
_DURATION_RE = re.compile(
    rf"(?<!per )(?<!every )(?<!a )(?P<h>\d+)\s*h\s*(?P<m>\d{{2}})\b"
    rf"|(?<!per )(?<!every )(?P<num>{NUMBER}|an)\s*-?\s*(?P<unit>hours?|hrs?|h|minutes?|mins?|"
    rf"minutos|minuten|horas|stunden|heures|uur|ore|godzin[ya]?|minuti|minut[y]?)\b"
    r"(?P<half>\s+and\s+a\s+half\b)?"
    r"(?!\s+(?:a|per|every)\b|\s+each\s+(?:day|night|morning|week|month|hour)\b)")
_AUDIO = re.compile(r"transcri|recording|\bcalls?\b|meeting|podcast|video|memo|webinar|hearing|"
                    r"interview|episode|audio|lecture|deposition|voice|llamadas?|chamadas?|anrufe?|appels?")
# More spoken things (a 1:1, a stand-up; a meeting, call or recording in Dutch, Italian or
# Polish) behind a substring test: each branch added to _AUDIO slowed every read.
_AUDIO_MORE_KEYS = ("1:1", "one-on-one", "standup", "stand-up", "vergader", "gesprek",
                    "riunion", "chiamat", "spotkani", "nagrani", "rozmow")
_AUDIO_MORE = re.compile(r"\b1:1s?\b|one-on-one|stand-?up|vergader|gesprek|riunion|chiamat|"
                         r"spotkani|nagrani|rozmow")


def _audio(text: str) -> bool:
    """Whether the words name something spoken, whose length a duration gives."""
    return _AUDIO.search(text) is not None or (
        _has(text, _AUDIO_MORE_KEYS) and _AUDIO_MORE.search(text) is not None)
_OUTPUT_CUE = re.compile(r"^(?:write|writes|draft|drafts|generate|generates|produce|produces|"
                         r"compose|compile|create|creates|into|to|as|returning|return|reply|"
                         r"summaries|summary|output|streszczenie|streszczenia|riassunto|"
                         r"samenvatting|verslag|resumen|resumo|zusammenfassung)$")
_INPUT_CUE = re.compile(r"^(?:from|of|over|in|across|for|read|reads|review|our|the|"
                        r"about|typically|summarise|summarize|translate|extract|analyse|"
                        r"analyze|answer|given|with|on)$")


# What is produced, named right after its size: "a 2-page executive brief", "a one-page
# summary"; a character limit ("under 80 characters", "155 characters max") bounds an output.
_OUTPUT_NOUN = re.compile(r"[-\s]*(?:[\w-]+\s+)?(?:brief|briefing|summary|digest|abstract|"
                          r"synopsis|recap|overview|scorecard|memo|description|blurb)\b")
_LIMIT_BEFORE = re.compile(r"\b(?:under|below|at most|no more than|fewer than|less than|"
                           r"max(?:imum)?|max\.|limit(?:ed)? (?:of|to))\s*$")
_LIMIT_AFTER = re.compile(r"\s*(?:max(?:imum)?|or less|or fewer|limit)\b")


def _role(text: str, start: int, end: int | None = None) -> str:
    """'output' when a producing word ('write a', 'into a') leads to the size, or the size
    names what is produced ('a 2-page brief') or limits it ('under 80 characters'), else
    'input'."""
    if end is not None and "char" in text[start:end] and (
            _LIMIT_BEFORE.search(text, max(0, start - 16), start)
            or _LIMIT_AFTER.match(text, end)):
        return "output"
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])
    if before[-2:] == ["up", "to"]:
        before = before[:-2]
    for w in reversed(before[-3:]):
        if w.lower() in ("a", "an", "the", "one", "daily", "weekly", "short", "single", "each"):
            continue
        if _OUTPUT_CUE.match(w):
            return "output"
        if _INPUT_CUE.match(w):
            return "input"
    return "output" if end is not None and _OUTPUT_NOUN.match(text, end) else "input"


# Where a number may start: the number-led patterns are tried only there (a 20,000-character
# text has few), found with one character-class scan and plain substring searches, since a
# long alternation tried at every character is what made long descriptions slow.
_DIGIT_RUN = re.compile(r"[0-9][0-9,.]*")
_NUMBER_WORDS = (*_WORDNUM.split("|"), "a thousand", "a million", "a hundred", "a billion",
                 "an hour", "half", "a couple", "couple", "thousand", "hundred", "million")


def _starts(text: str) -> list[int]:
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


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
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


_AND_OUT = re.compile(rf"\s+in\s*(?:,|/|and|&)\s*(?:~|about |around )?(?P<num>{_DIGITS}k?)"
                      r"(?:\s*(?:tokens?|words?))?\s+out\b")


def _sizes(text: str, starts: list[int]) -> tuple[list[Read], list[tuple[int, int]]]:
    found: list[Read] = []
    spans: list[tuple[int, int]] = []
    for m in _matches_at(_SIZE_RE, text, starts):
        unit = next(k for k in _SIZE_UNITS if m.group(k))
        qty = parse_number(m.group("num2") or m.group("num"))
        if qty is None or qty <= 0:
            continue
        if _RATE_AFTER.match(text, m.end()):
            continue  # "3 million log lines every day", "15 pages a day" are volumes
        if text.endswith("per ", 0, m.start()) and any(
                c in text[max(0, m.start() - 20):m.start()] for c in _CURRENCY):
            continue  # "$0.002 per 1K tokens" is a price's unit
        spans.append((m.start(), m.end()))
        if unit == "byte":  # "a 3 MB log": 3,000,000 characters
            if _NOT_CONTENT.search(text, max(0, m.start() - 30), m.start()):
                spans.pop()
                continue  # "memory limit per test 256 megabytes"
            name = m.group("unit")
            said = f"{_fmt(qty)} {name.upper() if len(name) == 2 else name}"
            qty, unit = qty * _BYTES[name[0]], "char"
            if name[0] in CORPUS_UNITS:
                tokens = round(qty * UNIT_TOKENS["char"])
                found.append(Read("corpus_size", tokens, text[m.start():m.end()], m.start(),
                                  m.end(), f"{said} = {_fmt(qty)} characters (a byte each), "
                                  f"~{_fmt(tokens)} tokens: more than any call reads, so it is "
                                  "split into chunks and each call reads one", qty, unit))
                continue
            found.append(_size_read(text, m.start(), m.end(), qty, unit,
                                    said=f"{said} = {_fmt(qty)} characters (a byte each); "))
            continue
        found.append(_size_read(text, m.start(), m.end(), qty, unit))
        out = _AND_OUT.match(text, m.end()) if found[-1].name == "input_tokens" else None
        if out is not None and (n := parse_number(out.group("num"))):
            # "800 tokens in and 200 out": the second number is the output, in the same unit
            spans.append((out.start("num"), out.end()))
            found.append(_size_read(text, out.start("num"), out.end(), n, unit, role="output"))
    if not _audio(text):  # durations are sizes only of spoken things
        return found, spans
    for m in re.finditer(r"\b(?:an? )?hour[- ]long\b", text) if "hour" in text else ():
        if _audio(_sentence_around(text, m.start())) and not any(
                s <= m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            found.append(_size_read(text, m.start(), m.end(), 1.0, "hour", role="input"))
    for m in _matches_at(_DURATION_RE, text, starts):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if m.group("h"):
            qty, unit = float(m.group("h")) * 60 + float(m.group("m")), "minute"
        else:
            raw = m.group("num")
            qty = 1.0 if raw.lower() == "an" else parse_number(raw)
            unit = ("hour" if m.group("unit").lower().startswith(("h", "st", "u", "o", "g"))
                    else "minute")
            if m.group("half") and qty:  # "an hour and a half"
                qty += 0.5
        if not qty or qty <= 0:
            continue
        sentence = _sentence_around(text, m.start())
        hyphen = "-" in m.group(0)
        if not _audio(sentence) or (not hyphen and re.search(
                r"(?:within|turnaround|in|under|after|for)\s*$", text[max(0, m.start() - 20):
                                                                    m.start()])):
            continue
        spans.append((m.start(), m.end()))
        read = _size_read(text, m.start(), m.end(), qty, unit, role="input")
        last = found[-1] if found and found[-1].unit in ("hour", "minute") else None
        if (last is not None and _ALTERNATIVE.search(text, last.end, m.start())
                and "." not in text[last.end:m.start()]):
            # "usually about an hour, sometimes a 90-min call": the long case, as a range
            if read.value > last.value:  # type: ignore[operator]
                found[-1] = read
            continue
        found.append(read)
    return found, spans


# Between two durations of one sentence, a word that makes them alternatives (a range).
_ALTERNATIVE = re.compile(r"\b(?:sometimes|occasionally|or|up to|at most|even)\b")


def _size_read(text: str, start: int, end: int, qty: float, unit: str,
               role: str | None = None, said: str = "") -> Read:
    role = role or _role(text, start, end)
    tokens = max(1, round(qty * UNIT_TOKENS[unit]))
    per = UNIT_TOKENS[unit]
    how = said + (f"{_fmt(qty)} {unit}{'s' if qty != 1 else ''} x {per:,.0f}"
           f"{'' if per >= 10 else f'{per:.2f}'[1:]} tokens "
           f"({UNIT_WHY[unit]})" if unit != "token" else "as stated")
    return Read(f"{role}_tokens", tokens, text[start:end], start, end, how, qty, unit)


# ------------------------------------------------------------------ volumes

_PERIOD_NAMES = (r"second|sec|minute|min|hour|hr|business day|working day|weekday|work day|"
                 r"day|night|morning|evening|week|wk|fortnight|month|mth|mo|quarter|year|yr|term")


# "15 pages a day", "3 million log lines every day": a volume, not one call's size.
_RATE_AFTER = re.compile(rf"\s*(?:/|(?:a|per|each|every)\s+)(?:{_PERIOD_NAMES})s?\b")


def _period(group: str) -> str:
    return rf"(?P<{group}>{_PERIOD_NAMES})s?"


_PERIOD_WORDS = _period("unit")
_PERIOD_RE = re.compile(
    rf"(?:/\s*{_period('unit1')}|\b(?:per|a|an|each|every|in a|over the|in total over the)\s+"
    rf"{_period('unit')}\b|\b(?P<adverb>nightly|daily|bi-?weekly|weekly|monthly|hourly|yearly|"
    rf"annually|quarterly|fortnightly)\b)")
_ADVERB_UNIT = {"nightly": "day", "daily": "day", "weekly": "week", "monthly": "month",
                "hourly": "hour", "yearly": "year", "annually": "year", "quarterly": "quarter",
                "fortnightly": "fortnight", "biweekly": "fortnight", "bi-weekly": "fortnight"}
_UNIT_ALIAS = {"sec": "second", "min": "minute", "hr": "hour", "night": "day", "morning": "day",
               "wk": "week", "mo": "month", "mth": "month", "yr": "year",
               "evening": "day", "working day": "business day", "weekday": "business day",
               "work day": "business day"}
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# "every Monday", "each Friday", "on Mondays": once a week ("on Monday" alone is one day).
_WEEKDAY_RE = re.compile(rf"\b(?:(?:every|each) {_WEEKDAYS}|on {_WEEKDAYS}s)\b")
_INTERVAL_RE = re.compile(rf"\bevery\s+(?P<n>{_DIGITS}|{_WORDNUM}|other)\s+{_PERIOD_WORDS}\b")
_TIMES_RE = re.compile(r"\b(?P<t>once|twice|thrice|three times|four times|\d+ ?(?:x|times))\s+"
                       r"(?:a|an|per|each|every)\s+"
                       + _PERIOD_WORDS + r"\b")
# Not after an abbreviation: "(approx. 150 mails/day)" is one sentence.
_SENTENCE_END = re.compile(r"[.;!?](?<!approx\.)(?<!\bca\.)(?<!\bvs\.)(?<!e\.g\.)(?<!i\.e\.)"
                           r"(?<!\btsd\.)(?<!\bmio\.)"
                           r"(?:\s|$)|\n")
_CONTENT_BEFORE = re.compile(r"\b(?:of|from|with|in|past|last|next|first|top)\s+"
                             r"(?:~|about |roughly |around |our |the )?$")
# After such a word a count may still be what each run covers: "each of our 40 stores", "the
# feeds of our 40 vendors" (a fleet of one's own), "a nightly eval of 1,000 prompts".
_ITEMS_BEFORE = re.compile(r"(?:\beach of (?:our |the )?|\b(?:of|from|across) (?:all )?our |"
                           r"\b(?:evals?|evaluations?|batch|run|job|sweep) of "
                           r"(?:~|about |roughly |around )?)$")


def _counts_items(text: str, n: re.Match[str], lo: int) -> bool:
    """Whether a number after a cadence may be the count each run covers."""
    before = text[max(lo, n.start() - 20):n.start()]
    return not _CONTENT_BEFORE.search(before) or _ITEMS_BEFORE.search(before) is not None


_HEDGE = re.compile(r"(?:\b(?:about|around|roughly|approximately|approx\.|nearly|almost|some|"
                    r"up to|over|maybe|~)\s*|~)$")
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0, "three times": 3.0, "four times": 4.0}
# "on weekdays", "Monday to Friday": a count a day is a count a business day.
_WEEKDAYS_ONLY = re.compile(r"\b(?:on|only on) weekdays\b|\bweekdays only\b|"
                            r"\bmon(?:day)? ?(?:to|through|thru|-) ?fri(?:day)?\b")


def _sentence_around(text: str, pos: int) -> str:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            return text[start:m.start() + 1]
    return text[start:]


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


_UNIT_AFTER = re.compile(r"[-\s]?(?:minutes?|hours?|pages?|files?|words?|tokens?|steps?|turns?|"
                         r"queues?|categories|labels|fields|languages|bullet)\b")


_CURRENCY = frozenset("$€£¥")
_PRICE_AFTER = re.compile(r"\s?(?:(?:usd|eur|gbp|dollars?|euros?|pounds|bucks)\b|[$€£])")


# Words of Spanish or Portuguese (where "10 mil" is ten thousand).
_ROMANCE = re.compile(r"\b(?:por|para|de|del|los|las|unos|unas|uns|umas|cerca|nuestros|nossos|"
                      r"nuestras|nossas|cada|mais|más|el|os|as)\b")


_COMPOUND = re.compile(r"-[a-z]")


_MONTHS = (r"january|february|march|april|june|july|august|september|october|november|"
           r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
# A number that names or orders rather than counts: a heading or a rank ("Step 7", "Year 9",
# "Section 2.3", "top 10"), a time of day ("at 02:00", "2pm"), a date ("15 March").
_LABEL_BEFORE = re.compile(rf"(?:\b(?:step|phase|stage|section|chapter|article|part|level|"
                           r"sprint|year|grade|ward|room|floor|top|no\.|"
                           rf"{_MONTHS})|\d:|#)\s*$")
_NOT_A_COUNT_AFTER = re.compile(rf"(?::\d\d|\s?(?:am|pm)\b|\s+(?:{_MONTHS})\b)")
_EACH_DONE = re.compile(rf"\beach\b(?!\s+(?:{_PERIOD_NAMES}|time|run)s?\b)")
_RANKED = re.compile(r"\s+(?:most|least|best|worst|latest|newest|largest|biggest|highest|"
                     r"lowest)\b")
# "12 files a day", "3 pages per week" of a pager, "15 pages a day ... one page per form": a
# count in a unit of size that is a count of tasks.
_PAGER = re.compile(r"pager|\bon-?call\b|\bsev-?\d|\bincidents?\b")
_ONE_PAGE_EACH = re.compile(r"\b(?:one|a|1|single) page (?:per|each|a)\b|\ba page each\b|"
                            r"\bone-page (?!summar|brief|report)")


def _units_are_tasks(text: str, unit: re.Match[str]) -> bool:
    said = unit.group(0).strip(" -")
    if not _RATE_AFTER.match(text, unit.end()):
        return False
    if said.startswith("file"):
        return True
    return said.startswith("page") and (_PAGER.search(text) is not None
                                        or _ONE_PAGE_EACH.search(text) is not None)


def _numbers(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Numbers in text[lo:hi] outside the spans already read as sizes or steps."""
    out = []
    for m in _NUMBER_RE.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        if m.group(0).lower() in ("a", "an", "one"):
            continue
        if re.match(r"\s*(?:-|to)\s*\d", text[e:e + 6]) or re.match(r"\s*%", text[e:e + 2]):
            continue  # a range's low end, a percentage
        if text.endswith("between ", max(0, s - 8), s) and text.startswith(" and ", e):
            continue  # "between 200 and 300": the low end
        if text[max(0, s - 2):s].strip()[-1:] in _CURRENCY or _PRICE_AFTER.match(text, e):
            continue  # "$49/month" is a price, not a volume
        unit = _UNIT_AFTER.match(text, e)
        if unit and not _units_are_tasks(text, unit):
            continue  # "12 queues", "3 bullet points": a size or a label count, not a volume
        if _LABEL_BEFORE.search(text, max(0, s - 10), s) or _NOT_A_COUNT_AFTER.match(text, e):
            continue  # "Step 7", "Year 9", "at 02:00", "15 March"
        if _RANKED.match(text, e) and not _EACH_DONE.search(text[e:e + 100].split(".")[0]):
            continue  # "the 20 most important emails": what one run reads, unless each is done
        if s and ((text[s - 1].isalpha() and text[s - 1].isascii())
                  or (text[s - 1] == "-" and text[s - 2:s - 1].isalpha())):
            continue  # "v2.4", "Q3", "P1", "GPT-5": a name, not a count ("約200件" is one)
        if _COMPOUND.match(text, e):
            continue  # "3-tier", "5-star": a compound word, not a count
        if m.group(0).endswith("mil") and not _ROMANCE.search(text):
            continue  # "mil" is a thousand in Spanish or Portuguese, a million in English slang
        out.append(m)
    return out


def _a(unit: str) -> str:
    """'a week', 'an hour': the period with its article, as the reading is shown."""
    return f"an {unit}" if unit == "hour" else f"a {unit}"


def _per_month(unit: str, sentence: str) -> float:
    unit = _UNIT_ALIAS.get(unit.lower(), unit.lower())
    if unit == "hour" and re.search(r"business hours|working hours|office hours", sentence):
        return BUSINESS_HOURS_PER_MONTH
    return PER_MONTH.get(unit, 0.0)


_DELIVERABLE = re.compile(r"\s+(?:\d+-\w+\s+)?(?:\w+\s+)?(?:digest|summary|summaries|report|"
                          r"update|brief|briefing|newsletter|batch|job|run|check|export|eval|evaluation)(?:e?s)?\b")


def _standalone(text: str, p: re.Match[str], lo: int) -> bool:
    """Whether a period word names how often the task runs ('Nightly batch:', 'we run evals
    weekly', 'a daily digest'), not what the content covers ('monthly sales', 'the weekly sync')."""
    word = p.group(0).strip()
    if p.start() - lo < 3 or re.match(r"every|each|cada|chaque|jede|tou|tod|ogni|elke|iedere|"
                                      r"co |raz ", word):
        return True
    if not p.group("adverb"):
        return False
    after = text[p.end():]
    if _DELIVERABLE.match(after):
        return not _NOT_A_RUN.match(after)  # "our weekly newsletter template": one-off
    return bool(re.match(r"\s*(?:[,.;:)]|$)", after) or _ADVERBIAL.match(after))


# A cadence before a recurring event says one item an occurrence: "the notes of our weekly
# meeting" is one meeting a week. Not when each of several items is done for it ("each epic
# ... for the weekly sync": how many epics is not said).
_EVENTS = (r"(?:meetings?|stand-?ups?|syncs?|calls?|reviews?|retros?|retrospectives?|1:1s?|"
           r"one-on-ones?|all-hands|town halls?|huddles?|check-ins?|webinars?|podcasts?|"
           r"episodes?|demos?)\b")
_EVENT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _EVENTS)
_BARE_EVENT = re.compile(r"\s+" + _EVENTS)  # "every weekly sync": the event, unqualified
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+$")
# The task hangs on each occurrence: "before each quarterly earnings call".
_WHEN_EACH_BEFORE = re.compile(r"\b(?:before|after|ahead of|following|prior to|during)\s+"
                               r"(?:each|every)\s+$")
_EACH = re.compile(r"\b(?:each|every|all)\b")
_FOR_BEFORE = re.compile(r"\bfor (?:the |our |a |an |each |every |this )?$")
# "hourly for the on-call engineer", "daily to the team": the adverb says when the task runs.
_ADVERBIAL = re.compile(r"\s+(?:for|to|and|from|into|with|by|at|until|so)\b")
_NOT_A_RUN = re.compile(r"\s+(?:\w+\s+)?(?:template|format|layout|style)s?\b")


def _event(text: str, p: re.Match[str], lo: int) -> re.Match[str] | None:
    """The recurring event after a cadence adverb ('weekly meeting', 'daily standup')."""
    if not p.group("adverb"):
        return None
    if _EACH_BEFORE.search(text, max(lo, p.start() - 6), p.start()):
        # "every weekly sync", "after each quarterly earnings call": one an occurrence; not
        # "each weekly client call transcript" (whose, and how many, is not said)
        if (_BARE_EVENT.match(text, p.end())
                or _WHEN_EACH_BEFORE.search(text, max(lo, p.start() - 20), p.start())):
            return _EVENT.match(text, p.end())
        return None
    if (_FOR_BEFORE.search(text, max(lo, p.start() - 20), p.start())
            and _EACH.search(text, lo, p.start())):
        return None
    return _EVENT.match(text, p.end())


# The period words alone, scanned first: a pattern whose branches start with plain letters is
# several times faster than _PERIOD_RE tried at every character.
_UNIT_SCAN = re.compile(r"(?:s(?:ec(?:ond)?)|m(?:in(?:ute)?|orning|onth(?:ly)?|th|o)|"
                        r"h(?:ou)?r(?:ly)?|"
                        r"d(?:ay|aily)|n(?:ight(?:ly)?)|w(?:eek(?:ly|day)?|orking day|ork day)|"
                        r"b(?:usiness day)|e(?:vening)|f(?:ortnight(?:ly)?)|q(?:uarter(?:ly)?)|"
                        r"y(?:ea)?r(?:ly)?|t(?:erm)|a(?:nnually)|wk)s?\b")

# Periods said in Spanish, Portuguese, French and German ("10 mil tickets por noche", "pro
# Tag", "par jour", "im Monat", "jede Nacht", "chaque semaine", "llamadas diarias"): only after
# their own prepositions, since "tag" or "an" alone are English words.
_FOREIGN_UNITS = {
    "día": "day", "dia": "day", "tag": "day", "jour": "day", "noche": "day", "noite": "day",
    "nacht": "day", "nuit": "day", "semana": "week", "woche": "week", "semaine": "week",
    "mes": "month", "mês": "month", "monat": "month", "mois": "month", "año": "year",
    "ano": "year", "jahr": "year", "année": "year", "hora": "hour", "stunde": "hour",
    "heure": "hour", "werktag": "business day", "arbeitstag": "business day",
    "día hábil": "business day", "dia útil": "business day", "jour ouvré": "business day",
    # Italian, Dutch and Polish ("al giorno", "ogni settimana", "per dag", "elke week", "co
    # miesiąc", "raz na kwartał")
    "giorno": "day", "notte": "day", "settimana": "week", "mese": "month",
    "dag": "day", "week": "week", "maand": "month", "jaar": "year", "werkdag": "business day",
    "dzień": "day", "dzien": "day", "noc": "day", "tydzień": "week", "tydzien": "week",
    "miesiąc": "month", "miesiac": "month", "kwartał": "quarter", "kwartal": "quarter",
    "rok": "year",
}
_FOREIGN_ADVERBS = {
    "diario": "day", "diaria": "day", "diarios": "day", "diarias": "day", "diariamente": "day",
    "diárias": "day", "diários": "day", "täglich": "day", "quotidien": "day",
    "quotidiens": "day", "quotidiennes": "day", "nächtlich": "day", "semanal": "week",
    "semanales": "week", "semanais": "week", "semanalmente": "week", "wöchentlich": "week",
    "hebdomadaire": "week", "mensual": "month", "mensuales": "month", "mensal": "month",
    "mensais": "month", "mensalmente": "month", "monatlich": "month", "mensuel": "month",
    "mensuels": "month", "anual": "year", "anuales": "year", "anuais": "year",
    "jährlich": "year", "annuel": "year", "annuels": "year",
    "giornalmente": "day", "quotidianamente": "day", "settimanalmente": "week",
    "mensilmente": "month", "dagelijks": "day", "wekelijks": "week", "maandelijks": "month",
    "jaarlijks": "year", "codziennie": "day", "dziennie": "day", "tygodniowo": "week",
    "miesięcznie": "month", "kwartalnie": "quarter", "rocznie": "year",
    "mainichi": "day", "maishuu": "week", "maishū": "week", "maitsuki": "month",
    "毎日": "day", "毎週": "week", "毎月": "month",
}
_FOREIGN_UNIT_WORDS = "|".join(sorted(_FOREIGN_UNITS, key=len, reverse=True))
_FOREIGN_PERIOD_RE = re.compile(
    rf"(?:(?<=\w)/\s*(?P<unit1>{_FOREIGN_UNIT_WORDS})|\b(?:por|pro|par|al|im|am|ao|cada|jede[nrs]?|"
    rf"chaque|toutes les|tous les|todas as|todos os|todas las|todos los|a la|à la|"
    rf"ogni|alla|elke|iedere|per|raz na|co|na)\s+"
    rf"(?P<unit>{_FOREIGN_UNIT_WORDS})|\b(?P<adverb>"
    + "|".join(sorted(_FOREIGN_ADVERBS, key=len, reverse=True)) + r"))(?:e?s|en|e)?\b")
# Words one of which a text in those languages has; tested as a set (one C-level pass).
_FOREIGN_PERIOD_GATE = frozenset({
    "por", "pro", "par", "al", "im", "am", "ao", "cada", "jede", "jeden", "jeder", "jedes",
    "chaque", "tous", "toutes", "todas", "todos", "la", "ogni", "alla", "elke", "iedere", "co",
    "na", *_FOREIGN_UNITS, *_FOREIGN_ADVERBS} - {"week", "per"})


# "elke twee weken", "ogni due settimane", "co dwa tygodnie", "alle zwei Wochen", "cada dos
# semanas", "toutes les deux semaines": one every n periods.
_FOREIGN_TWO = {"twee": 2.0, "due": 2.0, "dwa": 2.0, "zwei": 2.0, "dos": 2.0, "deux": 2.0,
                "dois": 2.0, "drie": 3.0, "tre": 3.0, "trzy": 3.0, "drei": 3.0, "tres": 3.0,
                "trois": 3.0, "três": 3.0}
_FOREIGN_PLURALS = {
    "dagen": "day", "giorni": "day", "dni": "day", "tage": "day", "días": "day", "dias": "day",
    "jours": "day", "weken": "week", "settimane": "week", "tygodnie": "week", "wochen": "week",
    "semanas": "week", "semaines": "week", "maanden": "month", "mesi": "month",
    "miesiące": "month", "monate": "month", "meses": "month", "mois": "month"}
_FOREIGN_EVERY = frozenset({"elke", "iedere", "ogni", "co", "alle", "cada", "toutes", "tous",
                            "todas", "todos"})
_FOREIGN_INTERVAL_RE = re.compile(
    r"\b(?:elke|iedere|ogni|co|alle|cada|toutes les|tous les|todas as|todos os|a cada)\s+"
    r"(?P<n>\d+|" + "|".join(_FOREIGN_TWO) + r")\s+(?P<unit>"
    + "|".join(_FOREIGN_PLURALS) + r")\b")


def _period_matches(text: str) -> list[re.Match[str]]:
    """_PERIOD_RE's matches, looked for only just before each period word, and the periods
    said in other languages (_FOREIGN_PERIOD_RE), in the order they come."""
    out: list[re.Match[str]] = []
    seen: set[int] = set()
    if not _FOREIGN_PERIOD_GATE.isdisjoint(_word_list(text)):
        for f in _FOREIGN_PERIOD_RE.finditer(text):
            seen.add(f.start())
            out.append(f)
    for u in _UNIT_SCAN.finditer(text):
        p = _PERIOD_RE.search(text, max(0, u.start() - 20), u.end())
        while p is not None and p.end() < u.end():
            p = _PERIOD_RE.search(text, p.start() + 1, u.end())
        if p is not None and p.start() not in seen:
            seen.add(p.start())
            out.append(p)
    return sorted(out, key=lambda m: m.start())


# "30,000 users, each has (about) 200 ...": a count of owners before a count per owner.
# "120 sales reps each write ~10 ...": up to three words for the owners, any verb after each.
_EACH_HAS = re.compile(rf"(?P<n>{NUMBER})\s+(?:(?!(?:from|of|for|in|to|with)\s)[a-z-]+\s+){{0,2}}"
                       r"[a-z-]+,?\s+each\s+(?:(?!of\s)[a-z]+\s+)?$")


def _count_before(text: str, at: int, lo: int, taken: list[tuple[int, int]]
                  ) -> list[re.Match[str]]:
    """Numbers shortly before a cadence in its sentence ('300 a week', '200 tickets a day')."""
    return [n for n in _numbers(text, max(lo, at - 70), at, taken)
            if len(re.findall(r"\S+", text[n.end():at])) <= 7]


_YEAR = re.compile(r"(?:19|20)\d\d")  # "since 1930 ... every four years": a date, not a count


# "(usually ~1.2k of them) ... clustered into a short digest": the items after a cadence are
# what one run reads when they all go into one deliverable.
_ONE_DELIVERABLE = re.compile(r"\binto (?:a|one|an) (?:[\w-]+ )?(?:digest|summary|report|brief|"
                              r"briefing|overview|newsletter|memo)\b")


def _cadence_times_count(text: str, start: int, end: int, runs: float, said: str,
                         taken: list[tuple[int, int]]) -> Read:
    """A cadence ('every 15 min', 'every Monday', '3x a day') times the count its sentence
    gives before it ('200-300 reviews every 15 min') or after it ('... 500 tweets each run'),
    else once an occurrence."""
    lo, hi = _sentence_bounds(text, start)
    busy = [*taken, (start, end)]
    before = [n for n in _count_before(text, start, lo, busy) if not _YEAR.fullmatch(n.group(0))]
    count = before[-1] if before else next(
        (n for n in _numbers(text, end, hi, busy)
         if _counts_items(text, n, lo) and not _YEAR.fullmatch(n.group(0))
         and not _ONE_DELIVERABLE.search(text, n.end(), hi)), None)
    n = None if count is None else parse_number(count.group(0))
    if count is None or not n:
        return Read("runs_per_month", runs, text[start:end], start, end,
                    f"{said} = {_fmt(runs)} a month")
    a, b = min(count.start(), start), max(count.end(), end)
    hedge = _HEDGE.search(text, max(0, a - 14), a)
    a = hedge.start() if hedge else a
    return Read("runs_per_month", n * runs, text[a:b].strip(), a, b,
                f"{_fmt(n)} each time, {said} = {_fmt(runs)} times a month: {_fmt(n * runs)}")


# A crontab schedule: minute, hour, day of month, month, day of week ("0 2 * * *" is 02:00
# every night, "*/15 * * * *" every 15 minutes, "30 6 * * 1-5" weekdays at 06:30), at a
# line's start or after "cron", with a "*" in it and no "=" or operator after it.
_CRON_FIELD = r"[\d*][\d*/,-]*"
_CRON_RE = re.compile(rf"(?:^|\n|\bcron(?:tab)?:?|\bschedule(?:_interval)?\s*[=:]\s*['\"]?)"
                      rf"[ \t>`#-]*(?P<expr>{_CRON_FIELD}(?:[ \t]+"
                      rf"{_CRON_FIELD}){{4}})(?=[ \t'\"]|$)(?![ \t]*(?:=|[-+*/x][ \t]))")


def _cron_values(field: str, lo: int, hi: int) -> int:
    """How many times a crontab field fires in its range lo..hi ('*/15' in 0..59: 4)."""
    total = 0
    for part in field.split(","):
        base, _, step = part.partition("/")
        a, b = (lo, hi) if base == "*" else (
            (int(base.split("-")[0]), int(base.split("-")[1])) if "-" in base
            else (int(base), int(base) if not step else hi))
        if not lo <= a <= b <= hi:
            raise ValueError(field)  # "60 2 * * *" is no schedule
        total += len(range(a, b + 1, int(step) if step else 1))
    return total


def _cron(text: str, taken: list[tuple[int, int]]) -> Read | None:
    for m in _CRON_RE.finditer(text):
        expr = m.group("expr")
        fields = expr.split()
        if "*" not in expr:
            continue
        try:
            minute, hour, dom, mon, dow = (_cron_values(f, lo, hi) for f, (lo, hi) in zip(
                fields, ((0, 59), (0, 23), (1, 31), (1, 12), (0, 6)), strict=True))
        except ValueError:
            continue
        days = (30.0 if fields[2] == "*" and fields[4] == "*"
                else dow * 52 / 12 if fields[2] == "*" else dom + (
                    0 if fields[4] == "*" else dow * 52 / 12))
        runs = minute * hour * days * (mon / 12)
        return _cadence_times_count(text, m.start("expr"), m.end("expr"), runs,
                                    f"crontab '{expr}'", taken)
    return None


# "3x/wk ... for each of my 25 athletes": a number of times, done for each of a fleet.
_MULTIPLIER = re.compile(r"\s?(?:x|times)\b")
_EACH_OF = re.compile(rf"\beach of (?:my|our|the|his|her|their) (?P<n>{_DIGITS})\b")


def _volume(text: str, taken: list[tuple[int, int]]) -> Read | None:
    if "* " in text and (cron := _cron(text, taken)) is not None:
        return cron
    every = "every " in text
    weekday = "day" in text and ("every " in text or "each " in text or "on " in text)
    for m in _INTERVAL_RE.finditer(text) if every else ():
        other = m.group("n") == "other"  # "every other week": one every 2 weeks
        n = 2.0 if other else parse_number(m.group("n"))
        unit = _UNIT_ALIAS.get(m.group("unit").lower(), m.group("unit").lower())
        if n and unit in PER_MONTH:
            runs = PER_MONTH[unit] / n
            every_n = f"other {unit}" if other else f"{_fmt(n)} {unit}s"
            return _cadence_times_count(text, m.start(), m.end(), runs, f"one every {every_n}",
                                        taken)
    for m in (_FOREIGN_INTERVAL_RE.finditer(text)
              if not _FOREIGN_EVERY.isdisjoint(_word_list(text)) else ()):
        n = parse_number(m.group("n")) or _FOREIGN_TWO.get(m.group("n"), 0.0)
        unit = _FOREIGN_PLURALS[m.group("unit")]
        if n:
            return _cadence_times_count(text, m.start(), m.end(), PER_MONTH[unit] / n,
                                        f"one every {_fmt(n)} {unit}s", taken)
    for m in _WEEKDAY_RE.finditer(text) if weekday else ():
        return _cadence_times_count(text, m.start(), m.end(), PER_MONTH["week"], "once a week",
                                    taken)
    multiples = any(w in text for w in ("once", "twice", "thrice", "times", "x a", "x per",
                                        "x an", "x each", "x every"))
    for p in _period_matches(text):
        said = p.group("adverb")
        unit = (_ADVERB_UNIT.get(said) or _FOREIGN_ADVERBS[said] if said
                else p.group("unit") or p.group("unit1"))
        unit = _UNIT_ALIAS.get(unit, unit)
        unit = _FOREIGN_UNITS.get(unit, unit)
        if unit not in PER_MONTH or any(a <= p.start() < b for a, b in taken):
            continue  # not a period, or part of a size ("each about an hour long")
        lo, hi = _sentence_bounds(text, p.start())
        sentence = text[lo:hi]
        if unit == "day" and _WEEKDAYS_ONLY.search(sentence):
            unit = "business day"  # "on weekdays, 150 mails/day"
        per_month = _per_month(unit, sentence)
        times = next((t for t in _TIMES_RE.finditer(text, lo, hi)
                      if t.start() <= p.start() < t.end()), None) if multiples else None
        before = [] if times else _count_before(text, p.start(), lo, taken)
        count: re.Match[str] | None = before[-1] if before else None
        event = _event(text, p, lo) if count is None and times is None else None
        if event is not None:
            # "our weekly meeting": one a week; the sentence's other numbers are its content
            return Read("runs_per_month", per_month, text[p.start():event.end()].strip(),
                        p.start(), event.end(), f"one {_a(unit)} = {_fmt(per_month)} a month")
        if count is None and times is None and _standalone(text, p, lo):
            # "Nightly batch: categorise 250k transactions", "we run evals weekly"
            cands = [n for n in _numbers(text, lo, hi, taken) if _counts_items(text, n, lo)]
            count = cands[0] if cands else None
            if count is None:
                runs = per_month
                return Read("runs_per_month", runs, p.group(0).strip(), p.start(), p.end(),
                            f"once {_a(unit)} = {_fmt(runs)} a month")
        if times is not None:  # "3x a day ... 500 tweets each run": 1,500 a day
            said = times.group("t")
            runs = _TIMES.get(said, 0.0) or float(re.match(r"\d+", said).group(0))  # type: ignore[union-attr]
            return _per_head(text, _cadence_times_count(
                text, times.start(), times.end(), runs * per_month, f"{said} {_a(unit)}", taken))
        if count is None:
            continue
        n = parse_number(count.group(0))
        if not n:
            continue
        each = re.search(rf"each of (?:our |the )?{re.escape(count.group(0))}", sentence)
        if each and p.group("adverb"):
            pass  # "a daily summary for each of our 40 stores": 40 a day
        start, end = min(count.start(), p.start()), max(count.end(), p.end())
        fleet = (_EACH_OF.search(text, p.end(), hi)
                 if _MULTIPLIER.match(text, count.end()) else None)
        k = parse_number(fleet.group("n")) if fleet else None
        fleet_how = ""
        if fleet is not None and k:  # "3x/wk I write plans for each of my 25 athletes"
            fleet_how = f"{_fmt(n)} times for each of {_fmt(k)}: "
            n, end = n * k, fleet.end()
        runs = n * per_month
        hedge = _HEDGE.search(text, max(0, start - 14), start)
        start = hedge.start() if hedge else start
        how = fleet_how + (f"{_fmt(n)} {_a(unit)} x {_fmt(per_month)} {unit}s a month = "
                           f"{_fmt(runs)}" if per_month != 1 else f"{_fmt(n)} a month")
        owners = _EACH_HAS.search(text, max(lo, start - 60), start)
        if owners is not None and (k := parse_number(owners.group("n"))):
            # "30,000 users, each has maybe 200 transactions a month": 200 for each user
            start, runs = owners.start(), runs * k
            how = f"{_fmt(k)} x ({how}) = {_fmt(runs)}"
            return Read("runs_per_month", runs, text[start:end].strip(), start, end, how)
        return _per_head(text, Read("runs_per_month", runs, text[start:end].strip(), start, end,
                                    how))
    return None


def _per_head(text: str, read: Read) -> Read:
    """'Team size: 45 ... 2-3 times per day per person': the rate times the headcount."""
    per = _PER_HEAD.match(text, read.end)
    heads = _headcount(text) if per is not None else None
    if per is None or heads is None:
        return read
    k, said = heads
    runs = float(read.value) * k  # type: ignore[arg-type]
    return replace(read, value=runs, words=text[read.start:per.end()], end=per.end(),
                   how=f"{_fmt(k)} people ('{said}') x ({read.how}) = {_fmt(runs)}")


# "per person", "a user", "/seat" after a rate: the rate of each of a headcount the text gives
# elsewhere ("Team size: 45", "a 45-person team", "200 employees").
_PER_HEAD = re.compile(r"\s*(?:per|a|each|/)\s*(?:person|user|employee|member|seat|head|agent|rep|"
                       r"student)\b")
_HEADCOUNT = re.compile(
    rf"\b(?:team size|headcount|team of|number of (?:users|employees|seats|people))\s*[:=]?\s*"
    rf"(?:~|about |around )?(?P<n>{_DIGITS})\b|"
    rf"\b(?P<m>{_DIGITS})[- ](?:people|persons|person|employees|users|seats|staff|agents|reps|"
    r"students|members)\b")


def _headcount(text: str) -> tuple[float, str] | None:
    m = _HEADCOUNT.search(text)
    n = None if m is None else parse_number(m.group("n") or m.group("m"))
    return None if m is None or not n else (n, m.group(0))


# ------------------------------------------------------------------ loops and steps

_STEPS_RE = re.compile(
    rf"(?P<num>{_DIGITS}|{_WORDNUM})(?:\s*(?:-|to)\s*(?P<num2>{_DIGITS}|{_WORDNUM}))?\s*-?\s*"
    r"(?P<unit>steps?|turns?|tool calls?|model calls|llm calls|iterations?|actions?|"
    r"exchanges|rounds|hops|messages each|it[ée]rations?|iteraciones|"
    r"(?:messages|mensajes|mensagens|nachrichten|messaggi|berichten|wiadomości) (?:per|por|par|"
    r"pro|na) (?:conversation|conversación|conversa|conversação|unterhaltung|gespräch|"
    r"conversazione|gesprek|rozmowę|chat|session)|"
    r"iterações|iterationen|runden|rondas|(?:messages|mensagens|mensajes|nachrichten) "
    r"(?:on average|em m[ée]dia|en promedio|de media|im schnitt|en moyenne))\b")
# "a 2-step signup form", "two-step verification": steps of the thing the task is about.
_STEPS_OF_A_THING = re.compile(r"\s+(?:[\w-]+\s+)?(?:forms?|wizards?|checkouts?|funnels?|"
                               r"guides?|tutorials?|recipes?|verification|authentication|"
                               r"log-?ins?|sign-?ups?|onboarding)\b")
_AGENT_RE = re.compile(
    r"\bagentic\b|\bautonomous(?:ly)?\b|\bsub-agents?\b|\borchestrator\b|"
    r"\btool calls?\b|\bagent loop\b|\bplans? and execut\w*|\bkeeps? (?:calling|running|trying)|"
    r"\biterat(?:e|es|ing|ion|ions)\b|\bstep by step\b|"
    r"\buntil (?:it |they |the (?:tests?|checks?|build|ci|suite) )?(?:pass|passes|passing|"
    r"succeeds?|is green|are green|compiles?|works?)\b|"
    r"\bagents?\b")
_NOT_AGENT_RE = re.compile(r"\b(?:voice|support|human|service|helpdesk|sales|call[- ]center|"
                           r"travel|insurance|real[- ]estate|phone) agents?\b|\bagents? in our\b|"
                           r"\bfor (?:our |the |human )?agents\b|"
                           r"\bthe agents? (?:(?:can|could|will|may|should|must|then) )?"
                           r"(?:reviews?|approves?|checks?|edits?|sends?|reads?)\b|"
                           r"\bagents (?:review|approve|check|edit|send|read)\b|"
                           r"\buser[- ]agent\b|\bon the (?:phone|line) with (?:our |an? |the )?"
                           r"agents?\b")
# A call centre, a caller: "the agent" in such words is a person.
_PEOPLE_ON_CALLS = re.compile(r"\bcall[- ]cent(?:er|re)s?\b|\bthe callers?\b|\bcustomer calls?\b|"
                              r"\b(?:closes?|ends?|answers?|takes?) the call\b|\bhangs? up\b")
_CHAT_RE = re.compile(
    r"\bchat ?bots?\b|\bbots?\b|\bmulti-turn\b|\bback[- ]and[- ]forth\b|\bconversation(?:s|al)?\b|"
    r"\b(?:conversas|conversaciones|unterhaltungen)\b|"
    r"\bfollow-up questions\b|\bchats\b|\bchatting\b|\bchats? with\b|\bin a (?:\w+ )?chat\b|"
    r"\bchat widget\b|\bchat assistant\b|\b(?:website|web|site|in-app|online) chat\b|"
    r"\bsessions? last\b|\bexchanges\b|\bseveral rounds\b|"
    r"\bvoice (?:agent|assistant|bots?)\b|\b\d+(?:-\d+)?[- ]turns?\b|\bturns each\b")
# A bare "bot" is a conversation only where its sentence has someone talk to it ("the bot to
# tag incoming tickets" is a job); a workplace chat tool ("answer HR questions in Teams")
# likewise. Not a messenger ("answer customer questions on WhatsApp"): the customer writes and
# comes back later (the team's held-out row wants no conversation read there).
_TALK = re.compile(r"\b(?:answers?|answering|questions?|talks?|asks?|responds?|respond|"
                   r"replies to|chat|conversations?|fragen|beantwort\w*|preguntas|perguntas|"
                   r"responder|répond\w*|antwort\w*)\b")
_CHAT_TOOL = re.compile(r"\b(?:in|on|via|over|no|na|en|über|sur) (?:ms |microsoft )?"
                        r"(?:teams|slack|discord|mattermost)\b")
_CHAT_TOOL_KEYS = ("teams", "slack", "discord", "mattermost")
_CODE_RE = re.compile(r"\bcode(?:base)?\b|\brepo(?:sitory)?\b|\btests?\b|\bpytest\b|\bci\b|"
                      r"\bcompiler\b|\bbuild\b|\brefactor|\bpr\b|\bpull request|\bdjango\b|"
                      r"\bfiles?\b|\bmigrat|\bbug\b|\bfeatures?\b")


_PER_CHAT = re.compile(r"\beach (?:chat|conversation|session|thread) (?:is |has |of |with )?"
                       r"(?:~|about |around |roughly )?(?P<num>\d+) (?:messages|turns|exchanges)\b")


# An agent's retries said as a count of times: "patches, reruns up to 12 times".
_UP_TO_TIMES = re.compile(r"\b(?:re\w+|repeats?|tr(?:y|ies)|loops?)\s+(?:it\s+)?up to\s+"
                          r"(?P<num>\d+)\s+(?:times|attempts|tries)\b")


def _steps(text: str, starts: list[int]) -> Read | None:
    for m in _matches_at(_STEPS_RE, text, starts):
        unit = m.group("unit").lower()
        if unit.startswith(("action", "round", "runde", "ronda")) and not re.search(
                r"typically|usually|about|up to|max|per|each|average|avg|im schnitt|en moyenne|"
                r"em m[ée]dia|en promedio", text[max(0, m.start() - 20):
                                                                    m.end() + 12]):
            continue
        if re.match(r"\s+(?:a|per|each|every)\s+(?:day|week|month|hour|minute|second)",
                    text[m.end():]):
            continue  # "6,000 calls a week" is a volume
        if text[m.start("unit") - 1] == "-" and _STEPS_OF_A_THING.match(text, m.end()):
            continue
        hi = parse_number(m.group("num2") or m.group("num"))
        if not hi or hi < 1:
            continue
        how = ("the upper end of the range" if m.group("num2") else "as stated")
        return Read("calls_per_task", int(hi), m.group(0), m.start(), m.end(), how)
    tries = _UP_TO_TIMES.search(text) if "up to" in text else None
    if tries is not None and _AGENT_RE.search(text) is not None:  # "reruns up to 12 times"
        return Read("calls_per_task", int(tries.group("num")), tries.group(0), tries.start(),
                    tries.end(), "as stated")
    per = _PER_CHAT.search(text) if "each " in text else None
    if per is not None:  # "each chat ~5 messages"
        return Read("calls_per_task", int(float(per.group("num"))), per.group(0), per.start(),
                    per.end(), "as stated")
    return None


_AGENT_KEYS = ("agent", "autonom", "react", "orchestr", "tool call", "loop", "execut", "keep",
               "iterat", "step by step", "until")
_CHAT_KEYS = ("bot", "turn", "back", "conversation", "conversa", "unterhalt", "follow-up", "chat",
              "session", "exchanges",
              "rounds", "voice")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _word_list(text: str) -> tuple[str, ...]:
    """The words of a text, found once and shared by the gates of the rules in other languages."""
    return tuple(_WORDS.findall(text))


def _has(lower: str, keys: tuple[str, ...]) -> bool:
    """A cheap test before a long alternation scans the whole text."""
    return any(map(lower.__contains__, keys))


# "Compare GPT-4 vs 3.5 answers for our docs chatbot": the chatbot is what the task judges,
# not a conversation the task holds.
_JUDGE = re.compile(r"\b(?:compare|comparing|evaluate|evaluating|benchmark|benchmarking|grade|"
                    r"grading|score|scoring|assess|assessing|audit|auditing|test|testing)\b")
_FOR_THE = re.compile(r"\bfor (?:our|the|a|an|my|their) (?:[\w-]+ )?$")


def _judged(text: str, cue: re.Match[str]) -> bool:
    lo, _ = _sentence_bounds(text, cue.start())
    return (_FOR_THE.search(text, max(lo, cue.start() - 30), cue.start()) is not None
            and _JUDGE.search(text, lo, cue.start()) is not None)


# A messenger with an assistant that answers on it ("um agente pra responder os leads no
# WhatsApp") is a conversation; the bare task of answering there ("answer customer questions
# on WhatsApp") is one message at a time (the team's held-out row).
_MESSENGER_KEYS = ("whatsapp", "telegram", "messenger", "wechat", "imessage")
_MESSENGER = re.compile(r"\b(?:whatsapp|telegram|messenger|wechat|imessage)\b")
_PERSONA = re.compile(r"\b(?:agente?s?|assistente?s?|asistentes?|assistants?|assistent)\b")


def _loop(text: str, react: bool = False) -> Read | None:
    lower = text
    agent_cues = list(_AGENT_RE.finditer(text)) if _has(lower, _AGENT_KEYS) else []
    if react and not agent_cues:  # "a ReAct agent": the case-sensitive name, found by the caller
        i = text.find("react")
        return Read("loop", "agent", text[i:i + 5], i, i + 5,
                    "an agent loop ('ReAct'): each step waits on the last")
    chat = next((c for c in _CHAT_RE.finditer(text) if (not c.group(0).startswith("bot")
                 or _TALK.search(_sentence_around(text, c.start())))
                 and not _judged(text, c)),
                None) if _has(lower, _CHAT_KEYS) else None
    if chat is None and _has(lower, _MESSENGER_KEYS):
        chat = next((c for c in _MESSENGER.finditer(text)
                     if _PERSONA.search(_sentence_around(text, c.start()))), None)
    if chat is None and _has(lower, _CHAT_TOOL_KEYS):
        chat = next((c for c in _CHAT_TOOL.finditer(text)
                     if _TALK.search(_sentence_around(text, c.start()))), None)
    # Once the words name a person as the agent ("on the phone with our agent"), a bare
    # "the agent" later is that person, not a loop.
    human = any(_NOT_AGENT_RE.search(text[max(0, c.start() - 25):c.end() + 10])
                for c in agent_cues) or (bool(agent_cues) and _PEOPLE_ON_CALLS.search(text))
    for m in agent_cues:
        around = text[max(0, m.start() - 25):m.end() + 10]
        if _NOT_AGENT_RE.search(around):
            continue
        if human and m.group(0).startswith("agent") and not re.search(
                r"\b(?:ai|llm|an?)\s+$", text[max(0, m.start() - 4):m.start()]):
            continue
        if (m.group(0).lower().startswith("until") and chat is not None
                and "agent" not in lower):
            continue  # "back-and-forth until the issue is solved" is a conversation
        cues = [c.group(0) for c in agent_cues
                if not _NOT_AGENT_RE.search(text[max(0, c.start() - 25):c.end() + 10])]
        listed = ", ".join(f"'{c}'" for c in dict.fromkeys(cues))
        return Read("loop", "agent", m.group(0), m.start(), m.end(),
                    f"an agent loop ({listed}): each step waits on the last")
    if chat is not None:
        m = chat
        return Read("loop", "multi_turn", m.group(0), m.start(), m.end(),
                    "a conversation: each turn waits on the person's reply"
                    + (" (a chat tool)" if _CHAT_TOOL.fullmatch(m.group(0)) else ""))
    return None


# ------------------------------------------------------------------ languages, latency

_LANGUAGE_SET = frozenset(LANGUAGES)
_WORD = re.compile(r"[A-Za-z][a-z]+")
_BATCH_OK_RE = re.compile(
    r"\bcan wait\b|\bwait until\b|\bno rush\b|\bno hurry\b|\bno deadline\b|\boffline\b|"
    r"\bin (?:a|one) batch\b|\bbatch(?:-| )(?:translate|process|job|run)|\bnightly\b|"
    r"\bevery night\b|\bat night\b|\bnext[- ]day\b|\bby tomorrow\b|\bby next \w+\b|"
    r"\bresults by \w+\b|\bany ?time this \w+\b|\bturnaround (?:of )?\d+ (?:hours|days)\b|"
    r"\bwithin (?:24|36|48|72) hours\b|\bwithin (?:a|\d+) days?\b|"
    r"\b(?:process|processed|run|runs|running|done|ready|can run) overnight\b|"
    r"\bovernight (?:is|processing|ok|batch|job|run)\b|\bnightly batch\b|"
    # "sort them into practice areas overnight.": the adverb ending its clause
    r"\b(?:sort|process|run|classify|tag|summari[sz]e|translate|extract|categori[sz]e|handle|"
    r"grade|score|label|check|review)\b[^.;\n]{0,60}\bovernight(?=\s*(?:[.;!]|,\s|$))|"
    r"\blater (?:in|this) (?:the )?week\b")
# Said other ways ("not urgent", "by the next morning is fine", "done the same day", "deadline
# Friday"); a second pattern behind its own cheap key test, so most texts never scan it.
_BATCH_OK_MORE_RE = re.compile(
    r"\bnot urgent\b|\bby (?:the )?end of (?:the )?(?:day|week|month)\b|"
    r"\b(?:by|needed|due|ready|until) (?:the )?next (?:morning|day|week|month)\b|"
    r"\bnext (?:morning|day|week) (?:is|are) (?:fine|ok|okay)\b|"
    r"\b(?:done|ready|needed|due|back) (?:the )?same day\b|"
    rf"\bdeadline (?:is )?(?:on )?(?:{_WEEKDAYS}|tomorrow|next \w+|end of \w+)\b|"
    r"\beo[dw]\b|\beach night\b|\bbatch (?:is|would be) (?:fine|ok|okay)\b|"
    r"\bwithin (?:a|one|\d+) weeks?\b|\bnext morning\b|"
    # "check it over the weekend", "grades by Monday are fine", "nobody needs it same-day"
    r"\b(?:it|them|this|that|these|those) over the weekend\b|"
    rf"\bby (?:the weekend|{_WEEKDAYS})(?: (?:is|are))? (?:fine|ok|okay)\b|"
    r"\b(?:nobody|no one|no-one) (?:needs it|is waiting|waits)\b")
_NO_BATCH_RE = re.compile(
    r"\breal[- ]?time\b|\blive\b|\bwaiting\b|\bis waiting\b|\binstant(?:ly)?\b|\bimmediately\b|"
    r"\bsub-second\b|\bin (?:a couple of|a few|\d+) seconds\b|"
    r"\bwithin (?:the|an|a|one) (?:hour|minute)\b|\bwithin \d+ (?:seconds|minutes)\b|"
    r"\bas (?:they|the \w+|you|users?) types?\b|\bas they are sent\b|\binteractive(?:ly)?\b|"
    r"\bwhile (?:they|the user|the customer)\b|\blatency\b|\bon the phone\b")
# The answer sits in the request path ("before the comment is shown", "40 requests a second",
# "they wait for the query"): behind its own key test, as above.
_NO_BATCH_MORE_RE = re.compile(
    r"\bwait (?:up to |at most |for )?(?:a few|a couple of|\d+) "
    r"(?:seconds?|secs?|minutes?|mins?)\b|"
    r"\bbefore (?:it|they|the \w+)(?:'re|'s)? (?:is |are |gets? )?(?:shown|posted|published|"
    r"displayed|approved|accepted|authori[sz]ed|confirmed|"
    r"visible|(?:hits?|reach(?:es)?) the (?:index|database|db|api|server|backend|search))\b|"
    r"\brequests? (?:per|a|/) ?sec(?:ond)?\b|\b(?:qps|rps)\b|"
    r"(?<!can )\bwait(?:s|ing)? (?:for|on) (?:the|their|an?|its) (?:answers?|repl(?:y|ies)|"
    r"responses?|results?|query|queries|output|suggestions?)\b|"
    r"\b(?:under|less than|within) (?:a|one|\d+(?:\.\d+)?) ?(?:seconds?|secs?|ms|milliseconds?)\b")
# The answer is a reply to what a person just did, or must come before they go: behind keys of
# its own ("when " alone is in most texts).
_NO_BATCH_PERSON_RE = re.compile(
    r"\bwhen (?:they|users?|someone|people|customers?|developers?|a user) (?:paste|ask|type|"
    r"send|post|message|submit)s?\b|\bright after (?:each|every)\b|"
    r"\bbefore (?:the|a|our) (?:patient|customer|client|caller|user|guest|visitor)s? "
    r"(?:leaves?|hangs? up|is discharged|checks? out)\b")


_BATCH_OK_KEYS = ("wait", "rush", "hurry", "deadline", "offline", "batch", "night", "next ",
                  "next-", "later ",
                  "tomorrow", "results by", "time this", "turnaround", "within", "overnight")
_NO_BATCH_KEYS = ("real", "live", "wait", "instant", "immediate", "second", "within", "type",
                  "as they are", "interactive", "while", "latency", "phone")
_BATCH_OK_MORE_KEYS = ("urgent", "next ", "same day", "deadline", "end of", "eod", "eow",
                       "each night", "batch", "within", "weekend", "day is", "day are",
                       "nobody", "no one", "no-one")
# Said in Spanish, Portuguese, French or German ("por noche", "no es urgente", "bis zum
# nächsten Werktag", "em tempo real", "el agente espera el resumen").
_BATCH_OK_FOREIGN_RE = re.compile(
    r"\b(?:por|cada) noche\b|\btodas las noches\b|\bjede nacht\b|\bnachts\b|"
    r"\bchaque nuit\b|\b(?:toda|cada|por) noite\b|\btodas as noites\b|"
    r"\bno es urgente\b|\bnão é urgente\b|\bpas urgent\b|\bnicht (?:dringend|eilig)\b|"
    r"\bbis (?:zum )?(?:nächsten|morgen)\b|\baté (?:amanhã|o dia seguinte|segunda|terça|"
    r"quarta|quinta|sexta)|\b(?:hasta|para) mañana\b|\b(?:d'ici|jusqu'à) demain\b|"
    r"\ble lendemain\b|\bal día siguiente\b|\bno dia seguinte\b|\bam nächsten tag\b|"
    # Italian, Dutch, Polish, Japanese
    r"\bil giorno dopo\b|\bnon (?:è|e) urgente\b|\bnon serve subito\b|\bpuò aspettare\b|"
    r"\bkan wachten\b|\bgeen haast\b|\bde volgende dag\b|\bniet dringend\b|"
    r"\bmo(?:gą|że) poczekać\b|\bnastępnego dnia\b|\bnie jest pilne\b|"
    r"急ぎではありません|急ぎません|翌日")
_NO_BATCH_FOREIGN_RE = re.compile(
    r"\b(?:tiempo|tempo) real\b|\btemps réel\b|\bechtzeit\b|\bsofort\b|\binmediat\w*|"
    r"\bimediat\w*|\b(?:espera|esperan|aguarda|aguardam|wartet auf|warten auf|attend|"
    r"attendent) (?:el|la|los|las|o|a|os|as|su|sua|seu|die|den|das|le|les) (?:resumen|"
    r"respuesta|resultado|resumo|resposta|antwort|zusammenfassung|réponse|résumé)|"
    r"\btempo reale\b|\bstanno aspettando\b|\bw czasie rzeczywistym\b|\bczeka(?:ją)? na\b|"
    r"\bwachten op\b|待っています|待っている|リアルタイム")
_BATCH_OK_FOREIGN_GATE = frozenset({
    "noche", "nacht", "nachts", "nuit", "noite", "noites", "noches", "urgente", "urgent", "bis",
    "até", "mañana", "demain", "lendemain", "siguiente", "seguinte", "nächsten", "dopo",
    "subito", "aspettare", "wachten", "haast", "volgende", "dringend", "poczekać",
    "następnego", "pilne"})
_NO_BATCH_FOREIGN_GATE = frozenset({
    "reale", "aspettando", "rzeczywistym", "czeka", "czekają", "wachten",
    "tiempo", "tempo", "temps", "echtzeit", "sofort", "espera", "esperan", "aguarda", "aguardam",
    "wartet", "warten", "attend", "attendent", "inmediato", "inmediata", "inmediatamente",
    "imediato", "imediata", "imediatamente"})
_NO_BATCH_MORE_KEYS = ("before ", "request", "qps", "rps", "wait", "under ", "less than",
                       "within ")
_NO_BATCH_PERSON_KEYS = ("when they", "when user", "when someone", "when people", "when cust",
                         "when dev", "when a user", "right after", "leave", "hang", "discharged",
                         "check out", "checks out")


def _first(*found: re.Match[str] | None) -> re.Match[str] | None:
    return min((m for m in found if m is not None), key=lambda m: m.start(), default=None)


# Language names written in lower case count too where the words around say a language ("the
# spanish and italian website", "in english"): a lower-case "greek orange pie" or "a russian
# businessman" in a pasted text is not one, nor is "polish the copy".
_LOWER_WORDS = frozenset({"Polish"})
_LANGUAGE_CUE = (r"(?:-speaking|\s+(?:speakers?|language|website|site|version|translations?|"
                 r"subtitles|text|users|customers|market|manuals?|docs|documents?)\b)")
_LOWER_BEFORE = re.compile(r"\b(?:in|into|to|from|speaks?|speaking)\s+$")
_LOWER_AFTER = re.compile(rf"{_LANGUAGE_CUE}|\s*(?:,|and|or|&|/)\s*[a-z]+{_LANGUAGE_CUE}")


def _says_a_language(text: str, m: re.Match[str]) -> bool:
    name = m.group(0)
    if name[0].isupper():
        return True
    if name.capitalize() in _LOWER_WORDS:
        return False
    return bool(_LOWER_BEFORE.search(text, max(0, m.start() - 12), m.start())
                or _LOWER_AFTER.match(text, m.end()))


_LANGUAGES_LOWER = frozenset(n.lower() for n in LANGUAGES)
_LETTERS = re.compile(r"[a-z]+")


# Language names in French, German, Spanish and Portuguese ("auf Deutsch", "en allemand").
_FOREIGN_NAMES = {
    "deutsch": "German", "englisch": "English", "französisch": "French",
    "italienisch": "Italian", "spanisch": "Spanish", "portugiesisch": "Portuguese",
    "niederländisch": "Dutch", "polnisch": "Polish", "japanisch": "Japanese",
    "anglais": "English", "allemand": "German", "français": "French", "italien": "Italian",
    "espagnol": "Spanish", "portugais": "Portuguese", "néerlandais": "Dutch",
    "japonais": "Japanese", "inglés": "English", "alemán": "German", "francés": "French",
    "italiano": "Italian", "español": "Spanish", "portugués": "Portuguese", "inglês": "English",
    "alemão": "German", "francês": "French", "espanhol": "Spanish", "português": "Portuguese",
    # Italian, Dutch, Polish ("po polsku": in Polish) and Japanese in romaji
    "inglese": "English", "tedesco": "German", "francese": "French", "spagnolo": "Spanish",
    "olandese": "Dutch", "giapponese": "Japanese", "polacco": "Polish", "nederlands": "Dutch",
    "polsku": "Polish", "angielsku": "English", "niemiecku": "German", "francusku": "French",
    "hiszpańsku": "Spanish", "włosku": "Italian", "niderlandzku": "Dutch", "japońsku": "Japanese",
    "nihongo": "Japanese", "eigo": "English",
}
# Dutch names that are also English words or names ("Engels", "Frans"): only after a Dutch
# preposition ("in het Engels", "naar het Duits").
_DUTCH_NAMES = {"engels": "English", "duits": "German", "frans": "French", "spaans": "Spanish",
                "italiaans": "Italian", "japans": "Japanese", "pools": "Polish"}
_DUTCH_NAME_RE = re.compile(r"\b(?:in het|naar het|het|naar|in|en)\s+(?P<name>"
                            + "|".join(_DUTCH_NAMES) + r")\b")
# Written in their own script (no word boundary between kanji): "日本語で" is "in Japanese".
_CJK_NAMES = {"日本語": "Japanese", "英語": "English", "中国語": "Chinese", "韓国語": "Korean",
              "中文": "Chinese", "英文": "English", "한국어": "Korean", "영어": "English"}
# The language a text is written in, by its commonest small words; read only when the text
# names another language ("gerne auch auf Englisch": the German is implied, not said).
_SMALL_WORDS: dict[str, str] = {
    "English": "the and we to of a in for is our with each it that on be are this i my you",
    "German": ("und der die das wir für ist nicht mit auch auf bitte ein eine einen jede jeden "
               "etwa ich sie zu den dem von unsere unser gerne"),
    "Dutch": ("wij een het de en van is niet elke zijn voor met ongeveer graag ik hebben dat "
              "ons onze"),
    "Italian": ("il la di che e per un una non sono ogni circa vorrei siamo del della dei gli "
                "anche ci al"),
    "Polish": ("i w na się nie do po co dla jest od ma każda każdy około oraz z przez raz "
               "potrzebujemy"),
    "Spanish": ("el la los las de del en y que por para un una unos unas al es con nuestros "
                "cada"),
    "Portuguese": ("o a os as de do da dos das em e que por para um uma uns umas ao com cada "
                   "precisamos"),
    "French": "le la les de des du et que pour un une par au est avec chaque nous nos",
    # romaji particles and politeness ("youyaku shite kudasai", "nihongo de onegaishimasu")
    "Japanese": "wa ga no ni o wo de desu masu kudasai shite onegaishimasu",
}
_FUNCTION_WORDS = {name: frozenset(words.split()) for name, words in _SMALL_WORDS.items()}
# word -> the languages it is a small word of, so a text's words are counted in one pass
_SMALL_INDEX: dict[str, tuple[str, ...]] = {
    w: tuple(name for name, small in _FUNCTION_WORDS.items() if w in small)
    for w in frozenset().union(*_FUNCTION_WORDS.values())}


_TRANSLATE = re.compile(r"translat|tradu|übersetz|vertaal|tłumacz|przetłumacz|翻訳")


def _written_in(words: tuple[str, ...]) -> str | None:
    """The non-English language whose small words the text has most (3 at least, more than
    English's), else None."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for w in words:
        for name in _SMALL_INDEX.get(w, ()):
            counts[name] += 1
    best = max((n for n in counts if n != "English"), key=counts.__getitem__)
    return best if counts[best] >= 3 and counts[best] > counts["English"] else None
# A place or its people, named with the people who write or read the text ("our Brazilian
# customers", "the Tokyo office", "for the Quebec site", "clients québécois"): the language
# spoken there. Only places with one language a reader would assume (not Montreal, Switzerland
# or Barcelona); a place alone ("shipped from Germany") says nothing about the language.
_PLACES: dict[str, tuple[str, ...]] = {
    "Portuguese": ("brazil", "brazilian", "brazilians", "brasil", "brasileiro", "brasileiros",
                   "brasileira", "brasileiras", "são paulo", "sao paulo", "rio de janeiro",
                   "lisbon", "lisboa", "portugal"),
    "Spanish": ("mexico", "méxico", "mexican", "mexicans", "argentina", "argentine",
                "argentinian", "argentinians", "colombia", "colombian", "colombians", "chile",
                "chilean", "chileans", "peru", "peruvian", "peruvians", "madrid", "bogotá",
                "bogota", "buenos aires", "spain", "venezuela", "venezuelan", "venezuelans"),
    "French": ("quebec", "québec", "québécois", "québécoise", "québécoises", "quebecois",
               "walloon", "walloons", "wallonia", "wallonie", "paris", "parisian", "parisians",
               "lyon", "france"),
    "German": ("germany", "berlin", "munich", "münchen", "hamburg", "frankfurt", "vienna",
               "wien", "austria", "austrian", "austrians", "österreich"),
    "Dutch": ("flemish", "flanders", "antwerp", "amsterdam", "rotterdam", "netherlands",
              "holland"),
    "Japanese": ("tokyo", "osaka", "kyoto", "japan"), "Korean": ("seoul", "busan", "korea"),
    "Chinese": ("beijing", "shanghai", "shenzhen", "china", "taipei", "taiwan", "taiwanese"),
    "Arabic": ("cairo", "riyadh", "jeddah", "egypt", "egyptian", "egyptians", "saudi",
               "morocco", "moroccan", "moroccans", "casablanca"),
    "Italian": ("italy", "milan", "milano", "naples"), "Russian": ("moscow",),
    "Polish": ("warsaw", "poland"), "Ukrainian": ("kyiv", "kiev"),
    "Turkish": ("istanbul", "ankara"), "Swedish": ("stockholm", "sweden"),
    "Indonesian": ("jakarta", "indonesia"), "Thai": ("bangkok", "thailand"),
    "Vietnamese": ("hanoi", "vietnam"), "Hebrew": ("tel aviv", "israel", "israeli", "israelis"),
    "Finnish": ("helsinki", "finland"), "Danish": ("copenhagen", "denmark"),
    "Norwegian": ("oslo", "norway"), "Czech": ("prague",), "Hungarian": ("budapest",),
    "Romanian": ("bucharest",),
}
_PLACE_LANGUAGE = {form: name for name, forms in _PLACES.items() for form in forms}
# Places are read only where the task is described, not in the text pasted after it: in
# the 3,936 real prompts of the shared category set, a place deep in a pasted contract,
# article or plot ("Tokyo", "ROME, Italy (CNN)") beside "members" or "users" read a
# language the task does not need (7 rows read Japanese, Chinese or Italian that way).
PLACE_HEAD = 400
_PLACE_FIRST = frozenset(form.split()[0] for form in _PLACE_LANGUAGE)
_PLACE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _PLACE_LANGUAGE),
                                                   key=len, reverse=True)) + r")\b")
_FOREIGN_NAME_RE = re.compile(r"\b(?P<name>" + "|".join(_FOREIGN_NAMES)
                              + r")(?:e|en|er|es|a|as|os|s)?\b")
_WHO = re.compile(r"\b(?:customers?|clients?|clientes|kunden|users?|offices?|bureau|oficina|"
                  r"escrit[oó]rio|teams?|equipe|equipo|staff|branch(?:es)?|site|website|"
                  r"markets?|distributors?|partners?|call cent(?:er|re)s?|centro|employees|"
                  r"colleagues|speakers|students|patients|stores?|shops?|subsidiar(?:y|ies)|"
                  r"region|audience|readers|sellers|buyers|suppliers|vendors|members|agents|"
                  r"reps|hq|headquarters|division|plant|factory|warehouse|guests|tenants)\b")
# Language codes after "translate ... into": "into de + fr", "to DE/FR".
_CODES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
          "nl": "Dutch", "ja": "Japanese", "jp": "Japanese", "zh": "Chinese", "ko": "Korean",
          "pl": "Polish", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "ar": "Arabic"}
_CODE = "(?:" + "|".join(_CODES) + ")"
_CODES_RE = re.compile(rf"\b(?:into|to)\s+(?P<list>{_CODE}(?:\s*(?:\+|,|/|&|and)\s*{_CODE})*)\b")
_FOREIGN_NAME_FORMS = frozenset(name + end for name in _FOREIGN_NAMES
                                for end in ("", "e", "en", "er", "es", "a", "as", "os", "s"))


def _indirect(text: str, lower: str) -> list[tuple[int, int, str, str]]:
    """Languages said in another language, by place or people, or by code: (start, end,
    name, why)."""
    hits: list[tuple[int, int, str, str]] = []
    if not _DUTCH_NAMES.keys().isdisjoint(_word_list(lower)):
        hits += [(m.start("name"), m.end(), _DUTCH_NAMES[m.group("name")], "")
                 for m in _DUTCH_NAME_RE.finditer(lower)]
    if not text.isascii():
        for said, name in _CJK_NAMES.items():
            if (i := text.find(said)) != -1:
                hits.append((i, i + len(said), name, ""))
    if not _FOREIGN_NAME_FORMS.isdisjoint(_word_list(lower)):
        hits += [(m.start(), m.end(), _FOREIGN_NAMES[m.group("name")], "")
                 for m in _FOREIGN_NAME_RE.finditer(lower)]
    # the whole text's words (cached) gate the scan of its head
    places = (() if _PLACE_FIRST.isdisjoint(_word_list(lower))
              else _PLACE_RE.finditer(lower, 0, PLACE_HEAD))
    for m in places:
        lo, hi = _sentence_bounds(lower, m.start())
        if _WHO.search(lower, max(lo, m.start() - 40), min(hi, m.end() + 40)):
            name = _PLACE_LANGUAGE[m.group(0)]
            hits.append((m.start(), m.end(), name,
                         f"{name} (spoken by '{text[m.start():m.end()]}')"))
    if "translat" in lower:
        for m in _CODES_RE.finditer(lower):
            codes = re.findall(_CODE + r"\b", m.group("list"))
            said = text[m.start("list"):m.end("list")]
            if len(codes) > 1 or said.isupper():
                hits += [(m.start("list"), m.end("list"), _CODES[c], f"{_CODES[c]} ('{c}')")
                         for c in codes]
    return hits


def _languages(text: str, lower: str) -> Read | None:
    hits: list[tuple[int, int, str, str]] = []
    if not _LANGUAGES_LOWER.isdisjoint(_LETTERS.findall(lower)):  # one C-level pass
        hits = [(m.start(), m.end(), m.group(0).capitalize(), "")
                for m in _WORD.finditer(text) if m.group(0).capitalize() in _LANGUAGE_SET
                and _says_a_language(text, m)
                and (m.start() == 0 or not text[m.start() - 1].isalpha())
                and (m.end() == len(text) or not text[m.end()].isalpha())]
    hits = sorted(hits + _indirect(text, lower))
    if not hits:
        return None
    names = tuple(sorted({h[2] for h in hits}))
    start, end = hits[0][0], hits[0][1]
    if len(hits) > 1 and hits[-1][1] - start <= 80:  # "from English into French and German"
        end = hits[-1][1]
    why = {h[2]: h[3] for h in hits if h[3]}
    # "auch auf Englisch": and the German it is written in; not a translation's target
    # ("Traduire ... en allemand": the rows read only the languages translated into)
    own = None if _TRANSLATE.search(lower) else _written_in(_word_list(lower))
    if own is not None and own not in names:
        names = tuple(sorted((*names, own)))
        why[own] = f"{own} (the language the description is written in)"
    return Read("languages", names, text[start:end], start, end,
                ", ".join(why.get(n, n) for n in names))


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _latency(text: str) -> Read | None:
    lower = text
    cjk = not text.isascii() and _CJK.search(text) is not None  # no word boundaries to gate on
    no = _first(_NO_BATCH_RE.search(text) if _has(lower, _NO_BATCH_KEYS) else None,
                _NO_BATCH_MORE_RE.search(text) if _has(lower, _NO_BATCH_MORE_KEYS) else None,
                _NO_BATCH_PERSON_RE.search(text) if _has(lower, _NO_BATCH_PERSON_KEYS) else None)
    no = _first(no, _NO_BATCH_FOREIGN_RE.search(text)
                if cjk or not _NO_BATCH_FOREIGN_GATE.isdisjoint(_word_list(text)) else None)
    ok = _first(_BATCH_OK_FOREIGN_RE.search(text)
                if cjk or not _BATCH_OK_FOREIGN_GATE.isdisjoint(_word_list(text)) else None,
                _BATCH_OK_RE.search(text) if _has(lower, _BATCH_OK_KEYS) else None,
                _BATCH_OK_MORE_RE.search(text) if _has(lower, _BATCH_OK_MORE_KEYS) else None)
    if no and not (ok and ok.start() < no.start() and "batch" in ok.group(0).lower()):
        return Read("latency", "no_batch", no.group(0), no.start(), no.end(),
                    "someone waits for the answer: no batch API (results within 24 h)")
    if ok:
        return Read("latency", "batch_ok", ok.group(0), ok.start(), ok.end(),
                    "results can wait: the batch API (within 24 h) fits")
    return None


# ------------------------------------------------------------------ the reader


# The rules read the head of a text only: a workload is stated where the task is described, and
# past that a pasted document's own numbers ("in 200 characters", dates, amounts) are its
# content, not the workload. It also bounds the reader's time on a 20,000-character paste.
READ_LIMIT = 1_500


@lru_cache(maxsize=512)
def read_workload(text: str) -> WorkloadWords:
    """Every workload number the description gives, each with its words (see module docstring).

    Cached: the workload and the adequacy both read the same description.
    """
    original = text[:READ_LIMIT]
    text = original.lower()  # the rules run on lower case, at the same offsets
    if len(text) != len(original):  # a few non-ASCII letters grow when lowered: ASCII only
        text = original.translate(_ASCII_LOWER)
    text = european_numbers(text)
    starts = _starts(text)
    sizes, taken = _sizes(text, starts)
    steps = _steps(text, starts)
    if steps is not None:
        taken.append((steps.start, steps.end))
    inputs = [s for s in sizes if s.name == "input_tokens"]
    outputs = [s for s in sizes if s.name == "output_tokens"]
    loop = _loop(text, react=re.search(r"\bReAct\b", original) is not None)
    found = {
        "runs_per_month": _volume(text, taken),
        "input_size": inputs[0] if inputs else None,
        "output_size": outputs[0] if outputs else None,
        "calls_per_task": steps,
        "loop": loop,
        "languages": _languages(original, text),
        "latency": _latency(text),
        "corpus_size": next((s for s in sizes if s.name == "corpus_size"), None),
    }
    # every read shows the description's own words (the rules ran on a lowered copy)
    for name, r in found.items():
        if r is not None and r.words != original[r.start:r.end]:
            found[name] = replace(r, words=original[r.start:r.end])
    return WorkloadWords(
        **found,
        coding=bool(loop is not None and loop.value == "agent" and _CODE_RE.search(text)),
        reads=tuple(r for r in found.values() if r is not None),
    )
