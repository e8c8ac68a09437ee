"""The committed catalog files: coverage, strictness, capability and skill lookups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from council.catalog.loader import load_catalog_dir
from council.catalog.model import Catalog
from council.categories import SKILLS
from council.errors import CatalogError, NotFound

REQUIRED = [
    "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5", "claude-opus-4-1",
    "claude-sonnet-4-6", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-3-5-haiku",
    "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "o3", "gemini-3.1-pro",
    "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "deepseek-v4-pro",
]


def test_catalog_covers_the_required_models_and_providers(catalog: Catalog) -> None:
    assert len(catalog.models) >= 40
    assert len(catalog.providers) >= 8
    for model_id in REQUIRED:
        assert catalog.get(model_id).id == model_id
    creators = {m.creator for m in catalog.models}
    assert {"meta", "qwen", "xai", "mistral"} <= creators


def test_every_model_has_every_skill_with_evidence(catalog: Catalog) -> None:
    for model in catalog.models:
        assert set(model.quality) == set(SKILLS), model.id
        for name, q in model.quality.items():
            assert 1.0 <= model.skill(name) <= 5.0
            assert q.source and q.benchmark
            if not q.estimated:
                assert q.score is not None, (model.id, name)


def test_aliases_and_api_ids_resolve(catalog: Catalog) -> None:
    assert catalog.get("claude-opus-4-5-20251101").id == "claude-opus-4-5"
    assert catalog.get("gemini-3.1-pro-preview").id == "gemini-3.1-pro"
    assert catalog.get(" Claude-Opus-4-7 ").id == "claude-opus-4-7"
    assert catalog.get("Qwen/Qwen3.6-Plus").id == catalog.get("qwen/qwen3.6-plus").id
    with pytest.raises(NotFound, match="unknown model"):
        catalog.get("gpt-99")


def test_frontier_default_comes_from_the_data(catalog: Catalog) -> None:
    assert catalog.frontier_default.id == "claude-opus-5-5"
    assert catalog.frontier_default.status == "active"


def test_capabilities(catalog: Catalog) -> None:
    opus = catalog.get("claude-opus-4-7")
    assert all(opus.has(c) for c in ("tools", "vision", "json", "reasoning", "long_context"))
    llama = catalog.get("llama-3.1-8b-groq")
    assert not llama.has("vision") and not llama.has("reasoning")
    assert not llama.has("long_context")
    with pytest.raises(KeyError):
        opus.has("telepathy")


def test_opus_4_7_tokenizer_counts_about_1_3x_opus_4_6(catalog: Catalog) -> None:
    ratio = catalog.get("claude-opus-4-7").token_ratio / catalog.get("claude-opus-4-6").token_ratio
    assert 1.25 <= ratio <= 1.35


def test_price_on_picks_the_row_in_force(catalog: Catalog) -> None:
    opus46 = catalog.get("claude-opus-4-6")
    assert opus46.price_on(date(2026, 2, 20)).tiers  # long-context tier before 13 March 2026
    assert not opus46.price_on(date(2026, 3, 13)).tiers
    with pytest.raises(NotFound):
        opus46.price_on(date(2020, 1, 1))


def test_staleness_uses_the_given_today(catalog: Catalog) -> None:
    model = catalog.get("gpt-5")
    verified = model.price_on().verified
    assert not model.is_stale(verified)
    assert model.is_stale(date.fromordinal(verified.toordinal() + 61))


def test_version_is_a_content_hash(catalog: Catalog) -> None:
    again = Catalog.from_json(catalog.to_json())
    assert again.version == catalog.version
    changed = Catalog(
        models=tuple(m if m.id != "gpt-5" else m.model_copy(update={"max_output": 1000})
                     for m in catalog.models),
        meta=catalog.meta,
    )
    assert changed.version != catalog.version


def _edit(path: Path, fn) -> None:
    data = yaml.safe_load(path.read_text())
    fn(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_unknown_field_is_named_with_file_and_model(catalog_dir: Path) -> None:
    _edit(catalog_dir / "openai.yaml", lambda d: d["models"][0].update({"colour": "blue"}))
    with pytest.raises(CatalogError) as err:
        load_catalog_dir(catalog_dir)
    message = str(err.value)
    assert "openai.yaml" in message and "gpt-5.5" in message and "colour" in message


def test_bad_price_is_named(catalog_dir: Path) -> None:
    def cache_above_input(d: dict) -> None:
        d["models"][1]["prices"][-1]["cache_read"] = 999
    _edit(catalog_dir / "anthropic.yaml", cache_above_input)
    with pytest.raises(CatalogError, match=r"anthropic.yaml: model claude-opus-4-6, field prices"):
        load_catalog_dir(catalog_dir)


def test_broken_yaml_is_named(catalog_dir: Path) -> None:
    (catalog_dir / "xai.yaml").write_text("models: [unclosed\n")
    with pytest.raises(CatalogError, match=r"xai\.yaml"):
        load_catalog_dir(catalog_dir)


@pytest.mark.parametrize(("change", "message"), [
    (lambda m: m.update(batch_api=False), "batch_api"),
    (lambda m: m["prices"][-1].pop("cache_read"), "prompt_caching"),
    (lambda m: m.update(status="retired", deprecation_date=None), "retired"),
    (lambda m: m["quality"].pop("coding"), "missing skill"),
    (lambda m: m.update(reasoning=False), "reasoning_efforts"),
])
def test_inconsistent_entries_are_rejected(catalog_dir: Path, change, message: str) -> None:
    _edit(catalog_dir / "anthropic.yaml", lambda d: change(d["models"][0]))
    with pytest.raises(CatalogError, match=message):
        load_catalog_dir(catalog_dir)


def test_version_does_not_depend_on_file_or_model_order(catalog: Catalog) -> None:
    shuffled = Catalog(models=tuple(reversed(catalog.models)), meta=catalog.meta)
    assert shuffled.version == catalog.version
