"""Helpers for browser journeys: screenshots, waiting for Streamlit, reading the answer."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from council.config import PROJECT_ROOT

T = TypeVar("T")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
ANSWER_TIMEOUT_MS = 180_000

# Wait until the script finished: no "running" status widget and a title on the page.
# Settled: the script has finished, no lazy element is still a loading skeleton, and every
# visible table has drawn its canvas (the grid loads after the script ends).
SETTLED_JS = (
    "() => document.querySelector('[data-testid=\"stMainBlockContainer\"] h1')"
    " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    " && !document.querySelector('[data-testid=\"stSkeleton\"]')"
    " && Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"]'))"
    "      .filter(e => e.checkVisibility()).every(e => e.querySelector('canvas'))"
)


def shot(page: Any, name: str) -> Path:
    """Save a screenshot of the whole page under test-artifacts/.

    Streamlit scrolls inside its own container, so the viewport is stretched to the content
    height for the shot and restored afterwards.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m ? m.scrollHeight : document.body.scrollHeight; }")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"],
                                                                  min(int(height), 8000))})
    try:
        page.wait_for_function(SETTLED_JS, timeout=30_000)  # tables brought into view draw
        page.wait_for_timeout(300)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def wait_for_app(page: Any, timeout_ms: int = 120_000) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms)


def model_id(page: Any) -> str:
    """The recommended model's id, from the caption under the headline."""
    text = page.get_by_text(re.compile(r"^Model id: ")).first.inner_text()
    return text.split("Model id: ", 1)[1].split(" ", 1)[0]


def metric(page: Any, label: str) -> str:
    """The value of the st.metric whose label is `label`."""
    box = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(f"^{label}$")))
    return box.locator('[data-testid="stMetricValue"]').first.inner_text().strip()


def share_link(page: Any) -> str:
    """The share link shown under 'Share and export'."""
    code = page.locator('[data-testid="stCode"] code', has_text="?r=").first
    return code.inner_text().strip()


def submit_task(page: Any, description: str, runs_per_month: float | None = None) -> None:
    page.get_by_label("What do you want done?").fill(description)
    if runs_per_month is not None:
        page.get_by_label("Tasks / month").fill(str(runs_per_month))
    page.get_by_role("button", name="Recommend", exact=True).click()
    page.wait_for_selector('[data-testid="stMetric"]', timeout=ANSWER_TIMEOUT_MS)
    wait_for_app(page, ANSWER_TIMEOUT_MS)


def record_measurement(name: str, value: Any) -> None:
    """Append a measured figure to test-artifacts/measurements.json."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "measurements.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = value
    path.write_text(json.dumps(data, indent=2, sort_keys=True))


async def recommend_in(page: Any, url: str, description: str,
                       runs_per_month: float | None = None) -> str:
    """(async Playwright) Open the app, submit a task, wait for the answer; the share link."""
    await page.goto(url)
    await page.wait_for_function(SETTLED_JS)
    await page.get_by_label("What do you want done?").fill(description)
    if runs_per_month is not None:
        await page.get_by_label("Tasks / month").fill(str(runs_per_month))
    await page.get_by_role("button", name="Recommend", exact=True).click()
    await page.wait_for_selector('[data-testid="stCode"] code >> text=?r=')
    await page.wait_for_function(SETTLED_JS)
    code = page.locator('[data-testid="stCode"] code', has_text="?r=").first
    return (await code.inner_text()).strip()


def concurrent_sessions(n: int, session: Callable[[Any, int], Awaitable[T]],
                        timeout_s: float = 420) -> list[T]:
    """Run `session(browser, i)` for i < n at once in async Chromium, in a thread of its own
    (the sync Playwright of the browser tests owns the calling thread's event loop)."""
    from council.devserver import CHROMIUM, CHROMIUM_ARGS

    async def run_all() -> list[T]:
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                               args=CHROMIUM_ARGS)
            try:
                return list(await asyncio.wait_for(
                    asyncio.gather(*[session(browser, i) for i in range(n)]), timeout_s))
            finally:
                await browser.close()

    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["results"] = asyncio.run(run_all())
        except BaseException as exc:  # re-raised below, in the caller's thread
            out["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if "error" in out:
        raise out["error"]
    return out["results"]
