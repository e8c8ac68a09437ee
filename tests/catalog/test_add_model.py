"""Round 17, QA 16 findings 11 and 12: a curator adds a model the catalog lacks (Kimi K2
Thinking), through the store, on a real SQLite; absurd values are refused in plain words."""

from __future__ import annotations

from datetime import date

import pytest

from council.catalog.addition import new_entry
from council.catalog.editors import Editor
from council.catalog.placeholder import PLACEHOLDER_SOURCE, price_tier_level
from council.catalog.review import apply_import, propose_import  # registers the sync tables
from council.catalog.store import CatalogStore, init_catalog
from council.errors import InvalidInput

ADA = Editor("ada")
TODAY = date(2026, 12, 2)
PAGE = "https://ominigate.ai/en/models/moonshotai/kimi-k2-thinking"
KIMI = {"provider": "moonshotai", "api_id": "kimi-k2-thinking", "name": "Kimi K2 Thinking",
        "release_date": "2025-11-06", "context_window": 262_144, "max_output": 262_144,
        "tools": True, "structured_output": True, "reasoning": True,
        "prices": [{"effective_from": "2025-11-06", "source": PAGE, "input": 0.6,
                    "output": 2.5, "cache_read": 0.15}]}


def _kimi(**changes: object) -> dict:
    return {**KIMI, **changes}


def _add(store: CatalogStore, raw: dict, **quality: object):
    entry = new_entry(raw, editor="ada", today=TODAY, **quality)
    return store.add_model(entry, editor=ADA, reason="a launch the catalog lacks",
                           evidence_url=PAGE)


def _unchanged(store: CatalogStore):
    return store.current_version, len(store.audit_log())


def test_a_new_model_is_added_audited_estimated_and_reverted(store: CatalogStore) -> None:
    from council.api import recommend_for
    from council.task import parse_task
    from tests.recs import assessment

    added = _add(store, KIMI)
    model = store.current().get("Kimi-K2-Thinking")  # found by its API id, any case
    assert (model.id, model.provider, model.creator, model.prompt_caching) == (
        "kimi-k2-thinking", "moonshotai", "moonshotai", True)
    assert model.price_on(date(2025, 12, 1)).input == 0.6
    assert (added.field, added.old, added.editor, added.evidence_url) == ("*", None, "ada", PAGE)
    assert added.reason == "a launch the catalog lacks" and added.new["id"] == model.id
    # no quality evidence: every level is the price-tier placeholder, marked as an estimate
    level = price_tier_level(0.6, 2.5)
    assert {(q.skill, q.estimated, q.source) for q in model.quality.values()} == {
        (level, True, PLACEHOLDER_SOURCE)}
    task = parse_task(description="Summarise a meeting transcript", runs_per_month=100)
    answer = recommend_for(task, assessment("summarisation", 1.5, 0.4),
                           catalog=store.current(), today=TODAY)
    kimi = next(c for c in answer.candidates if c.model_id == model.id)
    assert kimi.adequacy_source == "catalog-estimate"
    # a revert removes it, audited; reverting the removal brings it back
    removed = store.revert(added.id, editor=ADA, reason="added by mistake")
    assert "kimi-k2-thinking" not in store.current() and removed.new is None
    store.revert(removed.id, editor=ADA, reason="it was right after all")
    assert store.current().get("kimi-k2-thinking") == model
    # levels given with evidence are the editor's measurement; the rest stay estimates
    _add(store, _kimi(api_id="kimi-k2-thinking-turbo", quality={"coding": 3.9}),
         quality_evidence="https://example.com/our-eval")
    turbo = store.current().get("kimi-k2-thinking-turbo")
    assert turbo.quality["coding"].skill == 3.9 and not turbo.quality["coding"].estimated
    assert turbo.quality["coding"].source == "https://example.com/our-eval"
    assert turbo.quality["writing"].estimated


DUPLICATES = [
    (_kimi(api_id="kimi-k2-thinking", id="gpt-4.1"), "id 'gpt-4.1' is already gpt-4.1's id"),
    (_kimi(id="kimi-x", api_id="GPT-4.1"),
     "API id 'GPT-4.1' is already gpt-4.1's id 'gpt-4.1' (ignoring case)"),
    (_kimi(aliases=["gpt-4.1-2025-04-14"]), "alias 'gpt-4.1-2025-04-14' is already gpt-4.1's"),
]


