"""TaskSpec: what the user wants done and the workload around it, validated at entry."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from council.decision import MAX_BUDGET_USD, check_budget
from council.errors import InvalidInput
from council.failure_cost import MAX_FAILURE_COST_USD, check_failure_cost

Capability = Literal["tools", "vision", "json", "reasoning", "long_context"]
Quality = Literal["none", "draft", "standard", "production"]

CAPABILITIES: tuple[str, ...] = ("tools", "vision", "json", "reasoning", "long_context")
QUALITY_BARS: dict[str, float] = {"none": 0.0, "draft": 0.6, "standard": 0.75,
                                  "production": 0.9}

MAX_DESCRIPTION_CHARS = 20_000
MAX_TOKENS_PER_CALL = 10_000_000
MAX_CALLS_PER_TASK = 10_000
MAX_RUNS_PER_MONTH = 1_000_000_000


class TaskSpec(BaseModel):
    """A task description plus its workload. None means "use the category default"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    input_tokens: int | None = Field(default=None, ge=1, le=MAX_TOKENS_PER_CALL)
    output_tokens: int | None = Field(default=None, ge=1, le=MAX_TOKENS_PER_CALL)
    cached_prefix_tokens: int | None = Field(default=None, ge=0, le=MAX_TOKENS_PER_CALL)
    calls_per_task: int | None = Field(default=None, ge=1, le=MAX_CALLS_PER_TASK)
    runs_per_month: float | None = Field(default=None, gt=0, le=MAX_RUNS_PER_MONTH)
    reasoning_tokens: int | None = Field(default=None, ge=0, le=MAX_TOKENS_PER_CALL)
    batch: bool = False
    summarise_history: bool = False
    needs: frozenset[Capability] = frozenset()
    # Capabilities the task does not need, overriding the council's vote that it does.
    not_needed: frozenset[Capability] = frozenset()
    min_context: int | None = Field(default=None, ge=1, le=MAX_TOKENS_PER_CALL)
    providers: tuple[str, ...] = ()
    quality: Quality = "standard"
    # what a bad answer costs, per task (None: the category's default, stated as assumed)
    failure_cost_usd: float | None = Field(default=None, ge=0, le=MAX_FAILURE_COST_USD)
    # "the best I can get for $X a month": maximise expected successes within it
    budget_usd_per_month: float | None = Field(default=None, gt=0, le=MAX_BUDGET_USD)
    # the budget is a ceiling ("at most $800 a month"): the least expected cost under it,
    # not the most successes it buys
    budget_ceiling: bool = False

    @model_serializer(mode="wrap")
    def _no_default_ceiling(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """``budget_ceiling`` is written only when set: an answer without a ceiling keeps the
        bytes it had before the field existed (stored answers, golden answers)."""
        data: dict[str, Any] = handler(self)
        if not self.budget_ceiling:
            data.pop("budget_ceiling", None)
        return data

    @field_serializer("needs", "not_needed")
    def _sorted(self, value: frozenset[Capability]) -> list[str]:
        """In name order: a set's order follows the string hash, which differs per process,
        so the same answer's JSON (a share link's export) would differ too."""
        return sorted(value)

    @field_validator("description")
    @classmethod
    def _description_has_words(cls, value: str) -> str:
        cleaned = value.replace("\x00", "").strip()
        if not cleaned:
            raise ValueError("describe the task in at least a few words")
        if len(cleaned) > MAX_DESCRIPTION_CHARS:
            raise ValueError(
                f"{len(cleaned):,} characters is more than the {MAX_DESCRIPTION_CHARS:,} a "
                "description may have: describe the task in a few sentences and give a long "
                "input as a sample (the sample box, or --sample-file) to count its tokens")
        return cleaned

    @field_validator("input_tokens", "output_tokens", "cached_prefix_tokens", "calls_per_task",
                     "runs_per_month", "reasoning_tokens", "min_context", "failure_cost_usd",
                     "budget_usd_per_month", mode="before")
    @classmethod
    def _finite(cls, value: object) -> object:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"must be a finite number, got {value}")
        return value

    @field_validator("failure_cost_usd", "budget_usd_per_month", mode="before")
    @classmethod
    def _dollars_in_words(cls, value: object, info: ValidationInfo) -> object:
        """A negative, zero (budget) or absurd figure named in plain words, not as a bound."""
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            return value
        if info.field_name == "failure_cost_usd":
            return check_failure_cost(value)
        return check_budget(value, "monthly budget")

    @model_validator(mode="after")
    def _prefix_within_input(self) -> TaskSpec:
        if (self.cached_prefix_tokens is not None and self.input_tokens is not None
                and self.cached_prefix_tokens > self.input_tokens):
            raise ValueError(f"cached_prefix_tokens ({self.cached_prefix_tokens}) cannot exceed "
                             f"input_tokens ({self.input_tokens}): the prefix is part of the input")
        return self

    @model_validator(mode="after")
    def _needed_or_not(self) -> TaskSpec:
        both = sorted(self.needs & self.not_needed)
        if both:
            raise ValueError(f"{', '.join(both)} cannot be both needed and not needed")
        return self

    @property
    def quality_bar(self) -> float:
        """The minimum P(adequate) the pick must clear (0 for "none": no floor)."""
        return QUALITY_BARS[self.quality]


def parse_task(**fields: object) -> TaskSpec:
    """Build a TaskSpec, turning pydantic's errors into one readable InvalidInput."""
    try:
        return TaskSpec(**fields)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "task"
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(f"{where}: {message}")
        raise InvalidInput("; ".join(problems)) from None
