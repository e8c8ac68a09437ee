"""The real app in a subprocess and headless Chromium driving it.

`app_server` starts `council serve` (streamlit run app.py, as `make run` does) once per
session on a free port with its own database under a tmp dir, editor credentials in a tmp
secrets file and no API keys, waits for /_stcore/health, then for the classifier's warm-up
line in its log before any test can open a page (WARM_AT_START, read by test_serve.py: one
server for both, where a second server for that check took ~14 s of the suite). `browser`
launches Debian's Chromium through Playwright.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from council.devserver import CHROMIUM, CHROMIUM_ARGS, AppServer
from council.devserver import app_server as run_app
from council.ui.state import WARM_READY
from tests.browser.helpers import ARTIFACTS, record_measurement

EDITOR = ("ada", "correct-horse-battery")
STARTUP_TIMEOUT_S = 120
WARM_TIMEOUT_S = 120


@dataclass(frozen=True)
class WarmAtStart:
    """What the session server's log said before any test could open a page."""

    ready: bool
    seconds: float  # from a healthy server to the warm-up line (or to giving up)
    log: str


WARM_AT_START: dict[str, WarmAtStart] = {}


def _wait_for_warm_up(log: Path) -> WarmAtStart:
    started = time.perf_counter()
    deadline = time.monotonic() + WARM_TIMEOUT_S
    while WARM_READY not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    text = log.read_text()
    return WarmAtStart(WARM_READY in text, time.perf_counter() - started, text)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    home = tmp_path_factory.mktemp("council-home")
    try:
        with run_app(home, editors={EDITOR[0]: EDITOR[1]},
                     timeout_s=STARTUP_TIMEOUT_S) as server:
            # Nobody has a page open yet: the only requests so far were health checks. A
            # missing line fails test_serve.py's check, not every journey here.
            WARM_AT_START["server"] = warm = _wait_for_warm_up(server.log)
            record_measurement("server_healthy_to_classifier_ready_s", round(warm.seconds, 2))
            yield server
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        if (home / "streamlit.log").exists():
            shutil.copy(home / "streamlit.log", ARTIFACTS / "streamlit-server.log")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()
