"""The voter contract, its TOML configuration, and the shared shape of a provider vote.

A voter is anything with `name`, `weight`, `model` and
`vote(description, deadline_s) -> Vote`. Provider voters never raise for a provider
failure: the Vote carries `error` instead, so the council never branches on the provider.
"""

from __future__ import annotations

import logging
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from council.assess.voters.prompt import parse_answer
from council.assess.voters.retry import RetryPolicy, VoterTimeout, call_with_retries
from council.assessment import Vote
from council.errors import InvalidInput, MissingKey, VoterError
from council.keys import get_key
from council.redact import install_log_redaction, redact, register_secret

# price_fn(model_id, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens)
# -> USD, or None when the model has no price. input_tokens are the fresh (uncached) ones.
PriceFn = Callable[[str, int, int, int, int], float | None]


@runtime_checkable
class Voter(Protocol):
    name: str
    weight: float
    model: str | None

    def vote(self, description: str, deadline_s: float) -> Vote:
        """Assess the task within deadline_s seconds from now."""
        ...


class VoterConfig(BaseModel):
    """One `[[voter]]` table of the voters file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: str = Field(min_length=1)  # a key of council.assess.voters.KINDS
    model: str = Field(min_length=1)  # the provider's model id
    catalog_id: str | None = None  # the catalog entry to price with, when it differs
    base_url: str | None = None
    key_env: str | None = None  # env var / secret holding the key; None for keyless servers
    weight: float = Field(default=1.0, gt=0, le=10)
    timeout_s: float = Field(default=8.0, gt=0, le=120)
    max_tokens: int = Field(default=200, ge=16, le=4096)
    max_retries: int = Field(default=2, ge=0, le=5)
    # OpenAI-compatible only: how to ask for JSON and which token-limit field the server takes.
    response_format: Literal["json_schema", "json_object", "none"] = "json_schema"
    max_tokens_field: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
    extra_body: dict[str, Any] = Field(default_factory=dict)  # e.g. reasoning_effort

    @property
    def price_id(self) -> str:
        return self.catalog_id or self.model


@dataclass(frozen=True)
class Reply:
    """What a provider returned: the answer text and the usage block's token counts."""

    text: str
    input_tokens: int  # fresh prompt tokens, excluding cache reads and writes
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    output_tokens: int = 0
    truncated: bool = False  # the provider stopped at the output cap


class ProviderVoter:
    """Shared vote(): deadline, retries, parsing, pricing, errors turned into a Vote."""

    kind: str = "provider"

    def __init__(self, config: VoterConfig, key: str | None,
                 price_fn: PriceFn | None = None) -> None:
        self.config = config
        self.name = config.name
        self.weight = config.weight
        self.model: str | None = config.model
        self._key = key
        self._price_fn = price_fn
        register_secret(key)  # masked in every log record and every later redact()

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(name={self.name!r}, model={self.model!r})"

    def _request(self, description: str, timeout_s: float) -> Reply:
        """One HTTP attempt; raise HTTPFailure, VoterTimeout or VoterError on failure."""
        raise NotImplementedError

    def vote(self, description: str, deadline_s: float) -> Vote:
        """The vote, with this voter's key (and any key shape) masked in its error and reason:
        a provider's error may repeat the key it was sent."""
        vote = self._vote(description, deadline_s)
        if vote.error:
            vote.error = redact(vote.error, (self._key,))
        if vote.reason:
            vote.reason = redact(vote.reason, (self._key,))
        return vote

    def _vote(self, description: str, deadline_s: float) -> Vote:
        start = time.monotonic()
        budget = max(0.0, min(deadline_s, self.config.timeout_s))
        base = Vote(voter=self.name, kind=self.kind, model=self.model, weight=self.weight)
        try:
            reply = call_with_retries(
                lambda left: self._request(description, left),
                deadline=start + budget,
                policy=RetryPolicy(max_retries=self.config.max_retries),
            )
        except VoterTimeout:
            base.error = f"timed out after {budget:.1f} s"
            base.latency_s = time.monotonic() - start
            return base
        except VoterError as exc:
            base.error = str(exc)
            base.latency_s = time.monotonic() - start
            return base
        self._record_usage(base, reply)
        try:
            answer = parse_answer(reply.text)
        except VoterError as exc:  # tokens were spent; the vote keeps its cost
            base.error = (f"answer cut off at max_tokens ({self.config.max_tokens})"
                          if reply.truncated else str(exc))
        else:
            base.category = answer.category
            base.category_p = {}
            base.difficulty = answer.difficulty
            base.capabilities = answer.capabilities
            base.workload = answer.workload
            base.reason = answer.reason
        base.latency_s = time.monotonic() - start
        return base

    def _record_usage(self, vote: Vote, reply: Reply) -> None:
        vote.input_tokens = reply.input_tokens + reply.cache_read_tokens + reply.cache_write_tokens
        vote.cached_input_tokens = reply.cache_read_tokens
        vote.output_tokens = reply.output_tokens
        if self._price_fn is not None:
            cost = self._price_fn(self.config.price_id, reply.input_tokens,
                                  reply.cache_read_tokens, reply.cache_write_tokens,
                                  reply.output_tokens)
            vote.cost_usd = float(cost) if cost is not None else 0.0


