"""Price the council with the catalog, through the product's one pricing function.

`catalog_price_fn` prices real votes from their usage blocks. `estimate_vote_cost` predicts
a vote's cost before any call, from the real prompt (counted with the o200k tokenizer and
scaled by the catalog's token ratio for the model's own tokenizer): it is how the budget
of < $0.002 per recommendation is checked (tests) and documented (docs/voters.md).
Run `python -m council.assess.voters.cost [voters.toml]` to print the table.
"""

from __future__ import annotations

import functools
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from council.assess.voters.base import PriceFn, VoterConfig, read_configs
from council.assess.voters.prompt import INSTRUCTIONS, task_message
from council.catalog.model import Catalog
from council.catalog.names import resolve
from council.errors import NotFound
from council.pricing import Usage, price_usage

# A typical answer, for the output side of an estimate (the real ones are similar or shorter).
TYPICAL_ANSWER = ('{"category": "debugging", "difficulty": 4, "capabilities": ["reasoning"], '
                  '"input_tokens": 6000, "output_tokens": 1200, "calls_per_task": 3, '
                  '"runs_per_month": null, "user_waits": false, "reason": "Finding an '
                  'intermittent race condition in a concurrent worker needs careful '
                  'reasoning over code and logs."}')
MESSAGE_OVERHEAD_TOKENS = 8  # role and framing tokens each chat message adds
REASONING_ALLOWANCE_TOKENS = 64  # hidden reasoning when a voter sets reasoning_effort
TYPICAL_TASK = (
    "Our nightly ETL job that loads supplier invoices from S3 into Postgres sometimes "
    "writes duplicate rows when two workers pick up the same file. Find the cause in the "
    "Python worker code and the SQL upsert, fix it, and add a regression test that "
    "reproduces the race with two concurrent workers."
)


def catalog_price_fn(catalog: Catalog) -> PriceFn:
    """A PriceFn over `catalog`; None for a model the catalog does not list. A model name is
    matched as a usage file's is (council.catalog.names: provider prefix, dated snapshot,
    moving alias such as gemini-flash-latest).

    Cache writes are priced as 5-minute writes: that is what `cache_control: ephemeral`
    asks for.
    """

    def price(model_id: str, input_tokens: int, cache_read_tokens: int,
              cache_write_tokens: int, output_tokens: int) -> float | None:
        found = resolve(catalog, model_id)
        if found is None:
            return None
        model = found.model
        usage = Usage(input_tokens=input_tokens, cache_read_tokens=cache_read_tokens,
                      cache_write_5m_tokens=cache_write_tokens, output_tokens=output_tokens)
        return float(price_usage(model, usage).total)

    return price


@functools.cache
def _o200k() -> Any:
    import bpe_openai

    return bpe_openai.get_encoding("o200k_base")


def o200k_tokens(text: str) -> int:
    return len(_o200k().encode(text))


@dataclass(frozen=True)
class VoteCostEstimate:
    voter: str
    model: str
    input_tokens: int
    output_tokens: int
    reasoning_tokens: int
    cost_usd: float


def estimate_vote_cost(config: VoterConfig, catalog: Catalog,
                       description: str = TYPICAL_TASK) -> VoteCostEstimate:
    """The cost of one uncached vote on `description` (NotFound if the model is unpriced)."""
    found = resolve(catalog, config.price_id)
    if found is None:
        raise NotFound(f"voter {config.name}: model {config.price_id!r} is not in the catalog")
    model = found.model
    ratio = model.token_ratio or 1.0
    prompt = o200k_tokens(INSTRUCTIONS) + o200k_tokens(task_message(description))
    input_tokens = math.ceil((prompt + 2 * MESSAGE_OVERHEAD_TOKENS) * ratio)
    output_tokens = min(config.max_tokens, math.ceil(o200k_tokens(TYPICAL_ANSWER) * ratio))
    reasoning = REASONING_ALLOWANCE_TOKENS if "reasoning_effort" in config.extra_body else 0
    usage = Usage(input_tokens=input_tokens, output_tokens=output_tokens,
                  reasoning_tokens=reasoning)
    return VoteCostEstimate(config.name, model.id, input_tokens, output_tokens, reasoning,
                            float(price_usage(model, usage).total))


def main(argv: list[str]) -> None:
    from council.catalog.loader import load_catalog_dir
    from council.config import paths

    voters_file = Path(argv[0]) if argv else Path("voters.example.toml")
    catalog = load_catalog_dir(paths().catalog_dir)
    rows = [estimate_vote_cost(c, catalog) for c in read_configs(voters_file)]
    print(f"{'voter':<24}{'in':>6}{'out':>6}{'reason':>8}{'USD':>12}")
    for r in rows:
        print(f"{r.voter:<24}{r.input_tokens:>6}{r.output_tokens:>6}{r.reasoning_tokens:>8}"
              f"{r.cost_usd:>12.6f}")
    print(f"{'council total':<44}{sum(r.cost_usd for r in rows):>12.6f}")


if __name__ == "__main__":
    main(sys.argv[1:])
