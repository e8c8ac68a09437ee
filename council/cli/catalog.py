"""`council price` and `council catalog ...`: the catalog and pricing from a terminal."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import click

from council.config import paths

PASSWORD_ENV = "COUNCIL_EDITOR_PASSWORD"


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(price)
    cli.add_command(catalog)


def _store(db_path: Path | None) -> Any:
    from council.catalog.store import CatalogStore, init_catalog
    from council.db import open_db

    where = paths()
    db = open_db(db_path or where.db)
    init_catalog(db, where.catalog_dir)
    store = CatalogStore(db)
    if store.last_error:
        click.echo(f"Warning: catalog files not loaded, serving the last good catalog: "
                   f"{store.last_error}", err=True)
    return store


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, sort_keys=False, default=str))


def _secrets() -> dict[str, Any]:
    from council.keys import secrets_file

    return secrets_file()


def _editor(name: str) -> Any:
    from council.catalog.editors import authenticate

    return authenticate(name, os.environ.get(PASSWORD_ENV), _secrets())


db_option = click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
                         help="SQLite file (default: $COUNCIL_DB or var/council.db).")


@click.command()
@click.argument("model")
@click.option("--input-tokens", type=click.IntRange(min=0), required=True,
              help="Fresh (uncached) prompt tokens.")
@click.option("--cache-read-tokens", type=click.IntRange(min=0), default=0,
              help="Prompt tokens read from the cache.")
@click.option("--cache-write-tokens", type=click.IntRange(min=0), default=0,
              help="Prompt tokens written to a 5-minute cache.")
@click.option("--cache-write-1h-tokens", type=click.IntRange(min=0), default=0,
              help="Prompt tokens written to a 1-hour cache.")
@click.option("--output-tokens", type=click.IntRange(min=0), default=0,
              help="Visible output tokens.")
@click.option("--reasoning-tokens", type=click.IntRange(min=0), default=0,
              help="Thinking tokens (billed at the output rate).")
@click.option("--batch", is_flag=True, help="Price through the provider's batch API.")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Price on this date (YYYY-MM-DD); default: the newest price.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def price(model: str, input_tokens: int, cache_read_tokens: int, cache_write_tokens: int,
          cache_write_1h_tokens: int, output_tokens: int, reasoning_tokens: int, batch: bool,
          on: Any, as_json: bool, db_path: Path | None) -> None:
    """Price one request of MODEL in USD, itemised.

    Example: council price claude-opus-4-7 --input-tokens 250000 --cache-read-tokens 40000
    --output-tokens 2000 --batch --json
    """
    from council.pricing import Usage, price_usage

    entry = _store(db_path).current().get(model)
    usage = Usage(input_tokens=input_tokens, cache_read_tokens=cache_read_tokens,
                  cache_write_5m_tokens=cache_write_tokens,
                  cache_write_1h_tokens=cache_write_1h_tokens, output_tokens=output_tokens,
                  reasoning_tokens=reasoning_tokens)
    result = price_usage(entry, usage, batch=batch, on=on.date() if on else None)
    if as_json:
        _echo_json({"usd": result.total, **result.to_dict()})
        return
    click.echo(f"{entry.name} ({entry.id}), {'batch' if batch else 'real-time'}, "
               f"price of {result.price_effective_from}")
    for part in ("input", "cache_read", "cache_write_5m", "cache_write_1h", "output", "reasoning"):
        amount = getattr(result, part)
        if amount:
            click.echo(f"  {part:<15} ${amount:>12.6f}  at ${result.rates[part]:g}/Mtok")
    if result.tier_threshold:
        click.echo(f"  long-context tier: prompt over {result.tier_threshold:,} tokens")
    click.echo(f"  {'total':<15} ${result.total:>12.6f}")


@click.group()
def catalog() -> None:
    """Browse, edit and import the model catalog.

    Example: council catalog list --json
    """


def _summary(entry: Any, today: date) -> dict[str, Any]:
    current = entry.price_on()
    return {
        "id": entry.id, "name": entry.name, "provider": entry.provider,
        "status": entry.status, "context_window": entry.context_window,
        "input": current.input, "output": current.output, "stale": entry.is_stale(today),
    }


@catalog.command("list")
@click.option("--provider", default=None, help="Only this provider.")
@click.option("--json", "as_json", is_flag=True, help="Print every model with all its fields.")
@db_option
def list_models(provider: str | None, as_json: bool, db_path: Path | None) -> None:
    """List the catalog's models.

    Example: council catalog list --provider anthropic --json
    """
    store = _store(db_path)
    current = store.current()
    models = [m for m in current.models if provider is None or m.provider == provider]
    today = date.today()
    if as_json:
        _echo_json({
            "version": current.version,
            "frontier_default": current.frontier_default.id,
            "models": [{**m.model_dump(mode="json"), "vision": m.vision,
                        "stale": m.is_stale(today), "revision": store.revision(m.id)}
                       for m in models],
        })
        return
    click.echo(f"catalog version {current.version}, {len(models)} models")
    for m in models:
        s = _summary(m, today)
        click.echo(f"{s['id']:<30} {s['provider']:<11} {s['status']:<10} "
                   f"{s['context_window']:>9,} ctx  ${s['input']:g} in / ${s['output']:g} out"
                   f"{'  STALE' if s['stale'] else ''}")


@catalog.command("show")
@click.argument("model")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def show(model: str, as_json: bool, db_path: Path | None) -> None:
    """Show every field of one model, with its revision and price history.

    Example: council catalog show claude-opus-4-7
    """
    store = _store(db_path)
    entry = store.current().get(model)
    data = {**entry.model_dump(mode="json"), "vision": entry.vision,
            "revision": store.revision(entry.id), "stale": entry.is_stale(date.today())}
    if as_json:
        _echo_json(data)
        return
    click.echo(json.dumps(data, indent=2, default=str))


@catalog.command("edit")
@click.argument("model")
@click.argument("field")
@click.argument("value")
@click.option("--editor", required=True, help=f"Editor name; password from ${PASSWORD_ENV}.")
@click.option("--reason", required=True, help="Why the value changes (kept in the audit log).")
@click.option("--evidence", default=None, help="Link to the source of the new value.")
@click.option("--expected-revision", type=int, default=None,
              help="Fail if the model changed since this revision (default: current).")
@click.option("--json", "as_json", is_flag=True, help="Print the audit entry as JSON.")
@db_option
def edit(model: str, field: str, value: str, editor: str, reason: str, evidence: str | None,
         expected_revision: int | None, as_json: bool, db_path: Path | None) -> None:
    """Change one FIELD of MODEL (dotted path); VALUE is parsed as YAML (3.5, true, [a, b]).

    Example: COUNCIL_EDITOR_PASSWORD=... council catalog edit gpt-5 prices.0.input 1.25
    --editor alice --reason "price cut" --evidence https://openai.com/api/pricing
    """
    import yaml

    who = _editor(editor)
    store = _store(db_path)
    revision = expected_revision if expected_revision is not None else store.revision(model)
    entry = store.update_field(model, field, yaml.safe_load(value), editor=who, reason=reason,
                               evidence_url=evidence, expected_revision=revision)
    if as_json:
        _echo_json(entry.to_dict())
        return
    click.echo(f"#{entry.id} {entry.model_id}.{entry.field}: {entry.old!r} -> {entry.new!r} "
               f"(revision {entry.revision}, catalog {entry.version})")


@catalog.command("log")
@click.option("--model", default=None, help="Only this model.")
@click.option("--limit", type=click.IntRange(min=1), default=50, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def log(model: str | None, limit: int, as_json: bool, db_path: Path | None) -> None:
    """Show the audit log, newest first.

    Example: council catalog log --model gpt-5 --json
    """
    entries = _store(db_path).audit_log(model, limit=limit)
    if as_json:
        _echo_json([e.to_dict() for e in entries])
        return
    for e in entries:
        change = "files reloaded" if e.field == "*" else f"{e.field}: {e.old!r} -> {e.new!r}"
        click.echo(f"#{e.id} {e.at} {e.editor} {e.model_id} {change} ({e.reason})")


@catalog.command("revert")
@click.argument("audit_id", type=int)
@click.option("--editor", required=True, help=f"Editor name; password from ${PASSWORD_ENV}.")
@click.option("--reason", required=True, help="Why the change is undone.")
@click.option("--json", "as_json", is_flag=True, help="Print the new audit entry as JSON.")
@db_option
def revert(audit_id: int, editor: str, reason: str, as_json: bool, db_path: Path | None) -> None:
    """Undo one audited change (the undo is itself audited).

    Example: council catalog revert 12 --editor alice --reason "wrong model"
    """
    entry = _store(db_path).revert(audit_id, editor=_editor(editor), reason=reason)
    if as_json:
        _echo_json(entry.to_dict())
        return
    click.echo(f"#{entry.id} reverted #{audit_id}: {entry.model_id}.{entry.field} = {entry.new!r}")


@catalog.command("versions")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def versions(as_json: bool, db_path: Path | None) -> None:
    """List every stored catalog version (a recommendation names the one it used).

    Example: council catalog versions --json
    """
    store = _store(db_path)
    rows = [{**v, "current": v["version"] == store.current_version} for v in store.versions()]
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        mark = "*" if row["current"] else " "
        click.echo(f"{mark} {row['version']}  {row['created_at']}  {row['origin']}")


@catalog.command("hash-password")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="The password to hash (prompted if omitted).")
def hash_password_cmd(password: str) -> None:
    """Print a hash to put under [catalog.editors] in .streamlit/secrets.toml.

    Example: council catalog hash-password
    """
    from council.catalog.editors import hash_password

    click.echo(hash_password(password))


def _source_paths(sources: tuple[str, ...], paths_given: tuple[str, ...]) -> dict[str, Path | None]:
    """--source KIND (repeatable) with --path P, or --path KIND=P when several need paths."""
    chosen: dict[str, Path | None] = {kind: None for kind in sources}
    for item in paths_given:
        kind, sep, where = item.partition("=")
        if sep and kind in chosen:
            chosen[kind] = Path(where)
            continue
        needing = [k for k in sources if k != "genai-prices"]
        if len(needing) != 1:
            raise click.UsageError("with several sources, give --path KIND=PATH")
        chosen[needing[0]] = Path(item)
    return chosen


@catalog.command("import")
@click.option("--source", "sources", multiple=True, required=True,
              type=click.Choice(["genai-prices", "litellm", "modelsdev"]),
              help="Where to read from; repeat to compare sources.")
@click.option("--path", "paths_given", multiple=True,
              help="LiteLLM JSON or models.dev SQLite file (KIND=PATH with several sources).")
@click.option("--accept", multiple=True,
              help="Apply this change: MODEL:FIELD, or MODEL:FIELD=KIND where sources disagree.")
@click.option("--apply-all", is_flag=True, help="Apply every change no person needs to decide.")
@click.option("--editor", default=None, help=f"Editor applying it; password from ${PASSWORD_ENV}.")
@click.option("--reason", default=None, help="Why (kept in the audit log) when applying.")
@click.option("--json", "as_json", is_flag=True, help="Print the change set as JSON.")
@db_option
def import_cmd(sources: tuple[str, ...], paths_given: tuple[str, ...], accept: tuple[str, ...],
               apply_all: bool, editor: str | None, reason: str | None, as_json: bool,
               db_path: Path | None) -> None:
    """Compare the catalog with public sources; show the diff, optionally apply reviewed parts.

    Nothing is applied unless you name changes (--accept) or ask for every unflagged one
    (--apply-all); fields where sources disagree or a person edited are flagged.

    Example: council catalog import --source litellm --path model_prices_and_context_window.json
    --json
    """
    store = _store(db_path)
    change_set = store.propose_import(_source_paths(sources, paths_given))
    applied = []
    if accept or apply_all:
        if not editor or not reason:
            raise click.UsageError("applying an import needs --editor and --reason")
        applied = store.apply_import(change_set, editor=_editor(editor), reason=reason,
                                     accept=list(accept), apply_all=apply_all)
    if as_json:
        _echo_json({**change_set.to_dict(), "applied": [a.to_dict() for a in applied]})
        return
    click.echo(change_set.render())
    for entry in applied:
        click.echo(f"applied #{entry.id} {entry.model_id}.{entry.field}")
