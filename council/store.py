"""Stored recommendations, their share ids and the team's feedback on them.

A recommendation is stored whole (the spec, the full recommendation JSON, the catalog
version it used) under a short unguessable share id, so ``?r=<id>`` reopens exactly the
same answer. The id carries a check character, so a mistyped or tampered link is told
apart from one that was never issued.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from council.db import Migrations, register
from council.errors import InvalidInput, NotFound, RateLimited
from council.redact import redact, redact_data
from council.task import TaskSpec

if TYPE_CHECKING:  # the answer's module pulls in the workload reader (1.1 s of imports): a
    # command that only opens the database (`council catalog export`) does not need it
    from council.api import Recommendation

SHARE_ID_LENGTH = 10
_ALPHABET = string.ascii_letters + string.digits + "-_"
_SHARE_ID_RE = re.compile(rf"^[A-Za-z0-9_-]{{{SHARE_ID_LENGTH}}}$")
MAX_NOTE_CHARS = 2_000
# Feedback trains the router, so one visitor must not be able to flood it: at most this
# many verdicts per browser session an hour, and per share link a day (all sessions).
FEEDBACK_PER_SESSION_PER_HOUR = 10
FEEDBACK_PER_LINK_PER_DAY = 30



MIGRATIONS = register(Migrations("council.store"))


@MIGRATIONS("store_001_recommendations_feedback")
def _create_tables(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS recommendations (
            share_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            catalog_version TEXT,
            description TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            rec_json TEXT NOT NULL,
            recommended_model TEXT,
            cost_per_month REAL,
            default_model TEXT,
            default_cost_per_month REAL
        )
        """
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS recommendations_created ON recommendations (created_at)"
    )
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            share_id TEXT NOT NULL REFERENCES recommendations (share_id),
            model_id TEXT NOT NULL,
            adequate INTEGER NOT NULL CHECK (adequate IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS feedback_share ON feedback (share_id)")


@MIGRATIONS("store_002_scrub_secrets")
def _scrub_secrets(db: sqlite_utils.Database) -> None:
    """Mask API keys in rows stored before every vote was redacted in the voter layer
    (a provider's 401 repeating the key went into the votes, the notes and the exports)."""
    scrub_stored(db)


@MIGRATIONS("store_003_feedback_session")
def _feedback_session(db: sqlite_utils.Database) -> None:
    """Which browser session gave each verdict, for the per-session limit."""
    db.execute("ALTER TABLE feedback ADD COLUMN session_id TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session_id, created_at)")


@MIGRATIONS("store_004_budget_spend")
def _budget_spend(db: sqlite_utils.Database) -> None:
    """Budget answers stored before History counted the plan's spend: their month is the
    plan's spend, not the pick's own price for every task (see ``summarise``)."""
    for share_id, rec_json in db.execute(
            "SELECT share_id, rec_json FROM recommendations").fetchall():
        try:
            budget = (json.loads(rec_json).get("decision") or {}).get("budget") or {}
            spend = float(budget["spend_per_month"])
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # no budget, or not an answer this can read: left as it was
        db.execute("UPDATE recommendations SET cost_per_month = ? WHERE share_id = ?",
                   [spend, share_id])




def scrub_stored(db: sqlite_utils.Database, extra: tuple[str, ...] = ()) -> int:
    """Mask key shapes, registered keys and ``extra`` in every stored text column; returns
    how many rows changed. Runs inside the caller's transaction."""
    changed = 0
    rows = db.execute("SELECT share_id, description, spec_json, rec_json "
                      "FROM recommendations").fetchall()
    for share_id, *texts in rows:
        clean = [_scrub_json(t, extra) if i else redact(t, extra) for i, t in enumerate(texts)]
        if clean != texts:
            db.execute("UPDATE recommendations SET description = ?, spec_json = ?, rec_json = ? "
                       "WHERE share_id = ?", [*clean, share_id])
            changed += 1
    for row_id, note, model_id in db.execute(
            "SELECT id, note, model_id FROM feedback").fetchall():
        clean_note, clean_model = redact(note, extra), redact(model_id, extra)
        if (clean_note, clean_model) != (note, model_id):
            db.execute("UPDATE feedback SET note = ?, model_id = ? WHERE id = ?",
                       [clean_note, clean_model, row_id])
            changed += 1
    return changed


def _scrub_json(text: str, extra: tuple[str, ...]) -> str:
    """Redact inside the decoded JSON (so escapes in the text cannot hide a key), re-encoded
    only when something changed."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return redact(text, extra)
    clean = redact_data(data, extra)
    return text if clean == data else json.dumps(clean, sort_keys=True)


# ---------------------------------------------------------------- share ids


def _check_char(body: str) -> str:
    total = sum((i + 1) * _ALPHABET.index(c) for i, c in enumerate(body))
    return _ALPHABET[total % len(_ALPHABET)]


def new_share_id() -> str:
    """Nine random url-safe characters (54 bits) and one check character."""
    body = "".join(secrets.choice(_ALPHABET) for _ in range(SHARE_ID_LENGTH - 1))
    return body + _check_char(body)


def validate_share_id(share_id: object) -> str:
    """Return the id if well formed, else InvalidInput with a readable reason."""
    if not isinstance(share_id, str):
        raise InvalidInput("a share id is a short piece of text, like 'aB3dE5gH9k'")
    share_id = share_id.strip()
    if not _SHARE_ID_RE.match(share_id):
        raise InvalidInput(
            f"'{_clip(share_id)}' is not a share id: expected {SHARE_ID_LENGTH} letters, "
            "digits, '-' or '_'"
        )
    if _check_char(share_id[:-1]) != share_id[-1]:
        raise InvalidInput(
            f"share link '{share_id}' is damaged (a character was changed or mistyped)"
        )
    return share_id


def _clip(text: str, limit: int = 40) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in text)
    return printable if len(printable) <= limit else printable[:limit] + "..."


# ---------------------------------------------------------------- helpers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def summarise(rec: Recommendation) -> dict[str, Any]:
    """The few columns History lists and the spend summary sums.

    Under a monthly budget the month costs the plan's spend (a mix of two models), not the
    pick's own price for every task."""
    budget = rec.decision.budget if rec.decision else None
    per_month = (None if rec.recommended is None else
                 budget.spend_per_month if budget is not None else rec.recommended.cost.per_month)
    return {
        "recommended_model": rec.recommended.model_id if rec.recommended else None,
        "cost_per_month": per_month,
        "default_model": rec.default.model_id,
        "default_cost_per_month": rec.default.cost.per_month,
    }


# ---------------------------------------------------------------- recommendations


@dataclass(frozen=True)
class StoredRecommendation:
    """A recommendation as it was saved: what was asked, what was answered, on which catalog."""

    share_id: str
    created_at: str
    catalog_version: str | None
    rec: Recommendation
    feedback: list[dict[str, Any]] = field(default_factory=list)

    @property
    def spec(self) -> TaskSpec:
        return self.rec.spec


def save_recommendation(db: sqlite_utils.Database, rec: Recommendation) -> str:
    """Store the full recommendation (its task included); return its new share id."""
    data = redact_data(rec.to_dict())
    json.dumps(data, allow_nan=False)  # a NaN would not read back: refuse it here
    spec_data = data["spec"]
    summary = summarise(rec)
    row = {
        "created_at": _now(),
        "catalog_version": data["catalog_version"],
        "description": spec_data["description"],
        "spec_json": json.dumps(spec_data, sort_keys=True),
        "rec_json": json.dumps(data, sort_keys=True),
        **summary,
    }
    for _ in range(5):  # a collision at 54 bits is astronomically unlikely; retry anyway
        share_id = new_share_id()
        try:
            values = {"share_id": share_id, **row}
            with db.conn:
                db.execute(
                    f"INSERT INTO recommendations ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' for _ in values)})", list(values.values()),
                )
            return share_id
        except sqlite3.IntegrityError:  # pragma: no cover - collision
            continue
    raise RuntimeError("could not allocate a share id")  # pragma: no cover


def load_recommendation(db: sqlite_utils.Database, share_id: str) -> StoredRecommendation:
    """The stored answer for a share id: InvalidInput if malformed, NotFound if unknown."""
    share_id = validate_share_id(share_id)
    row = db.execute(
        "SELECT share_id, created_at, catalog_version, spec_json, rec_json "
        "FROM recommendations WHERE share_id = ?", [share_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"no recommendation with share id '{share_id}' (it may have been "
                       "made on another server)")
    return StoredRecommendation(
        share_id=row[0], created_at=row[1], catalog_version=row[2],
        rec=_read_rec(row[4], share_id), feedback=_feedback_for(db, share_id),
    )


def _read_rec(rec_json: str, share_id: str) -> Recommendation:
    """The stored JSON as a Recommendation (older schemas upgraded), or InvalidInput."""
    from council.api import Recommendation

    try:
        data = json.loads(rec_json)
    except (TypeError, ValueError):
        raise InvalidInput(f"the answer stored under '{share_id}' is damaged (not JSON)") from None
    try:
        return Recommendation.from_dict(data)
    except InvalidInput as exc:
        raise InvalidInput(f"the answer stored under '{share_id}' cannot be read: {exc}") from None


# ---------------------------------------------------------------- feedback


def answer_models(rec: Recommendation) -> set[str]:
    """Every model a stored answer names: the pick, the default, the candidates, the models
    it excluded (someone may have used one anyway), the alternatives and the cascade's two."""
    options = [rec.recommended, rec.default, *rec.candidates, *rec.excluded, *rec.alternatives]
    found = {o.model_id for o in options if o is not None}
    if rec.cascade is not None:
        found |= {rec.cascade.cheap, rec.cascade.strong}
    return found


def add_feedback(db: sqlite_utils.Database, share_id: str, model_id: str, adequate: bool,
                 note: str = "", *, session: str | None = None,
                 now: datetime | None = None) -> int:
    """Record whether model_id did the stored task adequately; return the feedback row id.

    Only for a model the answer names; RateLimited past FEEDBACK_PER_SESSION_PER_HOUR for
    ``session`` (the browser session) or FEEDBACK_PER_LINK_PER_DAY for the share link.
    """
    share_id = validate_share_id(share_id)
    if not isinstance(model_id, str) or not model_id.strip():
        raise InvalidInput("say which model the feedback is about")
    if not isinstance(adequate, bool):
        raise InvalidInput("adequate must be yes or no")
    note = (note or "").replace("\x00", "").strip()
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"the note is {len(note):,} characters; keep it under "
                           f"{MAX_NOTE_CHARS:,}")
    row = db.execute("SELECT rec_json FROM recommendations WHERE share_id = ?",
                     [share_id]).fetchone()
    if row is None:
        raise NotFound(f"no recommendation with share id '{share_id}'")
    model_id = model_id.strip()
    named = answer_models(_read_rec(row[0], share_id))
    if model_id not in named:
        raise InvalidInput(f"'{_clip(model_id)}' is not in this answer; rate one of "
                           f"{', '.join(sorted(named))}")
    moment = now or datetime.now(UTC)
    with db.conn:
        db.execute("BEGIN IMMEDIATE")  # count and insert as one step: no burst slips past
        _check_feedback_limits(db, share_id, session, moment)
        cursor = db.execute(
            "INSERT INTO feedback (share_id, model_id, adequate, note, created_at, session_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [share_id, model_id, int(adequate), redact(note),
             moment.isoformat(timespec="seconds"), session],
        )
    return int(cursor.lastrowid)


