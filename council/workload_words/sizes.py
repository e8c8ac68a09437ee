"""Sizes of one call's input or output ("a 200-page PDF", "a 45-minute call", "under 80
characters") in reference tokens, and corpora too large for any call ("a 30 GB archive")."""

from __future__ import annotations

import re

from council.currency_words import SIGNS
from council.workload_words.clock_hours import clock_hour_at
from council.workload_words.consulted import ASKED_ABOUT, REFERENCE
from council.workload_words.durations import HOUR_UNITS, MINUTE_UNITS, in_hours
from council.workload_words.file_bytes import binary_bytes
from council.workload_words.numbers import (
    BYTE_SCALE,
    DIGITS,
    NUMBER,
    fmt,
    matches_at,
    parse_number,
)
from council.workload_words.per_file import file_by_file
from council.workload_words.per_page import PAGES_OF_WORDS
from council.workload_words.periods import foreign_period_at
from council.workload_words.text import (
    COIN_AFTER,
    EACH_ONE_ABROAD,
    PAGE_BY_PAGE,
    RATE_AFTER,
    alternation,
    has,
    sentence_around,
)
from council.workload_words.totals import each_starts, total_at
from council.workload_words.values import Read

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

_SIZE_UNITS = {
    # ("15页", "15頁": pages in Chinese and Japanese)
    "page": r"pages?|pgs?|p[aá]ginas?|seiten?|pagine|stron[yę]?|strona|stronie|页|頁",
    # a file format between the count and "files": "12 CSV files"
    "file": r"(?:(?:csv|pdf|json|xml|xlsx?|excel|docx?|txt|markdown|html|python) )?files?",
    "word": r"words?|mots|palabras|palavras|w[oö]rter|parole|woorden|słów|słowa",
    "line": r"(?:log |code |source )?lines?(?: of code)?|s?loc|rows?|righe|líneas|lignes|"
            r"zeilen|regels|wierszy|linii|linhas", "token": r"tokens?",
    "char": r"characters|chars|ji|moji",
    "byte": r"[kmgt]b|(?:kilo|mega|giga|tera)bytes?",
}
_NOT_CONTENT = re.compile(r"\b(?:memory|ram|limit|heap|cache|disk|storage|quota)\b[^.]{0,25}$")
# A file's bytes are its characters (one byte a character in ASCII text). Kilo- and megabytes
# only: a gigabyte is ~250M tokens, no call's input but a corpus ("the 30 GB email archive").
# Gigabytes and terabytes are a corpus ("the 30 GB email archive", "a 10 GB CSV"): ~250
# million tokens and up, no call's input. They are read as such and shown ("split into
# chunks, each call reads one"), never as the input of a call.
CORPUS_UNITS = "gt"
_SIZE_RE = re.compile(
    rf"(?P<num>{NUMBER})(?:\s*(?:-|to)\s*(?P<num2>{DIGITS}))?\s*-?\s*(?P<unit>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _SIZE_UNITS.items()) + r")\b"
    r"(?!\s*(?:of\s+)?(?:ram|memory|vram|gpu|disk|storage|ssd|hdd)\b)"
    r"(?!\s*(?:box(?:es)?|machines?|instances?|nodes?|vms?|laptops?)\b)")
_DURATION_RE = re.compile(
    rf"(?<!per )(?<!every )(?<!a )(?P<h>\d+)\s*h\s*(?P<m>\d{{2}})\b"
    rf"|(?<!per )(?<!every )(?P<num>{NUMBER}|an)\s*-?\s*(?P<unit>{HOUR_UNITS}|{MINUTE_UNITS}|h)\b"
    r"(?P<half>\s+and\s+a\s+half\b)?"
    r"(?!\s+(?:a|per|every)\b|\s+each\s+(?:day|night|morning|week|month|hour)\b)")
