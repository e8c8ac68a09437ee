"""Records priced at the catalog price in force on their date, exactly as price_usage prices."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from council.catalog.names import candidate_names
from council.pricing import Usage, price_usage
from council.usage.pricing import RecordPricer
from council.usage.store import import_file, iter_records
from tests.usage.conftest import ANTHROPIC, LITELLM_JSON, OPENAI, OTLP


@pytest.mark.parametrize("path", [OTLP, LITELLM_JSON, OPENAI, ANTHROPIC], ids=lambda p: p.name)
def test_every_record_agrees_with_price_usage(db: Any, catalog: Any, path: Any) -> None:
    import_file(db, path, catalog=catalog)
    checked = 0
    for r in iter_records(db):
        if r["model_id"] is None:
            continue
        model = catalog.get(r["model_id"])
        counts = [r[k] for k in ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens",
                                 "cache_write_1h_tokens", "output_tokens", "reasoning_tokens")]
        batch = bool(r["batch"])
        if r["calls"] and r["calls"] > 1:  # a bucket: its tier is that of its mean call
            mean = Usage(*(c // r["calls"] for c in counts))
            rates = price_usage(model, mean, batch=batch, on=date.fromisoformat(r["day"])).rates
            expected = sum(rate * c for rate, c in zip(rates.values(), counts, strict=True)) / 1e6
        elif r["context_window"] == "200k-1M":
            continue  # checked in the tier test below
        else:
            expected = price_usage(model, Usage(*counts), batch=batch,
                                   on=date.fromisoformat(r["day"])).total
        assert r["usd"] == pytest.approx(expected, rel=1e-12, abs=1e-15)
        checked += 1
    assert checked > 10


def test_batch_cache_and_long_context_tier(catalog: Any) -> None:
    pricer = RecordPricer(catalog)
    counts = (1_000_000, 2_000_000, 100_000, 50_000, 200_000, 0)
    day = date(2026, 11, 12)
    sonnet = catalog.get("claude-sonnet-4-6")
    realtime = pricer.price("claude-sonnet-4-6", day, counts, calls=None, batch=False)
    batch = pricer.price("claude-sonnet-4-6", day, counts, calls=None, batch=True)
    expected = price_usage(sonnet, Usage(*counts), on=day).total
    assert realtime.usd == pytest.approx(expected) and batch.usd == pytest.approx(expected / 2)
    old_tier = pricer.price("claude-sonnet-4-6", date(2026, 3, 1), (300_000, 0, 0, 0, 1000, 0),
                            calls=1, batch=False)
    base = pricer.price("claude-sonnet-4-6", date(2026, 3, 1), (100_000, 0, 0, 0, 1000, 0),
                        calls=1, batch=False)
    assert old_tier.usd / 3 > base.usd  # the Feb-March price row had a 200k tier


def test_names_prices_before_the_catalog_and_missing_batch(catalog: Any) -> None:
    assert "gpt-4.1" in candidate_names("openai/gpt-4.1-2025-04-14")
    assert "claude-3-5-haiku" in candidate_names("anthropic.claude-3-5-haiku-20241022-v1:0")
    pricer = RecordPricer(catalog)
    assert pricer.resolve("OpenAI/GPT-5.4-mini").id == "gpt-5.4-mini"
    assert pricer.resolve("gemini/gemini-2.5-flash").id == "gemini-2.5-flash"
    assert pricer.resolve("acme-llama-3.3-70b-ft") is None
    early = pricer.price("gpt-5.4-mini", date(2025, 1, 1), (1000, 0, 0, 0, 10, 0), calls=1,
                         batch=False)
    assert early.usd and "before gpt-5.4-mini's first catalog price" in early.note
    no_batch = next(m for m in catalog.models if not m.batch_api)
    priced = pricer.price(no_batch.id, date(2026, 11, 1), (1000, 0, 0, 0, 10, 0), calls=1,
                          batch=True)
    assert "priced real-time" in priced.note
    unknown = pricer.price("nope-1", date(2026, 11, 1), (1, 0, 0, 0, 1, 0), calls=1, batch=False)
    assert unknown.model_id is None and unknown.usd is None
