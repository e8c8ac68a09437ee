"""Read a stored recommendation dict (Recommendation.to_dict()) into what the page shows.

Fresh and shared answers are both rendered from the stored dict, so a share link shows
exactly the numbers the author saw. No Streamlit here, so it is unit-testable.
"""

from __future__ import annotations

import json
from typing import Any

from council.ui.format import money, percent


def dig(data: Any, *path: str | int) -> Any:
    """data[p0][p1]... or None when any step is missing."""
    for key in path:
        if isinstance(data, dict):
            data = data.get(key)  # type: ignore[arg-type]
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return None
    return data


def first(data: Any, *paths: tuple[str | int, ...]) -> Any:
    for path in paths:
        value = dig(data, *path)
        if value is not None:
            return value
    return None


def model_id(option: Any) -> str | None:
    """The model id of a pick, alternative or candidate entry."""
    if isinstance(option, str):
        return option
    value = first(option, ("model_id",), ("model", "id"), ("model",), ("id",))
    return value if isinstance(value, str) else None


def costs(option: Any) -> dict[str, float | None]:
    """Cost per call, per task and per month of one option."""
    def pick(*names: str) -> float | None:
        value = first(option, *[("cost", n) for n in names], *[(n,) for n in names],
                      *[("costs", n) for n in names])
        return float(value) if isinstance(value, int | float) else None

    return {"per_call": pick("per_call", "cost_per_call", "call"),
            "per_task": pick("per_task", "cost_per_task", "task"),
            "per_month": pick("per_month", "cost_per_month", "month")}


def p_adequate(option: Any) -> float | None:
    value = first(option, ("p_adequate",), ("adequacy",), ("p",))
    return float(value) if isinstance(value, int | float) else None


def recommended(rec: dict[str, Any]) -> dict[str, Any] | None:
    value = first(rec, ("recommended",), ("pick",), ("choice",))
    return value if isinstance(value, dict) else None


def assessment(rec: dict[str, Any]) -> dict[str, Any]:
    value = rec.get("assessment")
    return value if isinstance(value, dict) else {}


def votes(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for v in assessment(rec).get("votes", []) if isinstance(v, dict)]


def vote_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """Who said what, why, how long it took and what it cost."""
    return [
        {"voter": v.get("voter"), "kind": v.get("kind"), "model": v.get("model") or "",
         "category": v.get("category") or "", "difficulty": v.get("difficulty"),
         "± sd": v.get("difficulty_sd"), "reason": v.get("error") or v.get("reason") or "",
         "seconds": round(float(v.get("latency_s") or 0), 2),
         "cost $": float(v.get("cost_usd") or 0),
         "status": "dropped" if v.get("error") else "counted"}
        for v in votes(rec)
    ]


def candidate_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every candidate with cost per month, P(adequate), Pareto flag and whether it is the pick."""
    pick = model_id(recommended(rec))
    raw = first(rec, ("candidates",), ("options",), ("costed",)) or []
    rows = []
    for c in raw if isinstance(raw, list) else []:
        mid = model_id(c)
        cost = costs(c)["per_month"]
        p = p_adequate(c)
        if mid is None or cost is None or p is None:
            continue
        rows.append({"model": mid, "cost per month": cost, "P(adequate)": p,
                     "pareto": bool(first(c, ("pareto",), ("on_frontier",), ("frontier",))),
                     "recommended": mid == pick,
                     "meets bar": bool(first(c, ("meets_bar",), ("adequate",))),
                     "adequacy from": SOURCE_LABELS.get(c.get("adequacy_source"),
                                                        c.get("adequacy_source") or "")})
    return rows


def alternatives(rec: dict[str, Any]) -> list[dict[str, Any]]:
    raw = first(rec, ("alternatives",)) or []
    if isinstance(raw, dict):
        raw = [{"role": k, **v} for k, v in raw.items() if isinstance(v, dict)]
    sources = adequacy_sources(rec)
    out = []
    for a in raw if isinstance(raw, list) else []:
        c = costs(a)
        role = a.get("role") or a.get("kind") or ""
        mid = model_id(a)
        out.append({"role": ROLE_LABELS.get(role, role), "model": mid,
                    "P(adequate)": p_adequate(a),
                    "adequacy from": SOURCE_LABELS.get(sources.get(mid or ""),
                                                       sources.get(mid or "", "")),
                    "per call": c["per_call"],
                    "per month": c["per_month"], "why": a.get("why") or a.get("note") or ""})
    return out


SOURCE_LABELS = {"outcomes": "outcome model", "catalog": "catalog skill (measured)",
                 "catalog-estimate": "estimated: no public measurement"}


def adequacy_sources(rec: dict[str, Any]) -> dict[str, str]:
    """model id -> where its P(adequate) came from ("outcomes" or "catalog"), as stored."""
    options = [recommended(rec), default_option(rec), *(rec.get("candidates") or [])]
    out: dict[str, str] = {}
    for option in options:
        mid = model_id(option) if isinstance(option, dict) else None
        source = option.get("adequacy_source") if isinstance(option, dict) else None
        if mid and isinstance(source, str) and source:
            out.setdefault(mid, source)
    return out


def source_caption(source: Any) -> str:
    """One line under P(adequate): where the number came from."""
    if source == "outcomes":
        return ("From the outcome model: learnt from outcome data and the team's feedback, "
                "shrunk toward the catalog's estimate.")
    if source == "catalog":
        return ("From the catalog's per-category skill (from public measurements) against the "
                "council's difficulty.")
    if source == "catalog-estimate":
        return ("Estimated: no public measurement of this model's skill; the catalog's estimate "
                "carries a wider uncertainty.")
    return f"Source: {source}." if source else "Source not recorded."


def source_summary(rec: dict[str, Any]) -> str:
    """How many candidates' adequacy came from each source (empty when none is recorded)."""
    sources = adequacy_sources(rec)
    if not sources:
        return ""
    covered = sorted(m for m, s in sources.items() if s == "outcomes")
    rest = len(sources) - len(covered)
    if not covered:
        return (f"P(adequate) of all {rest} models comes from the catalog's per-category skill "
                "(no outcome model covers them).")
    return (f"P(adequate) from the outcome model for {', '.join(covered)}; from the catalog's "
            f"per-category skill for the other {rest}.")