# A count and its noun right before "an hour": "40 calls an hour" is a rate
_COUNT_BEFORE_RATE = re.compile(r"\d[\d,.]*k?\s+(?:[a-z-]+\s+){1,2}$")
_AUDIO = re.compile(r"transcri|recording|\bcalls?\b|meeting|podcast|video|memo|webinar|hearing|"
                    r"interview|episode|audio|lecture|deposition|voice|llamadas?|chamadas?|anrufe?|appels?")
# More spoken things (a 1:1, a stand-up; a meeting, call or recording in Dutch, Italian or
# Polish) behind a substring test: each branch added to _AUDIO slowed every read.
# ("Aufnahme", "Aufzeichnung": a recording in German; "enregistrement", "grabación" too)
_AUDIO_MORE_KEYS = ("1:1", "one-on-one", "standup", "stand-up", "vergader", "gesprek",
                    "riunion", "chiamat", "spotkani", "nagrani", "rozmow", "aufnahme",
                    "aufzeichnung", "enregistrement", "grabaci", "grava", "samtal", "inspelning",
                    "entretiens")
# (French "entretiens", interviews, in the plural only: "l'entretien" is also upkeep)
_AUDIO_MORE = re.compile(r"\b1:1s?\b|one-on-one|stand-?up|vergader|gesprek|riunion|chiamat|"
                         r"spotkani|nagrani|rozmow|aufnahme|aufzeichnung|enregistrement|"
                         r"grabaci[oó]n|grava[çc][ãa]o|samtal|inspelning\w*|\bentretiens\b")


def _audio(text: str) -> bool:
    """Whether the words name something spoken, whose length a duration gives."""
    return _AUDIO.search(text) is not None or (
        has(text, _AUDIO_MORE_KEYS) and _AUDIO_MORE.search(text) is not None)


_OUTPUT_CUE = re.compile(r"^(?:write|writes|draft|drafts|generate|generates|produce|produces|"
                         r"compose|compile|create|creates|into|to|as|returning|return|reply|"
                         r"summaries|summary|output|streszczenie|streszczenia|riassunto|"
                         r"samenvatting|verslag|resumen|resumo|zusammenfassung)$")
# A system that produces or writes what the model then reads ("Every build produces a
# 5,000-line log; explain why it failed": words18, read as 5,000 lines written)
_SYSTEM = re.compile(r"^(?:build|job|run|pipeline|server|system|service|app|tool|test|ci|"
                     r"machine|device|sensor|script|crawler|scanner|cluster|deploy|deployment|"
                     r"scan|export|backup|process|batch|device|monitor|camera|router)s?$",
                     re.IGNORECASE)
# "the error traces go to the model, ~1k tokens each": what is sent to the model is its input.
_SENT_TO_MODEL = re.compile(r"\b(?:go|goes|sent|send|sends|fed|feed|passed|pass)\s+(?:in)?to\s+"
                            r"(?:the |our )?(?:model|llm|api|ai)\b[,;:]?\s*(?:~|about |around |"
                            r"roughly )?$")
_INPUT_CUE = re.compile(r"^(?:from|of|over|in|across|for|read|reads|review|our|the|"
                        r"about|typically|summarise|summarize|translate|extract|analyse|"
                        r"analyze|answer|given|with|on)$")


# What is produced, named right after its size: "a 2-page executive brief", "a one-page
# summary"; a character limit ("under 80 characters", "155 characters max") bounds an output.
_OUTPUT_NOUN = re.compile(r"[-\s]*(?:[\w-]+\s+)?(?:brief|briefing|summary|digest|abstract|"
                          r"synopsis|recap|overview|scorecard|memo|description|blurb|note)\b")
# A size named as the output right after it: "500 tokens of output", "200 words of generated
# text", "1k tokens for the answer"
_NAMED_OUTPUT = re.compile(r"\s+(?:of\s+(?:generated\s+\w+|output|completions?)|"
                           r"for\s+(?:the\s+|each\s+|an?\s+)?(?:answer|reply|response|output)s?)"
                           r"\b")
_LIMIT_BEFORE = re.compile(r"\b(?:under|below|at most|no more than|fewer than|less than|"
                           r"max(?:imum)?|max\.|limit(?:ed)? (?:of|to))\s*$")
