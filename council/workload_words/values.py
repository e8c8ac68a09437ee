"""The reader's typed values: one ``Read`` (a value with the words it came from) and the
``WorkloadWords`` of a whole description."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Read:
    """One value read from the description, with the exact words it came from."""

    name: str
    value: float | int | bool | str | tuple[str, ...]
    words: str  # the exact span of the description
    start: int
    end: int
    how: str = ""  # how the words became the value ("10,000 a night x 30 nights a month")
    quantity: float | None = None  # sizes: the number in the words' own unit
    unit: str = ""  # sizes: page, file, hour, minute, word, line, token, char


@dataclass(frozen=True)
class WorkloadWords:
    """Everything the reader found; a field is None when the words do not say."""

    runs_per_month: Read | None = None
    input_size: Read | None = None  # value: reference tokens
    output_size: Read | None = None
    calls_per_task: Read | None = None  # an explicit number of steps, turns or tool calls
    loop: Read | None = None  # value "agent" or "multi_turn"
    coding: bool = False  # code words near an agent loop (sets the loop's default length)
    languages: Read | None = None  # value: tuple of language names
    latency: Read | None = None  # value "batch_ok" or "no_batch"
    corpus_size: Read | None = None  # gigabytes and up: the whole data, not one call's input
    # the input size is a reference document asked questions of, sent whole (consulted.py)
    consulted: bool = False
    # a tool or step word (tool_words.py): no value of its own, so not among ``reads``; it
    # lets agentic's calls into a mixed default (council.workload)
    tool_sign: Read | None = None
    # words seen and not turned into a value, each saying which field it leaves to the
    # defaults (its value) and why ("a 15 MB PDF": a file's bytes are not its text)
    unread: tuple[Read, ...] = ()
    reads: tuple[Read, ...] = field(default=(), repr=False)

    @property
    def user_waits(self) -> bool | None:
        """True when the words say someone waits for the answer, False when it can wait."""
        if self.latency is not None:
            return self.latency.value == "no_batch"
        if self.loop is not None and self.loop.value == "multi_turn":
            return True
        return None

    def summary(self) -> dict[str, object]:
        """The readings as plain values, in the fixture's terms (tests/data/workload_phrases)."""
        def size(r: Read | None) -> list[object] | None:
            return None if r is None else [r.quantity, r.unit]

        return {
            "runs_per_month": None if self.runs_per_month is None else self.runs_per_month.value,
            "input": size(self.input_size), "output": size(self.output_size),
            "calls_per_task": None if self.calls_per_task is None else self.calls_per_task.value,
            "loop": None if self.loop is None else self.loop.value,
            "languages": sorted(self.languages.value) if self.languages else [],  # type: ignore[arg-type]
            "latency": (None if self.user_waits is None
                        else "no_batch" if self.user_waits else "batch_ok"),
        }
