"""Helpers for browser journeys: screenshots and waiting for Streamlit to settle."""

from __future__ import annotations

from pathlib import Path

from council.config import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def shot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMainBlockContainer\"] h1')",
        timeout=120_000,
    )
