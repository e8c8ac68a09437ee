"""Actual usage: import what a team really spent, price it, compare it with the estimates.

``importers/`` read each format into ``UsageRecord``s, ``attribution`` decides which task a
record belongs to, ``pricing`` prices records with the catalog, ``store`` keeps them in SQLite
(one transaction per import, a stable key per record), ``report`` sets estimate against
actual, ``learn`` refits the workload defaults and ``whatif`` re-prices real traffic.
"""
