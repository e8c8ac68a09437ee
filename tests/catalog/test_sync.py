"""council catalog sync: proposals, bad input, rejection memory, two editors (real SQLite)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from council.catalog.editors import Editor
from council.catalog.sources import Offer, read_litellm, read_modelsdev
from council.catalog.store import CatalogStore, init_catalog
from council.catalog.sync import SyncStore, propose, run_sync
from council.db import open_db
from council.errors import ConflictError, InvalidInput

TODAY = date(2026, 11, 30)
LITELLM = {
    "claude-opus-4-6": {"litellm_provider": "anthropic", "mode": "chat",
                        "input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05,
                        "max_input_tokens": 1000000, "max_output_tokens": 96000},
    "gemini/gemini-2.5-pro": {"litellm_provider": "gemini", "mode": "chat",
                              "input_cost_per_token": 1.25e-06,
                              "output_cost_per_token": 1e-05, "max_output_tokens": 60000},
}
MODELSDEV = {"anthropic": {"models": {"claude-opus-4-6": {
    "cost": {"input": 5, "output": 25}, "limit": {"context": 1000000, "output": 100000}}}}}


@pytest.fixture()
def store(tmp_path: Path, catalog_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CatalogStore:
    monkeypatch.setenv("COUNCIL_CATALOG_DIR", str(catalog_dir))
    db = open_db(tmp_path / "c.db")
    init_catalog(db, catalog_dir)
    return CatalogStore(db)


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_bundled_catalog_after_review_proposes_nothing(store: CatalogStore) -> None:
    change_set = run_sync(store, today=TODAY)
    assert change_set.changes == (), change_set.render()


def test_disagreeing_sources_are_shown_side_by_side(store: CatalogStore, tmp_path: Path) -> None:
    change_set = run_sync(store, litellm=_write(tmp_path, "l.json", LITELLM),
                          modelsdev=_write(tmp_path, "api.json", MODELSDEV), today=TODAY)
    change = change_set.get("claude-opus-4-6:max_output")
    assert change.disagree and len(change.sources) == 2
    assert set(change.sources.values()) == {96000, 100000}
    assert "litellm (l.json): 96000" in change_set.render()


def test_reject_is_remembered_until_the_source_changes(store: CatalogStore,
                                                       tmp_path: Path) -> None:
    litellm = _write(tmp_path, "l.json", LITELLM)
    sync = SyncStore(store)
    first = run_sync(store, litellm=litellm, today=TODAY)
    key = "claude-opus-4-6:max_output"
    sync.decide(first.id, key, "reject", editor=Editor("alice"), reason="LiteLLM is off")
    again = run_sync(store, litellm=litellm, today=TODAY)
    assert key not in {c.key for c in again.changes}
    assert sync.decisions()[0]["reason"] == "LiteLLM is off"
    changed = {**LITELLM, "claude-opus-4-6": {**LITELLM["claude-opus-4-6"],
                                              "max_output_tokens": 64000}}
    third = run_sync(store, litellm=_write(tmp_path, "l2.json", changed), today=TODAY)
    assert third.get(key).proposed == 64000


def test_accept_applies_with_audit_and_two_editors_lose_no_decision(store: CatalogStore,
                                                                    tmp_path: Path) -> None:
    path = _write(tmp_path, "l.json", LITELLM)
    change_set = run_sync(store, litellm=path, today=TODAY)
    alice, bob = Editor("alice"), Editor("bob")
    sync_a, sync_b = SyncStore(store), SyncStore(CatalogStore(open_db(tmp_path / "c.db")))
    keys = [c.key for c in change_set.changes]
    assert len(keys) >= 2
    done = sync_a.decide(change_set.id, keys[0], "accept", editor=alice, reason="checked")
    sync_b.decide(change_set.id, keys[1], "reject", editor=bob, reason="wrong")
    with pytest.raises(ConflictError, match="already accepted by alice"):
        sync_b.decide(change_set.id, keys[0], "reject", editor=bob, reason="late")
    statuses = {c.key: (c.status, c.decided_by) for c in sync_a.get(change_set.id).changes}
    assert statuses[keys[0]] == ("accepted", "alice") and statuses[keys[1]] == ("rejected", "bob")
    audit = store.audit_log(limit=1)[0]
    assert audit.id == done["audit_id"] and audit.reason.startswith("sync ")


def test_truncated_file_names_the_file_and_nothing_is_stored(store: CatalogStore,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "truncated.json"
    path.write_text(json.dumps(LITELLM)[:120])
    before = store.db.execute("SELECT COUNT(*) FROM catalog_sync_sets").fetchone()[0]
    with pytest.raises(InvalidInput, match=r"truncated.json: not valid JSON .* line 1"):
        run_sync(store, litellm=path, today=TODAY)
    assert store.db.execute("SELECT COUNT(*) FROM catalog_sync_sets").fetchone()[0] == before


def test_negative_price_names_file_model_and_field(tmp_path: Path) -> None:
    bad = {"claude-opus-4-6": {**LITELLM["claude-opus-4-6"], "input_cost_per_token": -1e-06}}
    with pytest.raises(InvalidInput, match=r"l.json: model claude-opus-4-6, field "
                                           r"input_cost_per_token: price -1e-06 is negative"):
        read_litellm(_write(tmp_path, "l.json", bad))
    api = {"anthropic": {"models": {"x": {"cost": {"input": -2}}}}}
    with pytest.raises(InvalidInput, match=r"api.json: provider anthropic model x, field "
                                           r"cost.input"):
        read_modelsdev(_write(tmp_path, "api.json", api))


def _offer(rows: tuple[dict, ...], provider: str = "anthropic", model: str = "claude-opus-4-6"
           ) -> Offer:
    return Offer("genai-prices test", "genai-prices", "genai_prices/data.py", provider, model,
                 None, rows)


def test_price_100x_off_is_refused_naming_file_and_field(catalog) -> None:  # type: ignore[no-untyped-def]
    row = {"effective_from": "2026-11-01", "input": 500.0, "output": 25.0}
    with pytest.raises(InvalidInput, match=r"genai_prices/data.py: model claude-opus-4-6, "
                                           r"field input: 500 on 2026-11-01 is 100x"):
        propose(catalog, [_offer((row,))], TODAY)


def test_colliding_model_id_is_refused_naming_file_and_field(catalog) -> None:  # type: ignore[no-untyped-def]
    offer = Offer("genai-prices test", "genai-prices", "genai_prices/data.py", "meta",
                  "gpt-5", "GPT-5 on Meta", ({"effective_from": "2026-11-01", "input": 1.0,
                                              "output": 2.0},), facts={"context_window": 1000})
    with pytest.raises(InvalidInput, match=r"genai_prices/data.py: provider meta model gpt-5, "
                                           r"field id: 'gpt-5' collides"):
        propose(catalog, [offer], TODAY)


def test_price_tier_placeholder_is_monotone_and_bounded() -> None:
    from council.catalog.placeholder import price_tier_level

    assert price_tier_level(0.25, 0.25) == 2.0
    assert price_tier_level(0.5, 0.5) == 2.5
    assert price_tier_level(0.0, 0.0) == 1.5 and price_tier_level(100, 500) == 4.5
    levels = [price_tier_level(x / 10, x / 2) for x in range(1, 200)]
    assert levels == sorted(levels)
