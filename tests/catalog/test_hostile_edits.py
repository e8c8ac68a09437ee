"""Numbers and types are checked at every door (issue 15, rows 7 and 9): edits in the store
and the CLI, imports at review, the provider, the revert reason. A message naming the
field, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from council.catalog.editors import Editor, hash_password
from council.catalog.review import propose_import
from council.catalog.store import CatalogStore
from council.cli.main import cli
from council.errors import InvalidInput

from .test_import import _write_litellm

ALICE = Editor("alice")


@pytest.fixture()
def env(tmp_path: Path, catalog_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[catalog.editors]\nalice = "{hash_password("pw", iterations=1000)}"\n')
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("COUNCIL_CATALOG_DIR", str(catalog_dir))
    monkeypatch.setenv("COUNCIL_SECRETS", str(secrets))
    monkeypatch.setenv("COUNCIL_EDITOR_PASSWORD", "pw")
    return tmp_path


@pytest.mark.parametrize(("field", "value", "named"), [
    ("prices.0.input", float("nan"), "gpt-5.prices.0.input: nan is not a number"),
    ("price.input", float("inf"), "gpt-5.price.input: inf is not a number"),
    ("prices.0.output", -1.0, "price must not be negative"),
    ("token_ratio", float("nan"), "gpt-5.token_ratio: nan"),
    ("context_window", True, "gpt-5.context_window: expected a number, got True"),
    ("tools", 1, "gpt-5.tools: expected yes/no (true or false), got 1"),
    ("prices.0.input", "cheap", "gpt-5.prices.0.input: expected a number, got 'cheap'"),
    ("provider", "openai2", "gpt-5.provider: 'openai2' is not a known provider"),
])
def test_a_bad_edit_names_the_field_and_writes_nothing(store: CatalogStore, field: str,
                                                       value: object, named: str) -> None:
    before = (store.revision("gpt-5"), len(store.audit_log()), store.current_version)
    with pytest.raises(InvalidInput) as caught:
        store.update_field("gpt-5", field, value, editor=ALICE, reason="probe",
                           expected_revision=store.revision("gpt-5"))
    assert named in str(caught.value)
    assert (store.revision("gpt-5"), len(store.audit_log()), store.current_version) == before


@pytest.mark.parametrize(("args", "named"), [
    (["gpt-5", "prices.0.input", ".nan"], "gpt-5.prices.0.input: nan is not a number"),
    (["gpt-5", "prices.0.input", ".inf"], "gpt-5.prices.0.input: inf is not a number"),
    (["gpt-5", "context_window", "lots"], "gpt-5.context_window: expected a number"),
    (["gpt-5", "provider", "openai2"], "'openai2' is not a known provider"),
])
def test_cli_edit_gives_a_message_not_a_traceback(env: Path, args: list[str],
                                                  named: str) -> None:
    result = CliRunner().invoke(cli, ["catalog", "edit", *args, "--editor", "alice",
                                      "--reason", "probe"])
    assert result.exit_code == 2, result.output
    assert named in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_revert_needs_a_reason_in_the_store_and_the_cli(store: CatalogStore, env: Path) -> None:
    entry = store.update_field("gpt-5", "notes", "checked", editor=ALICE, reason="note",
                               expected_revision=store.revision("gpt-5"))
    for reason in ("", "   "):
        with pytest.raises(InvalidInput, match=f"reverting #{entry.id} \\(reason\\)"):
            store.revert(entry.id, editor=ALICE, reason=reason)
    assert store.current().get("gpt-5").notes == "checked"
    edited = CliRunner().invoke(cli, ["catalog", "edit", "gpt-5", "notes", "x", "--editor",
                                      "alice", "--reason", "note", "--json"])
    assert edited.exit_code == 0, edited.output
    result = CliRunner().invoke(cli, ["catalog", "revert", "1", "--editor", "alice",
                                      "--reason", " "])
    assert result.exit_code == 2 and "(reason)" in result.output


@pytest.mark.parametrize(("override", "named"), [
    ({"input_cost_per_token": float("nan")}, "gpt-5 price.input = nan"),
    ({"input_cost_per_token": "NaN"}, "gpt-5 price.input = nan"),
    ({"output_cost_per_token": "cheap"}, "gpt-5 price.output = 'cheap'"),
    ({"input_cost_per_token": True}, "gpt-5 price.input = True"),
    ({"deprecation_date": "soon"}, "gpt-5 deprecation_date = 'soon' is not a date"),
])
def test_an_import_with_bad_values_fails_at_review(store: CatalogStore, env: Path,
                                                   override: dict, named: str) -> None:
    path = _write_litellm(env / "bad.json", store.current(), {"gpt-5": override})
    with pytest.raises(InvalidInput) as caught:
        propose_import(store, {"litellm": path})
    assert named in str(caught.value)
    result = CliRunner().invoke(cli, ["catalog", "import", "--source", "litellm", "--path",
                                      str(path), "--json"])
    assert result.exit_code == 2 and named in result.output, result.output
    assert "Traceback" not in result.output
