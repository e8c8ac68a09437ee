"""AppTest harness: each test gets its own database and home; pages run as tiny scripts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.config import PROJECT_ROOT

EDITOR = ("ada", "correct-horse-battery")


@pytest.fixture()
def council_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """COUNCIL_HOME/COUNCIL_DB in a tmp dir; the classifier artifact stays shared."""
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("COUNCIL_VOTERS", "none")
    monkeypatch.setenv("COUNCIL_ARTIFACTS", str(PROJECT_ROOT / "var" / "models"))
    for name in ("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "XAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def page_app(page_module: str, *, query: dict[str, str] | None = None,
             editors: bool = True, timeout: float = 120) -> AppTest:
    """An AppTest that runs one page function, with editor credentials in its secrets."""
    at = AppTest.from_string(
        f"from council.ui.pages import {page_module}\n{page_module}.page()\n",
        default_timeout=timeout,
    )
    if editors:
        digest = hashlib.sha256(EDITOR[1].encode()).hexdigest()
        at.secrets["editors"] = {EDITOR[0]: f"sha256${digest}"}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def seen(markdown: str) -> str:
    """What a reader sees of escaped Markdown (council.ui.text.md_escape): no backslashes."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def submit_task(at: AppTest, description: str, **numbers: float) -> AppTest:
    """Fill the Recommend form (description and any number inputs by key) and submit it."""
    at.text_area(key="description").input(description)
    for key, value in numbers.items():
        at.number_input(key=key).set_value(value)
    at.button(key="FormSubmitter:task_form-Recommend").click()
    return at.run()


def share_id_of(at: AppTest) -> str:
    """The share id the page put in its URL (?r=...)."""
    share = at.query_params["r"]
    return share[0] if isinstance(share, list) else share
