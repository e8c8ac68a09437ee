"""User QA 18: a LiteLLM file's `gemini/gemini-flash-latest` row was offered as the facts of
gemini-3.5-flash, the model the catalog maps the moving alias to (the provider has re-pointed
it since): a moving alias is not matched by an import; the model's own name still is."""

from __future__ import annotations

import json
from pathlib import Path

from council.catalog.importers import litellm
from council.catalog.model import Catalog

ROW = {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 3e-7,
       "output_cost_per_token": 2.5e-6, "max_input_tokens": 1_048_576}


def test_a_moving_alias_row_is_no_models_facts(catalog: Catalog, tmp_path: Path) -> None:
    assert "gemini-flash-latest" in catalog.get("gemini-3.5-flash").aliases
    path = tmp_path / "litellm.json"
    path.write_text(json.dumps({"gemini/gemini-flash-latest": ROW}))
    assert "gemini-3.5-flash" not in litellm.read(catalog, path).facts
    path.write_text(json.dumps({"gemini/gemini-3.5-flash": ROW}))
    assert litellm.read(catalog, path).facts["gemini-3.5-flash"]["price.input"] == 0.3


def test_the_sync_takes_no_limit_from_a_moving_alias_offer(catalog: Catalog) -> None:
    """The sync's limit proposals match offers by the same names the importers do
    (names.source_names): a source's row under a moving alias is no fact of the model."""
    from datetime import date

    from council.catalog.sources import Offer
    from council.catalog.sync import propose

    entry = catalog.get("gemini-3.5-flash")

    def offer(model: str) -> Offer:
        return Offer(source="litellm test", kind="litellm", file="x.json", provider="google",
                     model=model, facts={"context_window": entry.context_window * 2})

    keyed = [p.key for p in propose(catalog, [offer("gemini-flash-latest")], date(2026, 12, 2))]
    assert not [k for k in keyed if k.startswith("gemini-3.5-flash:")], keyed
    keyed = [p.key for p in propose(catalog, [offer(entry.api_id)], date(2026, 12, 2))]
    assert "gemini-3.5-flash:context_window" in keyed, keyed
