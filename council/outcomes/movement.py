"""How predictions moved after retraining: each rated recommendation, then and now.

For every feedback verdict: P(adequate) the stored recommendation gave the rated model (and
where it came from), and P(success) today: the current outcome model where it covers the
model (shrunk toward the catalog prior, as the recommendation does), else the catalog's
adequacy under the stored assessment and today's catalog. The History page only renders it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from council.adequacy import CATALOG, Adequacy, CatalogAdequacy
from council.outcomes.feedback import shrink

if TYPE_CHECKING:
    import sqlite_utils

    from council.api import Recommendation
    from council.catalog.model import Catalog
    from council.outcomes.adequacy_source import OutcomeAdequacy

NOT_IN_CATALOG = "not in today's catalog"


def stored_adequacy(rec: Recommendation | None, model_id: str) -> Adequacy | None:
    """P(adequate) and its source for ``model_id`` as the stored recommendation recorded it."""
    option = rec.option(model_id) if rec is not None else None
    if option is None:
        return None
    return Adequacy(option.p_adequate, getattr(option, "adequacy_source", None) or CATALOG)


def prediction_movement(db: sqlite_utils.Database, catalog: Catalog,
                        outcome: OutcomeAdequacy | None = None,
                        limit: int = 200) -> list[dict[str, Any]]:
    """One row per feedback verdict, newest first (see the module docstring).

    ``outcome`` is None when no outcome model is trained.
    """
    from council import store

    items = store.feedback_history(db, limit)
    models = {m.id: m for m in catalog.models}
    covered = set(outcome.covered) if outcome is not None else set()
    fitted: dict[str, dict[str, float]] = {}
    wanted = sorted({i.model_id for i in items} & covered)
    if outcome is not None and wanted:
        texts = list(dict.fromkeys(i.description for i in items if i.model_id in covered))
        answers = outcome.model.p_success(texts, wanted)
        fitted = dict(zip(texts, answers, strict=True))
    rows = []
    for item in items:
        model_id, rec = item.model_id, item.rec
        then = stored_adequacy(rec, model_id)
        entry = models.get(model_id)
        catalog_now = (CatalogAdequacy(rec.assessment, models).p_for(entry)
                       if entry is not None and rec is not None else None)
        if outcome is not None and model_id in covered:
            now_p: float | None = shrink(fitted[item.description][model_id],
                                         outcome.counts.get(model_id, 0), catalog_now,
                                         outcome.strength)
            now_source = outcome.source
        elif catalog_now is not None:
            now_p, now_source = catalog_now, CATALOG
        else:
            now_p, now_source = None, NOT_IN_CATALOG if entry is None else CATALOG
        then_p = then.p if then is not None else None
        rows.append({
            "share_id": item.share_id, "rated_at": item.rated_at,
            "task": item.description, "model": model_id,
            "verdict": "adequate" if item.adequate else "not adequate",
            "p_then": then_p, "source_then": then.source if then is not None else None,
            "p_now": now_p, "source_now": now_source,
            "moved": (now_p - then_p) if now_p is not None and then_p is not None else None,
        })
    return rows
