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
  about 173 a month), a quarter 3 months, a year 12. "Bi-weekly", "every other week" and "every
  second week" ("jede zweite Woche", "varannan vecka") read as once a fortnight. A sprint is
  the length the text states ("sprints are two weeks long"), else two weeks (an estimate); a
  semester is half a year.
- Ranges ("5 to 8 tool calls", "3-4 turns", "between 200 and 300") read as their upper end: the
  bill of the long case.
- A kilobyte or megabyte of a file is 1,000 or 1,000,000 characters (a byte a character);
  gigabytes and terabytes are a corpus (``corpus_size``), never one call's input. "100k LOC"
  is 100,000 lines. A binary file's bytes ("a 15 MB PDF", a DOCX, a scan) are not its text:
  the input is left unread and ``WorkloadWords.unread`` says so (give pages or tokens); so
  is the volume for tokens a period with no size of one task ("half a million tokens a month
  in all"), while a total over the size of each is its count ("1.5 million words a month, in
  documents of about 3,000 words each": 500).
- Loose plurals abroad read as the English ones, five of the unit with the range said
  ("cientos de", "Hunderte", "Dutzende", "des centaines de", "dezenas de", "centinaia di",
  "dziesiątki": tens, dozens or hundreds); a stream's part needing the work ("but only about
  2,000 of them need a reply") shares the stream's period; one answer said for each item
  ("one reply per ticket") is 1 call.
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
- "½ page" is half a page; "a 50k-row CSV" is 50,000 lines of one file's input ("50k rows in
  our sheet" are items); a romaji counter is a count ("30-nin", "10-ken") and "300-ji" is
  300 characters (under 25, "2-ji", it is a time of day).
- A count may sit in another sentence than its cadence: "For each of the ~50k rows ... twice
  a year", a schedule line and the next sentence's intake ("Runs nightly. Pulls ... (roughly
  400 PDFs"); "weekly 1:1s with my 8 reports" are eight a week; "8,000 pages ... each page's
  text" are 8,000 tasks of one page.
- Hires a period times the candidates of each ("15 people per quarter ... 6 candidates per
  role" = 30 a month); an agent loop is never batch_ok (its steps wait on each other, however
  late the results may come: "50 sessions every night"); a text that names no language is
  read as needing the one it is written in, by the small words of its head (not of code).
- "A few hundred" is read as three hundred, "several hundred" and "hundreds of" as five hundred,
  "dozens of" as 60, "tens of thousands of" as 50,000, "millions of" as 5,000,000 (estimates,
  the loose plurals with their range: "24 to 108, 60 taken"; the last three only in a sentence
  about the team's own work); a job over each item of a collection with no cadence ("Our sheet
  has 12,000 rows; classify each row") is its items once, and with no count the reading says
  it runs once over items it does not count; a lookup then its answer is 2 calls, a completion
  as someone types 1 call; a job on a date ("On December 1 we will process 300 orders",
  "12月1日に300件") is its items once, priced as one month, as a one-off's are.
- Numbers that name rather than count are skipped: headings and ranks ("Step 7", "Year 9",
  "the 20 most important"), times of day ("at 02:00") and dates ("15 March", "january 2024").
"""

from council.workload_words.numbers import european_numbers, parse_number
from council.workload_words.periods import BUSINESS_HOURS_PER_MONTH, PER_MONTH
from council.workload_words.reader import PASTED_DOCUMENT_CHARS, READ_LIMIT, read_workload
from council.workload_words.sizes import (
    CHARS_PER_TOKEN,
    SPOKEN_WORDS_PER_MINUTE,
    TOKENS_PER_FILE,
    TOKENS_PER_LINE,
    TOKENS_PER_WORD,
    UNIT_TOKENS,
    UNIT_WHY,
    WORDS_PER_PAGE,
)
from council.workload_words.steps import (
    AGENT_LOOP_CALLS,
    AGENT_LOOP_SOURCE,
    CODING_AGENT_CALLS,
    CODING_AGENT_SOURCE,
)
from council.workload_words.values import Read, WorkloadWords

__all__ = [
    "AGENT_LOOP_CALLS", "AGENT_LOOP_SOURCE", "BUSINESS_HOURS_PER_MONTH", "CHARS_PER_TOKEN",
    "CODING_AGENT_CALLS", "CODING_AGENT_SOURCE", "PASTED_DOCUMENT_CHARS", "PER_MONTH",
    "READ_LIMIT",
    "SPOKEN_WORDS_PER_MINUTE", "TOKENS_PER_FILE", "TOKENS_PER_LINE", "TOKENS_PER_WORD",
    "UNIT_TOKENS", "UNIT_WHY", "WORDS_PER_PAGE", "Read", "WorkloadWords", "european_numbers",
    "parse_number", "read_workload",
]