def advice_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    raw = first(rec, ("advice",)) or []
    out = []
    for a in raw if isinstance(raw, list) else []:
        if isinstance(a, str):
            out.append({"advice": a, "saves per month": None})
            continue
        effect = first(a, ("saving_per_month",), ("monthly_saving",), ("dollar_effect",),
                       ("saves_per_month",), ("effect_usd",))
        out.append({"advice": a.get("title") or a.get("text") or a.get("advice") or "",
                    "detail": a.get("detail") or a.get("how") or "",
                    "saves per month": float(effect) if isinstance(effect, int | float)
                    else None})
    return out


def no_fit_title(rec: dict[str, Any]) -> str:
    """Why there is no pick: some models meet the constraints but none clears the bar, or
    none meets the constraints at all."""
    if rec.get("candidates"):
        return "No model clears the quality bar"
    return "No model fits"


def advice_markdown(rec: dict[str, Any]) -> str:
    """Advice as a Markdown list, biggest saving first, the detail in full.

    A table cut the detail off at the column edge, and the detail is the advice.
    """
    rows = sorted(advice_rows(rec), key=lambda r: -(r["saves per month"] or 0.0))
    lines = []
    for row in rows:
        saving = row["saves per month"]
        head = f"**{row['advice']}**"
        if saving is not None:
            head += f" (saves {money(saving)} a month)"
        detail = row.get("detail") or ""
        lines.append(f"- {head}" + (f": {detail}" if detail else ""))
    return "\n".join(lines)


def explanation(rec: dict[str, Any]) -> str:
    value = rec.get("explanation")
    if isinstance(value, list):
        return "\n".join(f"- {line}" for line in value)
    return str(value or "")


def assumptions(rec: dict[str, Any]) -> dict[str, Any]:
    value = first(rec, ("assumptions",), ("workload",))
    return value if isinstance(value, dict) else {}


def default_option(rec: dict[str, Any]) -> dict[str, Any] | None:
    value = first(rec, ("default",), ("frontier_default",), ("baseline",))
    return value if isinstance(value, dict) else None


def headline(rec: dict[str, Any]) -> dict[str, Any]:
    """The pick, its three costs, its adequacy, and the saving against the default model."""
    pick = recommended(rec)
    cost = costs(pick)
    default = default_option(rec)
    default_month = costs(default)["per_month"] if default else None
    saving = (default_month - cost["per_month"]
              if default_month is not None and cost["per_month"] is not None else None)
    return {"model": model_id(pick), "name": first(pick, ("name",), ("model_name",)),
            "p_adequate": p_adequate(pick), **cost,
            "default_model": model_id(default), "default_per_month": default_month,
            "saving_per_month": saving,
            "no_fit": first(rec, ("no_fit",), ("no_model_fits",), ("reason_none",))}


