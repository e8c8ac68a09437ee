"""`council usage`: import what was really spent, report it against the estimates, learn."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from council.usage.report import DEFAULT_FLAG_FACTOR


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(usage)


def _open(db_path: Path | None) -> tuple[Any, Any]:
    from council.assembly import open_database
    from council.catalog.store import init_catalog
    from council.config import paths

    where = paths()
    db = open_database(db_path)
    return db, init_catalog(db, where.catalog_dir)


_DB = click.option("--db", "db_path", type=click.Path(path_type=Path, dir_okay=False),
                   default=None, help="SQLite file (default: $COUNCIL_DB or var/council.db).")


@click.group()
def usage() -> None:
    """Actual usage: import real spend, check every estimate against it, learn the defaults.

    Example: council usage import spans.jsonl && council usage report --since 2026-11-01
    """


@usage.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["otlp", "litellm", "openai", "anthropic"]),
              default=None, help="The file's format (default: recognised from its content).")
@click.option("--task", "task_name", default=None,
              help="Task name for the records that carry no task attribute.")
@click.option("--attribute", "task_key", default="council.task", show_default=True,
              help="The span/request attribute, metadata key, request tag or grouping "
                   "dimension (e.g. project_id) that names a record's task.")
@click.option("--recommendation", "share_id", default=None,
              help="Link every record of this import to a stored recommendation (share id).")
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print the import's counts as JSON.")
def import_cmd(file: Path, fmt: str | None, task_name: str | None, task_key: str,
               share_id: str | None, db_path: Path | None, as_json: bool) -> None:
    """Import a usage file; importing it again counts nothing twice.

    Formats: OpenTelemetry GenAI spans (OTLP/JSON lines from the collector's file exporter),
    LiteLLM spend logs (JSON or CSV), OpenAI's organization usage (completions) response,
    Anthropic's usage report (messages) response. Refused lines are listed by line number;
    the rest of the file is kept. One transaction: an error leaves nothing half-imported.

    Example: council usage import traces.jsonl --task nightly-triage --attribute council.task
    """
    from council.usage.attribution import Attribution
    from council.usage.store import import_file

    db, catalog = _open(db_path)
    attribution = Attribution(task_key=task_key, task_name=task_name,
                              recommendation_id=share_id)
    result = import_file(db, file, catalog=catalog, fmt=fmt, attribution=attribution)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    click.echo(f"{file.name}: {result.format}, {result.parsed:,} records read: "
               f"{result.inserted:,} new, {result.updated:,} updated, "
               f"{result.duplicates:,} already there; ${result.usd:,.4f} at catalog prices")
    if result.unbilled:
        click.echo(f"  {result.unbilled:,} failed {'call' if result.unbilled == 1 else 'calls'} "
                   "the file says were not billed (status failure, no spend): counted, priced "
                   "at $0")
    for name, n in sorted(result.unknown_models.items()):
        click.echo(f"  not in the catalog (kept, unpriced): {name} ({n:,} records)")
    if result.moving_note():
        click.echo(f"  {result.moving_note()}")
    hint = result.grouping_hint()
    if hint:
        click.echo(f"  {hint}")
    if result.error_count:
        lines = "line" if result.error_count == 1 else "lines"
        click.echo(f"  {result.error_count:,} {lines} refused:", err=True)
        for error in result.errors[:20]:
            click.echo(f"    {error}", err=True)
        if result.error_count > 20:
            click.echo(f"    ... and {result.error_count - 20:,} more", err=True)


@usage.command("report")
@click.option("--since", default=None, help="First day to include (YYYY-MM-DD).")
@click.option("--flag-factor", type=float, default=DEFAULT_FLAG_FACTOR, show_default=True,
              help="Flag a task whose actual cost exceeds its estimate by more than this.")
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
def report_cmd(since: str | None, flag_factor: float, db_path: Path | None,
               as_json: bool) -> None:
    """Estimate against actual, per task and per model; the ten costliest tasks.

    Example: council usage report --since 2026-11-01 --json
    """
    from council.usage.report import build_report

    db, catalog = _open(db_path)
    report = build_report(db, catalog, since=since, flag_factor=flag_factor)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, sort_keys=True))
        return
    if not report.total.records and since:  # usage there is, only none that recent
        from council.usage.store import record_count

        imported = record_count(db)
        if imported:
            click.echo(f"None of the {imported:,} imported records is from {since} or later: "
                       "give an earlier --since.")
            return
    click.echo(_text(report))
    from council.usage.shutdowns import shutdown_notes

    for note in shutdown_notes(report, catalog, date.today()):
        click.echo(f"note: {note.text}")


def _money(value: float | None) -> str:
    """Four decimals under $100 (usage costs are small), the sign before the dollar: -$0.0042."""
    if value is None:
        return "n/a"
    sign = "-" if value < 0 else ""
    return sign + (f"${abs(value):,.4f}" if abs(value) < 100 else f"${abs(value):,.2f}")


def _text(report: Any) -> str:
    if not report.total.records:
        return "No usage imported yet: `council usage import FILE`."
    lines = [f"{report.first_day} .. {report.last_day} ({report.days} days): "
             f"{_money(report.total_usd)}, {_money(report.per_month)} a month"]
    if report.repriced:
        records = "record" if report.repriced == 1 else "records"
        lines.append(f"({report.repriced:,} {records} re-priced with catalog "
                     f"{report.catalog_version}: a price or a model changed since they were "
                     "last priced)")
    lines.append("\nBy model:")
    for name, row in sorted(report.by_model.items(), key=lambda kv: -kv[1].totals.usd):
        t = row.totals
        calls = f"{t.calls:>9,} calls" if t.calls else "  (calls not counted)"
        spent = _money(t.usd) if t.records > t.unpriced_records else "unpriced"
        lines.append(f"  {name:32} {calls}  {spent:>12}"
                     + ("" if row.known else "  (not in the catalog)"))
    lines.append("\nCostliest tasks (actual / estimate):")
    for row in report.costliest:
        est, ratio = row.estimate_usd, row.ratio
        flag = {"over": "  << over estimate",
                "under": "  << under estimate"}.get(row.off_by(report.flag_factor) or "", "")
        t = row.totals
        spent = _money(t.usd) if t.records > t.unpriced_records else "unpriced"
        unpriced = (f"  ({t.unpriced_records:,} of {t.records:,} records unpriced: at least "
                    "this)" if t.unpriced_records and t.records > t.unpriced_records else "")
        lines.append(f"  {row.task[:40]:40} {spent:>12} / {_money(est):>12}"
                     + (f"  x{ratio:.2f}" if ratio is not None else "") + flag + unpriced)
    if report.unattributed.records:
        u = report.unattributed
        lines.append(f"  {'(no task attribute)':40} {_money(u.usd):>12}"
                     + (f"  ({u.records:,} records, {u.unpriced_records:,} unpriced)"
                        if u.unpriced_records else ""))
    if report.unknown_models:
        lines.append("\nModels the catalog does not know (kept, unpriced): "
                     + ", ".join(f"{u.name} ({u.records:,} records)"
                                 for u in report.unknown_models))
    return "\n".join(lines)


@usage.command("link")
@click.argument("task")
@click.argument("share_id")
@_DB
def link_cmd(task: str, share_id: str, db_path: Path | None) -> None:
    """Check TASK's actual cost against the recommendation with SHARE_ID.

    Example: council usage link ticket-triage aB3dE5gH9k
    """
    from council.usage.store import link_task

    db, _ = _open(db_path)
    link_task(db, task, share_id)
    click.echo(f"{task} -> {share_id}")


@usage.command("whatif")
@click.argument("task")
@click.option("--model", "model_id", default=None,
              help="Model to re-price on (default: the linked recommendation's pick).")
@click.option("--days", type=int, default=30, show_default=True, help="How many last days.")
@click.option("--prefix-share", type=float, default=None,
              help="Share of each prompt that caching would serve (default: the linked "
                   "recommendation's, else the observed hit rate).")
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def whatif_cmd(task: str, model_id: str | None, days: int, prefix_share: float | None,
               db_path: Path | None, as_json: bool) -> None:
    """Re-price the last days of TASK on the recommended model, with caching and batch.

    Example: council usage whatif pr-review-agent --model claude-haiku-4-5 --days 30
    """
    from council.usage.whatif import what_if

    db, catalog = _open(db_path)
    result = what_if(db, catalog, task, model_id=model_id, days=days,
                     prefix_share=prefix_share)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    click.echo(f"{task}: {result.since} .. {result.until}, {result.records:,} records, "
               f"{result.calls:,} calls; caching serves {result.prefix_share:.0%} of each "
               f"prompt (from {result.prefix_source})")
    for v in result.variants:
        click.echo(f"  {v.name:28} {_money(v.usd):>12}  {_money(v.per_month):>12}/month  "
                   f"saves {_money(v.saving)}" + "".join(f"\n    note: {n}" for n in v.notes))
    if result.unpriced_records:
        click.echo(f"  ({result.unpriced_records:,} records on models the catalog does not "
                   "know are left out)")


@usage.command("learned")
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print the learned defaults as JSON.")
def learned_cmd(db_path: Path | None, as_json: bool) -> None:
    """The workload defaults refitted from the team's usage (what recommendations now use).

    Example: council usage learned --json
    """
    from council.usage.learn import learned_defaults

    db, catalog = _open(db_path)
    rows = learned_defaults(db, catalog).rows()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("Nothing learned yet: link tasks to recommendations (`council usage link`).")
    for r in rows:
        click.echo(f"  {r['category']:18} {r['number']:15} observed {r['observed']:>10.2f}  "
                   f"default {r['built-in default']:>9.2f}  used {r['used']:>10.2f}  "
                   f"(weight {r['weight']:.2f}, {r['runs']} runs, {r['calls']} calls)")
