"""Defaults refitted from the team's usage, and what-if on its real traffic."""

from __future__ import annotations

from typing import Any

import pytest

from council.api import recommend_for
from council.assessment import Assessment
from council.task import parse_task
from council.usage.learn import PRIOR_RUNS, learned_defaults
from council.usage.store import import_file, iter_records, link_task
from council.usage.whatif import what_if
from council.workload import DEFAULTS, USAGE_SOURCE, build_workload
from tests.usage.conftest import OTLP, stored_rec


@pytest.fixture()
def linked(db: Any, catalog: Any) -> dict[str, str]:
    import_file(db, OTLP, catalog=catalog)
    triage = stored_rec(db, category="classification")
    review = stored_rec(db, model="claude-sonnet-4-6", category="agentic", per_call=0.02,
                        per_task=0.12, calls=6, input_tokens=4000, prefix=2000)
    link_task(db, "ticket-triage", triage)
    link_task(db, "pr-review-agent", review)
    return {"triage": triage, "review": review}


def test_defaults_are_refitted_and_shrunk_by_how_much_data(db: Any, catalog: Any,
                                                           linked: dict[str, str]) -> None:
    learned = learned_defaults(db, catalog)
    cls = learned.categories["classification"]
    assert (cls.runs, cls.calls, cls.tasks) == (519, 519, 1)
    rows = list(iter_records(db, task="ticket-triage"))
    prompt = sum(r["input_tokens"] + r["cache_read_tokens"] for r in rows) / len(rows)
    fitted = cls.values["input_tokens"]
    w = 519 / (519 + PRIOR_RUNS)
    assert fitted.observed == pytest.approx(prompt)  # one call per task: no history to remove
    assert fitted.weight == pytest.approx(w)
    assert fitted.value == pytest.approx(w * prompt + (1 - w) * DEFAULTS["classification"]
                                         .input_tokens)
    assert cls.values["calls_per_task"].observed == 1.0
    read = sum(r["cache_read_tokens"] for r in rows)
    assert cls.values["prefix_share"].observed == pytest.approx(read / (prompt * len(rows)))
    agentic = learned.categories["agentic"]
    assert agentic.runs == 38 and agentic.values["calls_per_task"].weight == pytest.approx(
        38 / (38 + PRIOR_RUNS))
    calls = agentic.values["calls_per_task"]
    assert calls.observed == pytest.approx(244 / 38)
    assert calls.value == pytest.approx(calls.weight * 244 / 38 + (1 - calls.weight) * 15)
    assert "summarisation" not in learned.categories  # no linked task: the default stands


def test_the_recommendation_says_your_usage(db: Any, catalog: Any,
                                            linked: dict[str, str]) -> None:
    learned = learned_defaults(db, catalog)
    spec = parse_task(description="Route support tickets to one of 12 queues")
    before = {a.name: a for a in build_workload(spec, "classification", 2.0).assumptions}
    after = {a.name: a for a in build_workload(spec, "classification", 2.0,
                                               learned=learned).assumptions}
    assert before["input_tokens"].source == "category default"
    assert before["input_tokens"].value == DEFAULTS["classification"].input_tokens
    assert after["input_tokens"].source == USAGE_SOURCE
    assert after["input_tokens"].value == round(
        learned.categories["classification"].values["input_tokens"].value)
    assert "519 runs" in after["input_tokens"].why
    assert after["runs_per_month"].source == "category default"  # not learned
    given = parse_task(description="Route tickets", input_tokens=900)
    mine = {a.name: a for a in build_workload(given, "classification", 2.0,
                                              learned=learned).assumptions}
    assert mine["input_tokens"].source == "you" and mine["input_tokens"].value == 900
    assessment = Assessment(category="classification", category_p={"classification": 1.0},
                            difficulty=2.0, difficulty_sd=0.3)
    rec = recommend_for(spec, assessment, catalog=catalog, learned=learned).to_dict()
    notes = {n["name"]: n["source"] for n in rec["assumption_notes"]}
    assert notes["input_tokens"] == USAGE_SOURCE and notes["calls_per_task"] == USAGE_SOURCE


def test_what_if_reprices_the_last_30_days(db: Any, catalog: Any,
                                           linked: dict[str, str]) -> None:
    result = what_if(db, catalog, "pr-review-agent", model_id="claude-haiku-4-5")
    names = [v.name for v in result.variants]
    assert names == ["as billed", "on claude-haiku-4-5", "+ caching", "+ caching + batch"]
    billed, moved, cached, batch = (v.usd for v in result.variants)
    actual = db.execute("SELECT SUM(usd) FROM usage_records WHERE task = 'pr-review-agent'"
                        ).fetchone()[0]
    assert billed == pytest.approx(actual)
    # Haiku 4.5 costs a third of Sonnet 4.6 per token, with the same tokenizer ratio
    assert moved == pytest.approx(billed / 3, rel=0.02)
    assert cached <= moved and batch == pytest.approx(cached / 2, rel=1e-9)
    assert result.prefix_source == "the linked recommendation" and result.prefix_share == 0.5
    assert result.variants[-1].saving == pytest.approx(billed - batch)
    default_target = what_if(db, catalog, "ticket-triage")
    assert default_target.target == "gpt-5.4-mini"  # the linked recommendation's pick


def test_whatif_and_learned_through_the_cli(db: Any, catalog: Any, linked: dict[str, str],
                                            tmp_path: Any, monkeypatch: Any) -> None:
    import json

    from click.testing import CliRunner

    from council.cli.main import cli

    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    runner = CliRunner()
    out = runner.invoke(cli, ["usage", "whatif", "pr-review-agent", "--model",
                              "claude-haiku-4-5", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["target"] == "claude-haiku-4-5" and len(data["variants"]) == 4
    text = runner.invoke(cli, ["usage", "whatif", "pr-review-agent"])
    assert text.exit_code == 0 and "+ caching + batch" in text.output
    learned = json.loads(runner.invoke(cli, ["usage", "learned", "--json"]).output)
    assert {r["category"] for r in learned} == {"classification", "agentic"}
    missing = runner.invoke(cli, ["usage", "whatif", "no-such-task", "--model", "gpt-5.4"])
    assert missing.exit_code == 2 and "no usage recorded for task 'no-such-task'" in missing.output
