"""A floor said as a model to match or beat: "at least as good as GPT-4.1", "must beat our
current one, gpt-5.2", "as good as Claude Sonnet 4.6", "it has to beat what we use today".

Decision QA 14: each was unread, in silence; the pick cleared the named model only because the
failure cost pulled it up. As with a floor said as a figure (``council.floor_words``), the
floor used is the form's quality setting; the words give a note that names the model's P on
this task and whether the pick clears it (``council.api``). A model the words name is found
by its catalog id, spelt with spaces, points or dashes ("Claude Sonnet 4.6" is
claude-sonnet-4-6); "what we use today" names none, and the note says so.
Read in the first TASK_HEAD characters (``council.task_head``), where the task is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from council.task_head import TASK_HEAD

# the comparison: "(at least) as good/accurate as", "beat", "outperform", "better than", "no
# worse than", "match", "on par with"
_COMPARE = re.compile(
    r"\b(?:(?:at\s+least\s+)?as\s+(?:good|accurate|reliable|strong|capable)\s+as|"
    r"(?:must|should|has\s+to|have\s+to|needs?\s+to|to)\s+(?:beat|outperform|match|"
    r"do\s+better\s+than)|better\s+than|no\s+worse\s+than|on\s+par\s+with|beats?|"
    r"outperforms?)\s+(?P<what>(?:[^.;!?\n]|\.(?=\d)){0,60})", re.IGNORECASE)
# asked for, not a topic ("Write a post about why Claude is better than GPT-5"): a modal
# before the comparison, or in it ("must beat")
_ASKED = re.compile(r"\b(?:must|should|has\s+to|have\s+to|needs?\s+to|needs?|want|expect|"
                    r"requires?d?)\b[^.;!?\n]{0,25}$", re.IGNORECASE)
# a model named by what it is to the user, not by its name
_UNNAMED = re.compile(r"^(?:(?:our|the|your)\s+(?:current|existing|present|old|today['’]s)\s+"
                      r"(?:one|model|llm|setup|tool|system|provider|vendor)|what\s+(?:we|i)\s+"
                      r"(?:use|have|run)\s+(?:today|now|currently)|(?:the\s+)?(?:one|model)\s+"
                      r"(?:we|i)\s+(?:use|have)\s+(?:today|now))\b", re.IGNORECASE)
# (a comma or a bracket beside the name too: "beat our current one, gpt-5.4-mini, on
# accuracy" read gpt-5.4 when "mini," did not end the name; review 14)
_SEP = re.compile(r"[\s._,;:()\[\]'\"“”‘’/-]+")
# a family named with no version: "as good as Claude", "better than GPT" (decision QA 17:
# nothing said); read as the family's likeliest model on this task, and said so
_FAMILY = re.compile(r"(?P<name>claude|gpt|gemini|llama|mistral|deepseek|grok|qwen)\b"
                     r"(?![\s.-]*(?:\d|opus|sonnet|haiku|pro|flash|mini|nano|lite|large|"
                     r"medium|small))", re.IGNORECASE)
# a topic the text is about, not asked of the pick: "a post on why Claude must beat GPT-5.4"
# (review 14: read as a floor at gpt-5.4)
_TOPIC = re.compile(r"\b(?:why|whether|how come)\b[^.;!?\n]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True)
class ModelFloorRead:
    """A model the words set as the bar (None: named by what it is, not its name)."""

    model_id: str | None
    words: str
    beat: bool  # "beat", "better than": above it, not level with it
    family: str | None = None  # "as good as Claude": a family, no version ("claude")


def _norm(s: str) -> str:
    return "-" + _SEP.sub("-", s.lower()).strip("-") + "-"


def read_model_floor(text: str, model_ids: Iterable[str]) -> ModelFloorRead | None:
    """The model the words ask the pick to match or beat, or None when they name none."""
    head = (text or "")[:TASK_HEAD]
    ids = sorted(model_ids, key=len, reverse=True)  # "gpt-5.4-mini" before "gpt-5.4"
    for m in _COMPARE.finditer(head):
        if not (_ASKED.search(head, max(0, m.start() - 40), m.start())
                or re.match(r"(?:must|should|has|have|needs?|to)\b", m.group(0), re.I)):
            continue
        if _TOPIC.search(head, max(0, m.start() - 40), m.start()):
            continue
        what = m["what"]
        beat = not re.match(r"(?:at\s+least\s+)?as\s|no\s+worse|on\s+par|(?:\w+\s+)+match",
                            m.group(0), re.IGNORECASE)
        found = model_named(what, ids)
        if found is not None:
            end = m.start("what") + _name_end(what, found)
            return ModelFloorRead(found, head[m.start():end].strip(" ,"), beat)
        family = _FAMILY.match(what.strip())
        if family is not None and any(i.startswith(family["name"].lower() + "-") for i in ids):
            return ModelFloorRead(None, head[m.start():m.start("what") + len(what) - len(
                what.lstrip()) + family.end()].strip(), beat, family["name"].lower())
        unnamed = _UNNAMED.match(what.strip())
        if unnamed is not None:
            return ModelFloorRead(None, head[m.start():m.start("what") + unnamed.end()
                                         + (len(what) - len(what.lstrip()))].strip(), beat)
    return None


def model_named(what: str, model_ids: Iterable[str]) -> str | None:
    """The catalog id ``what`` names, spelt with spaces, points or dashes ("Claude Sonnet 4.6"
    is claude-sonnet-4-6), the longest first ("gpt-5.4-mini" before "gpt-5.4"); else None."""
    said = _norm(what)
    return next((i for i in sorted(model_ids, key=len, reverse=True) if _norm(i) in said), None)


def _name_end(what: str, model_id: str) -> int:
    """Where the model's name ends in ``what`` (its last part, as spelt)."""
    last = re.escape(_SEP.split(model_id)[-1])
    parts = [re.escape(p) for p in _SEP.split(model_id)]
    m = re.search(r"[\s._-]*".join(parts), what, re.IGNORECASE)
    if m is not None:
        return m.end()
    tail = re.search(last, what, re.IGNORECASE)
    return tail.end() if tail is not None else len(what)


