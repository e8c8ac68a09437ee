"""The fixed instructions every LLM voter receives, and the parser for its answer.

The instructions are a constant string so that providers' prompt caches see a
byte-identical prefix on every call; the task description always comes last.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from council.categories import CATEGORIES, CATEGORY_KEYS, DIFFICULTY_RUBRIC
from council.errors import VoterError
from council.task import CAPABILITIES

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
        "reason": {"type": "string"},
    },
    "required": ["category", "difficulty", "capabilities", "reason"],
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
        "Answer with one JSON object and nothing else:\n"
        '{"category": "<category key>", "difficulty": <1-5>, '
        '"capabilities": ["<capability>", ...], "reason": "<one sentence>"}'
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
    )
