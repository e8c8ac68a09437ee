"""Usage records in SQLite: one transaction per import, one row per stable record key.

Importing a file again counts nothing twice: a record whose key is already stored with the
same content is a duplicate; with different content (a usage bucket that grew since the last
export, a new ``--task``) it is updated in place. Each record is priced at import against
the current catalog; ``ensure_priced`` re-prices the rows priced under another catalog
version (an edited price, a model added under a name that was unknown).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from council.db import Migrations, register
from council.errors import InvalidInput, NotFound
from council.usage.attribution import Attribution
from council.usage.importers import CLI_FORMAT, FormatControl, choose
from council.usage.pricing import Priced, RecordPricer
from council.usage.records import ImportResult, LineError, RunTag, UsageRecord

MAX_ERRORS = 200  # refused lines kept for the message; the rest are counted
BATCH_ROWS = 5_000
IMPORT_CACHE_KIB = 65_536  # SQLite page cache while importing (64 MiB)

COLUMNS: tuple[str, ...] = (
    "key_hash", "key", "import_id", "source", "ts", "day", "provider", "model", "model_id", "task",
    "task_source", "recommendation_id", "run_id", "calls", "input_tokens", "cache_read_tokens",
    "cache_write_5m_tokens", "cache_write_1h_tokens", "output_tokens", "reasoning_tokens",
    "batch", "context_window", "reported_usd", "usd", "price_note", "priced_version", "digest",
    "service_tier", "unbilled",
)
UNBILLED_NOTE = "failed call (status failure, no spend): not billed, priced at $0"


MIGRATIONS = register(Migrations("council.usage.store"))


@MIGRATIONS("usage_001_records_imports_links")
def _create(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS usage_imports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL, format TEXT NOT NULL, imported_at TEXT NOT NULL,
            task TEXT, attribute TEXT NOT NULL,
            parsed INTEGER NOT NULL DEFAULT 0, inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS usage_records (
            key_hash INTEGER NOT NULL UNIQUE,  -- 64 bits of the key: a small index to insert into
            key TEXT NOT NULL,
            import_id INTEGER NOT NULL REFERENCES usage_imports (id),
            source TEXT NOT NULL, ts TEXT NOT NULL, day TEXT NOT NULL,
            provider TEXT, model TEXT NOT NULL, model_id TEXT,
            task TEXT, task_source TEXT, recommendation_id TEXT, run_id TEXT,
            calls INTEGER CHECK (calls IS NULL OR calls >= 0),
            input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
            cache_read_tokens INTEGER NOT NULL CHECK (cache_read_tokens >= 0),
            cache_write_5m_tokens INTEGER NOT NULL CHECK (cache_write_5m_tokens >= 0),
            cache_write_1h_tokens INTEGER NOT NULL CHECK (cache_write_1h_tokens >= 0),
            output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
            reasoning_tokens INTEGER NOT NULL CHECK (reasoning_tokens >= 0),
            batch INTEGER NOT NULL CHECK (batch IN (0, 1)),
            context_window TEXT, reported_usd REAL,
            usd REAL, price_note TEXT, priced_version TEXT NOT NULL,
            digest TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS usage_records_day ON usage_records (day)")
    db.execute("CREATE INDEX IF NOT EXISTS usage_records_task ON usage_records (task, day)")
    # Daily rollups the report reads (thousands of rows, not millions), rebuilt for the days an
    # import or a re-pricing touches. Runs are counted per day and task (a run that crosses
    # midnight counts on both days).
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS usage_daily (
            day TEXT NOT NULL, task TEXT, recommendation_id TEXT,
            model TEXT NOT NULL, known INTEGER NOT NULL,
            records INTEGER NOT NULL, calls INTEGER NOT NULL, uncounted INTEGER NOT NULL,
            input_tokens INTEGER NOT NULL, cache_read_tokens INTEGER NOT NULL,
            cache_write_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
            reasoning_tokens INTEGER NOT NULL, usd REAL NOT NULL, unpriced INTEGER NOT NULL,
            counted_prompt INTEGER NOT NULL, counted_output INTEGER NOT NULL,
            counted_reasoning INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS usage_daily_day ON usage_daily (day)")
    db.execute("CREATE TABLE IF NOT EXISTS usage_daily_runs (day TEXT NOT NULL, task TEXT, "
               "runs INTEGER NOT NULL, run_calls INTEGER NOT NULL)")
    db.execute("CREATE INDEX IF NOT EXISTS usage_daily_runs_day ON usage_daily_runs (day)")
    db.execute("CREATE TABLE IF NOT EXISTS usage_meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS usage_task_links (
            task TEXT PRIMARY KEY,
            share_id TEXT NOT NULL REFERENCES recommendations (share_id),
            linked_at TEXT NOT NULL
        )
        """
    )




