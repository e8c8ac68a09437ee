"""LLM voters of the council: one contract, a registry of provider kinds."""

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
