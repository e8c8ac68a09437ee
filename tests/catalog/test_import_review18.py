"""Round 18: Import review remembers a rejection (who, when, why, in the audit log) and does not
offer the same change again until the source's value changes; legacy models a source lists
(dated snapshots of a catalog model, deprecated or shut-down ones, $0 experimental listings)
are left out of the new-model proposals and counted, with why.

Until round 18 a rejected import change came back on the next import, and LiteLLM 1.110.2's 36
"new models" included gpt-4o-2024-08-06 (deprecated in the file) and gemini-exp-1206 ($0).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.catalog.editors import Editor
from council.catalog.review import apply_import, propose_import, reject_import
from council.catalog.store import CatalogStore
from council.errors import InvalidInput

ADA = Editor("ada")
KIMI = {"litellm_provider": "moonshot", "mode": "chat", "input_cost_per_token": 6e-7,
        "output_cost_per_token": 2.5e-6, "max_input_tokens": 262_144,
        "max_output_tokens": 262_144, "supports_function_calling": True}
GPT41 = {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1.8e-6,
         "output_cost_per_token": 8e-6, "max_input_tokens": 1_047_576,
         "max_output_tokens": 32_768}


def _file(tmp_path: Path, data: dict, name: str = "litellm.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_a_rejection_is_audited_and_not_offered_again_until_the_value_changes(
        store: CatalogStore, tmp_path: Path) -> None:
    path = _file(tmp_path, {"gpt-4.1": GPT41, "moonshot/kimi-k2-thinking": KIMI})
    first = propose_import(store, {"litellm": path})
    keys = {c.key for c in first.changes}
    assert {"gpt-4.1:price.input", "kimi-k2-thinking:new-model"} <= keys
    with pytest.raises(InvalidInput, match="reason"):
        reject_import(store, first, editor=ADA, reason=" ", keys=["gpt-4.1:price.input"])
    with pytest.raises(InvalidInput, match="no proposed change"):
        reject_import(store, first, editor=ADA, reason="x", keys=["gpt-4.1:nothing"])
    done = reject_import(store, first, editor=ADA, reason="LiteLLM lags the price page",
                         keys=["gpt-4.1:price.input", "kimi-k2-thinking:new-model"])
    assert [(a.model_id, a.field, a.editor, a.reason, a.rejected) for a in done] == [
        ("gpt-4.1", "price.input", "ada", "LiteLLM lags the price page", True),
        ("kimi-k2-thinking", "new-model", "ada", "LiteLLM lags the price page", True)]
    assert done[0].new == 1.8 and done[0].evidence_url == first.get("gpt-4.1:price.input").source
    # in the audit log, not an edit: the catalog did not change and nothing can be reverted
    log = store.audit_log(limit=2)
    assert {a.id for a in log} == {a.id for a in done}
    assert store.current().get("gpt-4.1").price_on().input == 2.0
    with pytest.raises(InvalidInput, match="rejected"):
        store.revert(done[0].id, editor=ADA, reason="undo")
    # the next import leaves both out and says how many
    again = propose_import(store, {"litellm": path})
    assert not {"gpt-4.1:price.input", "kimi-k2-thinking:new-model"} & {
        c.key for c in again.changes}
    assert again.to_dict()["rejected_before"] == 2 and "2 rejected before" in again.render()
    # a rejected change is not an edit a person made: the field is not flagged as curated
    assert all("curated-by-person" not in c.flags for c in again.changes
               if c.key.startswith("gpt-4.1:"))
    # the source says something new: offered again
    moved = _file(tmp_path, {"gpt-4.1": {**GPT41, "input_cost_per_token": 1.7e-6},
                             "moonshot/kimi-k2-thinking": KIMI}, "newer.json")
    third = propose_import(store, {"litellm": moved})
    assert third.get("gpt-4.1:price.input").proposed == 1.7
    assert "kimi-k2-thinking:new-model" not in {c.key for c in third.changes}
    # accepting is unchanged beside it
    apply_import(store, third, editor=ADA, reason="the page says 1.70",
                 accept=["gpt-4.1:price.input=litellm"])  # it disagrees with the curated price
    assert store.current().get("gpt-4.1").price_on().input == 1.7


def test_legacy_models_are_left_out_of_new_models_and_counted(
        store: CatalogStore, tmp_path: Path) -> None:
    path = _file(tmp_path, {
        "moonshot/kimi-k2-thinking": KIMI,
        "gpt-4.1-mini-2025-04-14": {**GPT41},  # a dated snapshot of a catalog model
        "gpt-4o-2024-08-06": {**GPT41, "deprecation_date": "2027-01-14"},  # deprecated
        "moonshot/kimi-k2-0711-preview": {**KIMI, "deprecation_date": "2025-07-11"},  # shut
        "gemini/gemini-exp-1206": {**KIMI, "litellm_provider": "gemini",
                                   "input_cost_per_token": 0, "output_cost_per_token": 0},
    })
    change_set = propose_import(store, {"litellm": path})
    assert [c.model_id for c in change_set.new_models] == ["kimi-k2-thinking"]
    hidden = change_set.to_dict()["new_models_hidden"]
    assert {h["api_id"]: h["kind"] for h in hidden} == {
        "gpt-4.1-mini-2025-04-14": "snapshot", "gpt-4o-2024-08-06": "deprecated",
        "kimi-k2-0711-preview": "deprecated", "gemini-exp-1206": "free"}
    text = change_set.render()
    assert "4 more left out" in text and "gpt-4o-2024-08-06" in text
    assert "deprecated or shut down in the source" in text
