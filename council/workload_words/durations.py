"""The words for an hour and a minute, in the languages the readers know: one list for the
call lengths the workload reader reads ("a 10-minute call", Swedish "10 minuter") and the
minutes a failure costs a person ("costs an agent 15 minutes", "kostet 2 Stunden")."""

from __future__ import annotations

import re

HOUR_UNITS = r"hours?|hrs?|horas?|stunden?|heures?|uur|ore|godzin[ay]?|timmar|timme"
MINUTE_UNITS = r"minutes?|mins?|minutos|minuten|minuti|minut[y]?|minuter"
_HOUR = re.compile(rf"(?:{HOUR_UNITS}|h)", re.IGNORECASE)


def in_hours(unit: str) -> bool:
    """Whether a unit the patterns above matched (or a bare "h") is an hour."""
    return _HOUR.fullmatch(unit) is not None
