"""`council serve` (what `make run` starts) loads the classifier before anyone opens a page."""

from __future__ import annotations

import httpx
import pytest

from council.devserver import AppServer
from tests.browser.conftest import WARM_AT_START

pytestmark = [pytest.mark.xdist_group("browser")]  # one app server at a time on two cores


def test_the_classifier_warms_at_server_start_with_no_page_open(app_server: AppServer) -> None:
    """The session's server (tests/browser/conftest.py) waited for the warm-up line before
    yielding to any test, so no page of it was open while the classifier loaded."""
    warm = WARM_AT_START["server"]
    assert warm.ready, warm.log[-2000:]
    assert httpx.get(f"{app_server.url}/_stcore/health").text == "ok"


def test_serve_passes_its_arguments_to_streamlit() -> None:
    from click.testing import CliRunner

    from council.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Arguments after the command go to streamlit" in result.output
