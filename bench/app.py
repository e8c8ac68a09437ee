"""What a person waits for in the browser: the real app in headless Chromium.

    python bench/app.py [--warm 5] [--sessions 1,5,20]

Starts `streamlit run app.py` on a fresh home (empty database, shared classifier artifact,
no keys), then measures, in Debian's Chromium through Playwright:
- launch to healthy server, and opening the page to a rendered form;
- cold start to first answer (the task is submitted as soon as the form is there, so the
  classifier's background load is not hidden behind typing);
- warm answers in the same tab (p50 / max over --warm tasks);
- a share link opened in a fresh browser context (p50 / max);
- N sessions at once, each in its own context: wall time and per-session p50 / max;
- the server process's peak RSS, and its CPU time per session (what is left of a session's
  wall time is the browser's: on a 2-core machine Chromium rendering 20 pages at once is
  what the sessions queue for).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from council.devserver import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    app_server,
    cpu_seconds,
    peak_rss_mb,
)
from tests.browser.helpers import (  # noqa: E402
    ANSWER_TIMEOUT_MS,
    concurrent_sessions,
    recommend_in,
    share_link,
    submit_task,
    wait_for_app,
)

TASKS = [
    "Classify incoming customer support emails into 12 queues and return JSON",
    "Summarise each weekly sales call transcript into five bullet points",
    "Refactor a 3-file Python module to asyncio and keep the tests green",
    "Translate product descriptions from English to German and Japanese",
    "Extract invoice number, total and due date from supplier emails",
    "Write release notes from a list of merged pull requests",
]


def _stats(values: list[float]) -> str:
    return (f"p50 {statistics.median(values):6.2f} s   max {max(values):6.2f} s   "
            f"(n={len(values)})")


def _session_task(i: int) -> str:
    return f"{TASKS[i % len(TASKS)]} #{i}"


async def _session(browser, url: str, i: int) -> tuple[float, str]:
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    try:
        started = time.perf_counter()
        link = await recommend_in(page, url, _session_task(i))
        return time.perf_counter() - started, link.rsplit("=", 1)[1]
    finally:
        await context.close()


def concurrent(url: str, db: Path, n: int) -> tuple[float, list[float], int]:
    """n sessions at once, each in its own browser context: wall time, each one's time, and
    how many got an answer that is not to their own question (read back from the database)."""
    from council import store
    from council.assembly import open_database

    started = time.perf_counter()
    results = concurrent_sessions(n, lambda browser, i: _session(browser, url, i))
    wall = time.perf_counter() - started
    conn = open_database(db)
    mixed = sum(store.load_recommendation(conn, share_id).spec.description != _session_task(i)
                for i, (_s, share_id) in enumerate(results))
    return wall, [r[0] for r in results], mixed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm", type=int, default=5, help="warm answers and share loads")
    parser.add_argument("--sessions", default="1,5,20",
                        help="comma-separated numbers of concurrent sessions")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp, app_server(Path(tmp) / "home") as server, \
            sync_playwright() as pw:
        rows.append(("launch to healthy server", f"{server.started_s:.2f} s"))
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(ANSWER_TIMEOUT_MS)
        started = time.perf_counter()
        page.goto(server.url)
        wait_for_app(page)
        form_s = time.perf_counter() - started
        rows.append(("open page to rendered form", f"{form_s:.2f} s"))
        t0 = time.perf_counter()
        submit_task(page, TASKS[0])
        first = time.perf_counter() - t0
        rows.append(("submit to first answer (cold)", f"{first:.2f} s"))
        rows.append(("cold start to first answer", f"{server.started_s + form_s + first:.2f} s"))
        warm: list[float] = []
        for i in range(args.warm):
            t0 = time.perf_counter()
            submit_task(page, f"{TASKS[(i + 1) % len(TASKS)]} (warm {i})")
            warm.append(time.perf_counter() - t0)
        rows.append(("submit to answer, warm, same tab", _stats(warm)))
        link = share_link(page)
        loads: list[float] = []
        for _ in range(args.warm):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            fresh = context.new_page()
            t0 = time.perf_counter()
            fresh.goto(link)
            fresh.wait_for_selector('[data-testid="stMetric"]', timeout=ANSWER_TIMEOUT_MS)
            wait_for_app(fresh)
            loads.append(time.perf_counter() - t0)
            context.close()
        rows.append(("share link, fresh context, to rendered answer", _stats(loads)))
        browser.close()
        for n in (int(s) for s in args.sessions.split(",") if s.strip()):
            cpu0 = cpu_seconds(server.pid)
            wall, times, mixed = concurrent(server.url, server.db, n)
            cpu1 = cpu_seconds(server.pid)
            rows.append((f"{n} concurrent sessions: wall", f"{wall:.2f} s"))
            if cpu0 is not None and cpu1 is not None:
                rows.append((f"{n} concurrent sessions: server CPU per session",
                             f"{(cpu1 - cpu0) / n:.2f} s"))
            rows.append((f"{n} concurrent sessions: open to answer", _stats(times)))
            rows.append((f"{n} concurrent sessions: answers to another session's task",
                         f"{mixed} of {n}"))
        rss = peak_rss_mb(server.pid)
        rows.append(("server peak RSS", f"{rss:.0f} MB" if rss else "n/a"))
    load = os.getloadavg()[0]
    rows.append(("load average (1 min) at the end", f"{load:.1f} on {os.cpu_count()} CPUs"))
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