def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@MIGRATIONS("usage_002_service_tier")
def _service_tier(db: sqlite_utils.Database) -> None:
    """The paid service tier a record ran on (priority, flex), priced by its factor."""
    db.execute("ALTER TABLE usage_records ADD COLUMN service_tier TEXT")


@MIGRATIONS("usage_003_unbilled_failures")
def _unbilled(db: sqlite_utils.Database) -> None:
    """A failed call the source says was not billed: kept, priced at $0 (QA round 16)."""
    db.execute("ALTER TABLE usage_records ADD COLUMN unbilled INTEGER NOT NULL DEFAULT 0")


def _digest(values: tuple[Any, ...]) -> str:
    return hashlib.blake2b(repr(values).encode(), digest_size=8).hexdigest()


def key_hash(key: str) -> int:
    """The record key as a signed 64-bit integer (the unique index is on this)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big",
                          signed=True)


def _row(rec: UsageRecord, import_id: int, pricer: RecordPricer) -> tuple[Any, ...]:
    counts = (rec.input_tokens, rec.cache_read_tokens, rec.cache_write_5m_tokens,
              rec.cache_write_1h_tokens, rec.output_tokens, rec.reasoning_tokens)
    priced = pricer.price(rec.model, rec.ts.date(), counts, calls=rec.calls, batch=rec.batch,
                          context_window=rec.context_window, service_tier=rec.service_tier)
    if rec.unbilled and priced.model_id is not None:
        priced = Priced(priced.model_id, 0.0, UNBILLED_NOTE)
    content = (rec.source, rec.ts.isoformat(timespec="seconds"), rec.provider, rec.model,
               rec.task, rec.task_source, rec.recommendation_id, rec.run_id, rec.calls,
               *counts, int(rec.batch), rec.context_window, rec.reported_usd)
    if rec.service_tier is not None:  # standard records keep the digest they always had
        content = (*content, rec.service_tier)
    if rec.unbilled:
        content = (*content, "unbilled")
    return (key_hash(rec.key), rec.key, import_id, content[0], content[1], content[1][:10],
            rec.provider,
            rec.model, priced.model_id, rec.task, rec.task_source, rec.recommendation_id,
            rec.run_id, rec.calls, *counts, int(rec.batch), rec.context_window,
            rec.reported_usd, priced.usd, priced.note, pricer.version, _digest(content),
            rec.service_tier, int(rec.unbilled))


_UPSERT = (
    f"INSERT INTO usage_records ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
    "ON CONFLICT (key_hash) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in ("key_hash", "key"))
    + " WHERE usage_records.digest != excluded.digest"
)


def record_count(db: sqlite_utils.Database) -> int:
    """How many usage records are imported, whatever their day."""
    return int(db.execute("SELECT COUNT(*) FROM usage_records").fetchone()[0])


def import_file(db: sqlite_utils.Database, path: Path | str, *, catalog: Any,
                fmt: str | None = None, attribution: Attribution | None = None,
                control: FormatControl = CLI_FORMAT) -> ImportResult:
    """Import one usage file in one transaction; refused lines are reported, the rest kept."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"no usage file at {path}")
    if path.stat().st_size == 0:
        raise InvalidInput(f"{path.name} is empty")
    attribution = attribution or Attribution()
    importer = choose(path, fmt, control)
    pricer = RecordPricer(catalog)
    result = ImportResult(path=str(path), format=importer.name)
    # A bigger page cache while importing: inserting into the key index stays in memory.
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        result = _import(db, path, importer, pricer, result, attribution)
        result.untagged_groupings = dict(attribution.untagged_groupings)
        return result
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")


