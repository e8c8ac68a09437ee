"""Shutdown dates and input limits as hard constraints of the selection (real catalog)."""

from __future__ import annotations

from datetime import date, timedelta

from council.catalog.availability import (
    availability_problems,
    input_limit_problem,
    shutdown_problem,
    shutdown_warning,
)
from council.catalog.loader import load_catalog_dir
from council.config import PROJECT_ROOT

CATALOG = load_catalog_dir(PROJECT_ROOT / "models_catalog")


def test_never_recommended_from_the_shutdown_date_and_warned_within_30_days() -> None:
    model = CATALOG.get("gemini-2.5-pro")  # shuts down 2026-12-01
    assert model.shutdown_date == date(2026, 12, 1)
    assert shutdown_problem(model, date(2026, 11, 30)) is None
    assert "retired on 2026-12-01" in (shutdown_problem(model, date(2026, 12, 1)) or "")
    warning = shutdown_warning(model, date(2026, 11, 30))
    assert warning and "1 day from now" in warning
    assert shutdown_warning(model, model.shutdown_date - timedelta(days=31)) is None
    assert shutdown_warning(model, model.shutdown_date) is None  # then it is a problem


def test_openai_400k_models_take_at_most_272k_input() -> None:
    model = CATALOG.get("gpt-5")
    assert model.context_window == 400_000 and model.max_input == 272_000
    assert input_limit_problem(model, 272_000) is None
    assert "at most 272,000 input tokens" in (input_limit_problem(model, 300_000) or "")


def test_named_models_are_present_and_active_and_the_default_is_a_flagship() -> None:
    named = ["claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "gpt-6.1-sol",
             "gpt-6.1-terra", "gpt-6-luna", "gpt-6-astra", "gemini-4-argon", "gemini-3.8-flash",
             "grok-4.7", "kimi-k3.1-pro", "mistral-large-4", "deepseek-flash", "muse-spark-1.3",
             "minimax-m3"]
    for model_id in named:
        model = CATALOG.get(model_id)
        assert model.status == "active" and model.shutdown_date is None, model_id
    assert CATALOG.frontier_default.id == "claude-opus-5-5"


def test_availability_problems_in_words() -> None:
    class _Work:
        largest_prompt = 350_000

    problems = availability_problems(CATALOG.get("gpt-5"), _Work(), date(2026, 11, 30))
    assert len(problems) == 1 and "272,000" in problems[0]
    problems = availability_problems(CATALOG.get("claude-sonnet-4-5"), _Work(),
                                     date(2026, 11, 30))
    assert any("retired on 2026-11-30" in p for p in problems)


def test_peak_hours_are_noted_beside_the_off_peak_cost() -> None:
    from council.catalog.availability import catalog_notes

    notes = catalog_notes(CATALOG.get("deepseek-flash"), date(2026, 11, 30))
    assert any("2x during its peak hours (01:00-04:00, 06:00-10:00 UTC on weekdays)" in n
               for n in notes), notes
    assert any("1 day from now" in n
               for n in catalog_notes(CATALOG.get("gemini-2.5-pro"), date(2026, 11, 30)))