_KINDS: dict[str, type[ProviderVoter]] = {}


def register(kind: str) -> Callable[[type[ProviderVoter]], type[ProviderVoter]]:
    """Class decorator: a provider module names its voter kind (``kind = "..."`` in TOML).

    The package imports every provider module, so the registry is full before it is read;
    this module never imports a provider (no import loop).
    """
    def add(cls: type[ProviderVoter]) -> type[ProviderVoter]:
        _KINDS[kind] = cls
        return cls

    return add


def kinds() -> dict[str, type[ProviderVoter]]:
    """The registry of voter kinds."""
    return dict(_KINDS)


class VoterSet(list[Voter]):
    """The voters that can run (provider voters, or voters wrapping them such as the vote
    cache's), plus a note for each one skipped (e.g. no key), and ``problem`` when the
    voters file itself is broken (then there are none)."""

    def __init__(self, voters: list[Voter] | None = None,
                 skipped: list[str] | None = None, problem: str | None = None) -> None:
        super().__init__(voters or [])
        self.skipped: list[str] = skipped or []
        self.problem = problem


def read_configs(path: Path | str) -> list[VoterConfig]:
    """Parse and validate a voters file; InvalidInput names the file, voter and field."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"voters file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"voter"})
    if unknown:
        hint = " (did you mean [[voter]]?)" if "voters" in unknown else ""
        raise InvalidInput(f"{path}: unknown table or key {', '.join(map(repr, unknown))}"
                           f"{hint}; the file holds only [[voter]] tables, one per voter")
    tables = data.get("voter", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise InvalidInput(f"{path}: use [[voter]] tables, one per voter")
    configs: list[VoterConfig] = []
    registry = kinds()
    for i, table in enumerate(tables):
        label = table.get("name", f"#{i + 1}") if isinstance(table, dict) else f"#{i + 1}"
        try:
            config = VoterConfig.model_validate(table)
        except ValidationError as exc:
            problems = "; ".join(
                f"unknown field {'.'.join(str(p) for p in err['loc'])!r}"
                if err["type"] == "extra_forbidden"
                else f"{'.'.join(str(p) for p in err['loc']) or 'voter'}: {err['msg']}"
                for err in exc.errors())
            raise InvalidInput(f"{path}: voter {label}: {problems}") from None
        if config.kind not in registry:
            raise InvalidInput(f"{path}: voter {label}: kind {config.kind!r} is not one of "
                               f"{', '.join(sorted(registry))}")
        if config.name in {c.name for c in configs}:
            raise InvalidInput(f"{path}: voter name {config.name!r} appears twice")
        configs.append(config)
    return configs


# Why a configured voter must not run (e.g. its model is shut down), or None.
SkipCheck = Callable[[VoterConfig], str | None]


def build_voters(configs: list[VoterConfig], secrets: Mapping[str, object] | None = None,
                 price_fn: PriceFn | None = None, skip: SkipCheck | None = None) -> VoterSet:
    """Instantiate each configured voter whose key resolves and that ``skip`` lets run;
    note the rest."""
    install_log_redaction()
    registry = kinds()
    voters = VoterSet()
    for config in configs:
        why = skip(config) if skip is not None else None
        if why:
            voters.skipped.append(f"{config.name}: skipped, {why}")
            continue
        key: str | None = None
        if config.key_env:
            try:
                key = get_key(config.key_env, secrets=secrets)
            except MissingKey as exc:
                voters.skipped.append(f"{config.name}: skipped, {exc}")
                continue
        voters.append(registry[config.kind](config, key, price_fn))
    return voters


def load_voters(path: Path | str, secrets: Mapping[str, object] | None = None,
                price_fn: PriceFn | None = None, skip: SkipCheck | None = None) -> VoterSet:
    """Voters from a TOML file; those without a key, or that ``skip`` stops, are skipped
    and listed in `.skipped`.

    InvalidInput (naming the file, table and field) when the file is missing or invalid.
    """
    return build_voters(read_configs(path), secrets=secrets, price_fn=price_fn, skip=skip)


VOTERS_OFF_NOTE = ("LLM voters are off: the voters file is invalid, so the local classifier "
                   "alone is the council (the operator can run `council doctor`)")


def voters_for_visitors(path: Path | str, secrets: Mapping[str, object] | None = None,
                        price_fn: PriceFn | None = None,
                        skip: SkipCheck | None = None) -> VoterSet:
    """Like load_voters, but a broken voters file is the operator's problem, not the
    visitor's: it is logged as an error and gives no voters, with ``problem`` set."""
    try:
        return load_voters(path, secrets=secrets, price_fn=price_fn, skip=skip)
    except InvalidInput as exc:
        logging.getLogger("council.voters").error("LLM voters are off: %s", exc)
        return VoterSet(problem=str(exc))
