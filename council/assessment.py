"""Vote and Assessment: what each council member said, and the combined verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class VoteWorkload:
    """The workload numbers an LLM voter read from the task (None where it gave none).

    Per call of the task's model, in tokens: ``input_tokens``, ``output_tokens``; model calls
    per task; runs per month only where the text says; ``user_waits`` True when someone waits
    for each answer, False when results can wait (batchable), None when the text does not say.
    """

    input_tokens: int | None = None
    output_tokens: int | None = None
    calls_per_task: int | None = None
    runs_per_month: float | None = None
    user_waits: bool | None = None


@dataclass(frozen=True)
class CategoryReading:
    """How the local classifier read the category: with its first encoder only, or read again
    with the second because the first reading's top probability was under the cut."""

    encoder: str  # the encoder whose category head gave the distribution
    first_encoder: str
    first_top_p: float  # the first reading's top category probability
    cut: float | None = None  # None: this classifier has no second reading
    second_encoder: str | None = None

    @property
    def read_again(self) -> bool:
        return self.second_encoder is not None and self.encoder == self.second_encoder


@dataclass(frozen=True)
class CouncilValue:
    """A workload number or a needed capability the LLM voters agree on, and how they agreed.

    ``name`` is a workload field (``input_tokens`` ...) or ``needs_<capability>``.
    """

    name: str
    value: float | int | bool
    why: str  # "median of 3 voters (2,000, 3,000, 4,000)"


@dataclass
class Vote:
    """One council member's opinion on a task, or the reason it has none."""

    voter: str
    kind: str  # "local" | "anthropic" | "openai"
    model: str | None = None
    category: str | None = None
    category_p: dict[str, float] = field(default_factory=dict)
    difficulty: float | None = None
    difficulty_sd: float | None = None
    capabilities: list[str] = field(default_factory=list)
    reason: str = ""
    weight: float = 1.0
    latency_s: float = 0.0
    input_tokens: int = 0
    cached_input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    error: str | None = None
    workload: VoteWorkload | None = None  # LLM voters: the workload numbers they read
    # From the vote cache: no request was made, so tokens and cost are 0; the answer's own
    # latency when it was asked is kept in original_latency_s, and when in cached_at.
    cached: bool = False
    original_latency_s: float | None = None
    cached_at: str | None = None
    category_reading: CategoryReading | None = None  # the local classifier's, else None
    # The member says its own reading is unsure (the local classifier: out of its domain,
    # pasted code, a long text, a low top probability); the council counts it by weight.
    unsure: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.category is not None and self.difficulty is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vote:
        """A vote from to_dict(); keys this version does not know are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("workload"), dict):
            values["workload"] = VoteWorkload(**values["workload"])
        if isinstance(values.get("category_reading"), dict):
            values["category_reading"] = CategoryReading(**values["category_reading"])
        return cls(**values)


@dataclass
class Assessment:
    """The council's verdict: a category distribution and a difficulty with uncertainty."""

    category: str
    category_p: dict[str, float]
    difficulty: float
    difficulty_sd: float
    votes: list[Vote] = field(default_factory=list)
    low_confidence: bool = False
    notes: list[str] = field(default_factory=list)
    # What the LLM voters agree on beyond category and difficulty (council.assess.voter_workload):
    # workload numbers, and capabilities the task needs (name "needs_<capability>").
    council_values: list[CouncilValue] = field(default_factory=list)

    @property
    def council_cost_usd(self) -> float:
        return sum(v.cost_usd for v in self.votes)

    @property
    def council_tokens(self) -> int:
        return sum(v.input_tokens + v.output_tokens for v in self.votes)

    @property
    def category_reading(self) -> CategoryReading | None:
        """The local classifier's category reading (None when it gave no vote)."""
        return next((v.category_reading for v in self.votes if v.category_reading), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["council_cost_usd"] = self.council_cost_usd
        data["council_tokens"] = self.council_tokens
        reading = self.category_reading
        data["category_reading"] = asdict(reading) if reading else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        values = {k: v for k, v in data.items()
                  if k not in ("council_cost_usd", "council_tokens", "category_reading")}
        values["votes"] = [Vote.from_dict(v) for v in values.get("votes", [])]
        values["council_values"] = [CouncilValue(**c) for c in values.get("council_values", [])]
        return cls(**values)
