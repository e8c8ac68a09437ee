"""The app starts and every page renders in headless Chromium."""

from __future__ import annotations

import pytest

from tests.browser.helpers import shot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_pages_render(app_server, page) -> None:
    for path, title in (("", "Which LLM"), ("catalog", "Catalog"), ("history", "History")):
        page.goto(f"{app_server.url}/{path}")
        wait_for_app(page)
        assert title in page.locator("h1").first.inner_text()
        assert page.locator('[data-testid="stException"]').count() == 0
        shot(page, f"smoke-{path or 'recommend'}")
