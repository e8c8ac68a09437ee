"""`council recommend`: which model to use for a task, and what it will cost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from council.errors import InvalidInput


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(recommend_cmd)


def _csv(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


def _money(x: float | None) -> str:
    if x is None:
        return "n/a"
    if x == 0:
        return "$0"
    if abs(x) >= 100:
        return f"${x:,.0f}"
    if abs(x) >= 1:
        return f"${x:,.2f}"
    return f"${x:.4f}" if abs(x) >= 0.01 else f"${x:.6f}"


@click.command("recommend")
@click.argument("task")
@click.option("--input-tokens", type=int, default=None, help="Input tokens per call.")
@click.option("--output-tokens", type=int, default=None, help="Output tokens per call.")
@click.option("--calls-per-task", type=int, default=None,
              help="Model calls per task (agent loops re-send the growing history).")
@click.option("--runs-per-month", type=float, default=None, help="Tasks per month.")
@click.option("--cached-prefix-tokens", type=int, default=None,
              help="Tokens of fixed prefix (instructions, tools, examples) that can be cached.")
@click.option("--reasoning-tokens", type=int, default=None,
              help="Hidden reasoning tokens per call for reasoning models (default: an "
                   "assumption from difficulty).")
@click.option("--sample-file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A sample input (text, Markdown, code or PDF); its tokens become "
                   "--input-tokens unless that is given.")
@click.option("--batch", is_flag=True, help="Results can wait: price with the batch API.")
@click.option("--summarise-history", is_flag=True,
              help="Agent loops summarise old turns instead of re-sending them.")
@click.option("--needs", default=None, help="Required capabilities: tools,vision,json,"
                                            "reasoning,long_context.")
@click.option("--providers", default=None, help="Only these providers, e.g. openai,anthropic.")
@click.option("--min-context", type=int, default=None, help="Minimum context window.")
@click.option("--quality", type=click.Choice(["none", "draft", "standard", "production"]),
              default="standard", show_default=True,
              help="Quality floor: P(adequate) >= 0.6 / 0.75 / 0.9; none: no floor, the least "
                   "expected cost alone.")
@click.option("--failure-cost", type=float, default=None,
              help="What a bad answer costs you, in dollars per task (rework, a person's time). "
                   "The pick minimises price + P(failure) x this. Default: the category's, "
                   "stated as an assumption; 0 gives the cheapest model over the floor.")
@click.option("--budget-usd", type=float, default=None,
              help="The best you can get for this many dollars a month: the model, or mix of "
                   "two, with the most expected successes within it.")
@click.option("--voters", "voters_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Voters TOML file (default: $COUNCIL_VOTERS or voters.toml).")
@click.option("--outcome-model", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="An outcome model (`council train` / `council route train`): its "
                   "P(success), shrunk toward the catalog's adequacy as in the app, is used "
                   "for the models it covers (default: $COUNCIL_ARTIFACTS/outcomes when "
                   "`council train` has built one from feedback).")
@click.option("--db", "db_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="SQLite file holding the catalog (default: $COUNCIL_DB or var/council.db).")
@click.option("--json", "as_json", is_flag=True, help="Print the full recommendation as JSON.")
def recommend_cmd(task: str, input_tokens: int | None, output_tokens: int | None,
                  calls_per_task: int | None, runs_per_month: float | None,
                  cached_prefix_tokens: int | None, reasoning_tokens: int | None,
                  sample_file: Path | None, batch: bool,
                  summarise_history: bool, needs: str | None, providers: str | None,
                  min_context: int | None, quality: str, failure_cost: float | None,
                  budget_usd: float | None, voters_file: Path | None,
                  outcome_model: Path | None, db_path: Path | None, as_json: bool) -> None:
    """Recommend the model with the least expected cost for TASK, with its cost.

    Expected cost = price + P(failure) x what a failure costs (--failure-cost).

    Example: council recommend "classify 10k support tickets nightly into 12 queues"
    --runs-per-month 300000 --batch --needs json --failure-cost 0.05
    """
    from council.api import recommend
    from council.task import CAPABILITIES, parse_task

    wanted = _csv(needs)
    unknown = [n for n in wanted if n not in CAPABILITIES]
    if unknown:
        raise InvalidInput(f"--needs: unknown capability {', '.join(unknown)}; known: "
                           f"{', '.join(CAPABILITIES)}")
    sample_note = None
    if sample_file is not None and input_tokens is None:
        from council.tokens import count_file

        input_tokens = count_file(sample_file)
        sample_note = f"input tokens counted from {sample_file.name}: {input_tokens:,}"
    fields: dict[str, Any] = {
        "description": task, "input_tokens": input_tokens, "output_tokens": output_tokens,
        "calls_per_task": calls_per_task, "runs_per_month": runs_per_month,
        "cached_prefix_tokens": cached_prefix_tokens, "reasoning_tokens": reasoning_tokens,
        "batch": batch,
        "summarise_history": summarise_history, "needs": frozenset(wanted),
        "providers": _csv(providers), "min_context": min_context, "quality": quality,
        "failure_cost_usd": _dollars(failure_cost, "--failure-cost"),
        "budget_usd_per_month": _dollars(budget_usd, "--budget-usd", positive=True),
    }
    spec = parse_task(**{k: v for k, v in fields.items() if v is not None})
    catalog = _catalog(db_path)
    if spec.providers:
        missing = [p for p in spec.providers if p not in catalog.providers]
        if missing:
            raise InvalidInput(f"--providers: unknown provider {', '.join(missing)}; known: "
                               f"{', '.join(catalog.providers)}")
    from council.assess.classifier import ensure_classifier

    classifier = ensure_classifier()
    rec = recommend(spec, catalog=catalog, classifier=classifier,
                    voters=_voters(voters_file),
                    success_model=_outcome_source(outcome_model, catalog, classifier))
    if sample_note:
        rec.notes.append(sample_note)
    if as_json:
        click.echo(json.dumps(rec.to_dict(), indent=2, sort_keys=True))
    else:
        click.echo(summary(rec.to_dict()))


def _dollars(value: float | None, option: str, positive: bool = False) -> float | None:
    """A dollar option checked here so the message names the option."""
    if value is None:
        return None
    from council.decision import check_budget
    from council.failure_cost import check_failure_cost

    try:
        return check_budget(value) if positive else check_failure_cost(value)
    except InvalidInput as exc:
        raise InvalidInput(f"{option}: {exc}") from None


def _outcome_source(model_dir: Path | None, catalog: Any, classifier: Any) -> Any | None:
    """The outcome model shrunk toward the catalog prior, exactly as the app uses it."""
    from council.config import paths

    if model_dir is None:
        model_dir = paths().outcome_artifact
        if not model_dir.exists():
            return None
    from council.outcomes.adequacy_source import OutcomeAdequacy
    from council.outcomes.feedback import catalog_prior

    return OutcomeAdequacy(model_dir).with_prior(catalog_prior(catalog, classifier))


def _catalog(db_path: Path | None) -> Any:
    from council.catalog.store import init_catalog
    from council.config import paths
    from council.db import open_db

    where = paths()
    return init_catalog(open_db(db_path or where.db), where.catalog_dir)


def _voters(voters_file: Path | None) -> list[Any]:
    from council.config import paths

    if voters_file is not None and not voters_file.exists():
        raise InvalidInput(f"--voters: file not found: {voters_file}")
    path = voters_file or paths().voters_file
    if path is None or not Path(path).exists():
        return []  # no voters configured: the local classifier alone is the council
    from council.assess.voters import load_voters

    return load_voters(path)


def summary(rec: dict[str, Any]) -> str:
    """The recommendation as a short readable text."""
    lines: list[str] = []
    pick = rec.get("recommended")
    if pick:
        c = pick["cost"]
        lines.append(f"Use {pick['name']} ({pick['model_id']}, {pick['provider']}): "
                     f"P(adequate) {pick['p_adequate']:.0%} [{pick['adequacy_source']}]")
        mode = ("batch" if c["batch"] else "real-time") + (", cached prefix" if c["caching"]
                                                           else "")
        lines.append(f"  per call {_money(c['per_call'])} · per task {_money(c['per_task'])} · "
                     f"per month {_money(c['per_month'])} ({mode})")
        parts = ", ".join(f"{k.replace('_', ' ')} {_money(v)}"
                          for k, v in c["parts_per_month"].items() if v)
        lines.append(f"  per month itemised: {parts}")
        lines += [f"  note: {n}" for n in pick.get("notes", [])]
        for name, v in pick.get("variants", {}).items():
            lines.append(f"  {name.replace('_', ' + '):<18} {_money(v['per_month'])} a month")
        d = rec["default"]
        lines.append(f"  vs default {d['model_id']}: {_money(d['cost']['per_month'])} a month, "
                     f"saving {_money(rec.get('saving_per_month'))}")
    if pick and rec.get("no_fit"):
        lines.append(f"Floor not met: {rec['no_fit']}")
    elif not pick:
        lines.append(f"No recommendation. {rec.get('no_fit') or ''}")
    decision = rec.get("decision") or {}
    budget = decision.get("budget")
    if budget:
        lines.append(f"Budget {_money(budget['budget_per_month'])} a month: "
                     f"{budget['note']}; expected successes "
                     f"{budget['expected_successes_per_month']:,.0f} a month "
                     f"({budget['expected_success_rate']:.0%}), spend "
                     f"{_money(budget['spend_per_month'])}")
        for part in budget["parts"]:
            lines.append(f"  {part['model_id']}: {part['share']:.0%} of tasks, "
                         f"{_money(part['cost_per_month'])} a month, "
                         f"P(adequate) {part['p_adequate']:.0%}")
    if decision.get("arithmetic"):
        lines.append(f"Expected cost a task (price + P(failure) x "
                     f"{_money(decision['failure_cost_usd'])}, "
                     f"{decision['failure_cost_source']}):")
        lines += [f"  {line}" for line in decision["arithmetic"]]
    for alt in rec.get("alternatives", []):
        lines.append(f"{alt['role'].replace('_', ' ')}: {alt['model_id']} "
                     f"P(adequate) {alt['p_adequate']:.0%}, "
                     f"{_money(alt['cost']['per_month'])} a month — {alt['why']}")
    cascade = rec.get("cascade")
    if cascade and cascade["worth_it"]:
        lines.append(f"cascade: {cascade['cheap']} then {cascade['strong']} on failure "
                     f"({cascade['escalation_rate']:.0%}): expected "
                     f"{_money(cascade['expected_per_month'])} a month, if failures are detected")
    if rec.get("advice"):
        lines.append("Advice:")
        lines += [f"  - {a['title']}: saves {_money(a['saving_per_month'])} a month. "
                  f"{a['detail']}" for a in rec["advice"]]
    lines.append("Why:")
    lines += [f"  {line}" for line in rec.get("explanation", [])]
    lines.append("Assumptions (change with the options above):")
    lines += [f"  {a['name']} = {a['value']} ({a['source']}: {a['why']})"
              for a in rec.get("assumption_notes", [])]
    lines += [f"note: {n}" for n in rec.get("notes", [])]
    lines.append(f"catalog version {rec['catalog_version']}")
    return "\n".join(lines)
