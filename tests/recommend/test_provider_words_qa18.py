"""Decision QA 18: a provider the words require ("it must be Claude", "we can only use OpenAI
models") filters the models as the form's providers do, and is said; the form's providers
win; a topic or a negation is none."""

from __future__ import annotations

import pytest

from council.api import recommend_for
from council.provider_words import read_provider
from council.task import parse_task
from tests.recs import assessment


@pytest.mark.parametrize("text, provider", [
    ("Summarise legal memos; it must be Claude, our agreement is with Anthropic.", "anthropic"),
    ("Draft product descriptions; we can only use OpenAI models.", "openai"),
    ("Categorise support tickets; it has to be a Gemini model.", "google"),
    ("We are an OpenAI-only shop; tag our invoices.", "openai"),
])
def test_a_provider_required(text: str, provider: str) -> None:
    read = read_provider(text)
    assert read is not None and read.provider == provider


@pytest.mark.parametrize("text", [
    "Write a blog post on why it must be Claude.",
    "It doesn't have to be Claude; tag our invoices.",
    "It must be GPT-4.1 quality or better.",
    "Explain how GPT models work.",
])
def test_no_provider_required(text: str) -> None:
    assert read_provider(text) is None


def test_the_pick_is_of_the_provider_and_said(catalog) -> None:
    spec = parse_task(description="Summarise legal memos for our partners, about 400 a "
                                  "month; it must be Claude.")
    rec = recommend_for(spec, assessment("summarisation", 2.0), catalog=catalog)
    assert rec.recommended is not None and rec.recommended.provider == "anthropic"
    assert any("only anthropic's models are considered" in n for n in rec.notes)


def test_the_forms_providers_win(catalog) -> None:
    spec = parse_task(description="Summarise legal memos; it must be Claude.",
                      providers=("google",))
    rec = recommend_for(spec, assessment("summarisation", 2.0), catalog=catalog)
    assert rec.recommended is not None and rec.recommended.provider == "google"
    assert any("the providers chosen in the form are used instead" in n for n in rec.notes)
