"""A provider the words require: "it must be Claude", "we can only use OpenAI models", "it
has to be a Gemini model" (decision QA 18: each answered with gemini-3.8-flash, nothing said).

The words' provider is used as the form's provider filter is, when the form names none (the
form's wins), and the answer says so; a topic ("a post on why it must be Claude") or a
negation ("it doesn't have to be Claude") is none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.task_head import TASK_HEAD

# a family or a company, and the catalog's provider for it (models the provider serves itself:
# OpenAI's open weights on Groq are Groq's)
_PROVIDERS = {"claude": "anthropic", "anthropic": "anthropic", "gpt": "openai",
              "openai": "openai", "chatgpt": "openai", "gemini": "google", "google": "google",
              "grok": "xai", "xai": "xai", "mistral": "mistral", "deepseek": "deepseek"}
_NAME = r"(?:claude|anthropic|gpt|openai|chatgpt|gemini|google|grok|xai|mistral|deepseek)"
_NAME_IN = re.compile(_NAME, re.IGNORECASE)
_MODELS = r"(?:['’]s)?(?:\s+(?:models?|llms?|family|api))?"
_REQUIRED = re.compile(
    rf"\b(?:must|has\s+to|have\s+to|needs?\s+to|should|got\s+to)\s+be\s+(?:an?\s+)?{_NAME}"
    rf"{_MODELS}(?![\w-]|\.\w)|"
    rf"\b(?:can|may|are\s+allowed\s+to)\s+only\s+use\s+{_NAME}{_MODELS}(?![\w-]|\.\w)|"
    rf"\bonly\s+(?:use\s+)?{_NAME}{_MODELS}\s+(?:is|are)\s+allowed\b|"
    rf"\b{_NAME}[- ]only\b", re.IGNORECASE)
# a topic or a negation before it in its sentence
_NOT_OURS = re.compile(r"(?:\b(?:why|how|whether|essay|article|post|blog|story|compare|"
                       r"versus|vs|not|never|no\s+longer)\b|n['’]t\b)[^.;!?]*$", re.IGNORECASE)


@dataclass(frozen=True)
class ProviderRead:
    """The provider the words require and the words that said so."""

    provider: str
    words: str


def read_provider(text: str) -> ProviderRead | None:
    """The first provider the words require (where the task is said), or None."""
    head = (text or "")[:TASK_HEAD]
    for m in _REQUIRED.finditer(head):
        if not _NOT_OURS.search(head, max(0, m.start() - 60), m.start()):
            name = _NAME_IN.search(m.group(0))
            assert name is not None  # every branch of _REQUIRED names one
            return ProviderRead(_PROVIDERS[name.group(0).lower()], m.group(0).strip())
    return None


def provider_note(read: ProviderRead, used: bool) -> str:
    """What the answer says: the filter used, or the form's kept."""
    if used:
        return (f"'{read.words}': only {read.provider}'s models are considered (the others are "
                "excluded; choose providers in the form to change it)")
    return (f"'{read.words}' asks for {read.provider}'s models; the providers chosen in the "
            "form are used instead")
