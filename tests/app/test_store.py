"""council.store on a real SQLite file: share ids, round trips, feedback, history, spend."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest

from council import db as council_db
from council import store
from council.errors import InvalidInput, NotFound
from council.redact import REDACTED
from council.task import parse_task
from tests.recs import priced_rec as _rec
from tests.recs import real_catalog


@pytest.fixture()
def db(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    real_catalog()  # the answers are built on the real catalog, in a database of its own
    # Only this module's migrations: the store must stand on its own.
    return council_db.open_db(db_path, store.MIGRATIONS)


def test_share_ids_are_short_unique_and_checked() -> None:
    ids = {store.new_share_id() for _ in range(2_000)}
    assert len(ids) == 2_000
    for share_id in list(ids)[:50]:
        assert len(share_id) == store.SHARE_ID_LENGTH
        assert store.validate_share_id(share_id) == share_id


@pytest.mark.parametrize("bad", ["", "abc", "x" * 11, "abc/def?gh", "ÄÖÜäöüßéèê", "../../etc",
                                 "' OR 1=1 --", "\x00" * 10, None, 42])
def test_malformed_share_id_is_invalid_input(bad: object) -> None:
    with pytest.raises(InvalidInput):
        store.validate_share_id(bad)


def test_tampered_share_id_is_detected() -> None:
    share_id = store.new_share_id()
    alphabet = store._ALPHABET
    # Changing any one character breaks the check character.
    for pos in range(len(share_id)):
        swapped = alphabet[(alphabet.index(share_id[pos]) + 1) % len(alphabet)]
        tampered = share_id[:pos] + swapped + share_id[pos + 1:]
        with pytest.raises(InvalidInput, match="damaged"):
            store.validate_share_id(tampered)


def test_round_trip_keeps_spec_rec_and_version(db) -> None:
    spec = parse_task(description="Classify support tickets by urgency", runs_per_month=1000,
                      needs=frozenset({"json", "tools"}), providers=("anthropic",),
                      batch=True, quality="production")
    rec = dataclasses.replace(_rec(), spec=spec)
    share_id = store.save_recommendation(db, rec)
    loaded = store.load_recommendation(db, share_id)
    assert loaded.share_id == share_id
    assert loaded.spec == spec
    assert loaded.rec.to_dict() == rec.to_dict()
    assert loaded.catalog_version == "cat-v1"
    assert loaded.feedback == []


def test_a_damaged_stored_answer_is_a_message(db) -> None:
    share_id = store.save_recommendation(db, _rec())
    with db.conn:
        db.execute("UPDATE recommendations SET rec_json = ? WHERE share_id = ?",
                   ['{"schema_version": 7}', share_id])
    with pytest.raises(InvalidInput, match=f"stored under '{share_id}'.*schema_version 7"):
        store.load_recommendation(db, share_id)


def test_unknown_share_id_is_not_found(db) -> None:
    with pytest.raises(NotFound, match="no recommendation"):
        store.load_recommendation(db, store.new_share_id())


def test_keys_never_stored(db, db_path: Path) -> None:
    key = "sk-ant-api03-" + "A" * 40
    rec = dataclasses.replace(_rec(f"use my key {key} please"),
                              explanation=[f"voter used {key}"])
    share_id = store.save_recommendation(db, rec)
    store.add_feedback(db, share_id, "small-model", True, f"key {key}")
    raw = Path(db_path).read_bytes() + b"".join(
        p.read_bytes() for p in Path(db_path).parent.glob("*.db-wal"))
    assert key.encode() not in raw
    loaded = store.load_recommendation(db, share_id)
    assert REDACTED in loaded.rec.explanation[0]
    assert REDACTED in loaded.spec.description


def test_feedback_and_outcomes(db) -> None:
    a = store.save_recommendation(db, _rec("Summarise a thread"))
    b = store.save_recommendation(db, _rec("Prove a lemma", "big"))
    store.add_feedback(db, a, "small-model", True, "fine")
    store.add_feedback(db, b, "big", False, "")
    store.add_feedback(db, b, "big", True, "second look: fine")  # latest wins
    store.add_feedback(db, b, "claude-haiku-4-5", False, "")  # a candidate of the answer
    rows = {r["id"]: r for r in store.feedback_outcomes(db)}
    assert rows[a] == {"id": a, "source": "feedback", "prompt": "Summarise a thread",
                       "outcomes": {"small-model": 1}}
    assert rows[b]["outcomes"] == {"big": 1, "claude-haiku-4-5": 0}
    assert [f["adequate"] for f in store.load_recommendation(db, b).feedback] == [
        False, True, False]


def test_feedback_validation(db) -> None:
    share_id = store.save_recommendation(db, _rec())
    with pytest.raises(InvalidInput):
        store.add_feedback(db, share_id, "", True, "")
    with pytest.raises(InvalidInput):
        store.add_feedback(db, share_id, "m", True, "x" * (store.MAX_NOTE_CHARS + 1))
    with pytest.raises(NotFound):
        store.add_feedback(db, store.new_share_id(), "m", True, "")
    with pytest.raises(InvalidInput):
        store.add_feedback(db, "nope", "m", True, "")


def test_recent_and_spend(db) -> None:
    ids = [store.save_recommendation(db, _rec(f"task {i}", cost=10.0 * (i + 1)))
           for i in range(3)]
    store.save_recommendation(db, _rec("unpriced", cost=None))
    store.add_feedback(db, ids[0], "small-model", True, "")
    rows = store.recent(db, limit=10)
    assert rows[0]["description"] == "unpriced"
    assert [r["share_id"] for r in rows[1:]] == ids[::-1]
    assert rows[-1]["feedback_count"] == 1 and rows[-1]["adequate_votes"] == 1
    assert len(store.recent(db, limit=2)) == 2
    spend = store.spend_summary(db)
    assert spend.recommendations == 4 and spend.counted == 3
    assert spend.recommended_per_month == pytest.approx(60.0)
    assert spend.default_per_month == pytest.approx(900.0)  # the unpriced one is not counted
    assert spend.saving_per_month == pytest.approx(840.0)
    assert spend.saving_share == pytest.approx(840 / 900)


def test_migrations_apply_once_and_missing_db_is_created(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "nested" / "new.db"
    first = council_db.open_db(path, store.MIGRATIONS)
    assert path.exists()
    assert "recommendations" in first.table_names()
    assert council_db.migrate(council_db.connect(path), [store.MIGRATIONS]) == []
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_concurrent_saves_on_one_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    council_db.open_db(db_path, store.MIGRATIONS)
    saved: list[str] = []
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            conn = council_db.open_db(db_path, store.MIGRATIONS)
            for i in range(10):
                saved.append(store.save_recommendation(conn, _rec(f"w{n} t{i}")))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(saved)) == 80
    assert store.spend_summary(council_db.connect(db_path)).recommendations == 80


def test_an_older_database_is_migrated_and_keeps_its_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database from before the store existed (catalog tables only, with a team edit)
    gains the recommendation tables on open, and keeps the catalog and its audit log."""
    from council.catalog import store as catalog_store
    from council.catalog.store import CatalogStore, init_catalog
    from council.config import paths

    path = tmp_path / "old.db"
    old = council_db.open_db(path, catalog_store.MIGRATIONS)
    version = init_catalog(old, paths().catalog_dir).version
    assert "recommendations" not in old.table_names()
    audit_rows = old.execute("select count(*) from catalog_audit").fetchone()[0]
    old.conn.close()

    upgraded = council_db.open_db(path)  # every registered module: the store's tables too
    assert {"recommendations", "feedback"} <= set(upgraded.table_names())
    assert CatalogStore(upgraded).current_version == version
    assert upgraded.execute("select count(*) from catalog_audit").fetchone()[0] == audit_rows
    share = store.save_recommendation(upgraded, _rec("old db, new table"))
    assert store.load_recommendation(upgraded, share).spec.description == "old db, new table"


