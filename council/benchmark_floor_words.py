"""A floor said as a public benchmark's score or a leaderboard's rank: "at least 80% on
SWE-bench Verified", "at least 90% on GSM8K", "a top-5 model on the LMArena leaderboard".

Decision QA 15: the first two were answered as if unsaid, and GSM8K's "at least 90%" was said
as a floor of P 0.90 on the task, which a benchmark score is not. The answer's P is each
model's chance on this task; a benchmark's score is another task's, and the catalog does not
rank by a leaderboard. So the words are said as read and not used as the floor, with what to
do instead (name a model that meets it: ``council.model_floor_words``; or pick a setting).
Read in the first TASK_HEAD characters (``council.task_head``), where the task is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.task import QUALITY_BARS
from council.task_head import TASK_HEAD

# benchmarks and leaderboards by the names people write
BENCHMARK = (r"(?:SWE[- ]?bench(?:\s+(?:Verified|Lite|Pro|Multimodal))?|GSM[- ]?8K|"
             r"MMLU(?:[- ]Pro)?|GPQA(?:[- ]Diamond)?|HumanEval\+?|MBPP|MATH(?:[- ]500)?|AIME"
             r"(?:\s*\d{2,4})?|LiveCodeBench|Aider(?:\s+Polyglot)?|Terminal[- ]Bench(?:\s*[\d.]+)?|"
             r"[τt]au[²2]?[- ]?bench|ARC[- ]AGI(?:[- ]?\d)?|HellaSwag|BIG[- ]Bench(?:\s+Hard)?|"
             r"MT[- ]Bench|IFEval|HLE|Humanity['’]s\s+Last\s+Exam|SimpleQA|BrowseComp|MMMU)")
LEADERBOARD = (r"(?:(?:LM\s?Arena|LMSYS|Chatbot\s+Arena|Artificial\s+Analysis|Open\s+LLM|"
               r"Hugging\s?Face|Vellum|Scale)(?:\s+(?:text\s+)?(?:leaderboard|arena|ranking|"
               r"index))?|(?:the\s+)?leaderboards?)")
# "80% on SWE-bench": a percent said of a benchmark, which the quality-floor reader must not
# take as P on the task (``council.floor_words``)
ON_BENCHMARK = re.compile(rf"\s*(?:on|in|at|for)\s+(?:the\s+)?{BENCHMARK}\b", re.IGNORECASE)
_SCORE = re.compile(
    rf"\b(?P<score>\d{{1,3}}(?:\.\d+)?\s?%|\d{{1,3}}(?:\.\d+)?\s+(?:points?|percent))"
    rf"{ON_BENCHMARK.pattern}|"
    rf"\b(?P<bench>{BENCHMARK})\s+(?:score\s+)?(?:of\s+)?(?:at\s+least|above|over|>=?|≥)\s*"
    r"\d{1,3}(?:\.\d+)?\s?%?", re.IGNORECASE)
_RANK = re.compile(
    rf"\b(?:top[- ]?(?:\d{{1,2}}|one|three|five|ten|twenty)|#\s?1|number\s+one|the\s+best)\b"
    rf"(?:\s+(?:model|llm|spot|place|positions?|entry|entries))?\s+(?:on|in|of)\s+(?:the\s+)?"
    rf"{LEADERBOARD}\b|\b(?:ranked|ranks?|ranking)\s+(?:in\s+the\s+)?top[- ]?\d{{1,2}}\s+"
    rf"(?:on|in|of)\s+(?:the\s+)?{LEADERBOARD}\b|\b(?:top[- ]?\d{{1,2}}|highest)\s+"
    rf"(?:on\s+)?{LEADERBOARD}\b", re.IGNORECASE)
# asked of the pick, not a topic: "Explain what SWE-bench measures", "a post on the top 10 on
# LMArena"; a modal or a floor word in the clause before it
_ASKED = re.compile(r"\b(?:must|should|has\s+to|have\s+to|needs?(?:\s+to)?|requires?d?|want|"
                    r"only|at\s+least|minimum|score|scores|scoring|achieve|reach|expect)\b",
                    re.IGNORECASE)
_TOPIC = re.compile(r"\b(?:about|explain\w*|describe\w*|summari[sz]e\w*|compare\w*|article|"
                    r"blog|post|report\s+on|why|whether)\b[^.;!?\n]*$", re.IGNORECASE)


@dataclass(frozen=True)
class BenchmarkFloorRead:
    """A benchmark's score or a leaderboard's rank the words ask of the pick."""

    words: str
    rank: bool  # a leaderboard's rank, not a benchmark's score


def read_benchmark_floor(text: str) -> BenchmarkFloorRead | None:
    """The first benchmark score or leaderboard rank the words ask the pick to meet, or None."""
    head = (text or "")[:TASK_HEAD]
    hits = sorted([(m.start(), m, False) for m in _SCORE.finditer(head)]
                  + [(m.start(), m, True) for m in _RANK.finditer(head)], key=lambda h: h[0])
    for at, m, rank in hits:
        clause = max(head.rfind(c, 0, at) for c in ".;:!?\n") + 1
        before = head[clause:at]
        if _TOPIC.search(before) or not (_ASKED.search(before) or _ASKED.search(m.group(0))):
            continue
        return BenchmarkFloorRead(m.group(0).strip(), rank)
    return None


def benchmark_floor_note(read: BenchmarkFloorRead, floor: float) -> str:
    """Said, not used: a benchmark's score or a leaderboard's rank is not P on this task."""
    used = f"P {floor:.2f}" if floor else "none"
    what = ("a leaderboard's rank, which the catalog does not rank models by" if read.rank
            else "a public benchmark's score, another task's, not the chance of success on "
                 "yours (each model's P here)")
    return (f"'{read.words}' asks for {what}: it is not used as the floor; the floor used is "
            f"the quality setting's ({used}). To hold the pick to a model you know meets it, "
            f"name that model ('at least as good as ...'), or choose the production setting "
            f"(P {QUALITY_BARS['production']})")
