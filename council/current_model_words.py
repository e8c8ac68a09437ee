"""The model the user runs today: "We use GPT-4o now", "we currently use gpt-4.1", "we're on
Claude Sonnet 4.5 today", "our current model is gpt-5-mini" (decision QA 18: nothing said;
the user asking what to switch to got no word on what they have).

A model the catalog has is compared with the pick (its P on this task and its month); one it
lacks is said to be unknown, so no comparison can be made, never passed over in silence. Read
in the first TASK_HEAD characters, where the task is said."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from council.format import money
from council.model_floor_words import model_named
from council.task_head import TASK_HEAD

_NOW = r"(?:now|today|currently|right\s+now|at\s+the\s+moment|at\s+present)"
# "we use X now", "we currently use X", "we're using X", "we are on X today", "our current
# model is X", "today we use X", "we currently pay for X" (user QA 18: unread)
_USE = re.compile(
    rf"\b(?:(?:we|i)\s*(?:{_NOW}\s+)?(?:use|run|are\s+using|['’]re\s+using|am\s+using|"
    rf"are\s+on|['’]re\s+on|rely\s+on|pay\s+for|are\s+paying\s+for|['’]re\s+paying\s+for|"
    rf"(?:have|['’]ve)\s+been\s+using)|(?:{_NOW}|today)\s*,?\s+(?:we|i)\s+(?:use|run)|"
    r"our\s+(?:current|existing)\s+(?:model|llm)\s+is)\s+(?P<what>[^,;:!?\n]{1,40})",
    re.IGNORECASE)
# a model's name, as people write one the catalog may lack: "GPT-4o", "gpt-3.5-turbo",
# "Claude 2", "Llama 2 70B", "Mixtral"
_MODEL_NAME = re.compile(r"^(?:the\s+)?(?P<name>(?:gpt|claude|gemini|llama|mistral|mixtral|grok|"
                         r"deepseek|qwen|o[1-9])(?:[\s.-]?[\w.]*\d(?:[\w.]|-(?=\w))*|[\s-](?:sonnet|opus|"
                         r"haiku|pro|flash|turbo|mini)\b(?:[\s.-]?\d[\w.]*)?|-?\w*)?)",
                         re.IGNORECASE)
_NOW_AFTER = re.compile(rf"^[^.;!?\n]{{0,40}}\b{_NOW}\b", re.IGNORECASE)


@dataclass(frozen=True)
class CurrentModel:
    """The model the words say is used today: its catalog id, or None when the catalog lacks
    it, and the words."""

    model_id: str | None
    name: str
    words: str
    family: bool = False  # "We use Claude now": a family the catalog has, no version


def read_current_model(text: str, model_ids: Iterable[str]) -> CurrentModel | None:
    """The model the words say is run today, or None. "We use X" needs a word of now
    somewhere beside it ("now", "currently", "today"), or "our current model is"."""
    head = (text or "")[:TASK_HEAD]
    ids = list(model_ids)
    for m in _USE.finditer(head):
        said_now = re.search(_NOW, m.group(0), re.IGNORECASE) or "current" in m.group(0).lower() \
            or _NOW_AFTER.match(head, m.start("what"))
        if not said_now:
            continue
        name = _MODEL_NAME.match(m["what"].strip())
        if name is None:
            continue
        found = model_named(m["what"], ids)
        words = head[m.start():m.start("what") + len(m["what"]) - len(m["what"].lstrip())
                     + name.end()].strip()
        said = name["name"].strip().rstrip(".")
        family = found is None and not re.search(r"\d", said) and any(
            i.startswith(said.lower().split()[0] + "-") for i in ids)
        return CurrentModel(found, said, words.rstrip("."), family)
    return None


@dataclass(frozen=True)
class Priced:
    """A model as the note weighs it: P on this task and cost a month."""

    model_id: str
    p: float
    per_month: float
    expected_per_month: float | None = None  # with the failures' cost counted


def current_model_note(read: CurrentModel, current: Priced | None, pick: Priced | None,
                       excluded_why: str | None = None) -> str:
    """What the answer says of the model used today."""
    if read.family:
        return (f"'{read.words}' names a family, not a model: name the version you use (as "
                "the catalog spells it) to have it compared with the pick")
    if read.model_id is None:
        return (f"'{read.words}': {read.name} is not in the catalog, so the pick cannot be "
                "compared with what you use now; name a model the catalog has, or ask an "
                "editor to add it")
    if current is None:
        why = f": {excluded_why}" if excluded_why else ""
        return f"'{read.words}': {read.model_id}, what you use now, is not a candidate here{why}"
    now = (f"'{read.words}': {read.model_id}, what you use now, costs "
           f"{money(current.per_month)} a month at P(adequate) {current.p:.0%} on this task")
    if pick is None or pick.model_id == current.model_id:
        return f"{now}; it is the pick"
    diff = current.per_month - pick.per_month
    change = (f"saves {money(diff)} a month" if diff > 0 else
              f"costs {money(-diff)} a month more")
    out = f"{now}; the pick, {pick.model_id}, {change} at P(adequate) {pick.p:.0%}"
    if current.expected_per_month is not None and pick.expected_per_month is not None:
        out += (f"; with failures counted, {money(current.expected_per_month)} a month against "
                f"the pick's {money(pick.expected_per_month)}")
    return out
