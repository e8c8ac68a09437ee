"""How predictions moved after retraining: each rated recommendation, then and now.

For every feedback verdict: P(adequate) the stored recommendation gave the rated model (and
where it came from), and P(success) today: the current outcome model where it covers the
model (shrunk toward the catalog prior, as the recommendation does), else the catalog's
adequacy under the stored assessment and today's catalog. The History page only renders it.
"""

from __future__ import annotations

from typing import Any

from council.adequacy import CATALOG, CatalogAdequacy
from council.outcomes.feedback import PRIOR_STRENGTH, outcome_counts, shrink

NOT_IN_CATALOG = "not in today's catalog"


def stored_adequacy(rec: dict[str, Any], model_id: str) -> tuple[float | None, str | None]:
    """P(adequate) and its source for ``model_id`` as the stored recommendation recorded it."""
    options = [rec.get("recommended"), rec.get("default"), *(rec.get("candidates") or []),
               *(rec.get("excluded") or [])]
    for option in options:
        if isinstance(option, dict) and option.get("model_id") == model_id:
            p = option.get("p_adequate")
            if isinstance(p, int | float):
                source = option.get("adequacy_source")
                return float(p), str(source) if source else CATALOG
    return None, None


def _assessment(rec: dict[str, Any]) -> Any | None:
    from council.assessment import Assessment

    data = rec.get("assessment")
    if not isinstance(data, dict):
        return None
    try:
        return Assessment.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


def prediction_movement(db: Any, catalog: Any, outcome: Any | None = None,
                        limit: int = 200) -> list[dict[str, Any]]:
    """One row per feedback verdict, newest first (see the module docstring).

    ``outcome`` is an ``OutcomeAdequacy`` (or None when no outcome model is trained).
    """
    from council import store

    items = store.feedback_history(db, limit)
    models = {m.id: m for m in catalog.models}
    covered = set(outcome.covered) if outcome is not None else set()
    fitted: dict[str, dict[str, float]] = {}
    wanted = sorted({i["model_id"] for i in items} & covered)
    if wanted:
        texts = list(dict.fromkeys(i["description"] for i in items
                                   if i["model_id"] in covered))
        answers = outcome.model.p_success(texts, wanted)  # type: ignore[union-attr]
        fitted = dict(zip(texts, answers, strict=True))
    counts = outcome_counts(outcome.model) if outcome is not None else {}
    rows = []
    for item in items:
        model_id, rec = item["model_id"], item["rec"]
        then_p, then_source = stored_adequacy(rec, model_id)
        assessment = _assessment(rec)
        entry = models.get(model_id)
        catalog_now = (CatalogAdequacy(assessment, models).p_for(entry)
                       if entry is not None and assessment is not None else None)
        if model_id in covered:
            now_p: float | None = shrink(fitted[item["description"]][model_id],
                                         counts.get(model_id, 0), catalog_now, PRIOR_STRENGTH)
            now_source = str(getattr(outcome, "source", "outcomes"))
        elif catalog_now is not None:
            now_p, now_source = catalog_now, CATALOG
        else:
            now_p, now_source = None, NOT_IN_CATALOG if entry is None else CATALOG
        rows.append({
            "share_id": item["share_id"], "rated_at": item["rated_at"],
            "task": item["description"], "model": model_id,
            "verdict": "adequate" if item["adequate"] else "not adequate",
            "p_then": then_p, "source_then": then_source,
            "p_now": now_p, "source_now": now_source,
            "moved": (now_p - then_p) if now_p is not None and then_p is not None else None,
        })
    return rows
