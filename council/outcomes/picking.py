"""Bulk picks: a model per prompt by the least expected cost, or the most successes a budget
buys (`council route pick`).

Per prompt i and model m, with price c[i, m] and P(success) p[i, m]:

- for a failure cost F the pick is argmin_m c[i, m] + (1 - p[i, m]) F (council.decision);
- for a total budget B over the file, the same rule at the largest F whose total spend is
  at most B (a Lagrangian: F is the value of one success the budget implies), then the
  prompts that a slightly larger F would upgrade are upgraded in order of expected
  successes gained per dollar while the budget lasts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from council.currency_words import AFTER, BEFORE, alternation
from council.decision import check_budget
from council.errors import BudgetTooLow, InvalidInput
from council.exchange_rates import to_usd
from council.failure_cost import check_failure_cost
from council.format import money

MAX_PROMPT_CHARS = 1_000_000


@dataclass(frozen=True)
class PromptRow:
    id: str
    prompt: str


@dataclass(frozen=True)
class Picks:
    """One pick per prompt: the model's column, its P, its price, and the failure cost used."""

    failure_cost_usd: float
    choice: np.ndarray  # (n,) model column
    p: np.ndarray  # (n,) P(success) of the pick
    price: np.ndarray  # (n,) price of the pick

    @property
    def spend(self) -> float:
        return float(self.price.sum())

    @property
    def expected_successes(self) -> float:
        return float(self.p.sum())

    def expected_cost(self) -> np.ndarray:
        return self.price + (1.0 - self.p) * self.failure_cost_usd

    def rows(self, ids: Sequence[str], models: Sequence[str]) -> list[dict[str, Any]]:
        exp = self.expected_cost()
        return [{"id": ids[i], "failure_cost_usd": self.failure_cost_usd,
                 "model": models[int(self.choice[i])], "p_success": round(float(self.p[i]), 6),
                 "expected_cost_usd": float(exp[i])} for i in range(len(ids))]


