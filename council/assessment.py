"""Vote and Assessment: what each council member said, and the combined verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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

    @property
    def ok(self) -> bool:
        return self.error is None and self.category is not None and self.difficulty is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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

    @property
    def council_cost_usd(self) -> float:
        return sum(v.cost_usd for v in self.votes)

    @property
    def council_tokens(self) -> int:
        return sum(v.input_tokens + v.output_tokens for v in self.votes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["council_cost_usd"] = self.council_cost_usd
        data["council_tokens"] = self.council_tokens
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        fields = {k: v for k, v in data.items() if k not in ("council_cost_usd", "council_tokens")}
        fields["votes"] = [Vote(**v) for v in fields.get("votes", [])]
        return cls(**fields)