def _check_feedback_limits(db: sqlite_utils.Database, share_id: str, session: str | None,
                           moment: datetime) -> None:
    day = (moment - timedelta(days=1)).isoformat(timespec="seconds")
    on_link = db.execute("SELECT COUNT(*) FROM feedback WHERE share_id = ? AND created_at > ?",
                         [share_id, day]).fetchone()[0]
    if on_link >= FEEDBACK_PER_LINK_PER_DAY:
        raise RateLimited(f"this answer has had {on_link} verdicts in the last day, the most "
                          "it takes; try again tomorrow")
    if session is None:
        return
    hour = (moment - timedelta(hours=1)).isoformat(timespec="seconds")
    mine = db.execute("SELECT COUNT(*) FROM feedback WHERE session_id = ? AND created_at > ?",
                      [session, hour]).fetchone()[0]
    if mine >= FEEDBACK_PER_SESSION_PER_HOUR:
        raise RateLimited(f"you have sent {mine} verdicts in the last hour, the most one "
                          "visitor can; thank you, and try again later")


def _feedback_for(db: sqlite_utils.Database, share_id: str) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT model_id, adequate, note, created_at FROM feedback WHERE share_id = ? "
        "ORDER BY id", [share_id],
    ).fetchall()
    return [{"model_id": r[0], "adequate": bool(r[1]), "note": r[2], "created_at": r[3]}
            for r in rows]


