"""The catalog in SQLite: the working copy of every model, its versions, and the audit log.

The YAML files are the reviewed source; the database is the artifact the app reads. Each
distinct catalog state is stored whole under its content hash, so any version a stored
recommendation names can be reproduced. Edits are per field, optimistic (a per-model
revision number) and appended to an audit log that can be reverted.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import ValidationError

from council.catalog.addition import name_clash
from council.catalog.editor_level import editor_level
from council.catalog.editors import Editor
from council.catalog.loader import load_catalog_dir
from council.catalog.messages import problems
from council.catalog.model import Catalog
from council.catalog.schema import CatalogMeta, ModelEntry, successor_problem
from council.db import Migrations, register
from council.errors import CatalogError, ConflictError, InvalidInput, NotFound

FILES_EDITOR = "catalog-files"
# Fields `price.X` edits change from today on (a new dated row); other price fields are
# corrected in place through `prices.N.X`.
PRICE_FIELDS_FROM_TODAY: frozenset[str] = frozenset({
    "input", "output", "cache_read", "cache_write_5m", "cache_write_1h", "batch_discount",
    "batch_cache_read",
})


# The longest reason, evidence link or text value the store keeps: the page capped its boxes
# at 500 characters, but the CLI and the API stored a 10 MB link whole (QA round 16).
REASON_MAX = 1_000
LINK_MAX = 2_000
TEXT_MAX = 2_000

# How far ahead a price may start: providers announce changes weeks or months ahead. A date
# past this is a mistyped year (QA round 16: "2099" typed in *Price from*).
PRICE_AHEAD_DAYS = 2 * 365

MIGRATIONS = register(Migrations("council.catalog.store"))


@MIGRATIONS("catalog-001-models-versions-audit")
def _m001_catalog(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE catalog_models (
            id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            entry TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE catalog_versions (
            version TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            origin TEXT NOT NULL,
            snapshot TEXT NOT NULL
        )""")
    db.execute("CREATE TABLE catalog_state (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("""
        CREATE TABLE catalog_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            editor TEXT NOT NULL,
            model_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            reason TEXT NOT NULL,
            evidence_url TEXT,
            revision INTEGER NOT NULL,
            version TEXT NOT NULL,
            reverts INTEGER REFERENCES catalog_audit(id)
        )""")
    db.execute("CREATE INDEX catalog_audit_model ON catalog_audit(model_id, id)")


@MIGRATIONS("catalog-002-audit-effective-from")
def _m002_audit_effective_from(db: sqlite_utils.Database) -> None:
    """The first day a `price.X` edit applies: without it a revert put the old price back from
    the day of the revert and left the edited row in force (QA round 16)."""
    db.execute("ALTER TABLE catalog_audit ADD COLUMN effective_from TEXT")


@MIGRATIONS("catalog-003-audit-rejected-offer")
def _m003_audit_rejected_offer(db: sqlite_utils.Database) -> None:
    """A change an editor rejected in an import review: what the sources offered (stable
    JSON), so the same offer is not made again. Until round 18 a rejection was not kept."""
    db.execute("ALTER TABLE catalog_audit ADD COLUMN rejected_offer TEXT")



_PARSED: dict[str, Catalog] = {}  # version -> Catalog; snapshots are immutable


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    editor: str
    model_id: str
    field: str
    old: Any
    new: Any
    reason: str
    evidence_url: str | None
    revision: int
    version: str
    reverts: int | None
    effective_from: str | None = None  # a `price.X` edit's first day (ISO date)
    # an import change an editor rejected: what the sources offered (the catalog unchanged)
    rejected_offer: str | None = None

    @property
    def rejected(self) -> bool:
        """A rejected import change, not an edit: nothing to revert, no field curated."""
        return self.rejected_offer is not None

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "rejected": self.rejected}


@dataclass(frozen=True)
class ModelRecord:
    """A model's working copy with its revision, for optimistic edits."""

    entry: ModelEntry
    revision: int
    updated_at: str
    updated_by: str


