"""User QA round 15 (docs/app.md): the Recommend page as a team lead met it in Chromium."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, submit_task

SALES_CALLS = ("Summarise sales call transcripts (about 45 minutes each) into CRM notes with "
               "next steps. 2,000 calls a month. Our budget is $150 a month.")


def test_a_budget_plan_says_what_the_spend_over_the_pick_buys(council_home: Path) -> None:
    """The plan spent the whole $150.00 for 1,850 expected successes; the pick alone gave
    about 1,840 for $59.86, and nothing said the last $90 bought about 10."""
    at = submit_task(page_app("recommend").run(), SALES_CALLS)
    no_exception(at)
    plan = [i.value for i in at.info if "Your budget" in i.value]
    assert plan, [i.value for i in at.info]
    assert " alone spends $" in plan[0] and "expected successes; the other $" in plan[0], plan[0]
    assert "A ceiling, not a sum to spend" in plan[0]


def _python_format(d3_format: str) -> str:
    """A d3 number format as Python's format spec (d3's "~" trims zeros, "r" is significant
    digits, which Python spells "g"), to read what the axis writes under each tick."""
    return d3_format.replace("$", "").replace("~", "").replace("r", "g")


def test_the_cost_axis_writes_each_tick_differently(council_home: Path) -> None:
    """A one-off refactor ($0.12 a month): the log axis read "$0, $0, $0.01, $0.1, $1", the
    format keeping two decimals for ticks at $0.0001 and $0.001."""
    import json

    at = submit_task(page_app("recommend").run(),
                     "One-off: refactor our 3-file Python payments module (about 1,200 lines) "
                     "from threads to asyncio, keeping the public API.")
    no_exception(at)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    axes = [layer["encoding"]["x"]["axis"]["format"] for layer in spec["layer"]
            if "axis" in layer.get("encoding", {}).get("x", {})]
    assert axes, spec["layer"][0]["encoding"]
    ticks = [0.0001, 0.001, 0.01, 0.1, 1, 10, 1000, 20000]
    labels = [format(t, _python_format(axes[0])) for t in ticks]
    assert len(set(labels)) == len(ticks), labels
