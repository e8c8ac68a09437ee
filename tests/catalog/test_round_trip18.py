"""Round 18: `council catalog export`, then the files loaded into a fresh database, give the
catalog back exactly: every field of every bundled model, with edits of each kind on top.

Until round 18 a curator's measured level came back as an estimate (an added model's) or was
replaced by the evidence files' level (an edited one's), so an export quietly undid the review.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.catalog.addition import new_entry
from council.catalog.editors import Editor
from council.catalog.store import CatalogStore, init_catalog
from council.cli.main import cli
from council.db import open_db

ADA = Editor("ada")
LINK = "https://example.org/our-eval-200-prs"
KIMI = {"provider": "moonshotai", "api_id": "kimi-k2-thinking", "name": "Kimi K2 Thinking",
        "release_date": "2025-11-06", "context_window": 262_144, "max_output": 262_144,
        "aliases": ["kimi-k2-thinking-latest"], "tools": True, "reasoning": True,
        "prices": [{"effective_from": "2025-11-06", "input": 0.6, "output": 2.5,
                    "cache_read": 0.15,
                    "source": "https://ominigate.ai/en/models/moonshotai/kimi-k2-thinking"}],
        "quality": {"coding": 3.9, "reasoning": 3.7}}


def _edit(store: CatalogStore, model: str, field: str, value: object, **kw: object) -> None:
    store.update_field(model, field, value, editor=ADA, reason="round trip",
                       expected_revision=store.revision(model), **kw)  # type: ignore[arg-type]


def _differences(before: object, after: object) -> list[str]:
    """model.field: before -> after, for every field that differs."""
    out = []
    for model in before.models:  # type: ignore[attr-defined]
        old = model.model_dump(mode="json")
        new = after.get(model.id).model_dump(mode="json")  # type: ignore[attr-defined]
        for name in old:
            if old[name] != new[name]:
                out.append(f"{model.id}.{name}: {json.dumps(old[name])[:200]} -> "
                           f"{json.dumps(new[name])[:200]}")
    return out


def test_export_and_a_fresh_load_give_back_every_field(
        store: CatalogStore, catalog_dir: Path, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a curator's levels: measured (a link backs it) over an evidence-file level, and an
    # estimate (no link); a dated price cut, an announced price, a corrected row
    _edit(store, "gpt-4.1", "quality.coding.skill", 4.0, evidence_url=LINK)
    _edit(store, "gpt-4.1", "quality.writing.skill", 3.5)
    _edit(store, "gpt-4.1-mini", "price.input", 0.35, effective_from=date(2026, 11, 16))
    _edit(store, "gpt-4.1-mini", "price.output", 1.5, effective_from=date(2027, 3, 1))
    _edit(store, "gpt-4.1-mini", "prices.0.source", "https://openai.com/api/pricing/")
    # limits, capabilities, aliases, lifecycle, tokenizer, notes
    _edit(store, "claude-haiku-4-5", "context_window", 250_000)
    _edit(store, "claude-haiku-4-5", "max_output", 32_000)
    _edit(store, "claude-haiku-4-5", "structured_output", False)
    _edit(store, "claude-haiku-4-5", "input_modalities", ["text", "image"])
    _edit(store, "claude-haiku-4-5", "aliases", ["claude-haiku-4-5-20251001", "haiku-latest"])
    _edit(store, "claude-haiku-4-5", "token_ratio", 1.2)
    _edit(store, "claude-haiku-4-5", "notes", "checked against the provider page")
    _edit(store, "gpt-5.2", "status", "deprecated")
    _edit(store, "gpt-5.2", "deprecation_date", "2026-12-01")
    _edit(store, "gpt-5.2", "shutdown_date", "2027-06-01")
    _edit(store, "gpt-5.2", "successor", "gpt-6.1-sol")
    # a model added in the app, with two measured levels of the curator's
    store.add_model(new_entry(KIMI, editor="ada", today=date(2026, 12, 2),
                              quality_evidence=LINK),
                    editor=ADA, reason="a launch the catalog lacks", evidence_url=LINK)
    before = store.current()

    monkeypatch.setenv("COUNCIL_DB", str(db_path))
    monkeypatch.setenv("COUNCIL_CATALOG_DIR", str(catalog_dir))
    exported = CliRunner().invoke(cli, ["catalog", "export", "--dir", str(catalog_dir)])
    assert exported.exit_code == 0, exported.output
    after = init_catalog(open_db(tmp_path / "fresh.db"), catalog_dir)

    assert _differences(before, after) == []
    assert after.version == before.version and len(after.models) == len(before.models)
    coding = after.get("gpt-4.1").quality["coding"]
    assert (coding.skill, coding.estimated, coding.benchmark, coding.date) == (
        4.0, False, "set by editor ada", before.get("gpt-4.1").quality["coding"].date)
    assert LINK in coding.source
    assert after.get("gpt-4.1").quality["writing"].estimated
    kimi = after.get("kimi-k2-thinking-latest").quality
    assert (kimi["coding"].skill, kimi["coding"].estimated) == (3.9, False)
