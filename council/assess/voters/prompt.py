"""The fixed instructions every LLM voter receives, and the parser for its answer.

The instructions are a constant string so that providers' prompt caches see a
byte-identical prefix on every call; the task description always comes last.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from council.assessment import VoteWorkload
from council.categories import CATEGORIES, CATEGORY_KEYS, DIFFICULTY_RUBRIC
from council.errors import VoterError
from council.task import CAPABILITIES, MAX_CALLS_PER_TASK, MAX_RUNS_PER_MONTH, MAX_TOKENS_PER_CALL

# Bump whenever INSTRUCTIONS or OUTPUT_SCHEMA change: it is part of the vote cache's key, so
# answers to an older prompt are never reused. 1: category, difficulty, capabilities;
# 2: also the workload numbers.
PROMPT_VERSION = 2

# Descriptions longer than this are cut (head and tail kept) before they reach a voter:
# category and difficulty are judged from the gist, and the cap bounds the council's cost.
MAX_TASK_CHARS = 2_000

OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "category": {"type": "string", "enum": list(CATEGORY_KEYS)},
        "difficulty": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
        "capabilities": {
            "type": "array",
            "items": {"type": "string", "enum": list(CAPABILITIES)},
        },
        "input_tokens": {"type": "integer"},
        "output_tokens": {"type": "integer"},
        "calls_per_task": {"type": "integer"},
        "runs_per_month": {"type": ["number", "null"]},
        "user_waits": {"type": ["boolean", "null"]},
        "reason": {"type": "string"},
    },
    "required": ["category", "difficulty", "capabilities", "input_tokens", "output_tokens",
                 "calls_per_task", "runs_per_month", "user_waits", "reason"],
    "additionalProperties": False,
}

SCHEMA_NAME = "task_assessment"


def _build_instructions() -> str:
    categories = "\n".join(f"- {c.key}: {c.description}" for c in CATEGORIES)
    rubric = "\n".join(f"{level}. {text}" for level, text in sorted(DIFFICULTY_RUBRIC.items()))
    return (
        "You assess a task that someone wants an LLM to do, before they choose a model. "
        "Do not perform the task.\n\n"
        f"Categories (pick the one that best fits):\n{categories}\n\n"
        "Difficulty, 1-5. Level n means a model whose skill in the category is n "
        f"succeeds about half the time:\n{rubric}\n\n"
        "Capabilities the task strictly requires, from: "
        f"{', '.join(CAPABILITIES)} (an empty list if none).\n\n"
        "Workload, as the task's model would see it: input_tokens and output_tokens per model "
        "call (documents, code and history it reads; what it writes), calls_per_task (model "
        "calls to finish one task: 1 for a single answer, more for turns or a tool loop), "
        "runs_per_month (tasks a month, only if the text says how often, else null), "
        "user_waits (true if someone waits for each answer, false if results can wait for a "
        "batch, null if the text does not say).\n\n"
        "Answer with one JSON object and nothing else:\n"
        '{"category": "<category key>", "difficulty": <1-5>, '
        '"capabilities": ["<capability>", ...], "input_tokens": <int>, '
        '"output_tokens": <int>, "calls_per_task": <int>, "runs_per_month": <number or null>, '
        '"user_waits": <true, false or null>, "reason": "<one sentence>"}'
    )


INSTRUCTIONS: str = _build_instructions()


def task_message(description: str) -> str:
    """The user turn: the task text, trimmed to MAX_TASK_CHARS (head and tail kept)."""
    text = description.strip()
    if len(text) > MAX_TASK_CHARS:
        half = MAX_TASK_CHARS // 2
        omitted = len(text) - 2 * half
        text = f"{text[:half]}\n[... {omitted} characters omitted ...]\n{text[-half:]}"
    return f"Task to assess:\n<task>\n{text}\n</task>"


@dataclass(frozen=True)
class Answer:
    """A validated voter answer."""

    category: str
    difficulty: float
    capabilities: list[str]
    reason: str
    workload: VoteWorkload | None = None  # None when the answer gives no workload number


def _first_json_object(text: str) -> Any:
    """Parse the answer as JSON, tolerating code fences or prose around one object."""
    stripped = text.strip()
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        pass
    start = stripped.find("{")
    if start < 0:
        raise VoterError("answer is not JSON")
    try:
        obj, _ = json.JSONDecoder().raw_decode(stripped[start:])
    except json.JSONDecodeError as exc:
        raise VoterError(f"malformed JSON in answer ({exc.msg})") from None
    return obj


def parse_answer(text: str) -> Answer:
    """Validate a voter's answer against OUTPUT_SCHEMA; VoterError says what is wrong."""
    data = _first_json_object(text)
    if not isinstance(data, dict):
        raise VoterError("answer is not a JSON object")
    category = data.get("category")
    if category not in CATEGORY_KEYS:
        raise VoterError(f"off-schema answer: unknown category {str(category)[:40]!r}")
    difficulty = data.get("difficulty")
    if isinstance(difficulty, bool) or not isinstance(difficulty, int | float):
        raise VoterError("off-schema answer: difficulty is not a number")
    if not math.isfinite(difficulty) or not 1 <= difficulty <= 5:
        raise VoterError(f"off-schema answer: difficulty {difficulty} outside 1-5")
    capabilities = data.get("capabilities", [])
    if not isinstance(capabilities, list) or not all(isinstance(c, str) for c in capabilities):
        raise VoterError("off-schema answer: capabilities is not a list of names")
    unknown = [c for c in capabilities if c not in CAPABILITIES]
    if unknown:
        raise VoterError(f"off-schema answer: unknown capability {unknown[0][:40]!r}")
    reason = data.get("reason", "")
    if not isinstance(reason, str):
        raise VoterError("off-schema answer: reason is not text")
    return Answer(
        category=category,
        difficulty=float(difficulty),
        capabilities=sorted(set(capabilities)),
        reason=reason.strip()[:300],
        workload=_workload(data),
    )


# name -> (lowest, highest, whole number); None (or absent) is allowed for every field.
_WORKLOAD_BOUNDS: dict[str, tuple[float, float, bool]] = {
    "input_tokens": (1, MAX_TOKENS_PER_CALL, True),
    "output_tokens": (1, MAX_TOKENS_PER_CALL, True),
    "calls_per_task": (1, MAX_CALLS_PER_TASK, True),
    "runs_per_month": (0, MAX_RUNS_PER_MONTH, False),
}


def _workload(data: dict[str, Any]) -> VoteWorkload | None:
    """The workload part of an answer; VoterError names a field of the wrong kind or size.

    An answer of the older shape (no workload field at all) gives None: its category and
    difficulty still count.
    """
    values: dict[str, Any] = {}
    for name, (low, high, whole) in _WORKLOAD_BOUNDS.items():
        value = data.get(name)
        if value is None:
            continue
        shown = str(value)[:40]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise VoterError(f"off-schema answer: {name} is not a number (got {shown!r})")
        if not math.isfinite(value) or not low <= value <= high or (name == "runs_per_month"
                                                                     and value <= 0):
            raise VoterError(f"off-schema answer: {name} {shown} outside {low:g}-{high:,.0f}")
        if whole and value != int(value):
            raise VoterError(f"off-schema answer: {name} {shown} is not a whole number")
        values[name] = int(value) if whole else float(value)
    waits = data.get("user_waits")
    if waits is not None:
        if not isinstance(waits, bool):
            raise VoterError(f"off-schema answer: user_waits is not true, false or null "
                             f"(got {str(waits)[:40]!r})")
        values["user_waits"] = waits
    return VoteWorkload(**values) if values else None
