"""User QA 18: a LiteLLM file of 10 entries gave "1 new models" and never mentioned 7 of its
entries (an unknown provider's chat model, a deprecated and a $0 one, a row with no price, an
embedding, a moving alias): each entry neither matched nor weighed is now counted, by why."""

from __future__ import annotations

import json
from pathlib import Path

from council.catalog.diff import propose
from council.catalog.importers import litellm
from council.catalog.model import Catalog

CHAT = {"mode": "chat", "input_cost_per_token": 1.2e-6, "output_cost_per_token": 4.8e-6,
        "max_input_tokens": 200_000}


def test_every_entry_is_matched_weighed_or_said(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "litellm.json"
    path.write_text(json.dumps({
        "sample_spec": {"input_cost_per_token": 0.0},
        "moonshot/kimi-k2-thinking": {**CHAT, "litellm_provider": "moonshot"},
        "acme/acme-large-2": {**CHAT, "litellm_provider": "acme"},
        "acme/acme-embed": {"litellm_provider": "acme", "mode": "embedding"},
        "gemini/gemini-flash-latest": {**CHAT, "litellm_provider": "gemini"},
        "moonshot/kimi-unpriced": {"litellm_provider": "moonshot", "mode": "chat"},
    }))
    facts = litellm.read(catalog, path)
    said = {p.why.split(" ")[0]: p.names for p in facts.passed_over}
    assert said == {"of": ("acme/acme-large-2",), "not": ("acme/acme-embed",),
                    "moving": ("gemini/gemini-flash-latest",),
                    "without": ("moonshot/kimi-unpriced",)}
    text = propose(catalog, [facts]).render()
    assert "1 new model (" in text and "acme/acme-large-2" in text, text
