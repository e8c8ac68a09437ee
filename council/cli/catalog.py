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
    from council.assembly import open_database
    from council.catalog.store import CatalogStore, init_catalog

    where = paths()
    db = open_database(db_path)
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
@click.option("--service-tier", type=click.Choice(["standard", "flex", "priority"]),
              default="standard", help="OpenAI flex/priority, Gemini priority.")
@click.option("--at", "at", type=click.DateTime(formats=["%Y-%m-%dT%H:%M"]), default=None,
              help="Request time in UTC (YYYY-MM-DDTHH:MM), for peak-hour rates (DeepSeek).")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Price on this date (YYYY-MM-DD); default: the newest price.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def price(model: str, input_tokens: int, cache_read_tokens: int, cache_write_tokens: int,
          cache_write_1h_tokens: int, output_tokens: int, reasoning_tokens: int, batch: bool,
          service_tier: str, at: Any, on: Any, as_json: bool, db_path: Path | None) -> None:
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
    from datetime import UTC

    result = price_usage(entry, usage, batch=batch, on=on.date() if on else None,
                         service_tier=service_tier,
                         at=at.replace(tzinfo=UTC) if at else None)
    from council.catalog.availability import price_note

    note = price_note(entry, date.today())
    if as_json:
        _echo_json({"usd": result.total, **result.to_dict(), "notes": [note] if note else []})
        return
    click.echo(f"{entry.name} ({entry.id}), {'batch' if batch else 'real-time'}, "
               f"{result.service_tier} tier{', peak-hour rates' if result.peak else ''}, "
               f"price of {result.price_effective_from}")
    for part in ("input", "cache_read", "cache_write_5m", "cache_write_1h", "output", "reasoning"):
        amount = getattr(result, part)
        if amount:
            click.echo(f"  {part:<15} ${amount:>12.6f}  at ${result.rates[part]:g}/Mtok")
    if result.tier_threshold:
        click.echo(f"  long-context tier: prompt over {result.tier_threshold:,} tokens")
    click.echo(f"  {'total':<15} ${result.total:>12.6f}")
    if note:
        click.echo(f"note: {note}")


@click.group()
def catalog() -> None:
    """Browse, edit and import the model catalog.

    Example: council catalog list --json
    """


def _summary(entry: Any, today: date) -> dict[str, Any]:
    current = entry.price_in_force(today)  # a later row is announced, not in force
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


CAPABILITIES = {"tools": "tools", "json": "structured_output", "reasoning": "reasoning"}


def _flags_entry(options: dict[str, Any]) -> dict[str, Any]:
    """A new model's catalog fields from `council catalog add`'s options (None: not given)."""
    row = {"effective_from": options["price_from"], "source": options["price_source"],
           "input": options["input_price"], "output": options["output_price"],
           "cache_read": options["cache_read_price"],
           "cache_write_5m": options["cache_write_price"],
           "batch_discount": options["batch_discount"]}
    raw: dict[str, Any] = {
        "id": options["model_id"], "provider": options["provider"],
        "api_id": options["api_id"], "name": options["name"],
        "release_date": options["release_date"],
        "context_window": options["context_window"], "max_output": options["max_output"],
        "input_modalities": list(options["modalities"]) or None,
        "prices": ([{k: v for k, v in row.items() if v is not None}]
                   if options["input_price"] is not None or options["output_price"] is not None
                   else []),
        **{CAPABILITIES[c]: True for c in options["capabilities"]},
    }
    quality: dict[str, Any] = {}
    for item in options["quality"]:
        skill, sep, level = item.partition("=")
        try:
            quality[skill.strip()] = float(level) if sep else None
        except ValueError:
            raise click.UsageError(f"--quality {item!r}: give SKILL=LEVEL, e.g. coding=3.8") \
                from None
        if not sep:
            raise click.UsageError(f"--quality {item!r}: give SKILL=LEVEL, e.g. coding=3.8")
    if quality:
        raw["quality"] = quality
    return {k: v for k, v in raw.items() if v is not None}


@catalog.command("add")
@click.option("--file", "file_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="YAML in the catalog's own schema: one model, or a provider "
                                 "file's models: list (instead of the options below).")
@click.option("--provider", default=None, help="Who bills you, e.g. moonshotai.")
@click.option("--api-id", default=None, help="What you send to the provider's API.")
@click.option("--id", "model_id", default=None, help="Our id (default: from the API id).")
@click.option("--name", default=None, help="The model's name, e.g. 'Kimi K2 Thinking'.")
@click.option("--release-date", default=None, help="YYYY-MM-DD.")
@click.option("--context-window", type=int, default=None, help="Tokens.")
@click.option("--max-output", type=int, default=None, help="Tokens.")
@click.option("--modality", "modalities", multiple=True,
              type=click.Choice(["text", "image", "audio", "video", "pdf"]),
              help="An input modality (repeat; default text).")
@click.option("--capability", "capabilities", multiple=True,
              type=click.Choice(sorted(CAPABILITIES)), help="tools, json or reasoning (repeat).")
