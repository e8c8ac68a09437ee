"""`council catalog sync`: public sources -> a stored change set an editor reviews change by change.

``propose`` compares what the sources say (council.catalog.sources) with the catalog and
returns proposals: new models, dated price rows, shutdown dates and deprecations, changed
limits. ``SyncStore`` keeps change sets in SQLite; ``decide`` accepts (applies, audited in
catalog_audit) or rejects one change with a reason, every decision appended to
catalog_sync_decisions. A rejection is remembered by the change's fingerprint (what the sources
say), so the same proposal is not made again until a source changes. Two editors deciding the
same change: the second gets ConflictError naming the first; different changes never clash.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import ValidationError

from council.catalog.addition import model_id_for
from council.catalog.editors import Editor
from council.catalog.loader import REJECTIONS_FILE
from council.catalog.model import Catalog
from council.catalog.names import source_names
from council.catalog.placeholder import placeholder_score
from council.catalog.schema import ModelEntry
from council.catalog.sources import DISCOVER, Offer, genai_model_id
from council.catalog.store import CatalogStore, _write, insert_audit
from council.db import Migrations, register
from council.errors import ConflictError, InvalidInput, NotFound

# A new price this many times above or below the one in force is a data-entry mistake.
PRICE_JUMP = 100.0
RATE_FIELDS = ("input", "output", "cache_read", "cache_write_5m", "cache_write_1h")
ROW_FIELDS = (*RATE_FIELDS, "batch_discount", "batch_cache_read", "tiers", "service_tiers",
              "peak")
LIMIT_FIELDS = ("context_window", "max_output", "max_input")


MIGRATIONS = register(Migrations("council.catalog.sync"))


@MIGRATIONS("catalog-sync-001-sets-changes-decisions")
def _m001_sync(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE catalog_sync_sets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            catalog_version TEXT NOT NULL,
            sources TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE catalog_sync_changes (
            set_id INTEGER NOT NULL REFERENCES catalog_sync_sets(id),
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            model_id TEXT NOT NULL,
            field TEXT NOT NULL,
            current TEXT,
            proposed TEXT,
            sources TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            decided_by TEXT,
            decided_at TEXT,
            reason TEXT,
            PRIMARY KEY (set_id, key)
        )""")
    db.execute("""
        CREATE TABLE catalog_sync_decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            editor TEXT NOT NULL,
            set_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            decision TEXT NOT NULL,
            reason TEXT NOT NULL,
            value TEXT,
            audit_id INTEGER
        )""")
    db.execute("CREATE INDEX catalog_sync_decisions_key ON catalog_sync_decisions(key, id)")