def test_a_duplicate_by_id_case_or_alias_is_refused_naming_the_model(
        store: CatalogStore) -> None:
    before = _unchanged(store)
    for raw, named in DUPLICATES:  # one store for the three: each case writes nothing
        with pytest.raises(InvalidInput) as caught:
            _add(store, raw)
        assert named in str(caught.value) and "nothing was saved" in str(caught.value)
        assert _unchanged(store) == before


@pytest.mark.parametrize(("raw", "named"), [
    (_kimi(prices=[]), "needs its prices (a price: input and output"),
    ({k: v for k, v in KIMI.items() if k != "max_output"}, "needs its max output"),
    (_kimi(context_window=10_000_000_000),
     "context window 10,000,000,000: must be at most 100,000,000"),
    (_kimi(max_output=300_000), "max output 300,000 tokens is above the context window 262,144"),
    (_kimi(prices=[{**KIMI["prices"][0], "input": -1}]),
     "input price (row from 2025-11-06) -1: price must not be negative"),
    (_kimi(provider="../etc"), "provider '../etc' must be lower case"),
    (_kimi(id="Kimi K2"), "id 'Kimi K2': must be lower case letters, digits, dots and dashes"),
])
def test_bad_values_name_the_field_in_plain_words(raw: dict, named: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        new_entry(raw, editor="ada", today=TODAY)
    assert named in str(caught.value)
    assert "Value error" not in str(caught.value) and "prices.0" not in str(caught.value)


def test_edits_with_absurd_values_are_refused_in_plain_words(store: CatalogStore) -> None:
    """QA 16 finding 12: a 10,000,000,000-token window was saved; a negative price read
    "prices.2.input: Value error, price must not be negative"; a 10 MB link was kept whole."""
    before = _unchanged(store)
    cases = [("context_window", 10_000_000_000, {},
              "context window 10,000,000,000: must be at most 100,000,000"),
             ("max_output", 2_000_000, {}, "max output 2,000,000 tokens is above the context"),
             ("price.input", -1.0, {}, "input price (row from "),
             ("notes", "x" * 10_000, {}, "gpt-4.1.notes: 10,000 characters of text"),
             ("notes", "ok", {"evidence_url": "https://e.com/" + "a" * 10_000_000},
              "the evidence link is 10,000,014 characters"),
             ("notes", "ok", {"reason": "r" * 5_000}, "the reason is 5,000 characters")]
    for field, value, extra, named in cases:
        kwargs = {"reason": "probe", **extra}
        with pytest.raises(InvalidInput) as caught:
            store.update_field("gpt-4.1", field, value, editor=ADA,
                               expected_revision=store.revision("gpt-4.1"), **kwargs)
        assert named in str(caught.value), str(caught.value)
        assert "Value error" not in str(caught.value) and "prices.1" not in str(caught.value)
    assert _unchanged(store) == before
    with pytest.raises(InvalidInput, match="evidence link is"):
        store.add_model(new_entry(KIMI, editor="ada", today=TODAY), editor=ADA, reason="x",
                        evidence_url="https://e.com/" + "a" * 10_000)


def test_a_model_added_in_the_app_survives_a_reload_of_changed_files(store: CatalogStore,
                                                                      catalog_dir) -> None:
    """Every model not in the files was dropped when the files changed: an added model (or a
    sync's accepted one) was lost before anyone ran `council catalog export`."""
    _add(store, KIMI)
    path = catalog_dir / "openai.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: GPT-4.1\n",
                                                             "name: GPT 4.1\n", 1),
                    encoding="utf-8")
    catalog = init_catalog(store.db, catalog_dir)
    assert catalog.get("gpt-4.1").name == "GPT 4.1"
    assert "kimi-k2-thinking" in catalog


