"""min_cache_prefix_tokens: per model where documented, left out of the stored form where not."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from council.catalog.model import Catalog
from council.catalog.schema import ModelEntry
from council.workload import MIN_CACHEABLE_TOKENS, min_cache_prefix


def test_documented_minimums(catalog: Catalog) -> None:
    got = {m: catalog.get(m).min_cache_prefix_tokens
           for m in ("claude-haiku-4-5", "claude-sonnet-4-5", "claude-opus-5", "gpt-5.4",
                     "gemini-3.1-pro")}
    assert got == {"claude-haiku-4-5": 4096, "claude-sonnet-4-5": 1024, "claude-opus-5": 512,
                   "gpt-5.4": 1024, "gemini-3.1-pro": 4096}


def test_unknown_minimum_uses_the_stated_default(catalog: Catalog) -> None:
    undocumented = [m for m in catalog.models if m.prompt_caching
                    and m.min_cache_prefix_tokens is None]
    assert undocumented and MIN_CACHEABLE_TOKENS == 1024
    assert all(min_cache_prefix(m) == 1024 for m in undocumented)


def test_unknown_minimum_keeps_the_stored_form_and_its_hash(catalog: Catalog) -> None:
    entry = next(m for m in catalog.models if m.min_cache_prefix_tokens is None)
    assert "min_cache_prefix_tokens" not in entry.model_dump(mode="json")
    assert "min_cache_prefix_tokens" not in entry.model_dump_json()
    assert ModelEntry.model_validate_json(entry.model_dump_json()) == entry
    assert catalog.get("claude-haiku-4-5").model_dump()["min_cache_prefix_tokens"] == 4096
    assert Catalog.from_json(catalog.to_json()).version == catalog.version


def test_negative_minimum_is_refused_by_name(catalog: Catalog) -> None:
    data = catalog.get("gpt-5.4").model_dump(mode="json")
    data["min_cache_prefix_tokens"] = -1
    with pytest.raises(ValidationError, match="min_cache_prefix_tokens"):
        ModelEntry.model_validate(data)
