"""What the source itself said the usage cost (LiteLLM's ``spend``) against the catalog's price.

The report prices every record with the catalog; a proxy that bills at another price (a
negotiated rate, a stale or wrong catalog price, a model alias) showed nowhere until QA round
15: a LiteLLM log whose ``spend`` added to $1.49 read "$0.50 at catalog prices", unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# Within 10% either way the source and the catalog agree (rounding, a cache-write price).
AGREE = 0.10


@dataclass(frozen=True)
class BilledModel:
    model: str
    records: int
    reported_usd: float  # the source's own cost for these records
    catalog_usd: float  # the same records at catalog prices

    @property
    def ratio(self) -> float | None:
        return self.reported_usd / self.catalog_usd if self.catalog_usd > 0 else None

    @property
    def agrees(self) -> bool:
        return self.ratio is not None and abs(self.ratio - 1) <= AGREE


def billed_against_catalog(db: Any, since: date | None = None) -> list[BilledModel]:
    """Per model, the priced records whose source gave its own cost, dearest gap first."""
    where = "WHERE reported_usd IS NOT NULL AND usd IS NOT NULL"
    args: list[str] = []
    if since is not None:
        where += " AND day >= ?"
        args.append(since.isoformat())
    rows = db.execute(f"SELECT model, COUNT(*), SUM(reported_usd), SUM(usd) FROM usage_records "
                      f"{where} GROUP BY model", args).fetchall()
    found = [BilledModel(m, int(n), float(r), float(u)) for m, n, r, u in rows]
    return sorted(found, key=lambda b: -abs(b.reported_usd - b.catalog_usd))