def _import(db: sqlite_utils.Database, path: Path, importer: Any, pricer: RecordPricer,
            result: ImportResult, attribution: Attribution) -> ImportResult:
    tags: dict[str, RunTag] = {}
    days: set[str] = set()
    usd = 0.0
    with db.conn:  # one transaction: an exception rolls every row of this import back
        db.conn.execute("BEGIN")  # explicit: db.execute alone would commit each write
        cursor = db.execute(
            "INSERT INTO usage_imports (path, format, imported_at, task, attribute) "
            "VALUES (?, ?, ?, ?, ?)",
            [str(path), importer.name, _now(), attribution.task_name, attribution.task_key])
        import_id = int(cursor.lastrowid)
        before = record_count(db)
        changed = 0
        batch: list[tuple[Any, ...]] = []
        for item in importer.read(path, attribution):
            if isinstance(item, LineError):
                result.error_count += 1
                if len(result.errors) < MAX_ERRORS:
                    result.errors.append(item)
                continue
            if isinstance(item, RunTag):
                tags[item.run_id] = item
                continue
            row = _row(item, import_id, pricer)
            days.add(row[5])
            result.parsed += 1
            result.unbilled += item.unbilled
            if row[8] is None:
                result.unknown_models[item.model] = result.unknown_models.get(item.model, 0) + 1
            else:
                usd += row[23]
                found = pricer.resolved(item.model)
                if found is not None and found.moving:
                    result.moving_aliases[item.model] = found.model.id
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                changed += db.conn.executemany(_UPSERT, batch).rowcount
                batch.clear()
        if batch:
            changed += db.conn.executemany(_UPSERT, batch).rowcount
        days |= _apply_run_tags(db, tags)
        _rollup(db, days)
        if _meta(db, "priced_version") is None:
            _set_meta(db, "priced_version", pricer.version)
        result.inserted = record_count(db) - before
        result.updated = changed - result.inserted
        result.duplicates = result.parsed - changed
        result.import_id = import_id
        result.usd = usd
        db.execute(
            "UPDATE usage_imports SET parsed = ?, inserted = ?, updated = ?, duplicates = ?, "
            "rejected = ? WHERE id = ?",
            [result.parsed, result.inserted, result.updated, result.duplicates,
             result.error_count, import_id])
    return result


def _meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM usage_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def _set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT INTO usage_meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
               "DO UPDATE SET value = excluded.value", [key, value])


_ROLLUP = """
    INSERT INTO usage_daily
    SELECT day, task, recommendation_id, COALESCE(model_id, model), model_id IS NOT NULL,
        COUNT(*), COALESCE(SUM(calls), 0), SUM(calls IS NULL), SUM(input_tokens),
        SUM(cache_read_tokens), SUM(cache_write_5m_tokens + cache_write_1h_tokens),
        SUM(output_tokens), SUM(reasoning_tokens), COALESCE(SUM(usd), 0), SUM(usd IS NULL),
        COALESCE(SUM(CASE WHEN calls IS NOT NULL THEN input_tokens + cache_read_tokens
            + cache_write_5m_tokens + cache_write_1h_tokens END), 0),
        COALESCE(SUM(CASE WHEN calls IS NOT NULL THEN output_tokens END), 0),
        COALESCE(SUM(CASE WHEN calls IS NOT NULL THEN reasoning_tokens END), 0)
    FROM usage_records {where}
    GROUP BY day, task, recommendation_id, COALESCE(model_id, model), model_id IS NOT NULL
"""
_ROLLUP_RUNS = """
    INSERT INTO usage_daily_runs
    SELECT day, task, COUNT(DISTINCT run_id), COALESCE(SUM(calls), 0)
    FROM usage_records WHERE run_id IS NOT NULL {and_where} GROUP BY day, task
"""


def _rollup(db: sqlite_utils.Database, days: set[str] | None) -> None:
    """Rebuild the daily rollups for ``days`` (None: all of them), inside the caller's
    transaction."""
    if days is None:
        db.execute("DELETE FROM usage_daily")
        db.execute("DELETE FROM usage_daily_runs")
        db.execute(_ROLLUP.format(where=""))
        db.execute(_ROLLUP_RUNS.format(and_where=""))
        return
    ordered = sorted(days)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM usage_daily WHERE day IN ({marks})", chunk)
        db.execute(f"DELETE FROM usage_daily_runs WHERE day IN ({marks})", chunk)
        db.execute(_ROLLUP.format(where=f"WHERE day IN ({marks})"), chunk)
        db.execute(_ROLLUP_RUNS.format(and_where=f"AND day IN ({marks})"), chunk)


def _apply_run_tags(db: sqlite_utils.Database, tags: dict[str, RunTag]) -> set[str]:
    """Give every call of a tagged trace its task (the tag sits on a span without usage);
    return the days of the records it touched."""
    if not tags:
        return set()
    db.execute("CREATE TEMP TABLE IF NOT EXISTS usage_run_tags "
               "(run_id TEXT PRIMARY KEY, task TEXT, rec TEXT)")
    db.execute("DELETE FROM usage_run_tags")
    db.conn.executemany("INSERT INTO usage_run_tags VALUES (?, ?, ?)",
                        [(t.run_id, t.task or t.recommendation_id, t.recommendation_id)
                         for t in tags.values()])
    db.execute(
        """
        UPDATE usage_records SET
            task = COALESCE(t.task, usage_records.task),
            recommendation_id = COALESCE(t.rec, usage_records.recommendation_id),
            task_source = CASE WHEN t.task IS NULL THEN usage_records.task_source
                               ELSE 'attribute' END
        FROM usage_run_tags t
        WHERE usage_records.run_id = t.run_id
          AND usage_records.task_source IS NOT 'attribute'
        """
    )
    days = {d for d, in db.execute("SELECT DISTINCT day FROM usage_records WHERE run_id IN "
                                    "(SELECT run_id FROM usage_run_tags)").fetchall()}
    db.execute("DELETE FROM usage_run_tags")
    return days


