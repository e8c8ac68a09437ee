"""LLM voters of the council: one contract, a registry of provider kinds."""

# Each provider module registers its kind with base.register when imported.
from council.assess.voters import anthropic_voter, openai_compat  # noqa: F401
from council.assess.voters.base import (
    VOTERS_OFF_NOTE,
    PriceFn,
    ProviderVoter,
    Voter,
    VoterConfig,
    VoterSet,
    build_voters,
    kinds,
    load_voters,
    read_configs,
    voters_for_visitors,
)

__all__ = [
    "VOTERS_OFF_NOTE",
    "PriceFn",
    "ProviderVoter",
    "Voter",
    "VoterConfig",
    "VoterSet",
    "build_voters",
    "kinds",
    "load_voters",
    "read_configs",
    "voters_for_visitors",
]