@contextmanager
def _write(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One IMMEDIATE transaction: writers queue on the lock instead of racing."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _get_path(data: Any, path: list[str]) -> Any:
    for key in path:
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data


def set_price_from(data: dict[str, Any], changes: dict[str, Any], *, source: str,
                   today: date | None = None,
                   effective: date | None = None) -> dict[str, Any]:
    """Change price fields from ``effective`` (default ``today``) on: a new dated row, or that
    date's row if one exists, built on the row in force on that date.

    Rows before the date keep their price, and so does a later row (a provider's announced
    change): copying the newest row made a cut typed today take the announced row's other
    prices, and compared the value with the announced one (QA round 15). Returns the previous
    values of the changed fields, from the row in force on the date.
    """
    today_d = today or datetime.now(UTC).date()
    day = (effective or today_d).isoformat()
    rows = data["prices"]
    for name in changes:
        if name not in PRICE_FIELDS_FROM_TODAY:
            raise KeyError(name)
    started = [i for i in range(len(rows)) if str(rows[i]["effective_from"]) <= day]
    base = (max(started, key=lambda i: str(rows[i]["effective_from"])) if started
            else min(range(len(rows)), key=lambda i: str(rows[i]["effective_from"])))
    old = {name: rows[base][name] for name in changes}
    row = {**rows[base], **changes, "effective_from": day, "verified": today_d.isoformat(),
           "source": source}
    if str(rows[base]["effective_from"]) == day:
        rows[base] = row
        earlier = [r for r in rows if str(r["effective_from"]) < day]
        if earlier and _same_prices(max(earlier, key=lambda r: str(r["effective_from"])), row):
            rows.remove(row)  # the date's change is undone: its row would repeat the last one
    else:
        rows.append(row)
    return old


def _same_prices(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two price rows that charge the same (their dates, sources and checks aside)."""
    ignore = {"effective_from", "source", "verified", "notes"}
    return ({k: v for k, v in a.items() if k not in ignore}
            == {k: v for k, v in b.items() if k not in ignore})


def check_note(reason: str | None, evidence_url: str | None = None) -> str:
    """The reason, stripped; InvalidInput when it is missing or when it or the evidence link is
    longer than the store keeps (the page's limits held only in the page, QA round 16)."""
    if not reason or not reason.strip():
        raise InvalidInput("say why you are changing it (reason)")
    if len(reason) > REASON_MAX:
        raise InvalidInput(f"the reason is {len(reason):,} characters; keep it under "
                           f"{REASON_MAX:,} (put the details behind the evidence link)")
    if evidence_url is not None and len(evidence_url) > LINK_MAX:
        raise InvalidInput(f"the evidence link is {len(evidence_url):,} characters; a link is "
                           f"at most {LINK_MAX:,}")
    return reason.strip()


def _leaves(field: str, value: Any) -> Iterator[tuple[str, Any]]:
    """Each scalar inside ``value`` with its dotted path ("gpt-4.1.prices.0.input")."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(f"{field}.{key}", item)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _leaves(f"{field}.{i}", item)
    else:
        yield field, value


def _check_text(field: str, value: Any) -> None:
    """InvalidInput naming the field when a text anywhere in ``value`` is longer than TEXT_MAX."""
    for path, leaf in _leaves(field, value):
        if isinstance(leaf, str) and len(leaf) > TEXT_MAX:
            raise InvalidInput(f"{path}: {len(leaf):,} characters of text; the catalog keeps at "
                               f"most {TEXT_MAX:,} in one field")


def _check_finite(field: str, value: Any) -> None:
    """InvalidInput naming the field when a number anywhere in ``value`` is NaN or infinite."""
    for path, leaf in _leaves(field, value):
        if isinstance(leaf, float) and not math.isfinite(leaf):
            raise InvalidInput(f"{path}: {leaf} is not a number a catalog can hold (NaN or "
                               "infinity)")


def insert_audit(conn: sqlite3.Connection, *, at: str, editor: str, model_id: str, field: str,
                 old: Any, new: Any, reason: str, evidence_url: str | None, revision: int,
                 version: str, reverts: int | None = None,
                 effective_from: str | None = None, rejected_offer: str | None = None) -> int:
    """One audit entry (old and new as JSON); its id. Every change the catalog keeps writes
    one: a field edit, an added or removed model, a reload of the files, an accepted sync;
    and every import change an editor rejects (``rejected_offer``)."""
    cursor = conn.execute(
        "INSERT INTO catalog_audit (at, editor, model_id, field, old, new, reason, "
        "evidence_url, revision, version, reverts, effective_from, rejected_offer) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [at, editor, model_id, field, json.dumps(old), json.dumps(new), reason, evidence_url,
         revision, version, reverts, effective_from, rejected_offer])
    return int(cursor.lastrowid or 0)


def _edited_skill(model: ModelEntry, skill: str, level: Any, *, editor: Editor, reason: str,
                  evidence_url: str | None) -> Any:
    """The quality entry an editor's level makes (council.catalog.editor_level)."""
    if skill not in model.quality or isinstance(level, bool) or not isinstance(level, int | float):
        return level  # the path or the type is refused where every edit's is
    return editor_level(level, editor=editor.name, day=datetime.now(UTC).date(),
                        link=evidence_url, reason=reason)


def _check_price_date(field: str, effective: date) -> None:
    """InvalidInput when a price would start implausibly far ahead: a mistyped year, which the
    page once saved as today's price (QA round 16) and the store kept as a 2099 row."""
    today = datetime.now(UTC).date()
    if (effective - today).days > PRICE_AHEAD_DAYS:
        years = (effective - today).days // 365
        raise InvalidInput(
            f"{field} from {effective.isoformat()}: that is {years} years ahead; providers "
            f"announce a price weeks or months ahead, so a date after "
            f"{date.fromordinal(today.toordinal() + PRICE_AHEAD_DAYS).isoformat()} is taken "
            "for a typo. Check the year; nothing was saved")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no (true or false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a table" if isinstance(value, dict) else "?"


def _check_type(field: str, old: Any, value: Any) -> None:
    """A field keeps its kind of value: a number stays a number (True is not 1), yes/no stays
    yes/no, text stays text. An empty field (None) takes what the schema allows."""
    if old is None or value is None:
        return
    if _type_name(old) != _type_name(value):
        raise InvalidInput(f"{field}: expected {_type_name(old)}, got {value!r}")


def _set_path(data: Any, path: list[str], value: Any) -> None:
    parent = _get_path(data, path[:-1])
    key = path[-1]
    if isinstance(parent, list):
        parent[int(key)] = value
    else:
        if key not in parent:
            raise KeyError(key)
        parent[key] = value


class CatalogStore:
    """Read and curate the catalog held in one database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # ---- reading ---------------------------------------------------------------------------
    def _state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM catalog_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_state(self, conn: sqlite3.Connection, key: str, value: str | None) -> None:
        conn.execute(
            "INSERT INTO catalog_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def current_version(self) -> str | None:
        return self._state("current_version")

    def current(self) -> Catalog:
        """The catalog now in force; CatalogError if none was ever loaded."""
        version = self.current_version
        if version is None:
            raise CatalogError("no catalog loaded yet; run `council init` (init_catalog)")
        return self.at_version(version)

    def at_version(self, version: str) -> Catalog:
        """The exact catalog a recommendation used, by its version id."""
        cached = _PARSED.get(version)
        if cached is not None:
            return cached
        row = self.db.execute(
            "SELECT snapshot FROM catalog_versions WHERE version = ?", [version]
        ).fetchone()
        if row is None:
            raise NotFound(f"catalog version {version} is not stored in this database")
        catalog = Catalog.from_json(row[0])
        if catalog.version != version:
            raise CatalogError(f"stored catalog version {version} hashes to {catalog.version}")
        _PARSED[version] = catalog
        return catalog

    def versions(self) -> list[dict[str, str]]:
        rows = self.db.execute(
            "SELECT version, created_at, origin FROM catalog_versions ORDER BY created_at, rowid"
        ).fetchall()
        return [{"version": v, "created_at": c, "origin": o} for v, c, o in rows]

    @property
    def last_error(self) -> str | None:
        """The message of the last failed file load, cleared by the next good one."""
        return self._state("last_error")

    def record(self, model_id: str) -> ModelRecord:
        catalog = self.current()
        model_id = catalog.get(model_id).id
        row = self.db.execute(
            "SELECT entry, revision, updated_at, updated_by FROM catalog_models WHERE id = ?",
            [model_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"model {model_id} has no working copy")
        return ModelRecord(ModelEntry.model_validate_json(row[0]), row[1], row[2], row[3])

    def revision(self, model_id: str) -> int:
        """The model's revision number, to pass back as ``expected_revision`` when saving."""
        model_id = self.current().get(model_id).id
        row = self.db.execute("SELECT revision FROM catalog_models WHERE id = ?",
                              [model_id]).fetchone()
        if row is None:
            raise NotFound(f"model {model_id} has no working copy")
        return int(row[0])

    def stale(self, today: date) -> list[str]:
        """Models whose price in force was verified more than 60 days before ``today``."""
        return [m.id for m in self.current().models if m.is_stale(today)]

    def price_history(self, model_id: str) -> dict[str, Any]:
        """A model's dated price rows (oldest first) and every audited change to its prices."""
        model = self.current().get(model_id)
        rows = [p.model_dump(mode="json")
                for p in sorted(model.prices, key=lambda p: p.effective_from)]
        edits = [a.to_dict() for a in self.audit_log(model.id)
                 if (a.field.startswith("price") or a.field == "*") and not a.rejected]
        return {"model_id": model.id, "prices": rows, "changes": edits}

    def audit_log(self, model_id: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Edits, newest first."""
        sql = "SELECT * FROM catalog_audit"
        params: list[Any] = []
        if model_id is not None:
            sql += " WHERE model_id = ?"
            params.append(self.current().get(model_id).id if model_id in self.current()
                          else model_id)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._audit_rows(sql, params)

    def _audit_rows(self, sql: str, params: list[Any]) -> list[AuditEntry]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        out = []
        for row in cursor.fetchall():
            data = dict(zip(names, row, strict=True))
            data["old"] = json.loads(data["old"]) if data["old"] is not None else None
            data["new"] = json.loads(data["new"]) if data["new"] is not None else None
            out.append(AuditEntry(**data))
        return out

    # ---- writing ---------------------------------------------------------------------------
    def _rows(self, conn: sqlite3.Connection) -> dict[str, ModelEntry]:
        return {
            row[0]: ModelEntry.model_validate_json(row[1])
            for row in conn.execute("SELECT id, entry FROM catalog_models").fetchall()
        }

    def _meta(self) -> CatalogMeta:
        raw = self._state("meta")
        if raw is None:
            raise CatalogError("catalog metadata missing; run init_catalog first")
        return CatalogMeta.model_validate_json(raw)

    def _publish(self, conn: sqlite3.Connection, catalog: Catalog, origin: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO catalog_versions (version, created_at, origin, snapshot) "
            "VALUES (?, ?, ?, ?)",
            [catalog.version, _now(), origin, catalog.to_json()],
        )
        self._set_state(conn, "current_version", catalog.version)
        _PARSED[catalog.version] = catalog

    def update_field(
        self,
        model_id: str,
        field: str,
        value: Any,
        *,
        editor: Editor,
        reason: str,
        evidence_url: str | None = None,
        expected_revision: int,
        effective_from: date | None = None,
    ) -> AuditEntry:
        """Set one field (dotted path, e.g. ``max_output`` or ``quality.coding.skill``).

        ``price.X`` (e.g. ``price.input``) changes a price from ``effective_from`` (default
        today) on: a new dated row, so earlier dates, and a later announced row, keep their
        price. ``prices.N.X`` corrects row N in place.

        Raises ConflictError when someone saved the model since ``expected_revision``.
        """
        return self._apply_field(model_id, field, value, editor=editor, reason=reason,
                                 evidence_url=evidence_url, expected_revision=expected_revision,
                                 effective_from=effective_from)

    def _apply_field(self, model_id: str, field: str, value: Any, *, editor: Editor, reason: str,
                     evidence_url: str | None, expected_revision: int,
                     reverts: int | None = None,
                     effective_from: date | None = None) -> AuditEntry:
        editor.require_editor()
        check_note(reason, evidence_url)
        catalog = self.current()
        model_id = catalog.get(model_id).id
        path = [p for p in field.split(".") if p]
        if len(path) == 3 and path[0] == "quality" and path[2] == "skill":
            # A level moves with its evidence: the page showed an editor's 4.2 beside LMArena's
            # score and source for the old 4.28 (QA round 16). The whole entry changes, so a
            # revert brings the old level back with its own evidence.
            value = _edited_skill(catalog.get(model_id), path[1], value, editor=editor,
                                  reason=reason, evidence_url=evidence_url)
            path, field = path[:2], ".".join(path[:2])
        if not path or path[0] == "id":
            raise InvalidInput(f"field {field!r} cannot be edited")
        _check_finite(f"{model_id}.{field}", value)
        _check_text(f"{model_id}.{field}", value)
        if path[0] == "price" and effective_from is not None:
            _check_price_date(f"{model_id}.{field}", effective_from)
        if path == ["provider"] and value not in catalog.providers:
            raise InvalidInput(f"{model_id}.provider: {value!r} is not a known provider; known: "
                               f"{', '.join(catalog.providers)}")
        if path == ["successor"] and successor_problem(
                model_id, value, {m.id for m in catalog.models}) is not None:
            raise InvalidInput(f"{model_id}.successor: {value!r} is not another catalog "
                               "model's id")
        with _write(self.db) as conn:
            row = conn.execute(
                "SELECT entry, revision, updated_at, updated_by FROM catalog_models WHERE id = ?",
                [model_id],
            ).fetchone()
            if row is None:
                raise NotFound(f"model {model_id} has no working copy")
            entry_json, revision, updated_at, updated_by = row
            if revision != expected_revision:
                raise ConflictError(
                    f"{model_id} was saved by {updated_by} at {updated_at} (revision {revision}) "
                    f"after you opened revision {expected_revision}; reload, check their change "
                    "and save again"
                )
            data = json.loads(entry_json)
            # a price edit's first day, the same for the row, the check and the audit
            day = (effective_from or datetime.now(UTC).date()) if path[0] == "price" else None
            try:
                if path[0] == "price" and len(path) == 2:
                    old = set_price_from(
                        data, {path[1]: value}, source=evidence_url or f"edit by {editor.name}",
                        effective=day,
                    )[path[1]]
                else:
                    old = _get_path(data, path)
                    _set_path(data, path, value)
            except (KeyError, IndexError, ValueError, TypeError):
                raise InvalidInput(f"{model_id} has no field {field!r}") from None
            _check_type(f"{model_id}.{field}", old, value)
            try:
                entry = ModelEntry.model_validate(data)
            except ValidationError as exc:
                # plain words naming the field (QA round 16: "prices.2.input: Value error, ...")
                raise InvalidInput(f"{model_id}: " + "; ".join(problems(exc, data))
                                   + "; nothing was saved") from None
            if path[0] == "price":
                new_value = getattr(entry.price_on(day), path[1])
            else:
                new_value = _get_path(entry.model_dump(mode="json"), path)
            if new_value == old:
                raise InvalidInput(f"{model_id}.{field} already is {old!r}")
            now = _now()
            conn.execute(
                "UPDATE catalog_models SET entry = ?, revision = ?, updated_at = ?, "
                "updated_by = ? WHERE id = ?",
                [entry.model_dump_json(), revision + 1, now, editor.name, model_id],
            )
            models = self._rows(conn)
            catalog = Catalog(models=tuple(models.values()), meta=self._meta())
            self._publish(conn, catalog, origin=f"edit by {editor.name}")
            applies = day.isoformat() if day is not None else None
            audit_id = insert_audit(
                conn, at=now, editor=editor.name, model_id=model_id, field=field, old=old,
                new=new_value, reason=reason.strip(), evidence_url=evidence_url,
                revision=revision + 1, version=catalog.version, reverts=reverts,
                effective_from=applies)
        return self._audit_by_id(audit_id)

    def _audit_by_id(self, audit_id: int) -> AuditEntry:
        found = self._audit_rows("SELECT * FROM catalog_audit WHERE id = ?", [audit_id])
        if not found:
            raise NotFound(f"no audit entry #{audit_id}")
        return found[0]

    def revert(self, audit_id: int, *, editor: Editor, reason: str) -> AuditEntry:
        """Put a field back to the value it had before audit entry ``audit_id``; reverting an
        added model removes it, and reverting that removal adds it back."""
        editor.require_editor()
        if not reason or not reason.strip():
            raise InvalidInput(f"say why you are reverting #{audit_id} (reason)")
        note = check_note(f"revert #{audit_id}: {reason.strip()}")
        original = self._audit_by_id(audit_id)
        if original.rejected:
            raise InvalidInput(f"#{audit_id} rejected an import change; the catalog did not "
                               "change, so there is nothing to revert")
        if original.field == "*":
            if original.editor == FILES_EDITOR or (original.old is None) == (original.new is None):
                raise InvalidInput(f"#{audit_id} reloaded the catalog files; revert it in the "
                                   "files")
            if original.old is None:
                return self._remove_model(original.model_id, editor=editor, reason=note,
                                          reverts=audit_id)
            return self._put_model(ModelEntry.model_validate(original.old), editor=editor,
                                   reason=note, evidence_url=original.evidence_url,
                                   reverts=audit_id)
        # A dated price goes back on the day it was changed, not from today: the edited row
        # stayed in force and today's row was overwritten until QA round 16. An entry from
        # before the date was recorded started on the day it was made.
        effective = (date.fromisoformat(original.effective_from or original.at[:10])
                     if original.field.startswith("price.") else None)
        return self._apply_field(
            original.model_id, original.field, original.old, editor=editor,
            reason=f"revert #{audit_id}: {reason}", evidence_url=original.evidence_url,
            expected_revision=self.revision(original.model_id), reverts=audit_id,
            effective_from=effective,
        )

    def add_model(self, entry: ModelEntry, *, editor: Editor, reason: str,
                  evidence_url: str | None = None) -> AuditEntry:
        """Add a model the catalog lacks (council.catalog.addition makes the entry), audited
        as a whole entry with who, when, why and the evidence; a revert removes it.

        InvalidInput when its id, API id or an alias is another model's (case and alias
        blind), naming which."""
        editor.require_editor()
        return self._put_model(entry, editor=editor, reason=check_note(reason, evidence_url),
                               evidence_url=evidence_url)

    def _put_model(self, entry: ModelEntry, *, editor: Editor, reason: str,
                   evidence_url: str | None, reverts: int | None = None) -> AuditEntry:
        data = entry.model_dump(mode="json")
        _check_text(entry.id, data)
        with _write(self.db) as conn:
            models = self._rows(conn)
            clash = name_clash(entry, models.values())
            if clash is not None:
                raise InvalidInput(clash)
            why = successor_problem(entry.id, entry.successor, {*models, entry.id})
            if why is not None:
                raise InvalidInput(f"{entry.id}: successor {entry.successor!r} {why}")
            row = conn.execute("SELECT MAX(revision) FROM catalog_audit WHERE model_id = ?",
                               [entry.id]).fetchone()
            revision = int(row[0] or 0) + 1
            now = _now()
            conn.execute(
                "INSERT INTO catalog_models (id, revision, entry, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?)",
                [entry.id, revision, entry.model_dump_json(), now, editor.name])
            catalog = Catalog(models=(*models.values(), entry), meta=self._meta())
            self._publish(conn, catalog, origin=f"model added by {editor.name}")
            audit_id = insert_audit(
                conn, at=now, editor=editor.name, model_id=entry.id, field="*", old=None,
                new=data, reason=reason, evidence_url=evidence_url, revision=revision,
                version=catalog.version, reverts=reverts)
        return self._audit_by_id(audit_id)

    def _remove_model(self, model_id: str, *, editor: Editor, reason: str,
                      reverts: int | None = None) -> AuditEntry:
        """Take a model out of the catalog (audited whole, so a revert brings it back)."""
        with _write(self.db) as conn:
            models = self._rows(conn)
            entry = models.pop(model_id, None)
            if entry is None:
                raise NotFound(f"model {model_id} is not in the catalog any more")
            meta = self._meta()
            if meta.frontier_default == model_id:
                raise InvalidInput(f"{model_id} is the frontier default (catalog.yaml); choose "
                                   "another default before removing it")
            naming = sorted(m.id for m in models.values() if m.successor == model_id)
            if naming:
                raise InvalidInput(f"{', '.join(naming)} name {model_id} as successor; change "
                                   "that first")
            row = conn.execute("SELECT revision FROM catalog_models WHERE id = ?",
                               [model_id]).fetchone()
            conn.execute("DELETE FROM catalog_models WHERE id = ?", [model_id])
            catalog = Catalog(models=tuple(models.values()), meta=meta)
            self._publish(conn, catalog, origin=f"model removed by {editor.name}")
            audit_id = insert_audit(
                conn, at=_now(), editor=editor.name, model_id=model_id, field="*",
                old=entry.model_dump(mode="json"), new=None, reason=reason, evidence_url=None,
                revision=int(row[0]) + 1, version=catalog.version, reverts=reverts)
        return self._audit_by_id(audit_id)

    def added_in_app(self) -> set[str]:
        """Models an editor added (by hand or an accepted import or sync) and no one removed
        since: a reload of changed catalog files keeps them, as it keeps edits."""
        rows = self.db.execute(
            "SELECT model_id, old IS NULL OR old = 'null' FROM catalog_audit "
            "WHERE field = '*' AND editor != ? AND (old IS NULL OR old = 'null' OR new IS NULL "
            "OR new = 'null') ORDER BY id", [FILES_EDITOR]).fetchall()
        added: set[str] = set()
        for model_id, was_added in rows:
            (added.add if was_added else added.discard)(model_id)
        return added

    def replace_models(self, new_models: dict[str, ModelEntry], *, editor: Editor, reason: str,
                       evidence_url: str | None = None, origin: str,
                       remove: frozenset[str] = frozenset(),
                       meta: CatalogMeta | None = None,
                       reasons: dict[str, str] | None = None) -> Catalog:
        """Write or remove whole entries in one transaction, one audit row per model.

        ``reasons`` overrides ``reason`` for particular models.
        """
        if editor.name != FILES_EDITOR:
            editor.require_editor()
        with _write(self.db) as conn:
            if meta is not None:
                self._set_state(conn, "meta", meta.model_dump_json())
            current = self._rows(conn)
            now = _now()
            changed: list[tuple[str, Any, Any, int]] = []
            for model_id in sorted(remove & set(current)):
                row = conn.execute("SELECT revision FROM catalog_models WHERE id = ?",
                                   [model_id]).fetchone()
                conn.execute("DELETE FROM catalog_models WHERE id = ?", [model_id])
                changed.append((model_id, current[model_id].model_dump(mode="json"), None,
                                row[0] + 1))
            for model_id, entry in new_models.items():
                before = current.get(model_id)
                if before is not None and before == entry:
                    continue
                row = conn.execute("SELECT revision FROM catalog_models WHERE id = ?",
                                   [model_id]).fetchone()
                revision = (row[0] if row else 0) + 1
                conn.execute(
                    "INSERT INTO catalog_models (id, revision, entry, updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET revision = "
                    "excluded.revision, entry = excluded.entry, updated_at = excluded.updated_at, "
                    "updated_by = excluded.updated_by",
                    [model_id, revision, entry.model_dump_json(), now, editor.name],
                )
                changed.append((model_id, before.model_dump(mode="json") if before else None,
                                entry.model_dump(mode="json"), revision))
            catalog = Catalog(models=tuple(self._rows(conn).values()), meta=self._meta())
            self._publish(conn, catalog, origin=origin)
            for model_id, old, new, revision in changed:
                insert_audit(conn, at=now, editor=editor.name, model_id=model_id, field="*",
                             old=old, new=new, reason=(reasons or {}).get(model_id, reason),
                             evidence_url=evidence_url, revision=revision,
                             version=catalog.version)
        return catalog


def init_catalog(db: sqlite_utils.Database, catalog_dir: Path | str) -> Catalog:
    """Load the catalog files into the database and return the catalog in force.

    Idempotent: unchanged files change nothing. When the files change, models whose file
    entry changed are replaced (audited as ``catalog-files``); models whose file entry did not
    change keep any edits made in the app. A corrupt or invalid file is recorded (see
    ``CatalogStore.last_error``) and the last good catalog keeps being served; with no good
    catalog at all the CatalogError is raised.
    """
    store = CatalogStore(db)
    try:
        from_files = load_catalog_dir(catalog_dir)
    except CatalogError as exc:
        with _write(db) as conn:
            store._set_state(conn, "last_error", str(exc))
            store._set_state(conn, "last_error_at", _now())
        if store.current_version is None:
            raise
        return store.current()
    files_version = store._state("files_version")
    if files_version == from_files.version and store.current_version is not None:
        if store.last_error is not None:
            with _write(db) as conn:
                store._set_state(conn, "last_error", None)
        return store.current()
    previous_files: dict[str, ModelEntry] = {}
    if files_version is not None:
        try:
            previous_files = {m.id: m for m in store.at_version(files_version).models}
        except NotFound:
            previous_files = {}
    with _write(db) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO catalog_versions (version, created_at, origin, snapshot) "
            "VALUES (?, ?, ?, ?)",
            [from_files.version, _now(), "files", from_files.to_json()],
        )
        in_db = {row[0] for row in conn.execute("SELECT id FROM catalog_models").fetchall()}
    working = {m.id: m for m in store.current().models} if store.current_version else {}
    added = store.added_in_app() - set(previous_files)
    kept = _kept_additions(added, working, from_files)
    removed = frozenset(in_db - {m.id for m in from_files.models} - kept)
    changed = {
        m.id: m for m in from_files.models
        if previous_files.get(m.id) != m
    }
    overridden = {
        model_id: "catalog files changed this model; they replace edits made in the app "
                  "(see the earlier audit entries to redo them)"
        for model_id in changed
        if model_id in previous_files and working.get(model_id) not in (None,
                                                                        previous_files[model_id])
    }
    for model_id in removed & added:
        overridden[model_id] = ("the catalog files now carry this model under another id; "
                                "the one added in the app gives way")
    catalog = store.replace_models(
        changed, editor=Editor(FILES_EDITOR), reason="catalog files loaded",
        origin="files", remove=removed, meta=from_files.meta, reasons=overridden,
    )
    with _write(db) as conn:
        store._set_state(conn, "files_version", from_files.version)
        store._set_state(conn, "last_error", None)
    return catalog


def _kept_additions(added: set[str], working: dict[str, ModelEntry], files: Catalog) -> set[str]:
    """Models added in the app (by hand, an import or a sync) that a reload of changed files
    keeps, as it keeps edits: all but those whose id or a name the files now use (the files'
    model takes its place). Until round 17 every model not in the files was dropped."""
    return {i for i in added if i in working and not {
        n.lower() for n in (i, working[i].api_id, *working[i].aliases)} & files.names}