@click.option("--input-price", type=float, default=None, help="USD per million input tokens.")
@click.option("--output-price", type=float, default=None, help="USD per million output tokens.")
@click.option("--cache-read-price", type=float, default=None, help="USD per million cached.")
@click.option("--cache-write-price", type=float, default=None,
              help="USD per million tokens written to a 5-minute cache.")
@click.option("--batch-discount", type=float, default=None, help="Fraction off, e.g. 0.5.")
@click.option("--price-from", default=None,
              help="The price's first day, YYYY-MM-DD (default: the release date, else today).")
@click.option("--price-source", default=None, help="Link to the page that gives the price.")
@click.option("--quality", multiple=True,
              help="SKILL=LEVEL on the 1-5 scale (repeat); skills left out get the catalog's "
                   "price-tier estimate, marked as an estimate.")
@click.option("--quality-evidence", default=None, help="Link to what the levels rest on.")
@click.option("--editor", required=True, help=f"Editor name; password from ${PASSWORD_ENV}.")
@click.option("--reason", required=True, help="Why the model is added (kept in the audit log).")
@click.option("--evidence", default=None, help="Link to the model's launch or pricing page.")
@click.option("--json", "as_json", is_flag=True, help="Print the audit entries as JSON.")
@db_option
def add(file_path: Path | None, editor: str, reason: str, evidence: str | None, as_json: bool,
        db_path: Path | None, quality_evidence: str | None, **options: Any) -> None:
    """Add a model the catalog lacks; audited (who, when, why, evidence); a revert removes it.

    Skills without a level get the catalog's price-tier estimate, marked as an estimate, and
    the recommendation says so.

    Example: COUNCIL_EDITOR_PASSWORD=... council catalog add --provider moonshotai
    --api-id kimi-k2-thinking --name "Kimi K2 Thinking" --context-window 262144
    --max-output 262144 --capability tools --capability reasoning --input-price 0.6
    --output-price 2.5 --cache-read-price 0.15 --price-from 2025-11-06
    --price-source https://platform.moonshot.ai/docs/pricing --editor alice
    --reason "launched 2025-11-06"   (or: council catalog add --file kimi.yaml ...)
    """
    import yaml

    from council.catalog.addition import entries_in, new_entry
    from council.errors import InvalidInput

    given = [k for k, v in options.items() if v not in (None, ())]
    if file_path is not None:
        if given:
            raise click.UsageError(f"give --file or the model's options, not both "
                                   f"(also given: {', '.join(sorted(given))})")
        try:
            document = yaml.safe_load(file_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"{file_path}: cannot read: {exc}") from None
        except yaml.YAMLError as exc:
            raise InvalidInput(f"{file_path}: not valid YAML: {exc}") from None
        raws = entries_in(document)
    else:
        raws = [_flags_entry(options)]
    who = _editor(editor)
    store = _store(db_path)
    today = date.today()
    entries = [new_entry(raw, editor=who.name, today=today, quality_evidence=quality_evidence)
               for raw in raws]  # every model checked before any is added
    done = [store.add_model(entry, editor=who, reason=reason, evidence_url=evidence)
            for entry in entries]
    if as_json:
        _echo_json([d.to_dict() for d in done])
        return
    for d, entry in zip(done, entries, strict=True):
        estimated = sum(1 for q in entry.quality.values() if q.estimated)
        click.echo(f"#{d.id} added {entry.id} ({entry.name}, {entry.provider}); "
                   f"{estimated} of {len(entry.quality)} skill levels are estimates "
                   f"(revert #{d.id} removes it)")


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
        change = (f"{e.field}: {e.old!r} -> {e.new!r}" if e.field != "*" else
                  "model added" if e.old is None and e.editor != "catalog-files" else
                  "model removed" if e.new is None and e.editor != "catalog-files" else
                  "files reloaded")
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
@click.option("--reject", multiple=True,
              help="Reject this change (MODEL:FIELD): audited, not proposed again while the "
                   "sources offer the same value.")
@click.option("--editor", default=None, help=f"Editor applying it; password from ${PASSWORD_ENV}.")
@click.option("--reason", default=None,
              help="Why (kept in the audit log) when applying or rejecting.")
@click.option("--json", "as_json", is_flag=True, help="Print the change set as JSON.")
@db_option
def import_cmd(sources: tuple[str, ...], paths_given: tuple[str, ...], accept: tuple[str, ...],
               apply_all: bool, reject: tuple[str, ...], editor: str | None,
               reason: str | None, as_json: bool, db_path: Path | None) -> None:
    """Compare the catalog with public sources; show the diff, optionally apply reviewed parts.

    Nothing is applied unless you name changes (--accept) or ask for every unflagged one
    (--apply-all); fields where sources disagree or a person edited are flagged.

    Example: council catalog import --source litellm --path model_prices_and_context_window.json
    --json
    """
    from council.catalog.review import apply_import, propose_import, reject_import

    store = _store(db_path)
    change_set = propose_import(store, _source_paths(sources, paths_given))
    applied = []
    if (accept or apply_all or reject) and (not editor or not reason):
        raise click.UsageError("applying or rejecting an import needs --editor and --reason")
    if reject:
        applied += reject_import(store, change_set, editor=_editor(editor), reason=reason,
                                 keys=list(reject))
    if accept or apply_all:
        applied += apply_import(store, change_set, editor=_editor(editor), reason=reason,
                                accept=list(accept), apply_all=apply_all)
    if as_json:
        _echo_json({**change_set.to_dict(), "applied": [a.to_dict() for a in applied]})
        return
    click.echo(change_set.render())
    for entry in applied:
        done = "rejected" if entry.rejected else "applied"
        click.echo(f"{done} #{entry.id} {entry.model_id}.{entry.field}")


