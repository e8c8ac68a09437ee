"""LLM voters of the council: one contract, a registry of provider kinds."""

# Each provider module registers its kind with base.register when imported.
from council.assess.voters import anthropic_voter, openai_compat  # noqa: F401
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
