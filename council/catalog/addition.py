"""A model the catalog lacks, as a curator gives it: a form, `council catalog add` or a YAML file
in the catalog's own schema (one model, or a provider file's ``models:`` list).

What a curator may leave out is filled the way `council catalog sync` fills a new model: the id
from the API id, the creator and tokenizer from the provider, a token ratio of 1.0, caching and
batch from the price row, each price row verified today, and every skill without a level the
price-tier placeholder (council.catalog.placeholder), marked as an estimate, so the
recommendation says the model's quality is an estimate. QA round 16, finding 11: a model could
not be added at all (Kimi K2 Thinking).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from council.catalog.editor_level import editor_level
from council.catalog.messages import LABELS, problems
from council.catalog.placeholder import placeholder_score
from council.catalog.schema import ModelEntry
from council.categories import SKILLS
from council.errors import InvalidInput

REQUIRED: tuple[str, ...] = ("provider", "api_id", "name", "context_window", "max_output",
                             "prices")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9\-]*$")


def model_id_for(api_id: str) -> str:
    """Our id from a provider's API id: lower case, '/', '_' and spaces as dashes."""
    text = re.sub(r"[/_\s:]+", "-", api_id.strip().lower())
    return re.sub(r"[^a-z0-9.\-]", "", text).strip("-.")


def new_entry(raw: Mapping[str, Any], *, editor: str, today: date,
              quality_evidence: str | None = None) -> ModelEntry:
    """The complete, validated entry for a new model; InvalidInput naming each field at fault.

    ``quality`` may give a skill as a full entry (benchmark, score, source, date) or as a bare
    level: a bare level is the editor's, with ``quality_evidence`` as its source (measured when
    a link backs it, an estimate when none does), as an edited level is (CatalogStore).
    """
    if not isinstance(raw, Mapping):
        raise InvalidInput("a new model is a mapping of catalog fields (id, provider, api_id, "
                           "name, context_window, max_output, prices, ...)")
    data: dict[str, Any] = dict(raw)
    who = str(data.get("name") or data.get("api_id") or data.get("id") or "new model")
    missing = [f for f in REQUIRED if data.get(f) in (None, "", [], (), {})]
    if missing:
        what = ", ".join(LABELS.get(f, f) for f in missing)
        hint = (" (a price: input and output USD per million tokens, its first day and its "
                "source link)" if "prices" in missing else "")
        raise InvalidInput(f"{who}: a new model needs its {what}{hint}; nothing was saved")
    provider = str(data["provider"]).strip()
    if not _SLUG.match(provider):
        raise InvalidInput(f"{who}: provider {provider!r} must be lower case letters, digits "
                           "and dashes (e.g. moonshotai); nothing was saved")
    data["provider"] = provider
    data.setdefault("id", model_id_for(str(data["api_id"])))
    data.setdefault("creator", provider)
    data.setdefault("tokenizer", provider)
    data.setdefault("token_ratio", 1.0)
    rows = data["prices"]
    if not isinstance(rows, list | tuple) or not all(isinstance(r, Mapping) for r in rows):
        raise InvalidInput(f"{who}: prices must be a list of price rows (input, output, "
                           "effective_from, source); nothing was saved")
    rows = [{"verified": today.isoformat(),
             "effective_from": data.get("release_date") or today.isoformat(), **row}
            for row in rows]
    unsourced = [str(r.get("effective_from")) for r in rows
                 if not str(r.get("source") or "").strip()]
    if unsourced:
        raise InvalidInput(f"{who}: the price from {', '.join(unsourced)} needs its source (a "
                           "link to the page that gives it); nothing was saved")
    data["prices"] = rows
    newest = max(rows, key=lambda r: str(r.get("effective_from")))
    data.setdefault("prompt_caching", newest.get("cache_read") is not None)
    data.setdefault("batch_api", newest.get("batch_discount") is not None)
    data["quality"] = _quality(data.get("quality") or {}, rows, editor=editor, today=today,
                               evidence=quality_evidence, who=who)
    try:
        return ModelEntry.model_validate(data)
    except ValidationError as exc:
        lines = problems(exc, data)
        raise InvalidInput(f"{who}: " + "; ".join(lines) + "; nothing was saved") from None


def _quality(given: Any, rows: list[dict[str, Any]], *, editor: str, today: date,
             evidence: str | None, who: str) -> dict[str, Any]:
    """Every skill: the level given, else the price-tier placeholder (an estimate)."""
    if not isinstance(given, Mapping):
        raise InvalidInput(f"{who}: quality must map a skill ({', '.join(SKILLS)}) to a level")
    unknown = sorted(set(given) - set(SKILLS))
    if unknown:
        raise InvalidInput(f"{who}: quality: unknown skill(s) {', '.join(map(str, unknown))}; "
                           f"known: {', '.join(SKILLS)}")
    placeholder = _placeholder(rows, today)
    out: dict[str, Any] = {}
    for skill in SKILLS:
        level = given.get(skill)
        if level is None:
            out[skill] = placeholder
        elif isinstance(level, Mapping):
            out[skill] = dict(level)
        else:
            out[skill] = editor_level(level, editor=editor, day=today, link=evidence)
    return out


def _placeholder(rows: list[dict[str, Any]], today: date) -> dict[str, Any]:
    started = [r for r in rows if str(r.get("effective_from")) <= today.isoformat()]
    return placeholder_score(max(started or rows, key=lambda r: str(r.get("effective_from"))),
                             today)


def entries_in(document: Any) -> list[Mapping[str, Any]]:
    """The models a YAML document holds: one model, or a provider file's ``models:`` list
    (its ``provider`` filling each model's)."""
    if isinstance(document, Mapping) and isinstance(document.get("models"), list):
        provider = document.get("provider")
        return [{**({"provider": provider} if provider else {}), **m}
                if isinstance(m, Mapping) else m for m in document["models"]]
    if isinstance(document, Mapping):
        return [document]
    raise InvalidInput("the file must hold one model (catalog fields) or a provider file with "
                       "models:")


def name_clash(entry: ModelEntry, models: Iterable[ModelEntry]) -> str | None:
    """Why the entry's id, API id or an alias is taken (case and alias blind), or None."""
    taken: dict[str, tuple[str, str, str]] = {}
    for m in models:
        for kind, names in (("id", (m.id,)), ("API id", (m.api_id,)), ("alias", m.aliases)):
            for name in names:
                taken.setdefault(name.lower(), (m.id, kind, name))
    for kind, names in (("id", (entry.id,)), ("API id", (entry.api_id,)),
                        ("alias", entry.aliases)):
        for name in names:
            found = taken.get(name.lower())
            if found is not None:
                other, as_what, theirs = found
                same = "" if name == theirs else f" {theirs!r} (ignoring case)"
                return (f"{entry.id}: {kind} {name!r} is already {other}'s {as_what}{same}; "
                        "edit that model instead, or give this one another id; nothing was "
                        "saved")
    return None
