"""Facts from LiteLLM's model_prices_and_context_window.json (BerriAI/litellm, MIT)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from council.catalog.importers import (
    NewModel,
    PassedOver,
    SourceFacts,
    default_path,
    is_candidate,
    legacy_of,
    per_million,
)
from council.catalog.model import Catalog
from council.catalog.names import moving, source_names
from council.errors import InvalidInput

# our provider id -> LiteLLM key prefixes to try, in order
PREFIXES: dict[str, tuple[str, ...]] = {
    "anthropic": ("", "anthropic/"), "openai": ("", "openai/"), "google": ("gemini/",),
    "xai": ("xai/",), "deepseek": ("deepseek/",), "mistral": ("mistral/",),
    "groq": ("groq/",), "together": ("together_ai/",), "moonshotai": ("moonshot/",),
}
PATH_ENV = "COUNCIL_LITELLM_JSON"
_ABOVE = re.compile(r"^input_cost_per_token_above_(\d+)k_tokens$")


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read LiteLLM JSON {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected an object of models")
    return data


def _facts(row: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, ours in (("input_cost_per_token", "input"), ("output_cost_per_token", "output"),
                      ("cache_read_input_token_cost", "cache_read"),
                      ("cache_creation_input_token_cost", "cache_write_5m"),
                      ("cache_creation_input_token_cost_above_1hr", "cache_write_1h")):
        value = per_million(row.get(key))
        if value is not None and not (ours.startswith("cache_write") and value == 0):
            found[f"price.{ours}"] = value
    batch_input = per_million(row.get("input_cost_per_token_batches"))
    if _number(batch_input) and _number(found.get("price.input")) and found["price.input"]:
        found["price.batch_discount"] = round(1 - batch_input / found["price.input"], 4)
    tiers = sorted(int(m.group(1)) for k in row if (m := _ABOVE.match(k)))
    if tiers:
        threshold = tiers[0]
        found["price.tier_threshold"] = threshold * 1000
        above = f"_above_{threshold}k_tokens"
        found["price.tier_input"] = per_million(row.get(f"input_cost_per_token{above}"))
        out = row.get(f"output_cost_per_token{above}")
        if out is not None:
            found["price.tier_output"] = per_million(out)
    for key, ours in (("max_input_tokens", "context_window"), ("max_output_tokens", "max_output")):
        if isinstance(row.get(key), int):
            found[ours] = row[key]
    for key, ours in (("supports_function_calling", "tools"),
                      ("supports_response_schema", "structured_output"),
                      ("supports_reasoning", "reasoning"), ("supports_vision", "vision"),
                      ("supports_prompt_caching", "prompt_caching")):
        if isinstance(row.get(key), bool):
            found[ours] = row[key]
    if isinstance(row.get("deprecation_date"), str):
        found["deprecation_date"] = row["deprecation_date"]
    return found


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def read(catalog: Catalog, path: Path | None = None) -> SourceFacts:
    path = path or default_path(PATH_ENV, "litellm", "model_prices_and_context_window_backup.json")
    if path is None:
        raise InvalidInput(
            "give the path of LiteLLM's model_prices_and_context_window.json "
            f"(--path, or set {PATH_ENV})"
        )
    data = _load(Path(path))
    facts: dict[str, dict[str, Any]] = {}
    missing = []
    used: set[str] = set()
    for entry in catalog.models:
        names = (*source_names(entry), entry.id)
        row = None
        for prefix in PREFIXES.get(entry.provider, ("",)):
            for name in names:
                candidate = data.get(prefix + name)
                if isinstance(candidate, dict) and candidate.get("mode", "chat") == "chat":
                    row = candidate
                    used.add(prefix + name)
                    break
            if row is not None:
                break
        if row is None:
            missing.append(entry.id)
            continue
        facts[entry.id] = _facts(row)
    new, passed_over = _new_models(data, catalog, used)
    return SourceFacts(kind="litellm", source=f"litellm ({Path(path).name})", facts=facts,
                       not_found=tuple(missing), new_models=new, passed_over=passed_over)


def _new_models(data: dict[str, Any], catalog: Catalog,
                used: set[str]) -> tuple[tuple[NewModel, ...], tuple[PassedOver, ...]]:
    """Chat models of our providers the file has and the catalog lacks (QA round 16: the
    file's moonshot/kimi-k2-thinking was ignored without a word), deprecated ones marked as
    legacy (council.catalog.importers.legacy_of)."""
    from council.catalog.sources import DISCOVER, LITELLM_PROVIDERS

    # hosts of open models (Groq, Together) are compared, not discovered from, as in the sync
    ours_by_theirs = {v: k for k, v in LITELLM_PROVIDERS.items() if k in DISCOVER}
    known = catalog.names
    found: dict[tuple[str, str], NewModel] = {}
    passed: dict[str, list[str]] = {why: [] for why in _PASSED_WORDS.values()}
    for key, row in data.items():
        if key in used or key == "sample_spec" or not isinstance(row, dict):
            continue
        if row.get("mode", "chat") != "chat":
            passed[_PASSED_WORDS["mode"]].append(key)
            continue
        theirs = str(row.get("litellm_provider"))
        ours = ours_by_theirs.get(theirs)
        if ours is None:
            passed[_PASSED_WORDS["provider"]].append(key)
            continue
        model = key.removeprefix(f"{theirs}/")
        if "/" in model:
            passed[_PASSED_WORDS["provider"]].append(key)
            continue
        found_facts = _facts(row)
        if is_candidate(model, found_facts, known):
            found.setdefault((ours, model.lower()), NewModel(
                ours, model, None, found_facts, legacy_of(model, found_facts, known)))
        elif moving(model):
            passed[_PASSED_WORDS["moving"]].append(key)
        elif model.lower() not in known:
            passed[_PASSED_WORDS["unpriced"]].append(key)
    return tuple(found.values()), tuple(PassedOver(why, tuple(names))
                                        for why, names in passed.items() if names)


# Why a file's entry is neither a catalog model's nor a new model to weigh.
_PASSED_WORDS = {
    "provider": "of providers or hosts the import does not add models from (Add model takes "
                "one by hand)",
    "mode": "not chat models (embeddings, images, audio, ...)",
    "moving": "moving aliases (the provider re-points them at each release: not taken as "
              "the catalog model they map to)",
    "unpriced": "without an input and an output price and a context window, or not text",
}