def to_markdown(share_id: str, created_at: str, description: str,
                rec: dict[str, Any]) -> str:
    """The answer as a Markdown document for export."""
    h = headline(rec)
    a = assessment(rec)
    lines = [f"# LLM Council recommendation `{share_id}`", "",
             f"*{created_at} · catalog version `{rec.get('catalog_version')}`*", "",
             "## Task", "", description, ""]
    if h["model"]:
        source = dig(recommended(rec), "adequacy_source")
        lines += ["## Recommendation", "",
                  f"**{h['model']}** · P(adequate) {percent(h['p_adequate'])}"
                  + (f" (from {SOURCE_LABELS.get(source, source)})" if source else ""), "",
                  "| per call | per task | per month |", "|---|---|---|",
                  f"| {money(h['per_call'])} | {money(h['per_task'])} | "
                  f"{money(h['per_month'])} |", ""]
        if h["default_model"]:
            lines += [f"Default frontier model {h['default_model']}: "
                      f"{money(h['default_per_month'])} per month "
                      f"(saving {money(h['saving_per_month'])}).", ""]
    elif h["no_fit"]:
        lines += [f"## {no_fit_title(rec)}", "", str(h["no_fit"]), ""]
    if a:
        lines += ["## Council", "",
                  f"Category **{a.get('category')}**, difficulty {a.get('difficulty')} "
                  f"± {a.get('difficulty_sd')}", ""]
        for v in vote_rows(rec):
            lines.append(f"- {v['voter']} ({v['kind']}): {v['category']} "
                         f"{v['difficulty']} — {v['reason']}")
        lines.append("")
    alts = alternatives(rec)
    if alts:
        lines += ["## Alternatives", ""]
        lines += [f"- {x['role']}: {x['model']}, P(adequate) {percent(x['P(adequate)'])}"
                  + (f" ({x['adequacy from']})" if x["adequacy from"] else "")
                  + f", {money(x['per month'])} per month" for x in alts]
        lines.append("")
    adv = advice_rows(rec)
    if adv:
        lines += ["## Advice", ""]
        lines += [f"- {x['advice']}" + (f" (saves {money(x['saves per month'])} per month)"
                                        if x["saves per month"] is not None else "")
                  for x in adv]
        lines.append("")
    cascade = cascade_text(rec)
    if cascade:
        lines += ["## Cascade", "", cascade, ""]
    text = explanation(rec)
    if text:
        lines += ["## Why", "", text, ""]
    return "\n".join(lines)


def to_json(share_id: str, created_at: str, spec: dict[str, Any], rec: dict[str, Any]) -> str:
    return json.dumps({"share_id": share_id, "created_at": created_at, "spec": spec,
                       "recommendation": rec}, indent=2, sort_keys=True)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """What differs between a stored answer and a re-run on today's catalog."""
    a, b = headline(old), headline(new)
    rows = [
        {"what": "catalog version", "then": old.get("catalog_version"),
         "now": new.get("catalog_version")},
        {"what": "recommended model", "then": a["model"], "now": b["model"]},
        {"what": "P(adequate)", "then": percent(a["p_adequate"]), "now": percent(b["p_adequate"])},
        {"what": "adequacy source", "then": dig(recommended(old), "adequacy_source"),
         "now": dig(recommended(new), "adequacy_source")},
        {"what": "cost per call", "then": money(a["per_call"]), "now": money(b["per_call"])},
        {"what": "cost per month", "then": money(a["per_month"]), "now": money(b["per_month"])},
        {"what": "default model per month", "then": money(a["default_per_month"]),
         "now": money(b["default_per_month"])},
    ]
    for row in rows:
        row["changed"] = row["then"] != row["now"]
    return rows


ROLE_LABELS = {"cheaper_riskier": "cheaper, riskier", "safer_dearer": "safer, dearer",
               "closest": "closest"}


def breakdown_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The pick's cost itemised per task and per month (input, cache, output, reasoning)."""
    cost = dig(recommended(rec), "cost") or {}
    per_task = cost.get("parts_per_task") or {}
    per_month = cost.get("parts_per_month") or {}
    return [{"part": part.replace("_", " "), "per task": per_task.get(part),
             "per month": per_month.get(part)}
            for part in per_task if per_task.get(part) or per_month.get(part)]


def variant_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The pick priced real-time vs batch, with and without caching."""
    variants = dig(recommended(rec), "variants") or {}
    return [{"variant": name.replace("_", " "), "per call": v.get("per_call"),
             "per task": v.get("per_task"), "per month": v.get("per_month")}
            for name, v in variants.items() if isinstance(v, dict)]


def cascade_text(rec: dict[str, Any]) -> str | None:
    c = rec.get("cascade")
    if not isinstance(c, dict):
        return None
    saving = c.get("saving_per_month")
    if isinstance(saving, int | float) and saving < 0:
        effect = f"{money(-saving)} more"
    else:
        effect = f"{money(saving)} saved"
    verdict = "worth it" if c.get("worth_it") else "not worth it here"
    note = str(c.get("note") or "")
    note = f" This assumes {note.removeprefix('assumes ')}." if note else ""
    return (f"Try **{c.get('cheap')}** first and escalate to **{c.get('strong')}** when it "
            f"fails (about {percent(c.get('escalation_rate'))} of tasks): expected "
            f"{money(c.get('expected_per_month'))} a month against "
            f"{money(c.get('strong_only_per_month'))} for {c.get('strong')} alone "
            f"({effect}): {verdict}.{note}")


def assumption_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    notes = rec.get("assumption_notes")
    if isinstance(notes, list) and notes:
        return [{"assumption": n.get("name", "").replace("_", " "), "value": str(n.get("value")),
                 "from": n.get("source", ""), "why": n.get("why", "")} for n in notes]
    return [{"assumption": k.replace("_", " "), "value": str(v), "from": "", "why": ""}
            for k, v in assumptions(rec).items()]


def excluded_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    raw = rec.get("excluded") or []
    return [{"model": e.get("model_id"), "provider": e.get("provider"),
             "why not": "; ".join(e.get("reasons") or [])} for e in raw if isinstance(e, dict)]
