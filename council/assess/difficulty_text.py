"""The text the difficulty head reads: the description without the sentences that only state
its workload.

"Summarise each call note. We get about 450 of these every weekday, each around two pages.
A wrong one costs us $40." is as hard a task as its first sentence; read whole, the head took
the volume and the failure cost (and their length) for difficulty (docs/classifier.md,
"Difficulty and workload sentences"). A sentence, or a clause of one (split at "," ";" ":"),
is left out when all of these hold:

- the workload reader (volume, input/output or corpus size, latency) or the money reader
  (failure cost, budget) took words in it;
- every digit in it lies inside those words;
- what is left of it once those words are cut is only the words a workload sentence is made
  of (``_FILLER``: "we", "get", "about", "each", ...), so a task sentence with a number in it
  ("Summarise each of our 2,000 nightly tickets") is kept;

and never when numbers stand in two sentences the readers did not touch, or in one of them
and a question is asked (a word problem's numbers are its content: "Janet's ducks lay 16 eggs
per day. She eats three ... for $2 ... How much ...?"), never in a multiple-choice question
(its options "A. 80/minute." "B. daily." are its content), never past the reader's head (a
pasted document's body is its content), and never the whole text.
The category reads the same text (candidate (C), docs/classifier.md: ", about 5,000 a month"
turned a summary into an agent loop), less its asides (council.assess.asides); the
out-of-domain test and the reasons read the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The artifact's `difficulty_reads` for this rule ("" : the whole text, as before).
TASK_SENTENCES = "task sentences"
# workload reads that state only the workload (not the task's loop, steps or languages)
_WORKLOAD_READS = frozenset({"runs_per_month", "input_size", "output_size", "corpus_size",
                             "latency"})
# a sentence ends at . ! ? before a space or the end ("2.8" and "2.1GB" do not end one), or a line
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?![\s]|$))+(?:[.!?]+|\n|$)")
# the category's aside cut splits sentences the same way (council.assess.asides)
SENTENCE = _SENTENCE
_CLAUSE = re.compile(r"(?:[^,;:]|[,;:](?!\s))+(?:[,;:](?=\s)|$)")
_DIGIT = re.compile(r"\d")
# a multiple-choice question's options ("A. 80/minute.", "B) daily."): a pasted question
_OPTION = re.compile(r"^[ \t]*\(?[A-Ea-e][.)][ \t]", re.MULTILINE)
# a number a word problem states ("She eats three ..."); "one" and "a" say too little
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                     r"thousand|dozen|half|twice|double|triple)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a word, or a number with what is written onto it ("2,000", "2-3", "20k", "2M-row")
_TOKEN = re.compile(r"\d[\w,.\-\u2013/]*|[^\W\d_]+(?:['’][^\W\d_]+)?")
# when and how fast, in the workload reader's words ("nightly", "every Monday", "real time")
_CADENCE = frozenset(re.findall(r"\S+", """
nightly daily weekly monthly hourly yearly annually quarterly night nights day days week weeks
month months hour hours minute minutes min mins second seconds year years quarter morning
mornings evening evenings weekday weekdays weekend weekends monday mondays tuesday tuesdays
wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays
times twice once real time realtime overnight fine ok okay wait live instantly immediately
within asap business working hours'
"""))
# The words a sentence that only states its workload is made of, beside the readers' words:
# who, how many, how often, arriving; never a verb that says what to do with the items.
_FILLER = frozenset(re.findall(r"\S+", """
a an the this these those that them they it its we our us i my me you your there here
is are was be will would get gets got getting receive receives received come comes in
arrive arrives handle handles handled process processes processed run runs running have has
see sees expect expects send sends sent about around roughly approximately some nearly almost
up to of on at for per each every with and or most all usually typically average total
batch batches new more than less under over between plus mostly long big large short few
one half page pages paragraph paragraphs word words line lines item items ones document
documents file files record records two three four five six seven eight nine ten twelve
twenty thirty forty fifty hundred hundreds thousand thousands million millions dozen dozens
"""))


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the text that a reader took as workload."""

    start: int
    end: int


@dataclass(frozen=True)
class WorkloadSpans:
    """The readers' words in a text: the workload reader's, the money reader's, and where the
    reader's head ends (past it a pasted document's body, which is never cut)."""

    workload: list[Span]
    money: list[Span]
    head: int


