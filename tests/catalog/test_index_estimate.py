"""Estimates from the AA Intelligence Index in place of price-tier placeholders (catalog10)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from council.adequacy import CATALOG_ESTIMATE, ESTIMATE_SD, CatalogAdequacy
from council.assessment import Assessment
from council.catalog.index_estimate import BENCHMARK, ESTIMATES_DIR, INDEX_FILE
from council.catalog.loader import load_catalog_dir
from council.catalog.model import canonical_json
from council.catalog.placeholder import is_placeholder
from council.config import PROJECT_ROOT
from council.errors import CatalogError

from .conftest import CATALOG_DIR

SHIPPED = yaml.safe_load((CATALOG_DIR / ESTIMATES_DIR / INDEX_FILE).read_text(encoding="utf-8"))


def _load_training(name: str):
    spec = importlib.util.spec_from_file_location(
        f"{name}_script", PROJECT_ROOT / "training" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_placeholder_inside_the_fitted_range_becomes_an_index_estimate(catalog) -> None:
    luna = catalog.get("gpt-6-luna").quality["agentic"]
    walk = SHIPPED["crosswalks"]["agentic"]
    index = SHIPPED["index"]["gpt-6-luna"]["index"]
    assert walk["shipped"] and walk["index_min"] <= index <= walk["index_max"]
    assert luna.estimated and luna.benchmark == BENCHMARK and luna.score == index
    assert luna.skill == round(walk["intercept"] + walk["slope"] * index, 2)
    assert luna.sd == walk["loo_rms"]
    assert luna.source.startswith(
        f"estimate from AA Intelligence Index {index:g} (2026-10-10), crosswalk fitted on "
        f"{walk['n']} models, LOO MAE {walk['loo_mae']:.2f}; ")
    # the placeholder it replaced, as the files have it
    before = load_catalog_dir(CATALOG_DIR, index_estimates=False)
    assert is_placeholder(before.get("gpt-6-luna").quality["agentic"].source)


def test_measured_curator_and_out_of_range_levels_are_left_alone(catalog) -> None:
    before = load_catalog_dir(CATALOG_DIR, index_estimates=False)
    for model in catalog.models:
        old = before.get(model.id)
        for skill, q in model.quality.items():
            if q.benchmark != BENCHMARK:
                assert q == old.quality[skill], (model.id, skill)
            else:
                assert is_placeholder(old.quality[skill].source), (model.id, skill)
    # a curator estimate (Ministral 8B) and an index above the agentic fit (Claude Opus 5.5)
    assert not is_placeholder(catalog.get("ministral-8b").quality["chat"].source)
    assert catalog.get("ministral-8b").quality["chat"].benchmark != BENCHMARK
    opus = catalog.get("claude-opus-5-5")
    top = SHIPPED["crosswalks"]["agentic"]["index_max"]
    assert SHIPPED["index"]["claude-opus-5-5"]["index"] > top
    assert is_placeholder(opus.quality["agentic"].source) and opus.quality["agentic"].sd is None


def test_an_unshipped_crosswalk_changes_nothing(catalog_dir: Path) -> None:
    path = catalog_dir / ESTIMATES_DIR / INDEX_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for walk in data["crosswalks"].values():
        walk["shipped"] = False
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    edited = load_catalog_dir(catalog_dir)
    plain = load_catalog_dir(catalog_dir, index_estimates=False)
    assert canonical_json(edited.models, edited.meta) == canonical_json(plain.models, plain.meta)


@pytest.mark.parametrize("edit, field", [
    (lambda d: d["crosswalks"].__setitem__("cooking", d["crosswalks"]["chat"]), "(file)"),
    (lambda d: d["crosswalks"]["chat"].__setitem__("loo_rms", -1), "crosswalks.chat.loo_rms"),
    (lambda d: d["index"]["gpt-6-luna"].__setitem__("index", "high"), "index.gpt-6-luna.index"),
    (lambda d: d.__setitem__("commit", "5249b39"), "commit"),
])
def test_a_bad_index_file_is_refused_naming_the_field(catalog_dir: Path, edit, field) -> None:
    path = catalog_dir / ESTIMATES_DIR / INDEX_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CatalogError, match="estimates/aa-intelligence-index.yaml: field "
                       + re.escape(field)):
        load_catalog_dir(catalog_dir)


def test_an_estimate_s_own_sd_reaches_p(catalog) -> None:
    """The index estimate's leave-one-out RMS (0.05-0.2 levels) replaces ESTIMATE_SD (1.03)."""
    luna = catalog.get("gpt-6-luna")
    q = luna.quality["agentic"]
    assert q.sd is not None and q.sd < ESTIMATE_SD
    generic = luna.model_copy(update={"quality": {**luna.quality,
                                                  "agentic": q.model_copy(update={"sd": None})}})
    a = Assessment(category="agentic", category_p={"agentic": 1.0},
                   difficulty=3.5, difficulty_sd=0.5)
    adequacy = CatalogAdequacy(a, {})
    assert adequacy.source_for(luna) == CATALOG_ESTIMATE
    p_own, p_generic = adequacy.p_for(luna), adequacy.p_for(generic)
    assert q.skill > 3.5 and p_own > p_generic + 0.05  # surer, since its error is smaller


def test_models_without_an_own_sd_hash_as_before(catalog) -> None:
    text = canonical_json(catalog.models, catalog.meta)
    assert text.count('"sd":') == sum(1 for m in catalog.models for q in m.quality.values()
                                      if q.sd is not None) > 0


def test_the_shipped_file_is_the_fit_of_the_committed_transcript() -> None:
    """models_catalog/estimates/aa-intelligence-index.yaml is what index_crosswalk.py --write
    gives from the transcript: no hand-edited number, and the rule decided every skill."""
    script = _load_training("index_crosswalk")
    fits, index, transcript = script.fit_all(CATALOG_DIR)
    shipped_index = {k: v["index"] for k, v in SHIPPED["index"].items()}
    assert shipped_index == {k: v[0] for k, v in index.items()}
    assert SHIPPED["commit"] == transcript["commit"]
    for skill, walk in SHIPPED["crosswalks"].items():
        fit = fits[skill]
        assert walk["n"] == len(fit.models) and walk["loo_mae"] == round(fit.loo_mae, 3)
        assert walk["shipped"] == (fit.loo_mae < fit.placeholder_mae and len(fit.models) >= 10)


def test_the_newer_index_version_is_fitted_apart_and_ships_nothing() -> None:
    """OpenRouter's pages show another index version (catalog11): its own fit, by the same
    rule; with 4 models that also have measured levels no skill reaches n >= 10."""
    script = _load_training("index_crosswalk_openrouter")
    transcript = json.loads(script.TRANSCRIPT.read_text(encoding="utf-8"))
    values, conflicts = script.read_values(transcript)
    assert conflicts == {} and values["gpt-6-astra"] == (56.9, "openai/gpt-6-astra")
    assert values["claude-opus-5-5"][0] != SHIPPED["index"]["claude-opus-5-5"]["index"]
    fits = script.fit_index(load_catalog_dir(CATALOG_DIR, index_estimates=False), values)
    assert fits and all(len(f.models) < 10 and not f.shipped for f in fits.values())
    # a model whose pages disagree is left out, not averaged
    pages = transcript["pages"] + [{"url": "x", "values": {"openai/gpt-6-astra": 55.0}}]
    values, conflicts = script.read_values({**transcript, "pages": pages})
    assert "gpt-6-astra" not in values
    assert conflicts["openai/gpt-6-astra"] == [56.9, 56.9, 56.9, 55.0]
