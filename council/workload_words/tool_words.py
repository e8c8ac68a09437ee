"""Words that show a task works through tools or steps: a sign an agent loop may be there.

Weaker than the loop the reader names (``steps.read_loop``: "an agent", "tool calls", "until
the tests pass", and since words12 "browse the web", "click through the site"): "checks
calendars via the API", "a multi-step workflow" do not make a loop of their own, but they are
what an agent loop's many calls are made of.
The workload counts agentic's calls in a mixed default only with such a sign, the reader's
loop or a council sure of agentic (``council.workload``, QA round 11): a Swedish nightly
summary that the classifier gave agentic 0.48 was priced at 14 calls a task.
"""

from __future__ import annotations

import re

from council.workload_words.steps import STEPS_ABROAD
from council.workload_words.values import Read

_TOOL_RE = re.compile(
    r"\btools?\b|\bfunction[- ]call\w*|\bapis?\b|"
    r"\bbrows(?:e|es|er|ers|ing)\b|\bweb[- ]search\w*|\bsearch(?:es|ing)? (?:the )?"
    r"(?:web|internet|online)\b|\bnavigat\w*|\bclicks?\b|\bmulti-?step\b|\bsteps\b|"
    r"\bloops?\b|\bworkflows?\b|\bruns? (?:shell |terminal )?commands\b|"
    # Swedish, German, French, Spanish, Portuguese, Italian, Polish
    r"\bverktyg\w*|\bwerkzeug\w*|\boutils?\b|\bherramientas?\b|\bferramentas?\b|"
    r"\bstrumenti\b|\bnarzędzi\w*|\bnavigera\w*|\bsurfa\w*|\bparcour\w*|\bnaviguer\b|"
    rf"\bnavega\w*|\bnavigare\b|\bsteg för steg\b|\b(?:{STEPS_ABROAD})\b")


def read_tool_sign(text: str) -> Read | None:
    """The first tool or step word in ``text`` (lower-cased), as a Read; None without one."""
    m = _TOOL_RE.search(text)
    if m is None:
        return None
    return Read("tool_sign", True, m.group(0), m.start(), m.end(),
                "a tool or step word: an agent loop's calls may be there")