@dataclass(frozen=True)
class Rival:
    """A candidate as the note weighs it: its P on this task and its expected cost a task."""

    model_id: str
    p: float
    expected_per_task: float | None


def model_floor_note(read: ModelFloorRead, p_of: dict[str, float], pick: Rival | None,
                     rivals: Iterable[Rival], bar: float) -> str:
    """What the answer says of a model floor: the named model's P on this task, whether the
    pick clears it, and if not the candidate with the least expected cost that does."""
    used = f"the floor used is the quality setting's (P {bar:.2f})"
    if read.family is not None:
        kin = {k: p for k, p in p_of.items() if k.startswith(read.family + "-")}
        if not kin:
            return (f"'{read.words}': no {read.words.split()[-1]} model has a P for this task; "
                    f"{used}")
        top = max(kin, key=lambda k: kin[k])
        family_read = ModelFloorRead(top, read.words, read.beat)
        note = model_floor_note(family_read, p_of, pick, rivals, bar)
        return (f"'{read.words}' names a family, not a version: read as its likeliest model on "
                f"this task, {top} (name the version if you mean another): "
                + note.replace(f"'{read.words}' reads as ", "", 1))
    if read.model_id is None:
        return (f"'{read.words}' names no model, so it is not used as a floor: name the model "
                f"(for example 'as good as gpt-4.1'); {used}")
    bar_p = p_of.get(read.model_id)
    if bar_p is None:
        return f"'{read.words}': {read.model_id} has no P for this task; {used}"
    head = f"'{read.words}' reads as a floor at {read.model_id}'s P {bar_p:.3f} on this task"

    def clears(r: Rival) -> bool:
        return (r.p > bar_p if read.beat else r.p >= bar_p) and not (
            read.beat and r.model_id == read.model_id)

    if pick is not None and clears(pick):
        return f"{head}; the pick, {pick.model_id} at P {pick.p:.3f}, clears it; {used}"
    over = [r for r in rivals if clears(r) and r.expected_per_task is not None]
    best = min(over, key=lambda r: r.expected_per_task or 0.0) if over else None
    now = "no pick" if pick is None else f"the pick, {pick.model_id} at P {pick.p:.3f}"
    if best is None:
        return f"{head}; {now}, does not clear it, and no candidate does; {used}"
    return (f"{head}; {now}, does not clear it: {best.model_id} at P {best.p:.3f} does, at "
            f"${best.expected_per_task:,.4f} expected a task; {used}")