def workload_spans(text: str) -> WorkloadSpans:
    """The readers' workload words in `text` (see WorkloadSpans)."""
    from council.money_words import read_money
    from council.workload_words import read_workload
    from council.workload_words.reader import _head

    # the reader's own rule for where a description ends and a pasted document begins
    head = len(_head(text))
    words = read_workload(text)
    workload = [Span(r.start, r.end) for r in words.reads if r.name in _WORKLOAD_READS]
    money: list[Span] = []
    said = read_money(text[:head])
    for read in (said.failure, said.budget):
        if read is not None and read.words:
            at = text.find(read.words, 0, head)
            if at >= 0:
                money.append(Span(at, at + len(read.words)))
    return WorkloadSpans(workload, money, head)


def _left_over(text: str, start: int, end: int, workload: list[Span],
               money: list[Span]) -> tuple[bool, bool]:
    """(the unit [start, end) has reader words, and it only states the workload). Inside the
    money reader's words every word counts ("Errors cost our accountant about 10 minutes
    each"); inside the workload reader's, whose words can run over the task's ("Nightly:
    extract amount, currency ... from ~20k"), a filler or cadence word, a number, or the noun
    a number counts ("16 eggs"); outside them, a filler word only."""
    def within(spans: list[Span], at: int) -> bool:
        return any(s.start <= at < s.end for s in spans)

    touched = any(s.start < end and start < s.end for s in workload + money)
    after_number = False
    for m in _TOKEN.finditer(text, start, end):
        word, at = m.group(0).lower(), m.start()
        number = word[0].isdigit()
        if within(money, at):
            ok = True
        elif within(workload, at):
            ok = number or after_number or word in _FILLER or word in _CADENCE
        else:
            ok = not number and word in _FILLER
        if not ok:
            return touched, False
        after_number = number
    return touched, True


def _word_problem(text: str, sentences: list[re.Match[str]], spans: list[Span]) -> bool:
    """Numbers in two sentences the readers did not touch, or in one and a question asked: the
    text's numbers are its content ("Janet's ducks lay 16 eggs per day. She eats three ...
    How much ...?"), not its workload."""
    untouched = [m for m in sentences if not any(s.start < m.end() and m.start() < s.end
                                                 for s in spans)]
    numbered = sum(1 for m in untouched if _NUMBER.search(m.group(0)))
    return numbered >= 2 or (numbered == 1 and "?" in text)


def _cuts(text: str, sentence: re.Match[str], read: WorkloadSpans) -> list[tuple[int, int]]:
    """What of one sentence states only the workload: all of it, or some of its clauses (a
    clause the readers' words stand in, and beside it a clause of filler words: "about 300 a
    day, about one page each"), never a middle clause without a number ("CPU, latency, error
    rate": a list's item)."""
    start, end = sentence.span()
    touched, only = _left_over(text, start, end, read.workload, read.money)
    if not touched:
        return []
    if only:
        return [(start, end)]
    clauses = [c.span() for c in _CLAUSE.finditer(text, start, end)]
    marks = [_left_over(text, a, b, read.workload, read.money) for a, b in clauses]
    if not any(t and f for t, f in marks):
        return []
    last = len(clauses) - 1
    return [(a, b) for i, ((a, b), (_, f)) in enumerate(zip(clauses, marks, strict=True))
            if f and (i in (0, last) or _DIGIT.search(text, a, b))]


def difficulty_text(text: str) -> str:
    """`text` without its workload-only sentences and clauses (see the module docstring);
    `text` itself when nothing is left out."""
    read = workload_spans(text)
    if not read.workload and not read.money:
        return text
    sentences = list(_SENTENCE.finditer(text, 0, read.head))
    if _word_problem(text, sentences, read.workload + read.money) \
            or len(_OPTION.findall(text)) >= 2:
        return text
    cut = [c for m in sentences for c in _cuts(text, m, read)]
    if not cut:
        return text
    kept, at = [], 0
    for start, end in cut:
        kept.append(text[at:start])
        at = end
    # a cut clause leaves its sentence's end ("Classify tickets by urgency, about 3,000 a
    # night." -> "Classify tickets by urgency.")
    tail = text[at:]
    if kept and kept[-1].rstrip().endswith((",", ";", ":")) and not tail.strip():
        kept[-1] = kept[-1].rstrip()[:-1] + "."
    kept.append(tail)
    out = "".join(kept).strip().lstrip(",;: ")
    return out if _WORD.search(out) else text


def difficulty_texts(texts: Sequence[str], reads: str) -> list[str]:
    """What the difficulty head reads of each text; `reads` is the artifact's
    ``difficulty_reads`` ("" the whole text, TASK_SENTENCES the text without its workload-only
    sentences), the same at training and at reading."""
    return [difficulty_text(t) for t in texts] if reads == TASK_SENTENCES else list(texts)
