"""Claude Fable 5.2 and Muse Spark Open (added 2026-12-01, catalog10): the sync finds Fable
models now, the entries carry dated sources, and Fable 5.1 names its successor."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from council.catalog.sources import NOT_TEXT
from council.catalog.store import CatalogStore, init_catalog
from council.catalog.sync import run_sync
from council.db import open_db
from council.pricing import Usage, price_usage

TODAY = date(2026, 12, 1)


def _without(catalog_dir: Path, model_id: str) -> None:
    path = catalog_dir / "anthropic.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["models"] = [m for m in data["models"] if m["id"] != model_id]
    for m in data["models"]:
        if m.get("successor") == model_id:
            m["successor"] = None
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_the_sync_proposes_a_fable_model_it_does_not_carry(tmp_path: Path, catalog_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Until 2026-12-01 the sync's text-model filter dropped every claude-* id that was not
    Opus, Sonnet or Haiku, so Fable releases were never proposed."""
    assert not NOT_TEXT.search("claude-fable-5-2") and NOT_TEXT.search("claude-mythos-5-2")
    _without(catalog_dir, "claude-fable-5-2")
    monkeypatch.setenv("COUNCIL_CATALOG_DIR", str(catalog_dir))
    db = open_db(tmp_path / "c.db")
    init_catalog(db, catalog_dir)
    change_set = run_sync(CatalogStore(db), today=TODAY)
    keys = {c.key for c in change_set.changes}
    assert "claude-fable-5-2:new" in keys
    assert "claude-fable-5:new" not in keys  # rejected, with its reason, in sync_rejections.yaml


def test_the_new_entries_price_as_their_dated_sources_say(catalog) -> None:
    fable = catalog.get("claude-fable-5-2")
    assert fable.release_date == date(2026, 11, 9) and fable.status == "active"
    row = fable.price_in_force(TODAY)
    assert row.effective_from == date(2026, 11, 9)
    assert (row.input, row.output, row.cache_read, row.cache_write_5m, row.cache_write_1h) == \
        (8.0, 40.0, 0.2, 10.0, 16.0)
    assert re.search(r"laozhang.*2026-11-10", row.source) and "Runware" in row.source
    assert catalog.get("claude-fable-5-1").successor == "claude-fable-5-2"
    muse = catalog.get("muse-spark-open-fireworks")
    assert muse.provider == "fireworks" and muse.creator == "meta"
    assert muse.release_date == date(2026, 10, 15)
    m_row = muse.price_in_force(TODAY)
    assert (m_row.input, m_row.output, m_row.cache_read) == (1.25, 4.25, 0.15)
    assert "2026-10-15" in m_row.source and "Vercel" in m_row.source
    # a 1M-token prompt is one flat rate on both (no long-context tier)
    big = price_usage(fable, Usage(input_tokens=900_000, output_tokens=1_000), on=TODAY)
    assert big.total == pytest.approx(0.9 * 8.0 + 0.001 * 40.0)


def test_both_start_with_the_price_tier_placeholder(catalog) -> None:
    """No measurement or same-snapshot index exists for them (both postdate the 2026-10-10
    snapshots), so every level is the placeholder at their price: 4.5 and 3.5."""
    for model_id, level in (("claude-fable-5-2", 4.5), ("muse-spark-open-fireworks", 3.5)):
        quality = catalog.get(model_id).quality
        assert all(q.estimated and q.skill == level and q.sd is None for q in quality.values())
