"""The typed values an import produces: one record of usage, one refused line, a run's tag."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

TOKEN_FIELDS: tuple[str, ...] = (
    "input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens",
    "output_tokens", "reasoning_tokens",
)


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a setattr call per field, per span
class UsageRecord:
    """Usage of one model: one call (spans, spend-log rows) or a bucket of calls (usage APIs).

    Token counts follow ``council.pricing.Usage``: ``input_tokens`` are fresh prompt tokens
    (cache reads and writes counted apart) and ``reasoning_tokens`` come on top of
    ``output_tokens``. Each importer converts its format's convention to this one.
    """

    key: str  # stable across imports of the same source row: what makes an import idempotent
    source: str  # otlp | litellm | openai | anthropic
    ts: datetime  # UTC start of the call, or of the bucket
    model: str  # as the source named it
    provider: str | None = None
    calls: int | None = 1  # None: the source does not count requests (Anthropic's report)
    input_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_5m_tokens: int = 0
    cache_write_1h_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0
    batch: bool = False
    # A paid service tier the price scales by (OpenAI's and Anthropic's "priority", OpenAI's
    # "flex"); None is standard. Until QA round 16 a priority bucket was priced at standard.
    service_tier: str | None = None
    task: str | None = None
    task_source: str | None = None  # "attribute" | "import" | None (grouped by model only)
    recommendation_id: str | None = None
    run_id: str | None = None  # one run of a task (a trace, a session); None when unknown
    context_window: str | None = None  # Anthropic's "0-200k" / "200k-1M" bucket, when given
    reported_usd: float | None = None  # what the source itself said it cost (LiteLLM's spend)
    # A failed call the source says nothing was billed for (LiteLLM: status "failure" and no
    # spend): kept and counted, priced at $0. QA round 16 priced them as spent.
    unbilled: bool = False
    line: int = 0

    @property
    def prompt_tokens(self) -> int:
        return (self.input_tokens + self.cache_read_tokens + self.cache_write_5m_tokens
                + self.cache_write_1h_tokens)


@dataclass(frozen=True, slots=True)
class LineError:
    """A line (or element) that was refused, and why; the rest of the file still imports."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class RunTag:
    """A span without usage (e.g. the root of an agent run) that names the run's task."""

    run_id: str
    task: str | None
    recommendation_id: str | None


@dataclass
class ImportResult:
    """What one import did: counts, the refused lines, the models the catalog did not know."""

    path: str
    format: str
    import_id: int = 0
    parsed: int = 0  # records read from the file (duplicates inside the file included)
    inserted: int = 0
    updated: int = 0  # same key, different content (a usage bucket that grew, a new --task)
    duplicates: int = 0  # already stored exactly so (or twice in the file): counted once
    errors: list[LineError] = field(default_factory=list)
    error_count: int = 0  # errors beyond the first MAX_ERRORS are counted, not kept
    unknown_models: dict[str, int] = field(default_factory=dict)  # name -> records
    # names that are moving aliases (gemini-flash-latest) -> the catalog model they priced as
    moving_aliases: dict[str, str] = field(default_factory=dict)
    usd: float = 0.0  # priced total of the records read
    unbilled: int = 0  # failed calls the source says were not billed, priced at $0
    # records with no task by the usage API grouping they carry: "project_id" -> 90
    untagged_groupings: dict[str, int] = field(default_factory=dict)

    def moving_note(self) -> str | None:
        """What the import priced through moving aliases, and how to move one (or None)."""
        if not self.moving_aliases:
            return None
        pairs = ", ".join(f"{name} as {model}" for name, model in sorted(
            self.moving_aliases.items()))
        return (f"priced through a moving alias (the provider re-points it at each release): "
                f"{pairs}. If the provider has moved it, move the alias in the catalog "
                "(Catalog, Edit: aliases) and the records are re-priced")

    def grouping_hint(self) -> str | None:
        """How to attribute records that got no task by a grouping they carry, or None."""
        if not self.untagged_groupings:
            return None
        key, n = max(self.untagged_groupings.items(), key=lambda kv: (kv[1], kv[0]))
        return (f"{n:,} records with no task carry {key}: import the file again with {key} "
                f"as the task attribute ('Task attribute' on the Usage page, --attribute {key} "
                f"in the CLI) to see a task per {key.removesuffix('_id').replace('_', ' ')}; "
                "the records are updated, not counted twice")

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path, "format": self.format, "import_id": self.import_id,
            "parsed": self.parsed, "inserted": self.inserted, "updated": self.updated,
            "duplicates": self.duplicates, "rejected": self.error_count,
            "errors": [str(e) for e in self.errors], "unknown_models": self.unknown_models,
            "moving_aliases": self.moving_aliases,
            "usd": self.usd, "untagged_groupings": self.untagged_groupings,
            "unbilled_failures": self.unbilled,
        }
