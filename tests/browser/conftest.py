"""The real app in a subprocess and headless Chromium driving it.

`app_server` starts `council serve` (streamlit run app.py, as `make run` does) once per
session on a free port with its own database under a tmp dir, editor credentials in a tmp
secrets file and no API keys, and waits for /_stcore/health. `browser` launches Debian's
Chromium through Playwright.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from council.devserver import CHROMIUM, CHROMIUM_ARGS, AppServer
from council.devserver import app_server as run_app
from tests.browser.helpers import ARTIFACTS

EDITOR = ("ada", "correct-horse-battery")
STARTUP_TIMEOUT_S = 120


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    home = tmp_path_factory.mktemp("council-home")
    try:
        with run_app(home, editors={EDITOR[0]: EDITOR[1]},
                     timeout_s=STARTUP_TIMEOUT_S) as server:
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
