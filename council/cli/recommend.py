"""`council recommend`: which model to use for a task, and what it will cost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from council.errors import BudgetTooLow, InvalidInput

if TYPE_CHECKING:
    from council.catalog.model import Catalog
    from council.workload import DefaultsLookup


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(recommend_cmd)


def _csv(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


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
@click.option("--not-needed", default=None,
              help="Capabilities the task does not need, overriding the LLM voters when they "
                   "agree it does (e.g. tools,json).")
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
                   "two, with the most expected successes within it (see --ceiling).")
@click.option("--ceiling", is_flag=True,
              help="The budget (--budget-usd, or one the description names) is a limit, not a "
                   "sum to spend: the least expected cost among the models whose month fits "
                   "under it.")
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
                  summarise_history: bool, needs: str | None, not_needed: str | None,
                  providers: str | None, min_context: int | None, quality: str,
                  failure_cost: float | None, budget_usd: float | None, ceiling: bool,
                  voters_file: Path | None,
                  outcome_model: Path | None, db_path: Path | None, as_json: bool) -> None:
    """Recommend the model with the least expected cost for TASK, with its cost.

    Expected cost = price + P(failure) x what a failure costs (--failure-cost).

    Example: council recommend "classify 10k support tickets nightly into 12 queues"
    --runs-per-month 300000 --batch --needs json --failure-cost 0.05
    """
    from council.task import CAPABILITIES, parse_task

    wanted, unwanted = _csv(needs), _csv(not_needed)
    for flag, given in (("--needs", wanted), ("--not-needed", unwanted)):
        unknown = [n for n in given if n not in CAPABILITIES]
        if unknown:
            raise InvalidInput(f"{flag}: unknown capability {', '.join(unknown)}; known: "
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
        "not_needed": frozenset(unwanted),
        "providers": _csv(providers), "min_context": min_context, "quality": quality,
        "failure_cost_usd": _dollars(failure_cost, "--failure-cost"),
        "budget_usd_per_month": _dollars(budget_usd, "--budget-usd", positive=True),
        "budget_ceiling": ceiling,
    }
    spec = parse_task(**{k: v for k, v in fields.items() if v is not None})
    from council.assembly import open_catalog, open_council
    from council.present import to_text

    catalog = open_catalog(db_path)
    if spec.providers:
        missing = [p for p in spec.providers if p not in catalog.providers]
        if missing:
            raise InvalidInput(f"--providers: unknown provider {', '.join(missing)}; known: "
                               f"{', '.join(catalog.providers)}")
    council = open_council(catalog=catalog, voters_file=voters_file, outcome_dir=outcome_model)
    if council.outcome_error is not None:
        click.echo(f"warning: {council.outcome_error}; adequacy comes from the catalog for "
                   "every model until the outcome model is retrained (`council train`)",
                   err=True)
    for note in council.skipped:
        click.echo(f"warning: voter {note}", err=True)
    try:
        rec = council.recommend(spec, learned=_learned(db_path, catalog))
    except BudgetTooLow as exc:
        raise exc.naming("--budget-usd") from None
    if sample_note:
        rec.notes.append(sample_note)
    if as_json:
        click.echo(json.dumps(rec.to_dict(), indent=2, sort_keys=True))
    else:
        click.echo(to_text(rec))


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


def _learned(db_path: Path | None, catalog: Catalog) -> DefaultsLookup | None:
    """The workload defaults refitted from imported usage (None when nothing is learned)."""
    from council.assembly import open_database
    from council.usage.learn import learned_defaults

    return learned_defaults(open_database(db_path), catalog) or None
