"""Review of imports: diff public sources against the catalog, then apply what a person accepts
and remember what they reject.

Fields a person edited by hand and fields where sources disagree are flagged and only applied
when named explicitly. Price changes start today as a new dated row. A rejection is an audit
entry (who, when, why, what the sources offered); the same offer is not proposed again.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from council.catalog.addition import new_entry
from council.catalog.diff import NEW_MODEL, Change, ChangeSet, check_guards, propose
from council.catalog.editors import Editor
from council.catalog.importers import ENTRY_FACTS, PRICE_FACTS, read_source
from council.catalog.schema import ModelEntry
from council.catalog.store import (
    FILES_EDITOR,
    AuditEntry,
    CatalogStore,
    _now,
    _write,
    check_note,
    insert_audit,
    set_price_from,
)
from council.catalog.sync import SyncStore
from council.errors import ConflictError, InvalidInput


def _curated_facts(store: CatalogStore) -> dict[str, set[str]]:
    """Fact keys (importer vocabulary) a person has edited by hand, per model."""
    curated: dict[str, set[str]] = {}
    for entry in store.audit_log():
        if entry.editor == FILES_EDITOR or entry.field == "*" or entry.rejected:
            continue
        top = entry.field.split(".")[0]
        keys: set[str] = set()
        if top in ("prices", "price"):
            keys = set(PRICE_FACTS)
        elif top == "input_modalities":
            keys = {"vision"}
        elif top in ENTRY_FACTS:
            keys = {top}
        curated.setdefault(entry.model_id, set()).update(keys)
    return curated


def propose_import(store: CatalogStore, sources: dict[str, Path | None]) -> ChangeSet:
    """Read each source, apply the guards, and diff against the current catalog."""
    catalog = store.current()
    read = []
    for kind, path in sources.items():
        facts = read_source(kind, catalog, path)
        previous = store._state(f"import_matched:{kind}")
        check_guards(facts, int(previous) if previous else None)
        read.append(facts)
    rejected = frozenset(key.removesuffix(":new") for key in SyncStore(store).rejected()
                         if key.endswith(":new"))
    return propose(catalog, read, _curated_facts(store), rejected, _rejected_offers(store))


def _rejected_offers(store: CatalogStore) -> frozenset[tuple[str, str, str]]:
    """(model, field, offer) of every import change an editor rejected."""
    rows = store.db.execute("SELECT model_id, field, rejected_offer FROM catalog_audit "
                            "WHERE rejected_offer IS NOT NULL").fetchall()
    return frozenset((m, f, o) for m, f, o in rows)


def reject_import(store: CatalogStore, change_set: ChangeSet, *, editor: Editor, reason: str,
                  keys: list[str] | tuple[str, ...]) -> list[AuditEntry]:
    """Reject proposed changes by key, with a reason: one audit entry each (the catalog
    unchanged), and the same offer from the sources is not proposed again. Until round 18 a
    rejected change came back on the next import."""
    editor.require_editor()
    if not reason or not reason.strip():
        raise InvalidInput("say why you are rejecting these changes (reason)")
    note = check_note(reason)
    changes = [change_set.get(key) for key in keys]  # InvalidInput naming an unknown key
    if not changes:
        raise InvalidInput("nothing to reject: name the changes")
    catalog = store.current()
    ids = []
    with _write(store.db) as conn:
        for change in changes:
            ids.append(insert_audit(
                conn, at=_now(), editor=editor.name, model_id=change.model_id,
                field=change.field, old=change.current, new=change.proposed, reason=note,
                evidence_url=change.source, revision=_revision(conn, change.model_id),
                version=catalog.version, rejected_offer=change.offered))
    return [store._audit_by_id(i) for i in ids]


def _revision(conn: sqlite3.Connection, model_id: str) -> int:
    """The model's revision now (0 for a model the catalog lacks): a rejection changes none."""
    row = conn.execute("SELECT revision FROM catalog_models WHERE id = ?", [model_id]).fetchone()
    return int(row[0]) if row else 0