def iter_prompts(path: Path) -> Iterator[tuple[int, PromptRow]]:
    """Stream JSONL rows {"id", "prompt"} with their line numbers; InvalidInput naming
    file:line for anything else (the one reader of prompt files: `route score` and `pick`)."""
    with Path(path).open(encoding="utf-8") as src:
        for number, line in enumerate(src, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{path.name}:{number}: invalid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or "id" not in row:
                raise InvalidInput(f"{path.name}:{number}: a row needs an 'id'")
            prompt = row.get("prompt")
            if not isinstance(prompt, str) or not prompt.strip():
                raise InvalidInput(f"{path.name}:{number} (id {row['id']}): 'prompt' must be a "
                                   "non-empty string")
            if len(prompt) > MAX_PROMPT_CHARS:
                raise InvalidInput(f"{path.name}:{number} (id {row['id']}): prompt of "
                                   f"{len(prompt):,} characters is over {MAX_PROMPT_CHARS:,}")
            yield number, PromptRow(str(row["id"]), prompt)


def read_prompts(path: Path) -> list[PromptRow]:
    """Every prompt of a file, ids unique; InvalidInput naming file:line otherwise."""
    rows: list[PromptRow] = []
    seen: set[str] = set()
    for number, row in iter_prompts(path):
        if row.id in seen:
            raise InvalidInput(f"{path.name}:{number}: id {row.id} appears twice")
        seen.add(row.id)
        rows.append(row)
    if not rows:
        raise InvalidInput(f"{path.name}: no prompts")
    return rows


# A figure given to a dollar flag, with the currency it may be written in: "5", "$5", "30€",
# "EUR 30", "30 USD".
_FIGURE = re.compile(rf"(?:(?P<pre>{alternation(BEFORE)})\s?)?"
                     r"(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)"
                     rf"(?:\s?(?P<suf>{alternation(AFTER)}))?", re.IGNORECASE)


def dollars(flag: str, text: str) -> float:
    """A dollar figure given to ``flag`` ('5', '$5', '5 USD'). A figure in another currency
    ('30€') is named with what it is in dollars, never taken as dollars nor converted
    without a word: the flag says dollars."""
    m = _FIGURE.fullmatch(text.strip())
    if m is None:
        raise InvalidInput(f"{flag}: {text!r} is not a number of dollars")
    # the currency words' own lookup, as the money reader's (money_words.amounts.in_usd)
    code = BEFORE[m["pre"].lower()] if m["pre"] else AFTER[m["suf"].lower()] if m["suf"] \
        else "USD"
    value = float(m["num"])
    if code == "USD":
        return value
    conversion = to_usd(value, code) if code else None
    if conversion is None:
        raise InvalidInput(f"{flag}: {text!r} is not in dollars, and its currency is not "
                           "one the council converts; give the figure in US dollars")
    raise InvalidInput(f"{flag} takes US dollars: {text!r} is {value:g} {code} = "
                       f"{money(conversion.usd)} at {conversion.rate}; give "
                       f"{flag} {conversion.usd:.2f} if that is what you mean")


# "1,000": a figure's head and a three-digit tail led by 0, which no dollar figure of its own
# is written as ("5,500" may be $5 and $500, and stays a list)
_THOUSANDS_HEAD = re.compile(r"\$?\d{1,3}")
_THOUSANDS_TAIL = re.compile(r"0\d\d(?:\.\d*)?")


def parse_failure_costs(text: str) -> list[float]:
    """'0.5,5,50' -> [0.5, 5.0, 50.0], each a sane dollar figure ('$5' is 5). An empty figure
    between commas ('0.01,,1': a figure lost in typing?) or one given twice is named, never
    dropped or run twice without a word."""
    values: list[float] = []
    parts = [p.strip() for p in text.split(",")]
    if not any(parts):
        raise InvalidInput("--failure-cost: give at least one dollar figure, e.g. 0.5,5")
    for before, part in zip(["", *parts], parts, strict=False):
        if not part:
            raise InvalidInput(f"--failure-cost: {text!r} has an empty figure between commas; "
                               "give each failure cost once, e.g. 0.5,5")
        if _THOUSANDS_TAIL.fullmatch(part) and _THOUSANDS_HEAD.fullmatch(before):
            # "1,000" read as $1 and $0 before (review11): a thousands separator, not a list
            raise InvalidInput(f"--failure-cost: '{before},{part}' reads as a thousands "
                               f"separator, yet commas split the figures; give "
                               f"{before.lstrip('$')}{part} without the comma")
        value = dollars("--failure-cost", part)
        try:
            value = check_failure_cost(value)
        except InvalidInput as exc:
            raise InvalidInput(f"--failure-cost: {exc}") from None
        if value in values:
            raise InvalidInput(f"--failure-cost: {part} is given twice in {text!r}; give each "
                               "failure cost once")
        values.append(value)
    return values


def load_prices(path: Path, models: Sequence[str]) -> np.ndarray:
    """Per-call price of each router model from a file shaped like RouterBench's models.json:
    {"models": [{"id", "mean_cost_usd_per_call", ...}]}. Every router model must be there."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path.name}: invalid JSON ({exc.msg})") from exc
    entries = data.get("models") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InvalidInput(f'{path.name}: expected {{"models": [{{"id", '
                           '"mean_cost_usd_per_call"}, ...]}')
    prices: dict[str, float] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise InvalidInput(f"{path.name}: models[{i}] needs an 'id'")
        value = entry.get("mean_cost_usd_per_call")
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value) or value < 0:
            raise InvalidInput(f"{path.name}: model {entry['id']!r}: mean_cost_usd_per_call "
                               f"must be a dollar figure >= 0, got {value!r}")
        prices[entry["id"]] = float(value)
    missing = [m for m in models if m not in prices]
    if missing:
        raise InvalidInput(f"{path.name} has no price for {', '.join(missing)}, which the "
                           "router covers; add them (mean_cost_usd_per_call)")
    return np.array([prices[m] for m in models])


def catalog_prices(catalog: Any, models: Sequence[str], prompts: Sequence[str],
                   output_tokens: int) -> np.ndarray:
    """(n, M) price of each prompt on each router model, from the catalog's current prices:
    the prompt's tokens in, ``output_tokens`` out. Every router model must be in the catalog."""
    from council.pricing import Usage, price_usage
    from council.tokens import count_tokens, for_model

    unknown = [m for m in models if m not in catalog]
    if unknown:
        raise InvalidInput(f"the catalog has no price for {', '.join(unknown)}, which the router "
                           "covers; give --prices PRICES.json")
    entries = [catalog.get(m) for m in models]
    counts = [count_tokens(t) for t in prompts]
    out = np.zeros((len(prompts), len(models)))
    for j, entry in enumerate(entries):
        for i, n in enumerate(counts):
            usage = Usage(input_tokens=for_model(n, entry.token_ratio),
                          output_tokens=for_model(output_tokens, entry.token_ratio))
            out[i, j] = float(price_usage(entry, usage).total)
    return out


def pick_least_expected(p: np.ndarray, price: np.ndarray, failure_usd: float) -> Picks:
    """Per row, the model with the least price + (1 - P) x failure cost; ties to the cheaper."""
    price = np.broadcast_to(price, p.shape)
    total = price + (1.0 - p) * failure_usd
    best = total.min(1, keepdims=True)
    # among (near) ties, the cheaper price, then the first column
    tied = np.where(total <= best + 1e-15, price, np.inf)
    choice = tied.argmin(1)
    rows = np.arange(len(p))
    return Picks(failure_usd, choice, p[rows, choice], price[rows, choice])


def pick_within_budget(p: np.ndarray, price: np.ndarray, budget_usd: float,
                       iterations: int = 60) -> Picks:
    """The most expected successes over the whole file for a total spend <= ``budget_usd``."""
    budget_usd = check_budget(budget_usd, "--budget-usd")
    price = np.broadcast_to(price, p.shape)
    floor = pick_least_expected(p, price, 0.0)
    if floor.spend > budget_usd * (1 + 1e-12):
        raise BudgetTooLow("--budget-usd", budget_usd, floor.spend,
                           f"for the file ({len(p):,} prompts, the cheapest model on each)")
    lo, hi = 0.0, 1.0
    while pick_least_expected(p, price, hi).spend <= budget_usd:
        lo, hi = hi, hi * 4
        if hi > 1e12:  # the budget buys the most likely model everywhere
            return pick_least_expected(p, price, lo)
    for _ in range(iterations):
        mid = (lo + hi) / 2
        if pick_least_expected(p, price, mid).spend <= budget_usd:
            lo = mid
        else:
            hi = mid
    low, high = pick_least_expected(p, price, lo), pick_least_expected(p, price, hi)
    choice, left = low.choice.copy(), budget_usd - low.spend
    differ = np.flatnonzero(low.choice != high.choice)
    gain = high.p[differ] - low.p[differ]
    extra = high.price[differ] - low.price[differ]
    order = np.argsort(-gain / np.maximum(extra, 1e-15), kind="stable")
    for k in order:
        if extra[k] <= left and gain[k] > 0:
            choice[differ[k]] = high.choice[differ[k]]
            left -= extra[k]
    rows = np.arange(len(p))
    return Picks(lo, choice, p[rows, choice], price[rows, choice])
