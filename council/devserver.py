"""Start the real app (`streamlit run app.py`) in a subprocess, for browser tests and benches.

The server gets its own home, database and secrets file, no API keys and no voters, and is
healthy when `/_stcore/health` answers. Nothing here imports Streamlit.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from council.config import PROJECT_ROOT

CHROMIUM = os.environ.get("COUNCIL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


@dataclass(frozen=True)
class AppServer:
    url: str
    home: Path
    db: Path
    log: Path
    pid: int
    started_s: float  # wall time from launch to a healthy server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_secrets(home: Path, editors: dict[str, str]) -> Path:
    """A secrets.toml naming `editors` (name -> password) by their sha256 digests."""
    path = home / "secrets.toml"
    lines = ["[editors]"] + [
        f'{name} = "sha256${hashlib.sha256(pw.encode()).hexdigest()}"'
        for name, pw in editors.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def server_env(home: Path) -> dict[str, str]:
    """This environment without API keys or COUNCIL_* settings, pointed at `home`."""
    env = {k: v for k, v in os.environ.items()
           if not k.endswith("_API_KEY") and not k.startswith("COUNCIL_")}
    env.update({
        "COUNCIL_HOME": str(home),
        "COUNCIL_DB": str(home / "council.db"),
        "COUNCIL_ARTIFACTS": os.environ.get("COUNCIL_ARTIFACTS",
                                            str(PROJECT_ROOT / "var" / "models")),
        "COUNCIL_VOTERS": "none",
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


@contextmanager
def app_server(home: Path, editors: dict[str, str] | None = None,
               timeout_s: float = 120) -> Iterator[AppServer]:
    """Run the app on a free loopback port until the block ends."""
    home.mkdir(parents=True, exist_ok=True)
    secrets = write_secrets(home, editors or {})
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = home / "streamlit.log"
    cmd = [sys.executable, "-m", "council", "serve",  # what `make run` starts
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--secrets.files", str(secrets)]
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=server_env(home), stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        wait_healthy(url, proc, log, timeout_s)
        yield AppServer(url=url, home=home, db=home / "council.db", log=log, pid=proc.pid,
                        started_s=time.perf_counter() - started)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM) in MB, or None if it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process has used so far, or None if it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None
