"""The real app in a subprocess and headless Chromium driving it.

`app_server` starts `streamlit run app.py` once per session on a free port with its own
database under a tmp dir, editor credentials in a tmp secrets file and no API keys, and
waits for /_stcore/health. `browser` launches Debian's Chromium through Playwright.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from council.config import PROJECT_ROOT
from tests.browser.helpers import ARTIFACTS

CHROMIUM = os.environ.get("COUNCIL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]

EDITOR = ("ada", "correct-horse-battery")
STARTUP_TIMEOUT_S = 120


@dataclass(frozen=True)
class AppServer:
    url: str
    home: Path
    db: Path
    log: Path
    started_s: float  # wall time from launch to a healthy server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _secrets_file(home: Path) -> Path:
    path = home / "secrets.toml"
    path.write_text(
        "[editors]\n"
        f'{EDITOR[0]} = "sha256${hashlib.sha256(EDITOR[1].encode()).hexdigest()}"\n',
        encoding="utf-8",
    )
    return path


def _server_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.endswith("_API_KEY") and not k.startswith("COUNCIL_")}
    env.update({
        "COUNCIL_HOME": str(home),
        "COUNCIL_DB": str(home / "council.db"),
        "COUNCIL_ARTIFACTS": os.environ.get("COUNCIL_ARTIFACTS",
                                            str(PROJECT_ROOT / "var" / "models")),
        "COUNCIL_VOTERS": str(home / "no-voters.toml"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "PYTHONUNBUFFERED": "1",
    })
    if "COUNCIL_SHARED" in os.environ:
        env["COUNCIL_SHARED"] = os.environ["COUNCIL_SHARED"]
    return env


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout_s}s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    home = tmp_path_factory.mktemp("council-home")
    secrets = _secrets_file(home)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = home / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--secrets.files", str(secrets)]
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=_server_env(home), stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        wait_healthy(url, proc, log, STARTUP_TIMEOUT_S)
        yield AppServer(url=url, home=home, db=home / "council.db", log=log,
                        started_s=time.perf_counter() - started)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(log, ARTIFACTS / "streamlit-server.log")


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
