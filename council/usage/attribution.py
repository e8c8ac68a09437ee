"""Which task a usage record belongs to: an attribute the team sets, else a name given at import.

The team tags its calls with an attribute of its choosing (a span attribute, a LiteLLM
metadata key or request tag, an OpenAI project id...): ``council.task`` by default. A call
tagged ``council.recommendation_id`` with a share id is linked to that stored recommendation,
so its estimate can be set against what it really cost. Records that carry no task
attribute take the ``--task`` name given at import; without one they are grouped by model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from council.errors import InvalidInput

DEFAULT_TASK_KEY = "council.task"
# The usage APIs' groupings a team can attribute by (``--attribute project_id``): counted on the
# records that get no task, so the import can say which one they carry (QA round 9: an OpenAI
# report grouped by project said only "no task attribute").
GROUPINGS = ("project_id", "workspace_id", "api_key_id", "user_id")
REC_KEY = "council.recommendation_id"
MAX_TASK_CHARS = 200


@dataclass(frozen=True, slots=True)
class Attributed:
    task: str | None
    source: str | None  # "attribute" | "import" | None
    recommendation_id: str | None


def _clean(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    if not text.isprintable():
        text = "".join(c for c in text if c.isprintable())
    return text[:MAX_TASK_CHARS] or None


def _share_id(value: str | None) -> str | None:
    """A well-formed share id, else None (a wrong tag must not break an import)."""
    if value is None:
        return None
    from council.store import validate_share_id

    try:
        return validate_share_id(value)
    except InvalidInput:
        return None


@dataclass(frozen=True)
class Attribution:
    """How records are attributed in one import (the CLI's --attribute, --task, ...)."""

    task_key: str = DEFAULT_TASK_KEY
    rec_key: str = REC_KEY
    task_name: str | None = None  # --task: for records the attribute does not name
    recommendation_id: str | None = None  # --recommendation: link this import to a share id
    # records without a task, by the grouping they carry (filled by ``resolve``)
    untagged_groupings: Counter[str] = field(default_factory=Counter, compare=False)

    def __post_init__(self) -> None:
        if not self.task_key.strip():
            raise InvalidInput("--attribute needs a key, e.g. council.task")
        if self.task_name is not None and not _clean(self.task_name):
            raise InvalidInput("--task needs a name")
        if self.recommendation_id is not None:
            from council.store import validate_share_id

            object.__setattr__(self, "recommendation_id",
                               validate_share_id(self.recommendation_id))

    def resolve(self, attrs: Mapping[str, Any]) -> Attributed:
        """The task of one record from its attributes (already flattened to key -> value)."""
        task = _clean(attrs.get(self.task_key))
        rec = _share_id(_clean(attrs.get(self.rec_key))) or self.recommendation_id
        if task is not None:
            return Attributed(task, "attribute", rec)
        if rec is not None and rec != self.recommendation_id:
            return Attributed(rec, "attribute", rec)  # tagged with a recommendation only
        if self.task_name is not None:
            return Attributed(_clean(self.task_name), "import", rec)
        self.untagged_groupings.update(g for g in GROUPINGS if attrs.get(g) is not None)
        return Attributed(None, None, rec)

    def tags_run(self, attrs: Mapping[str, Any]) -> bool:
        """Whether a span without usage names a task for its whole trace."""
        return self.task_key in attrs or self.rec_key in attrs


def tag_pairs(tags: Any) -> dict[str, str]:
    """LiteLLM-style request tags ``["council.task:triage", "team=ml"]`` as key -> value."""
    out: dict[str, str] = {}
    if not isinstance(tags, list):
        return out
    for tag in tags:
        if not isinstance(tag, str):
            continue
        for sep in (":", "="):
            key, found, value = tag.partition(sep)
            if found and key.strip():
                out.setdefault(key.strip(), value.strip())
                break
    return out
