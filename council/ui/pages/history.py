"""History page: the team's recent recommendations, their feedback, the spend saved, and how
the predictions for rated models moved after the outcome model was retrained."""

from __future__ import annotations

import streamlit as st

from council import present, store
from council.errors import CouncilError
from council.format import money
from council.ui import state
from council.ui.errors import message_for, shown_errors
from council.ui.text import md_escape


def page() -> None:
    """Recent recommendations and the default-vs-recommended spend summary."""
    st.title("History")
    st.caption("What the team asked, what the council answered, and how it went.")
    with shown_errors():
        db = state.get_db()
        spend = store.spend_summary(db)
        rows = store.recent(db, limit=200)
        _spend(spend)
        _linked(db)
        _table(rows)
        _movement(db)


def _spend(spend: store.SpendSummary) -> None:
    st.subheader("Team spend per month")
    if spend.counted == 0:
        st.info("No priced recommendations yet: make one on the Recommend page.")
        return
    a, b, c = st.columns(3)
    a.metric("On the default frontier model", money(spend.default_per_month))
    b.metric("On the recommended models", money(spend.recommended_per_month))
    share = spend.saving_share
    if share is None:
        delta = None
    elif share >= 0:
        delta = f"{share:.0%} less than the default"
    else:
        delta = f"{-share:.0%} more than the default"
    c.metric("Saved", money(spend.saving_per_month), delta=delta, delta_arrow="off",
             delta_color="normal" if spend.saving_per_month >= 0 else "inverse")
    typical = spend.counted - spend.own_volume
    st.caption(f"Summed over {spend.counted} of {spend.recommendations} recommendations that "
               f"priced both the pick and the default: {spend.own_volume} at the team's own "
               f"volume and {typical} at a category's typical volume"
               + (", so these figures are an estimate, not the team's bill." if typical else "."))


def _linked(db: object) -> None:
    """The linked usage's real cost beside the saving, which sums the answers' estimates."""
    from council.usage.report import build_report, linked_spend

    catalog = state.get_catalog_store().current()
    linked = linked_spend(build_report(db, catalog))
    if linked is None:
        return
    n = len(linked.recommendations)
    estimate = (f", against {money(linked.estimate_per_month)} a month their answers "
                "estimated" if linked.estimate_per_month is not None else "")
    st.info(md_escape(f"Usage is linked to {n} {'recommendation' if n == 1 else 'recommendations'} "
            f"(tasks {', '.join(linked.tasks)}): their calls really cost "
            f"{money(linked.actual_usd)} over {linked.days} days, "
            f"{money(linked.actual_per_month)} a month, on {', '.join(linked.models)}"
            f"{estimate}. The figures above are the answers' estimates; the Usage page has "
            "each task's bill.", limit=2_000), icon=":material/receipt_long:")


def _table(rows: list[dict]) -> None:
    st.subheader("Recent recommendations")
    if not rows:
        st.info("Nothing yet.")
        return
    table = present.recent_rows(rows)
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "open": st.column_config.LinkColumn("link", display_text="open"),
            "task": st.column_config.TextColumn(width="medium"),
        },
    )


MOVEMENT_TITLE = "How predictions moved after retraining"


def _movement(db: object) -> None:
    """Each verdict: P(adequate) when recommended against P(success) from today's model."""
    from council.outcomes.movement import prediction_movement

    st.subheader(MOVEMENT_TITLE)
    try:
        outcome = state.get_outcome_source()
    except CouncilError as exc:
        st.warning(message_for(exc) + " 'Now' below is the catalog's adequacy.")
        outcome = None
    catalog = state.get_catalog_store().current()
    rows = prediction_movement(db, catalog, outcome)
    if not rows:
        st.info("No feedback yet: rate a model on a recommendation, then run `council train`.")
        return
    if outcome is None:
        st.caption("No outcome model is trained yet (`council train` folds the feedback in), "
                   "so 'now' is the catalog's adequacy under today's catalog.")
    else:
        trained = outcome.model.meta.get("trained_at") or "an earlier run"
        st.caption(f"'Now' is the outcome model trained {trained} where it covers the model "
                   "(shrunk toward the catalog), else the catalog's adequacy today.")
    st.dataframe(
        present.movement_rows(rows),
        hide_index=True, width="stretch",
        column_config={"open": st.column_config.LinkColumn("link", display_text="open"),
                       "task": st.column_config.TextColumn(width="medium")},
    )