def test_history_month_of_a_budget_answer_is_the_plans_spend(db) -> None:
    """QA: History showed the pick's own $45.15 a month for a $50 budget that mixes two."""
    from tests.recs import make_rec
    free = make_rec("Write a REST endpoint", category="code_generation", difficulty=3.0,
                    runs_per_month=1000, quality="none", failure_cost_usd=1000.0)
    rec = make_rec("Write a REST endpoint", category="code_generation", difficulty=3.0,
                   runs_per_month=1000, budget_usd_per_month=free.recommended.cost.per_month / 2)
    plan = rec.decision.budget
    assert len(plan.parts) == 2 and plan.spend_per_month != rec.recommended.cost.per_month
    sid = store.save_recommendation(db, rec)
    row = next(r for r in store.recent(db) if r["share_id"] == sid)
    assert row["cost_per_month"] == pytest.approx(plan.spend_per_month)
    assert store.spend_summary(db).recommended_per_month == pytest.approx(plan.spend_per_month)


def test_budget_answers_stored_before_get_the_plans_spend(db) -> None:
    from tests.recs import make_rec
    free = make_rec("Write a REST endpoint", category="code_generation", difficulty=3.0,
                    runs_per_month=1000, quality="none", failure_cost_usd=1000.0)
    rec = make_rec("Write a REST endpoint", category="code_generation", difficulty=3.0,
                   runs_per_month=1000, budget_usd_per_month=free.recommended.cost.per_month / 2)
    sid = store.save_recommendation(db, rec)
    plain = store.save_recommendation(db, _rec("no budget", cost=12.5))
    db.execute("UPDATE recommendations SET cost_per_month = ? WHERE share_id = ?",
               [rec.recommended.cost.per_month, sid])  # as saved before the fix
    store._budget_spend(db)
    rows = {r["share_id"]: r["cost_per_month"] for r in store.recent(db)}
    assert rows[sid] == pytest.approx(rec.decision.budget.spend_per_month)
    assert rows[plain] == pytest.approx(12.5)