_LIMIT_AFTER = re.compile(r"\s*(?:max(?:imum)?|or less|or fewer|limit)\b")


_RUNS_TO = frozenset({"run", "runs", "running", "go", "goes", "stretch", "stretches",
                      "extend", "extends", "amount", "amounts", "come", "comes"})


def _role(text: str, start: int, end: int | None = None) -> str:
    """'output' when a producing word ('write a', 'into a') leads to the size, or the size
    names what is produced ('a 2-page brief') or limits it ('under 80 characters'), else
    'input'."""
    if end is not None and _NAMED_OUTPUT.match(text, end):
        return "output"  # "500 tokens of output", "1k tokens for the answer" (words14: unread)
    if end is not None and _EACH_AFTER.match(text, end) and _WRITE_ORDER.match(text[:start]):
        return "output"  # "Write 300 product descriptions, about 150 words each"
    if end is not None and "char" in text[start:end] and (
            _LIMIT_BEFORE.search(text, max(0, start - 16), start)
            or _LIMIT_AFTER.match(text, end)):
        return "output"
    if _EACH_PRODUCED.search(text, max(0, start - 70), start) or _WRITES_THEN_SIZE.search(
            text, max(0, start - 90), start):
        return "output"
    if _SENT_TO_MODEL.search(text, max(0, start - 40), start):
        return "input"
    if _PRODUCED_LIMITED.search(text, max(0, start - 70), start):
        return "output"
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])
    if before[-2:] == ["up", "to"]:
        before = before[:-2]
    if len(before) >= 2 and before[-1] == "to" and before[-2].lower() in _RUNS_TO:
        # "the long ones run to 1,500 words": the length of what is read, not a "to" of
        # writing into (words14: read as 1,500 words of output)
        before = before[:-2]
    named = False  # a word naming a thing between a cue and the size
    for i in range(len(before) - 1, max(-1, len(before) - 4), -1):
        w = before[i]
        if w.lower() in ("a", "an", "the", "one", "daily", "weekly", "short", "single", "each"):
            continue
        if w.lower() == "as" and named:
            # "40 invoices as PDFs, 2-3 pages each": the size is the PDFs', read (QA round 11:
            # read as 3 pages written); "as a 2-page memo" stays written
            continue
        if _OUTPUT_CUE.match(w):
            if i > 0 and w.endswith("s") and _SYSTEM.match(before[i - 1]):
                return "input"  # "every build produces a 5,000-line log": the model reads it
            return "output"
        if _INPUT_CUE.match(w):
            return "input"
        named = True
    return "output" if end is not None and _OUTPUT_NOUN.match(text, end) else "input"


# "40 discharge summaries a day, each roughly ½ page": the size of each thing produced (a
# summary, a draft, a reply is written; a report or a letter may be either, so not those).
_EACH_PRODUCED = re.compile(r"\b(?:summaries|drafts|replies|responses|descriptions|blurbs|"
                            r"captions)\b[^.;:]{0,40}\beach\s+(?:(?:roughly|about|around|"
                            r"approximately|~)\s*)?$")


# "Write 300 product descriptions, about 150 words each", "Rédiger 300 fiches produit, environ
# 150 mots chacune": the task opens by ordering the writing and the size is each piece's (QA
# round 9: read as 200 tokens of input); not when something is read first ("of", "from").
_EACH_AFTER = re.compile(rf"\s*(?:each|apiece|{alternation(EACH_ONE_ABROAD)}|cada)\b",
                         re.IGNORECASE)
_WRITE_ORDER = re.compile(
    r"\s*(?:please\s+)?(?:write|draft|generate|create|compose|produce|r[ée]dige[rz]?|"
    r"[ée]cri(?:re|vez)|escrib(?:e|ir)|redact(?:a|ar)|generar?|schreib(?:e|en)|erstell(?:e|en)|"
    r"scriv(?:i|ere)|redigi|escrev(?:a|er)|gerar?|napisz|napisać)\b"
    r"(?![^.;:]*\b(?:of|from|based on|de la|à partir|a partir|aus|von|dai|das|z|ze|"
    r"summar\w*|translat\w*)\b)[^.;:]*$", re.IGNORECASE)