@catalog.group("sync", invoke_without_command=True)
@click.option("--litellm", "litellm_path", type=click.Path(path_type=Path), default=None,
              help="LiteLLM's model_prices_and_context_window.json.")
@click.option("--modelsdev", "modelsdev_path", type=click.Path(path_type=Path), default=None,
              help="models.dev's api.json.")
@click.option("--json", "as_json", is_flag=True, help="Print the change set as JSON.")
@db_option
@click.pass_context
def sync(ctx: click.Context, litellm_path: Path | None, modelsdev_path: Path | None,
         as_json: bool, db_path: Path | None) -> None:
    """Propose a reviewable change set from genai-prices (installed) and the given files.

    Nothing is applied: review each change with `council catalog sync decide`. Changes
    rejected before are not proposed again until a source says something new.

    Example: council catalog sync --litellm model_prices_and_context_window.json
    --modelsdev api.json
    """
    if ctx.invoked_subcommand is not None:
        return
    from council.catalog.sync import run_sync

    change_set = run_sync(_store(db_path), litellm=litellm_path, modelsdev=modelsdev_path)
    if as_json:
        _echo_json(change_set.to_dict())
        return
    click.echo(change_set.render())


@sync.command("show")
@click.option("--set", "set_id", type=int, default=None, help="Change set id (default: newest).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def sync_show(set_id: int | None, as_json: bool, db_path: Path | None) -> None:
    """Show a stored change set with each change's status.

    Example: council catalog sync show --json
    """
    from council.catalog.sync import SyncStore

    change_set = SyncStore(_store(db_path)).get(set_id)
    if as_json:
        _echo_json(change_set.to_dict())
        return
    click.echo(change_set.render())


@sync.command("decide")
@click.argument("decision", type=click.Choice(["accept", "reject"]))
@click.argument("keys", nargs=-1, required=True)
@click.option("--set", "set_id", type=int, default=None, help="Change set id (default: newest).")
@click.option("--editor", required=True, help=f"Editor name; password from ${PASSWORD_ENV}.")
@click.option("--reason", required=True, help="Why (kept with the decision).")
@click.option("--use", "use_source", default=None,
              help="Where sources disagree: take this source's value.")
@click.option("--set-field", "overrides", multiple=True,
              help="For a new model: FIELD=VALUE (YAML) to set in its draft, e.g. "
                   "release_date=2026-10-20.")
@click.option("--json", "as_json", is_flag=True, help="Print the decisions as JSON.")
@db_option
def sync_decide(decision: str, keys: tuple[str, ...], set_id: int | None, editor: str,
                reason: str, use_source: str | None, overrides: tuple[str, ...], as_json: bool,
                db_path: Path | None) -> None:
    """Accept (apply, audited) or reject each KEY of a change set, with a reason.

    Example: council catalog sync decide accept gpt-5.4:prices@2026-03-05 --editor alice
    --reason "matches the provider page"
    """
    import yaml

    from council.catalog.sync import SyncStore

    who = _editor(editor)
    sync_store = SyncStore(_store(db_path))
    set_id = set_id if set_id is not None else sync_store.get().id
    fields: dict[str, Any] = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--set-field {item!r}: give FIELD=VALUE")
        fields[name] = yaml.safe_load(value)
    if fields.get("release_date") is not None:
        fields["release_date"] = str(fields["release_date"])
    done = [sync_store.decide(set_id, key, decision, editor=who, reason=reason,
                              use_source=use_source, overrides=fields) for key in keys]
    if as_json:
        _echo_json(done)
        return
    for d in done:
        extra = f", audit #{d['audit_id']}" if d["audit_id"] else ""
        click.echo(f"{d['decision']}ed {d['key']} (decision #{d['decision_id']}{extra})")


@catalog.command("export")
@click.option("--dir", "target", type=click.Path(path_type=Path), default=None,
              help="Directory of the provider YAML files (default: the bundled catalog).")
@db_option
def export(target: Path | None, db_path: Path | None) -> None:
    """Write the catalog in force back to the provider YAML files, for review as a diff.

    Example: council catalog export --dir models_catalog
    """
    from council.catalog.export import write_catalog
    from council.catalog.sync import SyncStore, write_rejections

    store = _store(db_path)
    directory = target or paths().catalog_dir
    written = write_catalog(store.current(), directory)
    written.append(write_rejections(SyncStore(store).rejections(), directory))
    for path in written:
        click.echo(f"wrote {path}")
