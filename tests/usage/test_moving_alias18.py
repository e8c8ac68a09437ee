"""Round 18, QA 16 finding 13's last part: `gemini/gemini-flash-latest` (Google's moving alias)
was an unknown model in a usage file. A moving alias resolves to the one catalog model it is
mapped to, the import and each record say which, and a voter naming it is priced the same way
(one name matcher for usage and voters)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from council.assess.voters.cost import catalog_price_fn
from council.usage.store import import_file, iter_records

ROW = {"call_type": "acompletion", "custom_llm_provider": "gemini", "status": "success",
       "prompt_tokens": 2000, "completion_tokens": 400, "startTime": "2026-11-20T10:00:00",
       "spend": 0.0}


def test_a_moving_alias_is_priced_as_its_catalog_model_and_says_which(
        db: Any, catalog: Any, tmp_path: Path) -> None:
    target = catalog.get("gemini-flash-latest")
    assert target.id == "gemini-3.5-flash"
    rows = [{**ROW, "request_id": "a", "model": "gemini/gemini-flash-latest"},
            {**ROW, "request_id": "b", "model": target.id}]
    path = tmp_path / "spend.json"
    path.write_text(json.dumps(rows))
    result = import_file(db, path, catalog=catalog)
    assert result.unknown_models == {}
    assert result.moving_aliases == {"gemini/gemini-flash-latest": target.id}
    by_key = {r["key"]: r for r in iter_records(db)}
    alias, plain = by_key["litellm:a"], by_key["litellm:b"]
    assert alias["model_id"] == target.id and alias["usd"] == pytest.approx(plain["usd"])
    assert "moving alias" in alias["price_note"] and target.id in alias["price_note"]
    assert plain["price_note"] is None


def test_a_voter_naming_a_moving_alias_is_priced_as_that_model(catalog: Any) -> None:
    price = catalog_price_fn(catalog)
    expected = price("gemini-3.5-flash", 1000, 0, 0, 200)
    assert expected is not None
    assert price("gemini-flash-latest", 1000, 0, 0, 200) == pytest.approx(expected)
    # the same spellings as a usage file: a provider prefix, a dated snapshot
    assert price("gemini/gemini-flash-latest", 1000, 0, 0, 200) == pytest.approx(expected)
    assert price("openai/gpt-4.1-2025-04-14", 1000, 0, 0, 200) == pytest.approx(
        price("gpt-4.1", 1000, 0, 0, 200))


def test_any_latest_name_is_moving_and_says_which(catalog: Any) -> None:
    """A `-latest` name the catalog knows only without its suffix is a moving alias too."""
    from council.catalog.names import resolve

    found = resolve(catalog, "anthropic/claude-haiku-4-5-latest")
    assert found is not None and found.model.id == "claude-haiku-4-5" and found.moving
    assert "priced as claude-haiku-4-5" in (found.note() or "")
    plain = resolve(catalog, "openai/gpt-4.1-2025-04-14")
    assert plain is not None and not plain.moving and plain.note() is None
