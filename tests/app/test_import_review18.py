"""Round 18 on the Catalog page (AppTest): Import review says how many legacy models it left
out and why, and a rejected change is not offered again on the next import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.conftest import EDITOR, no_exception, page_app, seen

ROW = {"mode": "chat", "input_cost_per_token": 6e-7, "output_cost_per_token": 2.5e-6,
       "max_input_tokens": 262_144, "max_output_tokens": 262_144}


def test_import_review_hides_legacy_and_remembers_a_rejection(
        council_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "litellm.json"
    path.write_text(json.dumps({
        "moonshot/kimi-k2-thinking": {**ROW, "litellm_provider": "moonshot"},
        "gpt-4o-2024-08-06": {**ROW, "litellm_provider": "openai",
                              "deprecation_date": "2027-01-14"},
        "gemini/gemini-exp-1206": {**ROW, "litellm_provider": "gemini",
                                   "input_cost_per_token": 0, "output_cost_per_token": 0}}))
    monkeypatch.setenv("COUNCIL_LITELLM_JSON", str(path))  # AppTest cannot upload a file
    at = page_app("catalog").run()
    at.sidebar.text_input(key="sign_in_name").input(EDITOR[0])
    at.sidebar.text_input(key="sign_in_password").input(EDITOR[1])
    at.sidebar.button[0].click()
    at.run()
    at.multiselect(key="import_sources").set_value(["litellm"]).run()
    at.button(key="propose_import").click()
    at.run()
    no_exception(at)
    said = seen(" ".join(m.value for m in at.markdown))
    assert "1 new model" in said and "1 new models" not in said, said
    assert "2 more left out" in said and "gpt-4o-2024-08-06" in said, said
    assert "deprecated or shut down in the source" in said and "$0" in said, said
    at.multiselect(key="reject_keys").set_value(["kimi-k2-thinking:new-model"])
    at.text_input(key="reject_reason").input("not served in our region")
    at.button(key="FormSubmitter:reject_import-Reject").click()
    at.run()
    no_exception(at)
    assert any("Rejected 1 change" in seen(s.value) for s in at.success), \
        [e.value for e in at.error]
    audit = at.dataframe[-1].value.iloc[0]
    assert (audit["model"], audit["editor"], audit["reason"]) == (
        "kimi-k2-thinking", EDITOR[0], "not served in our region")
    at.button(key="propose_import").click()
    at.run()
    said = seen(" ".join(m.value for m in at.markdown))
    assert "0 new models" in said and "1 rejected before" in said, said