# "each NPC line", "every dialogue line": the lines are the items, not a code size ("each
# line of this 40-line script" is still the script's size).
_EACH_LINE = re.compile(r"\b(?:each|every|per) (?!code |log |source )[\w-]+ line\b")
# "a 50k-row CSV": rows are the size of one thing said with its article ("5,000-row
# spreadsheets", how many not said, is left unread, as the held-out rows read it).
_ONE_BEFORE = re.compile(r"\b(?:a|an|one|each|the|single)\s+(?:~|about\s+|roughly\s+)?$")

# "I write training plans for each of my 25 athletes, ~400 words each", "schrijven we
# ongeveer 20 woningteksten van zo'n 300 woorden": a writing verb, what it writes, its size;
# not when something read comes between ("write replies to emails of about 300 words").
_WRITES_THEN_SIZE = re.compile(
    r"\b(?:i|we) (?:write|draft)\b(?![^.;:]*\b(?:from|to|on|read|receiv|repl|answer|summar|"
    r"translat|extract|analy|review|based|given)[^.;:]*$)[^.;:]{0,70}$|"
    r"\b(?:schrijven|scriviamo|escribimos|schreiben|écrivons|rédigeons|escrevemos|piszemy)\b"
    r"[^.;:]{0,70}$")


# A written thing, then a limit on its size: "an answer may be at most 150 words", "eine Antwort
# darf höchstens 150 Wörter haben", "la respuesta debe tener como máximo 200 palabras" (QA
# round 11: read as 150 words of input). Not across "of", "from", "von": "summaries of
# reports of at most 20 pages" limits what is read.
_PRODUCED_LIMITED = re.compile(
    r"\b(?:answers?|repl(?:y|ies)|responses?|summar(?:y|ies)|antwort(?:en)?|r[ée]ponses?|"
    r"respuestas?|respostas?|rispost[ae]|odpowied\w*|zusammenfassung(?:en)?|resumen(?:es)?|"
    r"resumos?|riassunt[oi])\b(?:(?!\b(?:of|from|von|aus)\b)[^.;:]){0,30}"
    r"\b(?:at most|no more than|not exceed|max(?:imum)?|höchstens|maximal|nicht mehr als|"
    r"au plus|au maximum|pas plus de|como m[áa]ximo|no m[áa]s de|al massimo|maksymalnie|"
    r"no m[áa]ximo)\s*$")


# "about 20 pages plus a 5-page annex", "1,000 tokens of instructions plus about 3,000 tokens
# of context": two parts of one input, read together (words13: the first part alone); the
# second size must follow within a few words and be said in the same unit. (The hedge words
# whole: "plus about 3,000" was cut after its "a", words14.)
_PLUS = re.compile(r"(?:\s+(?:of\s+)?[a-z]+){0,2}?\s*(?:\+|\bplus\b)\s*"
                   r"(?:(?:an?|another|about|around|roughly)\b\s*|~\s*)*")
# (not "1,500 tokens plus 500 tokens of output", "4k tokens plus 1k for the answer": what is
# written, no part of the input; review 13, read as 2,000 and 5,000 in)
_PART_IS_OUTPUT = re.compile(r"\s+(?:(?:of|for|in)\s+(?:the\s+|each\s+|an?\s+)?)?(?:output|"
                             r"answers?|repl(?:y|ies)|responses?|completions?|generated|out)\b")
_AND_OUT = re.compile(rf"\s+in\s*(?:,|/|and|&)\s*(?:~|about |around )?(?P<num>{DIGITS}k?)"
                      r"(?:\s*(?:tokens?|words?))?\s+out\b")


