"""Rows for the pages' tables, built from core objects; no Streamlit, so unit-testable."""

from __future__ import annotations

from datetime import date
from typing import Any

from council.categories import CATEGORIES, SKILLS
from council.format import money

CAPABILITY_LABELS: dict[str, str] = {
    "tools": "tools", "vision": "vision", "json": "JSON", "reasoning": "reasoning",
    "long_context": "long context",
}


def catalog_rows(models: list[Any], today: date) -> list[dict[str, Any]]:
    """One flat row per model: identity, limits, capabilities, price in force, skills, staleness."""
    rows = []
    for m in models:
        price = m.price_in_force(today)  # a row dated later is announced, not in force
        nxt = m.next_price(today)
        row: dict[str, Any] = {
            "id": m.id, "name": m.name, "provider": m.provider, "status": m.status,
            "shutdown": m.shutdown_date.isoformat() if m.shutdown_date else "",
            "context": m.context_window, "max output": m.max_output,
            "input $/M": price.input, "output $/M": price.output,
            "cache read $/M": price.cache_read,
            "batch discount": price.batch_discount,
            "tools": m.tools, "vision": m.vision, "JSON": m.structured_output,
            "reasoning": m.reasoning, "caching": m.prompt_caching, "batch API": m.batch_api,
            "token ratio": m.token_ratio,
            "price verified": price.verified.isoformat(),
            "next price": (f"{nxt.effective_from}: {money(nxt.input)} / {money(nxt.output)}"
                           if nxt is not None else ""),
            "stale": m.is_stale(today),
        }
        for skill in SKILLS:
            score = m.quality.get(skill)
            # "reasoning skill" beside the capability "reasoning", which a bare name overwrote
            row[f"{skill.replace('_', ' ')} skill"] = score.skill if score is not None else None
        # the levels with no public measurement behind them (a price-tier placeholder)
        row["estimated skills"] = ", ".join(
            skill.replace("_", " ") for skill in SKILLS
            if (q := m.quality.get(skill)) is not None and q.estimated)
        rows.append(row)
    return rows


def skill_rows(model: Any) -> list[dict[str, str]]:
    """A model's skill levels with what each rests on: the benchmark and its score, the
    source, the date, and whether it is measured or a price-tier estimate."""
    rows = []
    for skill in SKILLS:
        q = model.quality.get(skill)
        used_for = ", ".join(c.label for c in CATEGORIES if c.skill == skill)
        if q is None:
            rows.append({"skill": skill.replace("_", " "), "level (1-5)": "", "from": "none",
                         "as of": "", "judges": used_for, "benchmark": "", "score": "",
                         "source": ""})
            continue
        rows.append({
            "skill": skill.replace("_", " "), "level (1-5)": f"{q.skill:.2f}",
            "from": "estimated" if q.estimated else "measured", "as of": q.date.isoformat(),
            "judges": used_for, "benchmark": q.benchmark,
            "score": "" if q.score is None else f"{q.score:g}", "source": q.source})
    return rows


def filter_rows(rows: list[dict[str, Any]], *, providers: list[str] | None = None,
                needs: list[str] | None = None, search: str = "",
                include_retired: bool = True, stale_only: bool = False) -> list[dict[str, Any]]:
    """Keep rows matching every filter; ``needs`` are column names that must be true."""
    text = search.strip().lower()
    out = []
    for row in rows:
        if providers and row["provider"] not in providers:
            continue
        if needs and not all(row.get(n) for n in needs):
            continue
        if text and text not in row["id"].lower() and text not in row["name"].lower():
            continue
        if not include_retired and row["status"] not in ("active", "preview"):
            continue
        if stale_only and not row["stale"]:
            continue
        out.append(row)
    return out


