"""Models in the team's usage that their provider shuts down: a note for each, with what the
team spent on it, so a usage report does not read as business as usual for a model whose calls
are about to fail (QA round 9: 27,000 calls a month on gpt-5-mini, shut down in 10 days, and no
word of it on the Usage page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from council.catalog.availability import days_left, leaving_soon, retired, successor_words
from council.format import money

if TYPE_CHECKING:
    from council.catalog.model import Catalog
    from council.usage.report import Report


@dataclass(frozen=True)
class ShutdownNote:
    model: str
    shutdown_date: date
    retired: bool  # the date has come: calls to it fail
    usd: float  # what the report's records on it cost
    text: str


def shutdown_notes(report: Report, catalog: Catalog, today: date) -> list[ShutdownNote]:
    """One note per model in the report that is shut down on ``today`` or within the catalog's
    warning window, costliest first."""
    notes: list[ShutdownNote] = []
    for row in report.by_model.values():
        if not row.known or row.model not in catalog:
            continue
        model = catalog.get(row.model)
        when = model.shutdown_date
        gone = retired(model, today)
        if when is None or not (gone or leaving_soon(model, today)):
            continue
        spent = (f"{money(row.totals.usd)} of this usage"
                 + (f", {row.totals.calls:,} calls" if row.totals.calls else ""))
        if gone:
            text = (f"{model.id} was shut down on {when.isoformat()} ({spent}): calls to it "
                    f"fail from then on; {successor_words(model)}")
        else:
            days = days_left(model, today)
            text = (f"{model.id} shuts down on {when.isoformat()}, {days} day"
                    f"{'s' if days != 1 else ''} from now ({spent}); "
                    f"{successor_words(model)}: move this traffic before then")
        notes.append(ShutdownNote(model.id, when, gone, row.totals.usd, text))
    return sorted(notes, key=lambda n: (-n.usd, n.model))