def test_the_cli_adds_from_options_or_a_yaml_file(
        tmp_path, catalog_dir, monkeypatch) -> None:
    import json

    from click.testing import CliRunner

    from council.catalog.editors import hash_password
    from council.cli.main import cli

    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[catalog.editors]\nalice = "{hash_password("pw", iterations=1000)}"\n')
    for name, value in (("COUNCIL_DB", tmp_path / "council.db"),
                        ("COUNCIL_CATALOG_DIR", catalog_dir), ("COUNCIL_SECRETS", secrets),
                        ("COUNCIL_EDITOR_PASSWORD", "pw")):
        monkeypatch.setenv(name, str(value))
    run = CliRunner().invoke
    who = ["--editor", "alice", "--reason", "launched 2025-11-06"]
    added = run(cli, ["catalog", "add", "--provider", "moonshotai", "--api-id",
                      "kimi-k2-thinking", "--name", "Kimi K2 Thinking", "--context-window",
                      "262144", "--max-output", "262144", "--capability", "tools",
                      "--capability", "reasoning", "--input-price", "0.6", "--output-price",
                      "2.5", "--cache-read-price", "0.15", "--price-from", "2025-11-06",
                      "--price-source", PAGE, "--quality", "coding=3.9", "--quality-evidence",
                      "https://example.com/eval", *who, "--evidence", PAGE])
    assert added.exit_code == 0, added.output
    assert "added kimi-k2-thinking" in added.output and "8 of 9 skill levels are estimates" \
        in added.output
    other = {**KIMI, "api_id": "kimi-k2-thinking-turbo", "name": "Kimi K2 Thinking Turbo"}
    from_file = run(cli, ["catalog", "add", "--file", str(_yaml(tmp_path, {
        "provider": "moonshotai", "models": [{k: v for k, v in other.items()
                                              if k != "provider"}]})), *who, "--json"])
    assert from_file.exit_code == 0, from_file.output
    assert json.loads(from_file.output)[0]["model_id"] == "kimi-k2-thinking-turbo"
    log = run(cli, ["catalog", "log", "--limit", "2"])
    assert log.output.count("model added") == 2, log.output


def test_the_export_download_holds_the_added_model(store: CatalogStore, tmp_path) -> None:
    """The page's export (QA 16: command line only) is what `council catalog export` writes;
    on the default model and the added one, to keep it fast."""
    import io
    import zipfile

    import yaml

    from council.catalog.export import export_archive
    from council.catalog.model import Catalog

    _add(store, KIMI)
    full = store.current()
    small = Catalog(models=(full.frontier_default, full.get("kimi-k2-thinking")), meta=full.meta)
    archive = zipfile.ZipFile(io.BytesIO(export_archive(small, tmp_path, [])))
    assert "models_catalog/moonshotai.yaml" in archive.namelist()
    written = yaml.safe_load(archive.read("models_catalog/moonshotai.yaml"))
    assert [m["id"] for m in written["models"]] == ["kimi-k2-thinking"]
    assert written["name"] == "Moonshot AI"


def _yaml(tmp_path, document) -> object:
    import yaml

    path = tmp_path / "model.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_import_review_proposes_the_models_a_source_has_and_the_catalog_lacks(
        store: CatalogStore, tmp_path) -> None:
    """QA 16: a LiteLLM file naming moonshot/kimi-k2-thinking gave "18 proposed changes, 7
    flagged" and never a word about the model the catalog lacks."""
    import json

    kimi = {"litellm_provider": "moonshot", "mode": "chat", "input_cost_per_token": 6e-7,
            "output_cost_per_token": 2.5e-6, "cache_read_input_token_cost": 1.5e-7,
            "max_input_tokens": 262_144, "max_output_tokens": 262_144,
            "supports_function_calling": True, "supports_reasoning": True}
    data = {"moonshot/kimi-k2-thinking": kimi,
            "moonshot/kimi-k2-embedding": {**kimi, "mode": "embedding"},  # not chat
            "moonshot/kimi-k2-0711-preview": {**kimi, "deprecation_date": "2025-01-01"},
            "GPT-4.1": {**kimi, "litellm_provider": "openai"},  # the catalog has it
            "gpt-4.1-2030-01-01": {**kimi, "litellm_provider": "openai"},  # a dated snapshot
            "together_ai/kimi-k2-thinking-x": {**kimi, "litellm_provider": "together_ai"}}
    path = tmp_path / "litellm.json"
    path.write_text(json.dumps(data))
    changes = propose_import(store, {"litellm": path})
    assert [c.key for c in changes.new_models] == ["kimi-k2-thinking:new-model"]
    assert changes.to_dict()["new_models"] == 1 and "1 new model (" in changes.render()
    # flagged: every unflagged change applies in bulk, never a new model
    with pytest.raises(InvalidInput, match="nothing to apply"):
        apply_import(store, changes, editor=ADA, reason="bulk", apply_all=True)
    done = apply_import(store, changes, editor=ADA, reason="a launch we lacked",
                        accept=["kimi-k2-thinking:new-model"])
    model = store.current().get("kimi-k2-thinking")
    assert (model.context_window, model.reasoning, model.price_on().cache_read) == (
        262_144, True, 0.15)
    assert all(q.estimated for q in model.quality.values())
    assert done[0].field == "*" and done[0].old is None and "litellm" in done[0].evidence_url
    assert propose_import(store, {"litellm": path}).new_models == ()