def compare_rows(rows: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """Models side by side: one row per attribute, one column per model."""
    chosen = [r for r in rows if r["id"] in ids]
    if not chosen:
        return []
    attributes = [k for k in chosen[0] if k != "id"]
    return [{"attribute": a, **{r["id"]: _cell(r[a], a) for r in chosen}} for a in attributes]


def _cell(value: Any, attribute: str = "") -> str:
    if value is None:
        return "n/a"
    if attribute.endswith("$/M") and isinstance(value, int | float):
        return _per_m(value)
    if attribute == "batch discount" and isinstance(value, int | float):
        return f"{value:.0%}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def audit_rows(entries: list[Any]) -> list[dict[str, Any]]:
    """Audit entries as table rows, values shortened for display."""
    return [
        {"#": e.id, "when": e.at.replace("T", " ")[:19], "editor": e.editor,
         "model": e.model_id, "field": (f"{e.field} (import rejected)"
                                        if getattr(e, "rejected", False) else
                                        _whole_field(e) if e.field == "*" else e.field),
         "from": getattr(e, "effective_from", None) or "",  # a price edit's first day
         "old": _whole_or_short(e.field, e.old), "new": _whole_or_short(e.field, e.new),
         "reason": e.reason, "evidence": e.evidence_url or "",
         "reverts": f"#{e.reverts}" if e.reverts else ""}
        for e in entries
    ]


def _whole_field(e: Any) -> str:
    """A whole-entry change: a model added or removed by an editor, or the files reloaded."""
    if getattr(e, "editor", "") != "catalog-files":
        if e.old is None:
            return "(model added)"
        if e.new is None:
            return "(model removed)"
    return "(whole entry)"


def _whole_or_short(field: str, value: Any) -> str:
    if field == "*":
        return "" if value is None else "entry"
    return _short(value)


def _short(value: Any, limit: int = 80) -> str:
    text = audit_value(value)
    return text if len(text) <= limit else text[:limit] + "..."


def audit_value(value: Any) -> str:
    """An audited value as text; a skill entry as its level and what it rests on."""
    if isinstance(value, dict) and "skill" in value and "benchmark" in value:
        return f"{value['skill']:g} ({value['benchmark']})"
    return "" if value is None else str(value)


def editable_fields(model: Any, today: Any = None) -> dict[str, str]:
    """Label -> dotted field path for the fields editors change most.

    A price comes first as a new dated row (``price.X``, from the date the editor gives), so
    earlier dates and an announced later row keep theirs; correcting the row in force today
    in place is offered after it. Until QA round 15 the first field was the *newest* row in
    place, and for a model with an announced price that row is the future one: a cut typed
    today changed the 2027 price and left today's alone.
    """
    from datetime import UTC, datetime

    fields = {f"{label}: a new price from a date": f"price.{name}"
              for label, name in PRICE_LABELS}
    current = model.price_in_force(today or datetime.now(UTC).date())
    i = list(model.prices).index(current)
    for label, name in (*PRICE_LABELS, ("price verified date", "verified")):
        fields[f"{label}: correct the row from {current.effective_from} in place"] = (
            f"prices.{i}.{name}")
    for name in ("status", "context_window", "max_output", "tools", "structured_output",
                 "reasoning", "prompt_caching", "batch_api", "deprecation_date", "notes"):
        fields[name] = name
    for skill in sorted(model.quality):
        fields[f"quality: {skill} skill"] = f"quality.{skill}.skill"
    return fields


PRICE_LABELS = (("input price $/M", "input"), ("output price $/M", "output"),
                ("cache read $/M", "cache_read"), ("batch discount", "batch_discount"))


def field_value(model: Any, path: str) -> Any:
    """The current value at a dotted path of a model entry, JSON-style."""
    data: Any = model.model_dump(mode="json")
    for part in path.split("."):
        if isinstance(data, list):
            data = data[int(part)] if part.isdigit() and int(part) < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def parse_value(text: str) -> Any:
    """An editor's typed value: JSON when it parses (numbers, true/false, null), else the text."""
    import json

    stripped = text.strip()
    try:
        return json.loads(stripped)
    except ValueError:
        return stripped


def _per_m(value: float | None) -> str:
    if value is None:
        return ""
    return ("-" if value < 0 else "") + f"${abs(value):,.4g}"


def price_history_rows(prices: list[dict[str, Any]]) -> list[dict[str, str]]:
    """A model's dated prices (``CatalogStore.price_history``) in words and units: dollars per
    million tokens, the batch discount as a percentage, long-context tiers and peak hours."""
    rows = []
    for p in prices:
        tiers = "; ".join(f"above {t['threshold']:,} tokens: in {_per_m(t.get('input'))}, "
                          f"out {_per_m(t.get('output'))}" for t in p.get("tiers") or [])
        peak = p.get("peak") or {}
        rows.append({
            "from": str(p.get("effective_from") or ""),
            "input $/M": _per_m(p.get("input")), "output $/M": _per_m(p.get("output")),
            "cache read $/M": _per_m(p.get("cache_read")),
            "cache write 5 min $/M": _per_m(p.get("cache_write_5m")),
            "cache write 1 h $/M": _per_m(p.get("cache_write_1h")),
            "batch discount": (f"{p['batch_discount']:.0%}"
                               if p.get("batch_discount") is not None else ""),
            "long context": tiers,
            "peak hours (UTC)": (", ".join(peak.get("windows_utc") or [])
                                 + (" weekdays" if peak.get("weekdays_only") else "")
                                 if peak else ""),
            "verified": str(p.get("verified") or ""), "source": str(p.get("source") or "")})
    return rows
