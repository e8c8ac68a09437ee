"""LLM voters of the council: one contract, a registry of provider kinds."""

from council.assess.voters.base import (
    PriceFn,
    ProviderVoter,
    Voter,
    VoterConfig,
    VoterSet,
    build_voters,
    kinds,
    load_voters,
    read_configs,
)

__all__ = [
    "PriceFn", "ProviderVoter", "Voter", "VoterConfig", "VoterSet",
    "build_voters", "kinds", "load_voters", "read_configs",
]
