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