def feedback_outcomes(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Feedback as outcome rows for training: the latest verdict per (task, model) wins."""
    rows = db.execute(
        "SELECT f.share_id, r.description, f.model_id, f.adequate FROM feedback f "
        "JOIN recommendations r ON r.share_id = f.share_id ORDER BY f.id"
    ).fetchall()
    by_share: dict[str, dict[str, Any]] = {}
    for share_id, prompt, model_id, adequate in rows:
        entry = by_share.setdefault(
            share_id, {"id": share_id, "source": "feedback", "prompt": prompt, "outcomes": {}}
        )
        entry["outcomes"][model_id] = int(adequate)
    return list(by_share.values())


# ---------------------------------------------------------------- history


@dataclass(frozen=True)
class RatedAnswer:
    """One feedback verdict and the stored answer it was about (None when unreadable)."""

    share_id: str
    model_id: str
    adequate: bool
    rated_at: str
    created_at: str
    description: str
    rec: Recommendation | None


def feedback_history(db: sqlite_utils.Database, limit: int = 200) -> list[RatedAnswer]:
    """Each feedback verdict, newest first, with the stored recommendation it was about."""
    limit = max(1, min(int(limit), 5_000))
    rows = db.execute(
        "SELECT f.share_id, f.model_id, f.adequate, f.created_at, r.created_at, "
        "r.description, r.rec_json FROM feedback f "
        "JOIN recommendations r ON r.share_id = f.share_id ORDER BY f.id DESC LIMIT ?",
        [limit],
    ).fetchall()
    out = []
    for share_id, model_id, adequate, rated_at, made_at, description, rec_json in rows:
        try:
            rec: Recommendation | None = _read_rec(rec_json, share_id)
        except InvalidInput:
            rec = None  # History still lists the verdict; "then" reads n/a
        out.append(RatedAnswer(share_id, model_id, bool(adequate), rated_at, made_at,
                               description, rec))
    return out


def recent(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """The newest recommendations with their feedback counts, newest first."""
    limit = max(1, min(int(limit), 1_000))
    rows = db.execute(
        """
        SELECT r.share_id, r.created_at, r.description, r.recommended_model,
               r.cost_per_month, r.default_model, r.default_cost_per_month,
               r.catalog_version,
               COALESCE(SUM(f.adequate), 0), COUNT(f.id)
        FROM recommendations r LEFT JOIN feedback f ON f.share_id = r.share_id
        GROUP BY r.share_id ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?
        """, [limit],
    ).fetchall()
    keys = ("share_id", "created_at", "description", "recommended_model", "cost_per_month",
            "default_model", "default_cost_per_month", "catalog_version")
    out = []
    for row in rows:
        item = dict(zip(keys, row[:8], strict=True))
        item["adequate_votes"] = int(row[8])
        item["feedback_count"] = int(row[9])
        out.append(item)
    return out


@dataclass(frozen=True)
class SpendSummary:
    """What the team's recommended models cost a month against its default frontier model."""

    recommendations: int
    counted: int
    recommended_per_month: float
    default_per_month: float
    # of `counted`, those priced at the team's own monthly volume (typed, or read from the
    # words); the rest at a category's typical volume, which is no one's real spend
    own_volume: int = 0

    @property
    def saving_per_month(self) -> float:
        return self.default_per_month - self.recommended_per_month

    @property
    def saving_share(self) -> float | None:
        if self.default_per_month <= 0:
            return None
        return self.saving_per_month / self.default_per_month


def spend_summary(db: sqlite_utils.Database) -> SpendSummary:
    """Sum monthly costs over recommendations that priced both the pick and the default."""
    total = db.execute("SELECT COUNT(*) FROM recommendations").fetchone()[0]
    counted, rec_sum, default_sum = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(cost_per_month), 0), "
        "COALESCE(SUM(default_cost_per_month), 0) FROM recommendations "
        "WHERE cost_per_month IS NOT NULL AND default_cost_per_month IS NOT NULL"
    ).fetchone()
    own = db.execute(
        "SELECT COUNT(*) FROM recommendations WHERE cost_per_month IS NOT NULL "
        "AND default_cost_per_month IS NOT NULL AND EXISTS (SELECT 1 FROM "
        "json_each(rec_json, '$.assumption_notes') WHERE json_extract(value, '$.name') = "
        "'runs_per_month' AND json_extract(value, '$.source') IN ('you', 'text'))"
    ).fetchone()[0]
    return SpendSummary(recommendations=int(total), counted=int(counted),
                        recommended_per_month=float(rec_sum),
                        default_per_month=float(default_sum), own_volume=int(own))