def apply_import(store: CatalogStore, change_set: ChangeSet, *, editor: Editor, reason: str,
                 accept: list[str] | tuple[str, ...] = (), apply_all: bool = False,
                 today: date | None = None) -> list[AuditEntry]:
    """Apply reviewed changes: the keys in ``accept`` (``model:field``, or ``model:field=KIND``
    to pick one source where sources disagree) and, with ``apply_all``, every unflagged one.

    Price changes add a new dated price row (effective and verified ``today``); other fields
    change in place. Each is audited with the source as evidence.
    """
    editor.require_editor()
    if not reason or not reason.strip():
        raise InvalidInput("say why you are applying this import (reason)")
    if change_set.catalog_version != store.current_version:
        raise ConflictError(
            f"the catalog changed since this import was proposed (was {change_set.catalog_version},"
            f" now {store.current_version}); run the import again"
        )
    today = today or datetime.now(UTC).date()
    kinds = {s.kind: s.source for s in change_set.sources}
    chosen: dict[str, Change] = {}
    if apply_all:
        chosen.update({c.key: c for c in change_set.changes if not c.needs_person})
    for item in accept:
        key, _, kind = item.partition("=")
        change = change_set.get(key)
        if not change.applicable:
            raise InvalidInput(f"{key} cannot be applied from an import; edit the catalog files")
        if change.alternatives:
            if kind not in kinds or kinds[kind] not in change.alternatives:
                raise InvalidInput(
                    f"sources disagree on {key}; pick one with {key}=KIND, KIND one of "
                    f"{', '.join(k for k, s in kinds.items() if s in change.alternatives)}"
                )
            source = kinds[kind]
            change = Change(change.model_id, change.field, change.current,
                            change.alternatives[source], source, change.flags)
        chosen[key] = change
    if not chosen:
        raise InvalidInput("nothing to apply: name changes with --accept or use --apply-all")
    by_model: dict[str, list[Change]] = {}
    for change in chosen.values():
        by_model.setdefault(change.model_id, []).append(change)
    done: list[AuditEntry] = []
    note = reason.strip()
    for change in [c for c in chosen.values() if c.field == NEW_MODEL]:
        done.append(store.add_model(_new_entry(change, editor=editor, today=today),
                                    editor=editor, reason=f"import: {note}",
                                    evidence_url=change.source))
        del by_model[change.model_id]
    for model_id, changes in sorted(by_model.items()):
        price_changes = [c for c in changes if c.field.startswith("price.")]
        for change in changes:
            if change.field.startswith("price."):
                continue
            field, value = change.field, change.proposed
            if field == "vision":
                modalities = list(store.current().get(model_id).input_modalities)
                if value and "image" not in modalities:
                    modalities.append("image")
                if not value:
                    modalities = [m for m in modalities if m != "image"]
                field, value = "input_modalities", modalities
            done.append(store._apply_field(
                model_id, field, value, editor=editor, reason=f"import: {note}",
                evidence_url=change.source, expected_revision=store.revision(model_id)))
        if price_changes:
            data = store.current().get(model_id).model_dump(mode="json")
            source = "; ".join(sorted({c.source for c in price_changes}))
            set_price_from(
                data, {c.field.removeprefix("price."): c.proposed for c in price_changes},
                source=source, today=today,
            )
            done.append(store._apply_field(
                model_id, "prices", data["prices"], editor=editor, reason=f"import: {note}",
                evidence_url=source, expected_revision=store.revision(model_id)))
    with _write(store.db) as conn:
        for source in change_set.sources:
            store._set_state(conn, f"import_matched:{source.kind}", str(source.matched))
    return done


def _new_entry(change: Change, *, editor: Editor, today: date) -> ModelEntry:
    """A source's new model as a catalog entry: its price from today (the source gives no
    date), its limits and capabilities; levels the catalog's estimates (council.catalog.
    addition). A source without a max output names the field to give on *Add model*."""
    proposed = change.proposed
    facts = proposed["facts"]
    if not facts.get("max_output"):
        raise InvalidInput(f"{change.key}: {change.source} gives no max output for "
                           f"{proposed['api_id']}; add it on Add model (or `council catalog "
                           "add`) with the provider's figure")
    row = {name: facts[f"price.{name}"] for name in ("input", "output", "cache_read",
                                                      "cache_write_5m", "cache_write_1h",
                                                      "batch_discount")
           if facts.get(f"price.{name}") is not None}
    raw: dict[str, Any] = {
        "id": change.model_id, "provider": proposed["provider"], "api_id": proposed["api_id"],
        "name": proposed.get("name") or proposed["api_id"],
        "context_window": facts["context_window"], "max_output": facts["max_output"],
        "input_modalities": ["text", "image"] if facts.get("vision") else ["text"],
        **{k: bool(facts[k]) for k in ("tools", "structured_output", "reasoning")
           if facts.get(k) is not None},
        "prices": [{**row, "effective_from": today.isoformat(),
                    "source": f"{change.source} (imported {today.isoformat()}; the source "
                              "gives no first day)"}],
        "notes": f"added from {change.source} by import review; check the limits and "
                 "capabilities against the provider's page",
    }
    return new_entry(raw, editor=editor.name, today=today)
