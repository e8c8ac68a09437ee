"""How a model name someone else wrote (a usage file, a voter's config) finds its catalog model:
one matcher for usage pricing and the voters' price function (until round 18 the voters took
only exact catalog names, so `openai/gpt-4.1-2025-04-14` priced in a usage file and not in a
voter).

A name is tried as given, without a provider prefix (``openai/``, ``gemini/``, Bedrock's
``anthropic.``) and without a date or version suffix (``gpt-4.1-2025-04-14`` -> ``gpt-4.1``),
each against the catalog's ids, API ids and aliases. A name ending in ``-latest`` is a
*moving alias*: the provider re-points it at each release (``gemini-flash-latest``), so the
catalog maps it to one model as an alias of that model, and whoever prices it says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from council.errors import NotFound

_DATE_SUFFIX = re.compile(r"(-\d{4}-\d{2}-\d{2}|-\d{8}|@\d{8}|-latest)$")
_BEDROCK = re.compile(r"^(?:[a-z]{2}\.)?[a-z]+\.(.+?)(?:-v\d+(?::\d+)?)?$")
MOVING_SUFFIX = "-latest"


def moving(name: str) -> bool:
    """Whether a name is a moving alias (``gemini-flash-latest``)."""
    return name.strip().lower().endswith(MOVING_SUFFIX)


def source_names(entry: Any) -> tuple[str, ...]:
    """The names a source's row may give a catalog model's own facts under: its API id and
    its aliases but the moving ones (a source's ``gemini-flash-latest`` row describes whatever
    the provider points it at now, perhaps a newer model: user QA 18)."""
    return (entry.api_id, *(a for a in entry.aliases if not moving(a)))


def candidate_names(name: str) -> list[str]:
    """The spellings to try for a model name: as given, without a provider prefix, without a
    date or version suffix (``openai/gpt-4.1-2025-04-14`` -> ``gpt-4.1``)."""
    names = [name.strip()]
    if "/" in name:
        names.append(name.split("/", 1)[1])
        names.append(name.rsplit("/", 1)[1])
    bedrock = _BEDROCK.match(name)
    if bedrock and "." in name and "/" not in name:
        names.append(bedrock.group(1))
    for n in list(names):
        stripped = _DATE_SUFFIX.sub("", n)
        if stripped != n:
            names.append(stripped)
    return list(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class Resolved:
    """The catalog model a name stands for; ``moving`` when the name is a moving alias."""

    model: Any  # council.catalog.schema.ModelEntry
    name: str
    moving: bool

    def note(self) -> str | None:
        """What a price made through a moving alias says (None for any other name)."""
        if not self.moving:
            return None
        return (f"{self.name} is a moving alias (the provider re-points it): priced as "
                f"{self.model.id}, the model the catalog maps it to")


def resolve(catalog: Any, name: str) -> Resolved | None:
    """The catalog model ``name`` stands for, or None when the catalog does not know it."""
    for candidate in candidate_names(name):
        try:
            model = catalog.get(candidate)
        except NotFound:
            continue
        return Resolved(model, name.strip(), moving(name))
    return None
