"""The same task through the CLI and through the app gives the same answer: both open the
council with council.assembly.open_council (real classifier, catalog and a loopback voter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council import store
from council.cli.main import cli
from council.db import open_db
from tests.app.conftest import no_exception, page_app, share_id_of, submit_task
from tests.voters.fake_providers import FakeProviders

TASK = "Translate product descriptions into German and return JSON"


METERED = ("latency_s", "input_tokens", "cached_input_tokens", "output_tokens", "cost_usd",
           "cached", "original_latency_s", "cached_at")


def _untimed(data: dict) -> dict:
    """The answer without what two runs differ in: the votes' wall-clock latency and, as the
    second run reads the first's votes from the vote cache, their metering."""
    for vote in data["assessment"]["votes"]:
        for name in METERED:
            vote.pop(name, None)
    for name in ("council_cost_usd", "council_tokens"):
        data["assessment"].pop(name, None)
    return data


@pytest.mark.slow
def test_cli_and_app_give_identical_json(council_home: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProviders().start()
    try:
        voters = council_home / "voters.toml"
        voters.write_text(f'[[voter]]\nname = "nano"\nkind = "openai"\nmodel = "gpt-6-luna"\n'
                          f'base_url = "{fake.url}/v1"\nkey_env = "OPENAI_API_KEY"\n',
                          encoding="utf-8")
        monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
        monkeypatch.setenv("OPENAI_API_KEY", fake.keys["openai"])
        result = CliRunner().invoke(cli, ["recommend", TASK, "--runs-per-month", "3000",
                                          "--json"])
        assert result.exit_code == 0, result.output
        from_cli = json.loads(result.stdout)

        at = submit_task(page_app("recommend", timeout=300).run(), TASK,
                         runs_per_month=3000.0)
        no_exception(at)
        stored = store.load_recommendation(open_db(council_home / "council.db"),
                                           share_id_of(at))
        from_app = json.loads(json.dumps(stored.rec.to_dict()))
    finally:
        fake.stop()
    nano = [v for v in from_cli["assessment"]["votes"] if v["voter"] == "nano"]
    assert nano and nano[0]["cost_usd"] > 0, nano[0]["error"]  # the voter answered and was priced
    cached = [v for v in from_app["assessment"]["votes"] if v["voter"] == "nano"]
    assert cached[0]["cached"] and cached[0]["cost_usd"] == 0  # the app reused the CLI's vote
    assert len(fake.requests) == 1
    assert _untimed(from_app) == _untimed(from_cli)