def ensure_priced(db: sqlite_utils.Database, catalog: Any) -> int:
    """Re-price rows priced under another catalog version; return how many were re-priced."""
    if _meta(db, "priced_version") == catalog.version:
        return 0
    pricer = RecordPricer(catalog)
    rows = db.execute(
        "SELECT rowid, model, day, calls, input_tokens, cache_read_tokens, "
        "cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens, batch, "
        "context_window, service_tier, unbilled FROM usage_records WHERE priced_version != ?",
        [catalog.version])
    updates = []
    for rowid, model, day, calls, *rest in rows.fetchall():
        counts, batch, window, tier = tuple(rest[:6]), bool(rest[6]), rest[7], rest[8]
        priced = pricer.price(model, datetime.fromisoformat(day).date(), counts, calls=calls,
                              batch=batch, context_window=window, service_tier=tier)
        if rest[9] and priced.model_id is not None:
            priced = Priced(priced.model_id, 0.0, UNBILLED_NOTE)
        updates.append((priced.model_id, priced.usd, priced.note, catalog.version, rowid))
    with db.conn:
        db.conn.execute("BEGIN")
        db.conn.executemany("UPDATE usage_records SET model_id = ?, usd = ?, price_note = ?, "
                            "priced_version = ? WHERE rowid = ?", updates)
        _rollup(db, None)
        _set_meta(db, "priced_version", catalog.version)
    return len(updates)


def link_task(db: sqlite_utils.Database, task: str, share_id: str) -> str:
    """Tie a task name to the stored recommendation whose estimate it is checked against.
    ``share_id`` may be the share link itself (``.../?r=ID``); returns the id."""
    from council.store import load_recommendation

    share_id = share_id_in(share_id)
    load_recommendation(db, share_id)  # InvalidInput / NotFound with a readable message
    if not task or not task.strip():
        raise InvalidInput("say which task to link")
    with db.conn:
        db.execute("INSERT INTO usage_task_links (task, share_id, linked_at) VALUES (?, ?, ?) "
                   "ON CONFLICT (task) DO UPDATE SET share_id = excluded.share_id, "
                   "linked_at = excluded.linked_at", [task.strip(), share_id, _now()])
    return share_id


def share_id_in(text: str) -> str:
    """The share id in a pasted share link (``http://host/?r=ID``), or the text itself."""
    import re

    text = (text or "").strip()
    found = re.search(r"[?&]r=([^&#\s]+)", text)
    return found.group(1) if found else text


def task_links(db: sqlite_utils.Database) -> dict[str, str]:
    """task -> share id: explicit links, else the recommendation its records were tagged with
    most often."""
    links: dict[str, str] = {}
    for task, share_id, _n in db.execute(
            "SELECT task, recommendation_id, SUM(records) AS n FROM usage_daily "
            "WHERE task IS NOT NULL AND recommendation_id IS NOT NULL "
            "GROUP BY task, recommendation_id ORDER BY n ASC").fetchall():
        links[task] = share_id  # ascending: the most frequent comes last and wins
    for task, share_id in db.execute("SELECT task, share_id FROM usage_task_links").fetchall():
        links[task] = share_id
    return links


def imports(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """The latest imports, newest first."""
    cols = ("id", "path", "format", "imported_at", "task", "attribute", "parsed", "inserted",
            "updated", "duplicates", "rejected")
    rows = db.execute(f"SELECT {', '.join(cols)} FROM usage_imports ORDER BY id DESC LIMIT ?",
                      [max(1, int(limit))]).fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def iter_records(db: sqlite_utils.Database, *, task: str | None = None,
                 since: str | None = None) -> Iterator[dict[str, Any]]:
    """Stored records as dicts (for exports and tests), oldest first."""
    where, args = [], []
    if task is not None:
        where.append("task = ?")
        args.append(task)
    if since is not None:
        where.append("day >= ?")
        args.append(since)
    sql = (f"SELECT {', '.join(COLUMNS)} FROM usage_records"
           + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY ts, key")
    for row in db.execute(sql, args):
        yield dict(zip(COLUMNS, row, strict=True))
