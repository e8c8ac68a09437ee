"""Reading and validating outcome files: one JSON row per prompt with a 0/1 outcome per model.

Rows look like ``{"id", "source", "prompt", "outcomes": {MODEL: 0|1}}``; extra fields are
ignored except ``cost_usd`` (``{MODEL: dollars}``), which benches read. A model absent from
some rows is allowed: those cells are missing for that model (counted and reported), the
rest of the row is kept. Anything else that is wrong is an ``InvalidInput`` naming the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from council.errors import InvalidInput
from council.jsonl import json_object


@dataclass(frozen=True)
class OutcomeRow:
    id: str
    source: str
    prompt: str
    outcomes: dict[str, int]
    cost_usd: dict[str, float] | None = None


@dataclass
class OutcomeSummary:
    """What a pass over an outcome file found, per model."""

    rows: int = 0
    successes: dict[str, int] = field(default_factory=dict)
    observed: dict[str, int] = field(default_factory=dict)

    def missing(self, model: str) -> int:
        return self.rows - self.observed.get(model, 0)

    def add(self, row: OutcomeRow) -> None:
        self.rows += 1
        for model, value in row.outcomes.items():
            self.observed[model] = self.observed.get(model, 0) + 1
            self.successes[model] = self.successes.get(model, 0) + value

    def report(self) -> str:
        """One line per model: rows observed, missing, base rate."""
        lines = [f"{self.rows} rows, {len(self.observed)} models"]
        for model in sorted(self.observed):
            n = self.observed[model]
            lines.append(f"  {model}: {n} outcomes, {self.missing(model)} missing, "
                          f"success rate {self.successes[model] / n:.3f}")
        return "\n".join(lines)

    def check_trainable(self) -> None:
        """Every model needs both outcomes to be learnable; otherwise say which model."""
        if self.rows == 0:
            raise InvalidInput("the outcome file has no rows")
        for model, n in self.observed.items():
            k = self.successes[model]
            if n < 2 or k in (0, n):
                raise InvalidInput(
                    f"model {model!r} has {n} outcome(s), all {'1' if k else '0'}: "
                    "nothing to learn (it needs both successes and failures)")


def parse_row(line: str, where: str) -> OutcomeRow:
    """One JSON line to an OutcomeRow; ``where`` names it (file:line) in errors."""
    data = json_object(line, where)
    row_id = data.get("id")
    prompt = data.get("prompt")
    outcomes = data.get("outcomes")
    if not isinstance(row_id, str | int) or isinstance(row_id, bool) or str(row_id) == "":
        raise InvalidInput(f"{where}: missing or invalid 'id'")
    where = f"{where} (id {row_id})"
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidInput(f"{where}: 'prompt' must be a non-empty string")
    if not isinstance(outcomes, dict) or not outcomes:
        raise InvalidInput(f"{where}: 'outcomes' must be a non-empty object {{model: 0|1}}")
    clean: dict[str, int] = {}
    for model, value in outcomes.items():
        if isinstance(value, bool) or value not in (0, 1):
            raise InvalidInput(f"{where}: outcome for {model!r} is {value!r}; it must be 0 or 1")
        clean[str(model)] = int(value)
    cost = data.get("cost_usd")
    cost_clean: dict[str, float] | None = None
    if cost is not None:
        if not isinstance(cost, dict):
            raise InvalidInput(f"{where}: 'cost_usd' must be an object {{model: dollars}}")
        cost_clean = {}
        for model, value in cost.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise InvalidInput(f"{where}: cost_usd for {model!r} is {value!r}; "
                                   "it must be a non-negative number")
            cost_clean[str(model)] = float(value)
    source = data.get("source", "")
    return OutcomeRow(id=str(row_id), source=str(source), prompt=prompt,
                      outcomes=clean, cost_usd=cost_clean)


def iter_rows(path: Path, summary: OutcomeSummary | None = None) -> Iterator[OutcomeRow]:
    """Stream rows from a JSONL file (blank lines skipped); fills ``summary`` as it goes."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput(f"outcome file not found: {path}")
    seen_any = False
    with path.open(encoding="utf-8", errors="strict") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = parse_row(line, f"{path.name}:{number}")
            seen_any = True
            if summary is not None:
                summary.add(row)
            yield row
    if not seen_any:
        raise InvalidInput(f"outcome file {path} is empty")


@dataclass
class OutcomeTable:
    """Rows in arrays: Y[i, j] is 1/0, or -1 where model j has no outcome on row i."""

    ids: list[str]
    sources: list[str]
    prompts: list[str]
    models: list[str]
    y: np.ndarray
    cost: np.ndarray | None  # dollars per answer, NaN where unknown
    summary: OutcomeSummary

    def __len__(self) -> int:
        return len(self.ids)

    def subset(self, index: np.ndarray) -> OutcomeTable:
        index = np.asarray(index)
        return OutcomeTable(
            ids=[self.ids[i] for i in index], sources=[self.sources[i] for i in index],
            prompts=[self.prompts[i] for i in index], models=list(self.models),
            y=self.y[index], cost=None if self.cost is None else self.cost[index],
            summary=self.summary)


def table_from_rows(rows: Iterable[OutcomeRow], summary: OutcomeSummary) -> OutcomeTable:
    """Collect rows into arrays (int8 outcomes: a few bytes per cell, not per object)."""
    ids: list[str] = []
    sources: list[str] = []
    prompts: list[str] = []
    cells: list[dict[str, int]] = []
    costs: list[dict[str, float] | None] = []
    for row in rows:
        ids.append(row.id)
        sources.append(row.source)
        prompts.append(row.prompt)
        cells.append(row.outcomes)
        costs.append(row.cost_usd)
    models = sorted(summary.observed)
    y = np.full((len(ids), len(models)), -1, dtype=np.int8)
    col = {m: j for j, m in enumerate(models)}
    for i, outcome in enumerate(cells):
        for model, value in outcome.items():
            y[i, col[model]] = value
    cost = None
    if any(c is not None for c in costs):
        cost = np.full((len(ids), len(models)), np.nan)
        for i, c in enumerate(costs):
            for model, value in (c or {}).items():
                if model in col:
                    cost[i, col[model]] = value
    return OutcomeTable(ids, sources, prompts, models, y, cost, summary)


def load_table(path: Path) -> OutcomeTable:
    """Read and validate a whole outcome file into an OutcomeTable."""
    summary = OutcomeSummary()
    table = table_from_rows(iter_rows(path, summary), summary)
    summary.check_trainable()
    return table
