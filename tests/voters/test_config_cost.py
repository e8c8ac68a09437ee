"""The voters file, key resolution, and the council's cost from the catalog."""

from __future__ import annotations

import random

import pytest

from council.assess.voters import load_voters, read_configs
from council.assess.voters.anthropic_voter import AnthropicVoter
from council.assess.voters.cost import catalog_price_fn, estimate_vote_cost
from council.assess.voters.openai_compat import OpenAICompatVoter
from council.catalog.loader import load_catalog_dir
from council.config import PROJECT_ROOT
from council.errors import InvalidInput
from council.pricing import Usage, price_usage

from .conftest import openai_voter

EXAMPLE = PROJECT_ROOT / "voters.example.toml"
KEY_VARS = ("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY")
BUDGET_USD = 0.002


@pytest.fixture(scope="module")
def catalog():
    return load_catalog_dir(PROJECT_ROOT / "models_catalog")


@pytest.fixture()
def no_env_keys(monkeypatch):
    for var in KEY_VARS:
        monkeypatch.delenv(var, raising=False)


def test_example_file_defines_cheap_default_voters(no_env_keys):
    secrets = {var: f"secret-for-{var}" for var in KEY_VARS}
    voters = load_voters(EXAMPLE, secrets=secrets)
    assert [v.model for v in voters] == ["claude-haiku-4-5", "gpt-6-luna",
                                         "gemini-2.5-flash-lite"]
    assert [type(v) for v in voters] == [AnthropicVoter, OpenAICompatVoter, OpenAICompatVoter]
    assert voters.skipped == []
    assert all("secret-for" not in repr(v) for v in voters)


def test_each_missing_key_names_its_variable(no_env_keys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "from-env")
    voters = load_voters(EXAMPLE)
    assert [v.name for v in voters] == ["gpt-6-luna"]
    assert len(voters.skipped) == 2
    assert "ANTHROPIC_API_KEY" in voters.skipped[0] and "GEMINI_API_KEY" in voters.skipped[1]


@pytest.mark.parametrize("text,problem", [
    ('[[voter]]\nname = "x"\nkind = "cohere"\nmodel = "m"\n', "kind 'cohere'"),
    ('[[voter]]\nname = "x"\nkind = "openai"\nmodel = "m"\nweight = -1\n', "weight"),
    ('[[voter]]\nname = "x"\nkind = "openai"\nmodel = "m"\napi_key = "k"\n', "api_key"),
    ("[[voter]\n", "not valid TOML"),
])
def test_bad_voters_file_is_invalid_input(tmp_path, text, problem):
    path = tmp_path / "voters.toml"
    path.write_text(text)
    with pytest.raises(InvalidInput, match=problem):
        read_configs(path)


def test_catalog_price_fn_uses_the_pricing_function(catalog):
    price = catalog_price_fn(catalog)
    got = price("claude-haiku-4-5-20251001", 700, 100, 50, 60)
    want = price_usage(catalog.get("claude-haiku-4-5"),
                       Usage(input_tokens=700, cache_read_tokens=100,
                             cache_write_5m_tokens=50, output_tokens=60)).total
    assert got == pytest.approx(float(want)) and got > 0
    assert price("no-such-model", 1, 0, 0, 1) is None


def test_real_vote_is_priced_from_the_catalog(fake, catalog):
    voter = openai_voter(fake)
    voter._price_fn = catalog_price_fn(catalog)
    vote = voter.vote("Summarise this board meeting transcript.", 5.0)
    assert vote.ok
    model = catalog.get("gpt-6-luna")
    want = price_usage(model, Usage(input_tokens=vote.input_tokens,
                                    output_tokens=vote.output_tokens)).total
    assert vote.cost_usd == pytest.approx(float(want))


def test_default_council_costs_under_budget(catalog):
    configs = read_configs(EXAMPLE)
    typical = sum(estimate_vote_cost(c, catalog).cost_usd for c in configs)
    rng = random.Random(7)
    words = ["invoice", "worker", "race", "postgres", "duplicate", "schema", "contract"]
    longest = " ".join(rng.choice(words) for _ in range(5000))  # cut to MAX_TASK_CHARS
    worst_input = sum(estimate_vote_cost(c, catalog, longest).cost_usd for c in configs)
    assert 0 < typical < worst_input < BUDGET_USD