# A summary "of one page" said in French, Spanish, Portuguese, Italian, German or Dutch: "un
# résumé d'une page", "un resumen de una página", "um resumo de uma página", "un riassunto di
# una pagina", "eine Zusammenfassung von einer Seite", "een samenvatting van één pagina": one
# page written ("une", "una", "einer" are "one" here, an article elsewhere).
_ONE_PAGE_SUMMARY = re.compile(
    r"\b(?:résumé|resumen|resumo|riassunto|sintesi|síntesis|síntese|synthèse|"
    r"zusammenfassung|samenvatting)\s+(?:d['’]\s*|de\s+|di\s+|von\s+|van\s+)"
    r"(?P<one>une|una|uma|einer|één|een)\s+(?:page|página|pagina|seite)\b")
_ONE_PAGE_KEYS = ("page", "pagina", "página", "seite")


def _one_page_summaries(text: str, found: list[Read], spans: list[tuple[int, int]]) -> None:
    """Add each foreign "summary of one page" to ``found`` (in text order) as one page out."""
    for m in _ONE_PAGE_SUMMARY.finditer(text) if has(text, _ONE_PAGE_KEYS) else ():
        a, b = m.start("one"), m.end()
        if any(s <= a < e for s, e in spans):
            continue
        spans.append((a, b))
        at = next((i for i, r in enumerate(found) if r.start > a), len(found))
        found.insert(at, _size_read(text, a, b, 1.0, "page", role="output"))


