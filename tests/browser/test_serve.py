"""`council serve` (what `make run` starts) loads the classifier before anyone opens a page."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from council.devserver import app_server
from council.ui.state import WARM_READY

pytestmark = [pytest.mark.xdist_group("browser")]  # one app server at a time on two cores


def test_the_classifier_warms_at_server_start_with_no_page_open(tmp_path: Path) -> None:
    with app_server(tmp_path / "home") as server:
        deadline = time.monotonic() + 120
        while WARM_READY not in server.log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        log = server.log.read_text()
        assert WARM_READY in log, log[-2000:]
        # Nobody opened a page: the only requests were health checks.
        assert httpx.get(f"{server.url}/_stcore/health").text == "ok"


def test_serve_passes_its_arguments_to_streamlit() -> None:
    from click.testing import CliRunner

    from council.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Arguments after the command go to streamlit" in result.output
