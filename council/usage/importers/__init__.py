"""The usage formats, by name, and how a file's format is recognised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from council.errors import InvalidInput
from council.usage.importers.anthropic import AnthropicImporter
from council.usage.importers.base import ENCODING, Importer
from council.usage.importers.litellm import LiteLLMImporter
from council.usage.importers.openai import OpenAIImporter
from council.usage.importers.otlp import OtlpImporter

IMPORTERS: dict[str, Importer] = {
    i.name: i for i in (OtlpImporter(), OpenAIImporter(), AnthropicImporter(), LiteLLMImporter())
}
FORMATS: tuple[str, ...] = tuple(IMPORTERS)
HEAD_CHARS = 65_536


@dataclass(frozen=True)
class FormatControl:
    """How the reader of an error picks a format: the CLI's flag or the page's Format box."""

    pick: str  # with {name}: how to ask for one format
    detect: str  # how to let the format be detected


CLI_FORMAT = FormatControl("--format {name}", "leave --format out")
PAGE_FORMAT = FormatControl('Format "{name}"', 'Format "detect"')

# Files people may mistake for usage, named so the message says what they are.
_OTHERS: tuple[tuple[str, str], ...] = (
    ('"resourceMetrics"', "OTLP metrics (export the traces, not the metrics)"),
    ('"resourceLogs"', "OTLP logs (export the traces, not the logs)"),
    ("organization.costs.result", "an OpenAI costs response (dollars, not tokens: export "
                                  "/v1/organization/usage/completions instead)"),
    ('"currency"', "a cost report (dollars, not tokens: export the usage report instead)"),
    ("api_id:", "a model catalog file"),
)


def head_of(path: Path) -> str:
    with path.open(encoding=ENCODING, errors="replace") as f:
        return f.read(HEAD_CHARS)


def detect(head: str) -> str | None:
    """The format name whose signature is in the head of a file, or None."""
    for name, importer in IMPORTERS.items():
        if importer.sniff(head):
            return name
    return None


def describe(head: str) -> str:
    """What a file that is no known usage format looks like, for the error message."""
    for marker, what in _OTHERS:
        if marker in head:
            return what
    stripped = head.lstrip()
    if not stripped:
        return "an empty file"
    if stripped[0] in "[{":
        return "JSON that is none of the usage formats"
    return "not JSON or a spend-log CSV"


def choose(path: Path, fmt: str | None, control: FormatControl = CLI_FORMAT) -> Importer:
    """The importer for a file: the one asked for (checked against the content) or detected.
    ``control`` names the format choice as the reader sees it (a CLI flag, a page's box)."""
    head = head_of(path)
    found = detect(head)
    if fmt is not None:
        if fmt not in IMPORTERS:
            raise InvalidInput(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        if found is not None and found != fmt:
            raise InvalidInput(
                f"{path.name} looks like {IMPORTERS[found].label}, not "
                f"{IMPORTERS[fmt].label}: use {control.pick.format(name=found)} (or "
                f"{control.detect})")
        return IMPORTERS[fmt]
    if found is None:
        raise InvalidInput(
            f"{path.name} is {describe(head)}; expected one of: "
            + "; ".join(f"{i.label} ({control.pick.format(name=n)})" for n, i in IMPORTERS.items()))
    return IMPORTERS[found]
