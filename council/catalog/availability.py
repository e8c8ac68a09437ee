"""Whether a model can be used on a date and for a prompt size: shutdown dates, input limits.

The selection rule asks this per model; the rule itself lives in council/recommend.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from council.catalog.schema import ModelEntry

SHUTDOWN_WARNING_DAYS = 30


def retired(model: ModelEntry, today: date) -> bool:
    """Its shutdown date has come: calls to it fail."""
    return model.shutdown_date is not None and today >= model.shutdown_date


def shutdown_problem(model: ModelEntry, today: date) -> str | None:
    """Why the model must not be recommended on ``today`` (its shutdown date has come)."""
    if retired(model, today):
        assert model.shutdown_date is not None
        return (f"retired on {model.shutdown_date.isoformat()} (the provider's shutdown date): "
                "not recommended")
    return None


def days_left(model: ModelEntry, today: date) -> int | None:
    """Days until the shutdown date (None without one)."""
    return None if model.shutdown_date is None else (model.shutdown_date - today).days


def leaving_soon(model: ModelEntry, today: date) -> bool:
    """Shuts down within SHUTDOWN_WARNING_DAYS: still usable, but not for a monthly plan."""
    days = days_left(model, today)
    return days is not None and 0 < days <= SHUTDOWN_WARNING_DAYS


def successor_words(model: ModelEntry) -> str:
    """The replacement the catalog names, or that it names none."""
    if model.successor is not None:
        return f"the provider names {model.successor} as its replacement"
    return "the catalog names no successor"


def leaving_words(model: ModelEntry, today: date) -> str:
    """"shuts down on DATE (N days; the successor)", for a model with a shutdown date."""
    assert model.shutdown_date is not None
    return (f"shuts down on {model.shutdown_date.isoformat()} ({days_left(model, today)} days; "
            f"{successor_words(model)})")


def shutdown_warning(model: ModelEntry, today: date) -> str | None:
    """A warning when the shutdown date is at most SHUTDOWN_WARNING_DAYS away."""
    if not leaving_soon(model, today):
        return None
    assert model.shutdown_date is not None
    days = days_left(model, today)
    return (f"{model.id} shuts down on {model.shutdown_date.isoformat()} ({days} day"
            f"{'s' if days != 1 else ''} from now; {successor_words(model)}): plan a "
            "replacement before relying on it")


def shutdown_news(then: ModelEntry | None, answered_on: date, now: ModelEntry,
                  today: date) -> str | None:
    """Today's shutdown warning for a model an answer picked on ``answered_on`` (``then``: its
    entry in the catalog the answer used, None if that catalog is not at hand), unless the
    answer gave it already: the same shutdown date, within the warning window that day."""
    soon = shutdown_warning(now, today)
    if soon is None:
        return None
    said = (then is not None and then.shutdown_date == now.shutdown_date
            and leaving_soon(then, answered_on))
    return None if said else soon


def price_note(model: ModelEntry, today: date) -> str | None:
    """Beside a price asked for by hand (``council price``): the model is shut down, or soon."""
    if retired(model, today):
        assert model.shutdown_date is not None
        return (f"{model.id} was shut down on {model.shutdown_date.isoformat()} (the "
                f"provider's shutdown date; {successor_words(model)}): the price is its last "
                "one, and calls to it fail")
    return shutdown_warning(model, today)


def catalog_notes(model: ModelEntry, today: date) -> list[str]:
    """Notes for a priced candidate: a near shutdown, and peak-hour rates the cost leaves out."""
    notes = [w for w in [shutdown_warning(model, today)] if w]
    peak = model.price_in_force(today).peak
    if peak is not None:
        factor = peak.input / model.price_in_force(today).input
        days = " on weekdays" if peak.weekdays_only else ""
        notes.append(f"{model.id} costs {factor:.3g}x during its peak hours ("
                     f"{', '.join(peak.windows_utc)} UTC{days}); the cost shown is off-peak")
    return notes


def input_limit_problem(model: ModelEntry, prompt_tokens: int) -> str | None:
    """Why a prompt of this many (model) tokens is refused below the context window."""
    if model.max_input is not None and prompt_tokens > model.max_input:
        return (f"the largest prompt is {prompt_tokens:,} tokens but {model.id} accepts at most "
                f"{model.max_input:,} input tokens (its window of {model.context_window:,} "
                "includes the output)")
    return None


def availability_problems(model: ModelEntry, workload: Any, today: date) -> list[str]:
    """Hard constraints from the catalog's dates and limits, for the selection rule."""
    from council.tokens import for_model

    found = [shutdown_problem(model, today),
             input_limit_problem(model, for_model(workload.largest_prompt, model.token_ratio))]
    return [p for p in found if p]