def read_sizes(text: str, starts: list[int]) -> tuple[list[Read], list[tuple[int, int]]]:
    """Every size in the text, in order, and the spans they take (no count is read there)."""
    found: list[Read] = []
    spans: list[tuple[int, int]] = []
    chunks: set[int] | None = None  # where each total's item size starts (computed if asked)
    merged = -1  # the end of a second part read with the first ("20 pages plus a 5-page annex")
    for m in matches_at(_SIZE_RE, text, starts):
        if m.start() < merged:
            continue
        unit = next(k for k in _SIZE_UNITS if m.group(k))
        qty = parse_number(m.group("num2") or m.group("num"))
        if qty is None or qty <= 0:
            continue
        if unit in ("line", "byte") and not m.group("num2"):
            chunks = each_starts(text) if chunks is None else chunks
            if m.start() in chunks:
                # "2.5 million rows ... in chunks of 500 rows per call", "3 GB of logs a day,
                # split into 1 MB chunks": one chunk is one call's input (QA round 12)
                spans.append((m.start(), m.end()))
                name = m.group("unit")
                said = (f"{fmt(qty)} {name.upper()} = {fmt(qty * BYTE_SCALE[name[0]])} characters "
                        "(a byte each); " if unit == "byte" else "")
                qty, unit = (qty * BYTE_SCALE[name[0]], "char") if unit == "byte" else (qty, "line")
                found.append(_size_read(text, m.start(), m.end(), qty, unit, role="input",
                                        said=f"{said}one chunk a call: "))
                continue
        # "a 300-page report", "a 50k-row CSV": the size of one thing, not a count of them
        one_thing = "-" in text[m.end("num"):m.start("unit")]
        if RATE_AFTER.match(text, m.end()):
            continue  # "3 million log lines every day", "15 pages a day" are volumes
        if (m.group("token") or unit == "line") and total_at(text, m.start()) is not None:
            spans.append((m.start(), m.end()))
            # "1.2M tokens ... which average 600 tokens each", "1,000 lines of logs a day, 50
            # lines per batch" (review 12: 1,000 lines read as one call's input): a total
            continue
        if (unit == "page" and qty > 1 and not one_thing
                and (each := PAGE_BY_PAGE.match(text, m.end())) is not None):
            # "8,000 pages, and want each page's OCR text cleaned up": a call reads one page
            a = text.rfind(" ", m.end(), each.end() - len(" page")) + 1
            spans.append((a, each.end()))
            found.append(_size_read(text, a, each.end(), 1.0, "page"))
            continue
        if unit == "page" and qty > 1 and not one_thing and PAGES_OF_WORDS.match(text, m.end()):
            continue  # "300 pages of about 500 words each": items, read as "200 tickets of ..."
        if text.endswith("per ", 0, m.start()) and any(
                c in text[max(0, m.start() - 20):m.start()] for c in SIGNS):
            continue  # "$0.002 per 1K tokens" is a price's unit
        if m.group("token") and not one_thing and COIN_AFTER.match(text, m.end()):
            continue  # "300 token transfers a day": a crypto token, no size (review 12)
        said_unit = m.group("unit")
        if (unit == "file" and qty > 1 and said_unit.endswith("files") and not one_thing
                and file_by_file(text, m.start())):
            # "a one-off migration of 2,500 files": 2,500 tasks of one file each (the number is
            # left to be read as their count)
            spans.append((m.start("unit"), m.end()))
            found.append(_size_read(text, m.start("unit"), m.end(), 1.0, "file",
                                    said=f"one of the {m.group('num')} files a task: "))
            continue
        if said_unit in ("line", "lines") and _EACH_LINE.search(text):
            continue  # "5 variations of each NPC line; we have about 3,000 lines": items
        if said_unit.startswith("row") and (not one_thing
                                            or not _ONE_BEFORE.search(text, 0, m.start())):
            continue  # "a 50k-row CSV" is one file's size; "50k rows in our sheet" counts items
        if said_unit in ("ji", "moji") and (qty < 25 or not one_thing):
            continue  # romaji "300-ji" is 300 characters; "2-ji" is two o'clock
        spans.append((m.start(), m.end()))
        if unit == "byte":  # "a 3 MB log": 3,000,000 characters
            if _NOT_CONTENT.search(text, max(0, m.start() - 30), m.start()):
                spans.pop()
                continue  # "memory limit per test 256 megabytes"
            name = m.group("unit")
            if name[0] not in CORPUS_UNITS and (
                    unread := binary_bytes(text, m.start(), m.end())) is not None:
                found.append(unread)  # "a 15 MB PDF": bytes that are not text
                continue
            said = f"{fmt(qty)} {name.upper() if len(name) == 2 else name}"
            qty, unit = qty * BYTE_SCALE[name[0]], "char"
            if name[0] in CORPUS_UNITS:
                tokens = round(qty * UNIT_TOKENS["char"])
                found.append(Read("corpus_size", tokens, text[m.start():m.end()], m.start(),
                                  m.end(), f"{said} = {fmt(qty)} characters (a byte each), "
                                  f"~{fmt(tokens)} tokens: more than any call reads, so it is "
                                  "split into chunks and each call reads one", qty, unit))
                continue
            found.append(_size_read(text, m.start(), m.end(), qty, unit,
                                    said=f"{said} = {fmt(qty)} characters (a byte each); "))
            continue
        read = _size_read(text, m.start(), m.end(), qty, unit)
        plus = _PLUS.match(text, m.end()) if "plus" in text or "+" in text else None
        part = _SIZE_RE.match(text, plus.end()) if plus is not None else None
        more = parse_number(part.group("num")) if part is not None and part.group(unit) and (
            not part.group("num2")) else None
        if (part is not None and more and read.name == "input_tokens"
                and not _PART_IS_OUTPUT.match(text, part.end())
                and _role(text, part.start(), part.end()) == "input"):
            # "about 20 pages plus a 5-page annex": one input of 25 pages
            merged = part.end()
            spans[-1] = (m.start(), part.end())
            read = _size_read(text, m.start(), part.end(), qty + more, unit,
                              said=f"{fmt(qty)} + {fmt(more)} = {fmt(qty + more)} {unit}s "
                                   "(two parts of one input); ")
        if read.name == "input_tokens" and _searched(text, m.start(), m.end(), read.value):
            read = Read("corpus_size", read.value, read.words, read.start, read.end,
                        f"{read.how}: the knowledge base a question is answered from; "
                        "retrieval sends each call the passages it needs, not all of it",
                        qty, unit)
        found.append(read)
        out = _AND_OUT.match(text, m.end()) if found[-1].name == "input_tokens" else None
        if out is not None and (n := parse_number(out.group("num"))):
            # "800 tokens in and 200 out": the second number is the output, in the same unit
            spans.append((out.start("num"), out.end()))
            found.append(_size_read(text, out.start("num"), out.end(), n, unit, role="output"))
    _one_page_summaries(text, found, spans)
    if not _audio(text):  # durations are sizes only of spoken things
        return found, spans
    for m in re.finditer(r"\b(?:an? )?hour[- ]long\b", text) if "hour" in text else ():
        if _audio(sentence_around(text, m.start())) and not any(
                s <= m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            found.append(_size_read(text, m.start(), m.end(), 1.0, "hour", role="input"))
    for m in matches_at(_DURATION_RE, text, starts):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if total_at(text, m.start()) is not None:
            spans.append((m.start(), m.end()))
            continue  # "2 hours of audio per day ... calls of ~6 minutes": a total, no input
        if m.group("num") and clock_hour_at(text, m.start("num")):
            continue  # "Elke avond om 10 uur", "à 22 heures": a time of day, no length
        if m.group("num") == "an" and _COUNT_BEFORE_RATE.search(
                text, max(0, m.start() - 32), m.start()):
            continue  # "about 40 calls an hour": a rate, no call an hour long (words14)
        if foreign_period_at(text, m.end()) is not None:
            # "12 Stunden am Tag besetzt", "ouvert 9 heures par jour": hours a period, no
            # piece's length (as "12 hours a day" in English, _DURATION_RE)
            continue
        if m.group("h"):
            qty, unit = float(m.group("h")) * 60 + float(m.group("m")), "minute"
        else:
            raw = m.group("num")
            qty = 1.0 if raw.lower() == "an" else parse_number(raw)
            unit = "hour" if in_hours(m.group("unit")) else "minute"
            if m.group("half") and qty:  # "an hour and a half"
                qty += 0.5
        if not qty or qty <= 0:
            continue
        sentence = sentence_around(text, m.start())
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


# A knowledge base searched for answers ("questions about our 2,000-page internal wiki (RAG)",
# "a RAG chatbot over our 300-page manual"): its size is the corpus retrieval draws on, not
# the input of each call. Said outright (RAG, retrieval) at any size; a knowledge base that
# questions are asked about only when no model could read it whole (over 1M tokens: read as
# the input, no model would fit), since a smaller one may be sent whole ("Answer questions
# over a 500-page technical manual" is the input in the phrase file; ``consulted`` marks it).
_RETRIEVAL = re.compile(r"\brag\b|\bretriev\w*|\bvector (?:search|store|db|database)\b|"
                        r"\bsemantic search\b|\bembeddings? search\b")
_WHOLE_WINDOW = 1_000_000


def _searched(text: str, start: int, end: int, tokens: object) -> bool:
    """The size is that of a knowledge base questions are answered from (see above)."""
    if REFERENCE.match(text, end) is None:
        return False
    sentence = sentence_around(text, start)
    if _RETRIEVAL.search(sentence):
        return True
    return (isinstance(tokens, int) and tokens > _WHOLE_WINDOW
            and ASKED_ABOUT.search(sentence) is not None)


# Between two durations of one sentence, a word that makes them alternatives (a range).
_ALTERNATIVE = re.compile(r"\b(?:sometimes|occasionally|or|up to|at most|even)\b")


def _size_read(text: str, start: int, end: int, qty: float, unit: str,
               role: str | None = None, said: str = "") -> Read:
    role = role or _role(text, start, end)
    tokens = max(1, round(qty * UNIT_TOKENS[unit]))
    per = UNIT_TOKENS[unit]
    how = said + (f"{fmt(qty)} {unit}{'s' if qty != 1 else ''} x {per:,.0f}"
           f"{'' if per >= 10 else f'{per:.2f}'[1:]} tokens "
           f"({UNIT_WHY[unit]})" if unit != "token" else "as stated")
    return Read(f"{role}_tokens", tokens, text[start:end], start, end, how, qty, unit)