def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()
                if k not in ("verified", "source", "notes", "quality")}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def fingerprint(key: str, proposed: Any) -> str:
    text = json.dumps([key, _stable(proposed)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Proposal:
    """One reviewable change. ``sources`` shows every source's value side by side."""

    key: str
    kind: str
    model_id: str
    field: str
    current: Any
    proposed: Any
    sources: dict[str, Any] = field(default_factory=dict)
    status: str = "open"
    decided_by: str | None = None
    decided_at: str | None = None
    reason: str | None = None

    @property
    def fingerprint(self) -> str:
        """What is proposed (without check dates): a rejection holds until this changes.

        A new model is identified by its price rows, which only genai-prices gives, so the
        files given alongside (which fill limits) do not revive a rejected model.
        """
        if self.kind == "new-model" and isinstance(self.proposed, dict):
            return fingerprint(self.key, self.proposed.get("prices"))
        return fingerprint(self.key, self.proposed)

    @property
    def disagree(self) -> bool:
        values = [json.dumps(v, sort_keys=True, default=str) for v in self.sources.values()]
        return len(set(values)) > 1

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "model_id": self.model_id,
                "field": self.field, "current": self.current, "proposed": self.proposed,
                "sources": self.sources, "sources_disagree": self.disagree,
                "status": self.status, "decided_by": self.decided_by,
                "decided_at": self.decided_at, "reason": self.reason,
                "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class ChangeSet:
    id: int
    created_at: str
    catalog_version: str
    sources: tuple[str, ...]
    changes: tuple[Proposal, ...]

    @property
    def open(self) -> tuple[Proposal, ...]:
        return tuple(c for c in self.changes if c.status == "open")

    def get(self, key: str) -> Proposal:
        for change in self.changes:
            if change.key == key:
                return change
        raise NotFound(f"change set #{self.id} has no change {key!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at,
                "catalog_version": self.catalog_version, "sources": list(self.sources),
                "changes": [c.to_dict() for c in self.changes],
                "open": len(self.open)}

    def render(self) -> str:
        """A reviewable text diff: one block per change, sources side by side."""
        lines = [f"change set #{self.id} against catalog {self.catalog_version} "
                 f"({len(self.open)} open of {len(self.changes)}); sources: "
                 + ", ".join(self.sources)]
        for c in self.changes:
            mark = "" if c.status == "open" else f"  [{c.status} by {c.decided_by}: {c.reason}]"
            lines.append(f"@@ {c.key} ({c.kind}){mark}")
            if c.kind == "new-model":
                entry = c.proposed
                row = (entry.get("prices") or [{}])[-1]
                lines.append(f"+ {entry.get('name')} ({entry.get('provider')}), window "
                             f"{entry.get('context_window')}, ${row.get('input')} in / "
                             f"${row.get('output')} out, from "
                             f"{(entry.get('prices') or [{}])[0].get('effective_from')}")
                continue
            lines.append(f"- {_short(c.current)}")
            lines.append(f"+ {_short(c.proposed)}")
            if c.disagree or len(c.sources) > 1:
                for source, value in c.sources.items():
                    lines.append(f"    {source}: {_short(value)}")
        if not self.changes:
            lines.append("no differences: the catalog agrees with every source "
                         "(or the differences were rejected before, with reasons)")
        return "\n".join(lines)


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= 300 else text[:297] + "..."


# ---- proposing ----------------------------------------------------------------------------
def _row_rates(row: dict[str, Any]) -> dict[str, Any]:
    """The comparable part of a price row (everything but dates, source and notes)."""
    return {k: row.get(k) for k in ROW_FIELDS if row.get(k) not in (None, [], {}, ())}


def _same_rates(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return json.dumps(_normal(a), sort_keys=True) == json.dumps(_normal(b), sort_keys=True)


def _normal(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v not in (None, [], {}, ())}
    if isinstance(value, (list, tuple)):
        return [_normal(v) for v in value]
    return value


def _row_in_force(entry: ModelEntry, day: date) -> dict[str, Any] | None:
    rows = [p for p in entry.prices if p.effective_from <= day]
    if not rows:
        return None
    return max(rows, key=lambda p: p.effective_from).model_dump(mode="json")


def _draft(offer: Offer, others: list[Offer], today: date) -> dict[str, Any]:
    """A new catalog entry from genai-prices' offer and what the other sources add.

    Quality levels are placeholders marked as estimates with no measurement behind them; the
    evidence step replaces them.
    """
    from council.categories import SKILLS

    facts: dict[str, Any] = {}
    for other in others:  # later sources fill only what earlier ones left out
        for name, value in other.facts.items():
            facts.setdefault(name, value)
    facts.update(offer.facts)
    release = facts.get("release_date")
    rows = []
    for row in offer.rows:
        effective = row["effective_from"] or release
        rows.append({**row, "effective_from": effective,
                     "source": f"{offer.source} data (verified = checked against that package "
                               "on this date, not against the provider page)",
                     "verified": today.isoformat(),
                     "notes": None if row["effective_from"] else
                     "first date: the model's release date (the source gives no date)"})
    newest = rows[-1] if rows else {}
    window = int(facts.get("context_window") or 0)
    max_output = facts.get("max_output") or min(window, 32_000)
    in_force = max((r for r in rows if r["effective_from"]
                    and r["effective_from"] <= today.isoformat()),
                   key=lambda r: r["effective_from"], default=newest)
    quality = {skill: placeholder_score(in_force, today) for skill in SKILLS}
    max_input = facts.get("max_input")
    return {
        "id": model_id_for(offer.model), "provider": offer.provider,
        "creator": offer.provider, "api_id": offer.model, "aliases": [],
        "name": offer.name or offer.model, "status": "active", "release_date": release,
        "deprecation_date": None, "context_window": window, "max_output": int(max_output),
        **({"max_input": max_input} if max_input and max_input < window else {}),
        "input_modalities": ["text"], "output_modalities": ["text"], "tools": True,
        "structured_output": False, "reasoning": False, "reasoning_efforts": [],
        "prompt_caching": newest.get("cache_read") is not None,
        "batch_api": newest.get("batch_discount") is not None,
        "tokenizer": offer.provider, "token_ratio": 1.0, "prices": rows,
        "quality": quality,
        "notes": "added by council catalog sync; capabilities default to text-only with tools "
                 "until reviewed",
    }


def _used_names(catalog: Catalog) -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in catalog.models:
        for name in (entry.id, entry.api_id, *entry.aliases):
            names.setdefault(name.lower(), entry.id)
    return names


def propose(catalog: Catalog, offers: Iterable[Offer], today: date) -> list[Proposal]:
    """Every difference between the sources and the catalog, as reviewable proposals.

    Raises InvalidInput naming the source file and field when a price is 100x off the one in
    force, or a new model's id collides with an existing model's id, API id or alias.
    """
    offers = list(offers)
    by_kind: dict[str, list[Offer]] = {}
    for offer in offers:
        by_kind.setdefault(offer.kind, []).append(offer)
    genai = by_kind.get("genai-prices", [])
    others = [o for kind in ("modelsdev", "litellm") for o in by_kind.get(kind, [])]
    other_index: dict[tuple[str, str], list[Offer]] = {}
    for offer in others:
        other_index.setdefault((offer.provider, offer.model.lower()), []).append(offer)
    matched: dict[tuple[str, str], str] = {}  # (provider, genai id) -> our id
    for entry in catalog.models:
        found = genai_model_id(entry.provider, entry.api_id)
        if found is not None:
            matched.setdefault((entry.provider, found), entry.id)
    proposals: list[Proposal] = []
    names = _used_names(catalog)
    for offer in genai:
        our_id = matched.get((offer.provider, offer.model))
        if our_id is None:
            if offer.provider not in DISCOVER or not offer.text_model or offer.deprecated:
                continue
            draft = _draft(offer, other_index.get((offer.provider, offer.model.lower()), []),
                           today)
            known = [names[n.lower()] for n in (draft["id"], draft["api_id"])
                     if n.lower() in names]
            if any(catalog.get(k).provider == offer.provider for k in known):
                continue  # the catalog already carries it under an alias
            for name in (draft["id"], draft["api_id"]):
                if name.lower() in names:
                    raise InvalidInput(
                        f"{offer.file}: provider {offer.provider} model {offer.model}, field "
                        f"id: {name!r} collides with the catalog's model "
                        f"{names[name.lower()]}; map it with an alias or rename it")
            proposals.append(Proposal(f"{draft['id']}:new", "new-model", draft["id"], "*",
                                      None, draft, {offer.source: draft["prices"]}))
            continue
        entry = catalog.get(our_id)
        proposals.extend(_price_proposals(entry, offer))
        if offer.deprecated and entry.status == "active":
            proposals.append(Proposal(f"{entry.id}:status", "deprecation", entry.id, "status",
                                      entry.status, "deprecated",
                                      {offer.source: "deprecated"}))
    proposals.extend(_field_proposals(catalog, offers, today))
    return sorted(proposals, key=lambda p: (p.model_id, p.key))


def _price_proposals(entry: ModelEntry, offer: Offer) -> list[Proposal]:
    out: dict[str, Proposal] = {}
    dated = any(r["effective_from"] is not None for r in offer.rows)
    for row in offer.rows:
        if row["effective_from"] is None and dated:
            continue  # the dated rows say it; an undated one only precedes them
        if row["effective_from"] is None:
            # Undated (the source gives no release date): compare with our row in force today,
            # and correct that row in place.
            day = entry.price_in_force(datetime.now(UTC).date()).effective_from
        else:
            day = date.fromisoformat(row["effective_from"])
        ours = _row_in_force(entry, day)
        theirs = _row_rates(row)
        if ours is not None and _same_rates(_row_rates(ours), theirs):
            continue
        if ours is not None:
            for name in RATE_FIELDS:
                old, new = ours.get(name), theirs.get(name)
                if old and new and max(old / new, new / old) >= PRICE_JUMP:
                    raise InvalidInput(
                        f"{offer.file}: model {offer.model}, field {name}: {new:g} on "
                        f"{day.isoformat()} is {max(old / new, new / old):.0f}x the catalog's "
                        f"{old:g} for {entry.id}; check the source")
        key = f"{entry.id}:prices@{day.isoformat()}"
        out[key] = Proposal(key, "price", entry.id, f"prices@{day.isoformat()}",
                            _row_rates(ours) if ours else None, theirs, {offer.source: theirs})
    return list(out.values())


def _field_proposals(catalog: Catalog, offers: list[Offer], today: date) -> list[Proposal]:
    """Limits and shutdown dates where a source differs from the catalog, side by side."""
    index: dict[tuple[str, str], list[Offer]] = {}
    for offer in offers:
        index.setdefault((offer.provider, offer.model.lower()), []).append(offer)
    out = []
    for entry in catalog.models:
        said: dict[str, dict[str, Any]] = {}
        for name in source_names(entry):
            for offer in index.get((entry.provider, name.lower()), []):
                for fact, value in offer.facts.items():
                    said.setdefault(fact, {}).setdefault(offer.source, value)
        for fact in (*LIMIT_FIELDS, "shutdown_date"):
            values = said.get(fact)
            if not values:
                continue
            current = getattr(entry, fact)
            if fact == "shutdown_date":
                current = current.isoformat() if current else None
            if fact == "max_input":
                # An input limit equal to the window adds nothing (one below it does: OpenAI's
                # 400k models take at most 272k input whatever the output).
                values = {s: v for s, v in values.items() if v < entry.context_window}
                if not values:
                    continue
            if all(v == current for v in values.values()):
                continue
            counts: dict[str, int] = {}
            for v in values.values():
                counts[json.dumps(v)] = counts.get(json.dumps(v), 0) + 1
            proposed = json.loads(max(counts, key=lambda k: counts[k]))
            if proposed == current:
                continue  # most sources agree with the catalog; nothing to apply
            kind = "deprecation" if fact == "shutdown_date" else "limit"
            out.append(Proposal(f"{entry.id}:{fact}", kind, entry.id, fact, current, proposed,
                                dict(sorted(values.items()))))
        shutdown = entry.shutdown_date
        if shutdown is not None and shutdown <= today and entry.status != "retired":
            out.append(Proposal(f"{entry.id}:status", "deprecation", entry.id, "status",
                                entry.status, "retired",
                                {"catalog shutdown_date": shutdown.isoformat()}))
    return out


# ---- storing and deciding -----------------------------------------------------------------
def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SyncStore:
    """Change sets, decisions and the rejection memory in the catalog's database."""

    def __init__(self, catalog_store: CatalogStore) -> None:
        self.catalog = catalog_store
        self.db = catalog_store.db

    def rejected(self) -> dict[str, set[str]]:
        """key -> fingerprints rejected for it since it was last accepted.

        Rejections reviewed into the bundled catalog (REJECTIONS_FILE) count too, so a fresh
        database built from the files does not see them proposed again.
        """
        from council.config import paths

        found: dict[str, set[str]] = {}
        for row in read_rejections(paths().catalog_dir):
            found.setdefault(row["key"], set()).add(row["fingerprint"])
        rows = self.db.execute(
            "SELECT key, fingerprint, decision FROM catalog_sync_decisions ORDER BY id").fetchall()
        for key, fingerprint_, decision in rows:
            if decision == "reject":
                found.setdefault(key, set()).add(fingerprint_)
            else:
                found.pop(key, None)
        return found

    def rejections(self) -> list[dict[str, str]]:
        """Every (change, fingerprint) rejected since the change was last accepted: who, when,
        why."""
        rows = self.db.execute(
            "SELECT key, fingerprint, decision, editor, at, reason FROM catalog_sync_decisions "
            "ORDER BY id").fetchall()
        kept: dict[tuple[str, str], dict[str, str]] = {}
        for key, fingerprint_, decision, editor, at, reason in rows:
            if decision == "reject":
                kept[(key, fingerprint_)] = {"key": key, "fingerprint": fingerprint_,
                                             "editor": editor, "at": at, "reason": reason}
            else:
                kept = {k: v for k, v in kept.items() if k[0] != key}
        return list(kept.values())

    def create(self, proposals: list[Proposal], sources: Iterable[str]) -> ChangeSet:
        """Store a change set, leaving out changes rejected before for the same source values."""
        rejected = self.rejected()
        keep = [p for p in proposals if p.fingerprint not in rejected.get(p.key, set())]
        with _write(self.db) as conn:
            cursor = conn.execute(
                "INSERT INTO catalog_sync_sets (created_at, catalog_version, sources) "
                "VALUES (?, ?, ?)",
                [_now(), self.catalog.current_version, json.dumps(sorted(set(sources)))])
            set_id = int(cursor.lastrowid or 0)
            for p in keep:
                conn.execute(
                    "INSERT INTO catalog_sync_changes (set_id, key, kind, model_id, field, "
                    "current, proposed, sources, fingerprint) VALUES (?,?,?,?,?,?,?,?,?)",
                    [set_id, p.key, p.kind, p.model_id, p.field, json.dumps(p.current),
                     json.dumps(p.proposed), json.dumps(p.sources), p.fingerprint])
        return self.get(set_id)

    def get(self, set_id: int | None = None) -> ChangeSet:
        """A change set by id (default: the newest)."""
        if set_id is None:
            row = self.db.execute("SELECT MAX(id) FROM catalog_sync_sets").fetchone()
            if row is None or row[0] is None:
                raise NotFound("no change set yet; run `council catalog sync`")
            set_id = int(row[0])
        head = self.db.execute(
            "SELECT id, created_at, catalog_version, sources FROM catalog_sync_sets "
            "WHERE id = ?", [set_id]).fetchone()
        if head is None:
            raise NotFound(f"no change set #{set_id}")
        rows = self.db.execute(
            "SELECT key, kind, model_id, field, current, proposed, sources, status, "
            "decided_by, decided_at, reason FROM catalog_sync_changes WHERE set_id = ? "
            "ORDER BY model_id, key", [set_id]).fetchall()
        changes = tuple(Proposal(k, kind, m, f, json.loads(c), json.loads(p), json.loads(s),
                                 st, by, at, r)
                        for k, kind, m, f, c, p, s, st, by, at, r in rows)
        return ChangeSet(head[0], head[1], head[2], tuple(json.loads(head[3])), changes)

    def decisions(self, limit: int = 500) -> list[dict[str, Any]]:
        """The decision log, newest first."""
        cursor = self.db.execute(
            "SELECT * FROM catalog_sync_decisions ORDER BY id DESC LIMIT ?", [limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def decide(self, set_id: int, key: str, decision: str, *, editor: Editor, reason: str,
               use_source: str | None = None, overrides: dict[str, Any] | None = None
               ) -> dict[str, Any]:
        """Accept (apply) or reject one change, with a reason; both are logged.

        ``use_source`` picks one source's value where sources disagree; ``overrides`` set
        fields of a new model's draft (e.g. ``release_date`` when the source gives none).
        """
        editor.require_editor()
        if decision not in ("accept", "reject"):
            raise InvalidInput(f"decision must be accept or reject, not {decision!r}")
        if not reason or not reason.strip():
            raise InvalidInput("say why (reason): it is kept with the decision")
        with _write(self.db) as conn:
            row = conn.execute(
                "SELECT status, decided_by, decided_at, fingerprint FROM catalog_sync_changes "
                "WHERE set_id = ? AND key = ?", [set_id, key]).fetchone()
            if row is None:
                raise NotFound(f"change set #{set_id} has no change {key!r}")
            status, by, at, fingerprint = row
            if status != "open":
                raise ConflictError(f"{key} was already {status} by {by} at {at}; reload the "
                                    "change set")
            change = next(c for c in self.get(set_id).changes if c.key == key)
            value = change.proposed
            if use_source is not None:
                if use_source not in change.sources:
                    raise InvalidInput(f"{key}: no source {use_source!r}; one of "
                                       f"{', '.join(change.sources)}")
                value = change.sources[use_source]
            audit_id = None
            if decision == "accept":
                audit_id = self._apply(conn, change, value, overrides or {}, editor,
                                       reason.strip())
            now = _now()
            conn.execute(
                "UPDATE catalog_sync_changes SET status = ?, decided_by = ?, decided_at = ?, "
                "reason = ? WHERE set_id = ? AND key = ?",
                [f"{decision}ed", editor.name, now, reason.strip(), set_id, key])
            cursor = conn.execute(
                "INSERT INTO catalog_sync_decisions (at, editor, set_id, key, fingerprint, "
                "decision, reason, value, audit_id) VALUES (?,?,?,?,?,?,?,?,?)",
                [now, editor.name, set_id, key, fingerprint, decision, reason.strip(),
                 json.dumps(value), audit_id])
            decision_id = cursor.lastrowid
        return {"decision_id": decision_id, "key": key, "decision": decision,
                "audit_id": audit_id}

    def _apply(self, conn: sqlite3.Connection, change: Proposal, value: Any,
               overrides: dict[str, Any], editor: Editor, reason: str) -> int:
        """Apply one accepted change inside the caller's transaction; the catalog_audit id."""
        store = self.catalog
        models = store._rows(conn)
        old_entry = models.get(change.model_id)
        if change.kind == "new-model":
            if old_entry is not None:
                raise ConflictError(f"{change.model_id} was added to the catalog meanwhile")
            data = json.loads(json.dumps(value))
            overrides = dict(overrides)
            first = overrides.pop("first_price_date", None)
            data.update(overrides)
            for row in data["prices"]:
                if row["effective_from"] is None:
                    row["effective_from"] = data.get("release_date") or first
                    if first and not data.get("release_date"):
                        row["notes"] = (f"starts {first}: the earliest date our sources attest "
                                        "(they give no release date)")
            dated = sorted(r["effective_from"] for r in data["prices"] if r["effective_from"]
                           and r.get("notes") is None)
            data["prices"] = [r for r in data["prices"] if not (
                r.get("notes") and dated and r["effective_from"] and
                r["effective_from"] >= dated[0])]  # an undated row the dated ones overtake
            if any(row["effective_from"] is None for row in data["prices"]):
                raise InvalidInput(f"{change.model_id}: the source gives no date for its first "
                                   "price; accept with release_date=YYYY-MM-DD (or "
                                   "first_price_date=YYYY-MM-DD when the release is unknown)")
            old = None
        else:
            if old_entry is None:
                raise NotFound(f"{change.model_id} is no longer in the catalog")
            data = old_entry.model_dump(mode="json")
            if change.kind == "price":
                day = change.field.split("@", 1)[1]
                now_row = _row_in_force(old_entry, date.fromisoformat(day))
                if not _same_rates(_row_rates(now_row or {}), change.current or {}):
                    raise ConflictError(f"{change.model_id}'s price on {day} changed since this "
                                        "change set was made; run the sync again")
                _put_row(data, day, value, next(iter(change.sources)))
            else:
                seen = data.get(change.field)
                if json.dumps(seen) != json.dumps(change.current):
                    raise ConflictError(f"{change.model_id}.{change.field} is now {seen!r}, "
                                        f"not {change.current!r}; run the sync again")
                data[change.field] = value
            old = old_entry.model_dump(mode="json")
        try:
            entry = ModelEntry.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                                 for e in exc.errors())
            raise InvalidInput(f"{change.model_id}: {change.key} cannot be applied: "
                               f"{problems}") from None
        models[entry.id] = entry
        catalog = Catalog(models=tuple(models.values()), meta=store._meta())  # checks names
        row = conn.execute("SELECT revision FROM catalog_models WHERE id = ?",
                           [entry.id]).fetchone()
        revision = (row[0] if row else 0) + 1
        now = _now()
        conn.execute(
            "INSERT INTO catalog_models (id, revision, entry, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET revision = excluded.revision,"
            " entry = excluded.entry, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by",
            [entry.id, revision, entry.model_dump_json(), now, editor.name])
        store._publish(conn, catalog, origin=f"sync by {editor.name}")
        field_name = "*" if change.kind == "new-model" else (
            "prices" if change.kind == "price" else change.field)
        new = entry.model_dump(mode="json")
        return insert_audit(
            conn, at=now, editor=editor.name, model_id=entry.id, field=field_name,
            old=old if field_name == "*" else (old or {}).get(field_name),
            new=new if field_name == "*" else new.get(field_name),
            reason=f"sync {change.key}: {reason}", evidence_url=", ".join(change.sources),
            revision=revision, version=catalog.version)




def read_rejections(catalog_dir: Path | str) -> list[dict[str, str]]:
    """The rejections reviewed into the bundled catalog (key, fingerprint, editor, at, reason)."""
    import yaml

    path = Path(catalog_dir) / REJECTIONS_FILE
    if not path.exists():
        return []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    rows = data.get("rejected") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "key" in r
                                             and "fingerprint" in r for r in rows):
        raise InvalidInput(f"{path}: field rejected: expected a list of key/fingerprint/reason")
    return rows


def write_rejections(rows: list[dict[str, str]], catalog_dir: Path | str) -> Path:
    """Keep rejections with the bundled catalog (merged with those already there)."""
    import yaml

    merged = {(r["key"], r["fingerprint"]): r for r in read_rejections(catalog_dir)}
    merged.update({(r["key"], r["fingerprint"]): r for r in rows})
    path = Path(catalog_dir) / REJECTIONS_FILE
    body = {"rejected": [merged[k] for k in sorted(merged)]}
    path.write_text("# Changes `council catalog sync` proposed and an editor rejected, with why."
                    "\n# Not proposed again until a source says something new (fingerprint).\n"
                    + yaml.safe_dump(body, sort_keys=False, width=100), encoding="utf-8")
    return path


def _put_row(data: dict[str, Any], day: str, rates: dict[str, Any], source: str) -> None:
    """Insert (or replace) the price row starting on ``day``; keep flags in step."""
    rows = [r for r in data["prices"] if r["effective_from"] != day]
    base = {k: None for k in ROW_FIELDS} | {"tiers": [], "service_tiers": {}}
    today = datetime.now(UTC).date().isoformat()
    rows.append({**base, **rates, "effective_from": day, "verified": today,
                 "source": f"{source} data (verified = checked against it on this date, not "
                           "against the provider page)", "notes": None})
    rows.sort(key=lambda r: r["effective_from"])
    data["prices"] = rows
    newest = rows[-1]
    data["batch_api"] = newest.get("batch_discount") is not None
    data["prompt_caching"] = newest.get("cache_read") is not None


def run_sync(catalog_store: CatalogStore, *, litellm: Path | str | None = None,
             modelsdev: Path | str | None = None,
             today: date | None = None) -> ChangeSet:
    """Read every source (genai-prices always; the two files when given), propose, store."""
    from council.catalog import sources

    today = today or datetime.now(UTC).date()
    offers = sources.read_genai_prices()
    if modelsdev is not None:
        offers += sources.read_modelsdev(modelsdev)
    if litellm is not None:
        offers += sources.read_litellm(litellm)
    labels = sorted({o.source for o in offers})
    proposals = propose(catalog_store.current(), offers, today)
    return SyncStore(catalog_store).create(proposals, labels)
