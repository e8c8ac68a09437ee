"""Numbers said in words in Italian, Spanish, French, German, Portuguese, Polish, Swedish and
Dutch ("duecento email", "dos mil mensajes", "trois cents dossiers", "mil e quinhentos
contratos", "une quinzaine de candidatures", "tre turni", "tvåhundra fakturor", "drieduizend
klachten"), read only in a text written in that language
(its small words, ``languages.head_language``): "due", "six" or "dos" in an English text are
English words.

Each is rewritten in place as zero-padded digits of the same length ("duecento" ->
"00000200"), so every read keeps its offsets into the description and shows the words as
written.
"""

from __future__ import annotations

import re

from council.workload_words.languages import own_words_language
from council.workload_words.loose_abroad import LOOSE_ABROAD, loose_unit
from council.workload_words.numbers import ONE_TO_NINE_ABROAD as _ONE_TO_NINE
from council.workload_words.numbers import SEVERAL

_TENS_AND_MORE: dict[str, dict[str, int]] = {
    "Italian": {"dieci": 10, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40,
                "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90,
                "cento": 100, "mille": 1000, "mila": 1000},
    "Spanish": {"diez": 10, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40,
                "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
                "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
                "trescientos": 300, "trescientas": 300, "cuatrocientos": 400,
                "quinientos": 500, "quinientas": 500, "seiscientos": 600, "setecientos": 700,
                "ochocientos": 800, "novecientos": 900, "mil": 1000},
    "French": {"dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
               "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000},
    "German": {"zehn": 10, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
               "fünfzig": 50, "sechzig": 60, "hundert": 100, "tausend": 1000},
    "Portuguese": {"dez": 10, "quinze": 15, "vinte": 20, "trinta": 30, "quarenta": 40,
                   "cinquenta": 50, "sessenta": 60, "cem": 100, "cento": 100, "duzentos": 200,
                   "duzentas": 200, "trezentos": 300, "trezentas": 300, "quatrocentos": 400,
                   "quinhentos": 500, "quinhentas": 500, "mil": 1000, "duas": 2},
    # "po jednej stronie": a page each ("jeden" alone is also German's "every": Polish only)
    "Polish": {"jednej": 1, "jednego": 1, "dwie": 2, "dwóch": 2, "trzech": 3, "czterech": 4,
               "pięciu": 5, "dziesięć": 10, "piętnaście": 15,
               "dwadzieścia": 20,
               "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50, "sto": 100,
               "dwieście": 200, "trzysta": 300, "czterysta": 400, "pięćset": 500,
               "tysiąc": 1000, "tysiące": 1000, "tysięcy": 1000},
    "Swedish": {"tio": 10, "femton": 15, "tjugo": 20, "trettio": 30, "fyrtio": 40,
                "femtio": 50, "sextio": 60, "hundra": 100, "tusen": 1000},
    "Dutch": {"tien": 10, "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40,
              "vijftig": 50, "zestig": 60, "honderd": 100, "duizend": 1000},
}
# Round counts said as "about N": "une quinzaine", "una ventina", "un centenar".
_ABOUT: dict[str, dict[str, int]] = {
    "Italian": {"una decina": 10, "una quindicina": 15, "una ventina": 20, "una trentina": 30,
                "una cinquantina": 50, "un centinaio": 100, "un migliaio": 1000},
    "Spanish": {"una docena": 12, "una veintena": 20, "un centenar": 100, "un millar": 1000},
    "French": {"une dizaine": 10, "une douzaine": 12, "une quinzaine": 15, "une vingtaine": 20,
               "une trentaine": 30, "une cinquantaine": 50, "une centaine": 100,
               "un millier": 1000},
    "German": {"ein dutzend": 12},
    "Portuguese": {"uma dezena": 10, "uma dúzia": 12, "uma centena": 100, "um milhar": 1000},
    "Polish": {"tuzin": 12},
    "Swedish": {"ett dussin": 12, "ett hundratal": 100},
    "Dutch": {"een dozijn": 12, "een tiental": 10, "een twintigtal": 20, "een honderdtal": 100},
}
_AND = {"Italian": "e", "Spanish": "y", "French": "et", "German": "und", "Portuguese": "e",
        "Polish": "i", "Swedish": "och", "Dutch": "en"}


def _words(language: str) -> dict[str, int]:
    small = {w: i for i, w in enumerate(_ONE_TO_NINE[language]) if w}
    out = {**small, **_TENS_AND_MORE[language]}
    if language == "Italian":  # one word: "duecento", "tremila", "cinquecento"
        for w, i in small.items():
            out[w + "cento"] = i * 100
            out[w + "mila"] = i * 1000
        out["centinaia"] = 100
    # one word: "zweihundert", "dreitausend", "tvåhundra", "tretusen", "tweehonderd"
    joined = {"German": ("hundert", "tausend"), "Swedish": ("hundra", "tusen"),
              "Dutch": ("honderd", "duizend")}
    if language in joined:
        hundred, thousand = joined[language]
        for w, i in small.items():
            out[w + hundred] = i * 100
            out[w + thousand] = i * 1000
    return out


_VOCAB = {name: _words(name) for name in _ONE_TO_NINE}
_RUN = {name: re.compile(
    r"(?<![\w'])(?:" + "|".join(sorted(map(re.escape, [*_ABOUT[name], *words]), key=len,
                                       reverse=True))
    + rf")(?:(?:\s+{_AND[name]})?\s+(?:" + "|".join(sorted(map(re.escape, words), key=len,
                                                            reverse=True)) + r"))*(?!\w)")
    for name, words in _VOCAB.items()}
# "il 20 per cento", "por ciento", "pour cent": a percentage
_PERCENT = re.compile(r"(?:per|por|pour|pro)\s+$")
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_PERCENT_AFTER = re.compile(r"\s+(?:per cento|por ciento|pour cent|por cento|prozent|procent)")


def _value(said: str, language: str) -> int | None:
    """'dos mil' -> 2000, 'mil e quinhentos' -> 1500, 'trois cents' -> 300, 'une quinzaine'
    -> 15; None when the words do not make one number ('due e tre')."""
    if said in _ABOUT[language]:
        return _ABOUT[language][said]
    total, current = 0, 0
    for word in said.split():
        if word == _AND[language]:
            if current + total < 100:
                return None  # "tre e quattro" is two numbers
            continue
        v = _VOCAB[language].get(word)
        if v is None:
            return None
        if v == 1000:
            total, current = total + max(current, 1) * 1000, 0
        elif v == 100 and current:
            current *= 100
        else:
            if current and (current < v or (current % 10 and v < 10)):
                return None  # "cinque tre": two numbers
            current += v
    return total + current or None


def foreign_number_words(text: str) -> str:
    """The text (lower case) with its number words rewritten as digits at the same length,
    in the language it is written in only."""
    language = own_words_language(text)
    if language not in _RUN:
        return text
    out = text
    if language in LOOSE_ABROAD:  # "cientos de": five hundred, an estimate (loose_abroad)
        for m in LOOSE_ABROAD[language].finditer(text):
            if _DIGIT_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                continue  # "2 Hunderte" is no loose plural
            digits = str(SEVERAL * (loose_unit(m.group(0), language) or 0))
            out = out[:m.start()] + digits.rjust(len(m.group(0)), "0") + out[m.end():]
        text = out
    for m in _RUN[language].finditer(text):
        said = m.group(0)
        if said in _TENS_AND_MORE[language] and _VOCAB[language][said] >= 100 and (
                _PERCENT.search(text, max(0, m.start() - 5), m.start())
                or _DIGIT_BEFORE.search(text, max(0, m.start() - 3), m.start())):
            continue  # "20 per cento" is a percentage; "10 mil" is read by the scale rule
        if _PERCENT_AFTER.match(text, m.end()):
            continue  # "venti per cento", "cento per cento": a percentage
        value = _value(" ".join(said.split()), language)
        if value is None:
            continue
        digits = str(value)
        if len(digits) > len(said):
            continue  # "mil" (3 letters) cannot hold 1000: the scale rule reads "10 mil"
        out = out[:m.start()] + digits.rjust(len(said), "0") + out[m.end():]
    return out
