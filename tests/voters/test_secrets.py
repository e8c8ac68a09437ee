"""A provider whose 401 repeats the key it was sent (issue 15, row 1), in both wire formats.

The keys are deliberately not shaped like anyone's (a team proxy's own key), so only the
exact-key masking can catch them; the Anthropic one is long enough that the voter's cut of
the error message at 120 characters falls inside it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from council import store
from council.api import recommend
from council.assess.council import assess
from council.assess.voters import load_voters
from council.catalog.store import init_catalog
from council.cli.main import cli
from council.config import PROJECT_ROOT
from council.db import open_db
from council.present import to_json, to_markdown
from council.redact import REDACTED
from council.task import parse_task

from .conftest import KeywordClassifier, anthropic_voter, openai_voter

KEYS = {"anthropic": "team-anthropic-proxy-" + "Q8w1Zr" * 12,
        "openai": "team-proxy-key-7Hq2ZpX9k"}
TASK = "Find the bug that makes our payment worker crash"


def _leaks(text: str, key: str) -> bool:
    """The key, or any 12-character piece of it, is in the text."""
    return any(key[i:i + 12] in text for i in range(0, len(key) - 11))


@pytest.fixture()
def echoing(fake):
    fake.script.echo_key = True
    return fake


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
def test_the_vote_never_carries_the_key(echoing, kind: str) -> None:
    # The server expects another key: 401, echoing the one it was sent.
    voter = (anthropic_voter(echoing, key=KEYS[kind]) if kind == "anthropic"
             else openai_voter(echoing, key=KEYS[kind]))
    vote = voter.vote(TASK, 5.0)
    assert vote.error.startswith("HTTP 401"), vote.error
    assert REDACTED in vote.error
    assert not _leaks(vote.error, KEYS[kind]), vote.error


def test_the_live_vote_and_the_notes_never_carry_the_key(echoing) -> None:
    a = anthropic_voter(echoing, key=KEYS["anthropic"])
    o = openai_voter(echoing, key=KEYS["openai"])
    seen = []
    result = assess(TASK, classifier=KeywordClassifier(), voters=[a, o], on_vote=seen.append,
                    overall_timeout_s=5.0)
    text = json.dumps([v.to_dict() for v in seen]) + json.dumps(result.to_dict())
    assert len(seen) == 3 and REDACTED in text
    for key in KEYS.values():
        assert not _leaks(text, key)


def _voters_file(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "voters.toml"
    path.write_text(
        f'[[voter]]\nname = "claude"\nkind = "anthropic"\nmodel = "claude-haiku-4-5"\n'
        f'base_url = "{url}"\nkey_env = "TEAM_ANTHROPIC_KEY"\n\n'
        f'[[voter]]\nname = "proxy"\nkind = "openai"\nmodel = "gpt-6-luna"\n'
        f'base_url = "{url}/v1"\nkey_env = "TEAM_PROXY_KEY"\n', encoding="utf-8")
    return path


def test_cli_json_never_prints_the_key(echoing, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("TEAM_ANTHROPIC_KEY", KEYS["anthropic"])
    monkeypatch.setenv("TEAM_PROXY_KEY", KEYS["openai"])
    monkeypatch.setattr("council.classifier_loader.ensure_classifier",
                        lambda *a, **k: KeywordClassifier())
    result = CliRunner().invoke(cli, ["recommend", TASK, "--json", "--voters",
                                      str(_voters_file(tmp_path, echoing.url))])
    assert result.exit_code == 0, result.output
    votes = json.loads(result.output)["assessment"]["votes"]
    assert [v["error"][:8] for v in votes if v["kind"] != "local"] == ["HTTP 401"] * 2
    for key in KEYS.values():
        assert not _leaks(result.output, key)


def test_stored_row_share_link_exports_database_and_log(echoing, tmp_path: Path,
                                                         caplog) -> None:
    caplog.set_level(logging.DEBUG)
    db_path = tmp_path / "council.db"
    db = open_db(db_path)
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    voters = load_voters(_voters_file(tmp_path, echoing.url),
                         secrets={"TEAM_ANTHROPIC_KEY": KEYS["anthropic"],
                                  "TEAM_PROXY_KEY": KEYS["openai"]})
    spec = parse_task(description=TASK)
    rec = recommend(spec, catalog=catalog, classifier=KeywordClassifier(), voters=voters)
    share_id = store.save_recommendation(db, rec)
    stored = store.load_recommendation(db, share_id)  # what a share link shows
    markdown = to_markdown(share_id, stored.created_at, stored.rec)
    exported = to_json(share_id, stored.created_at, stored.rec)
    # A careless log line with the key in it, beside whatever the SDKs logged.
    logging.getLogger("council.test").error("voter %s failed with key %s", "proxy",
                                            KEYS["openai"])
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("council.db*"))
    stored_json = json.dumps(stored.rec.to_dict())
    assert REDACTED in stored_json and REDACTED in markdown
    for key in KEYS.values():
        for text in (stored_json, markdown, exported, caplog.text):
            assert not _leaks(text, key)
        assert key[:12].encode() not in raw
    assert "failed with key [redacted]" in caplog.text
