"""Calls a task fixed by the task's shape when the words name no loop and no number of steps:
a lookup then its answer is 2 calls ("Look up the answer to a caller's billing question in our
knowledge base": one call searches, one answers; decision QA 17 case 26 was priced at 5, the
support chat's 4 turns mixed with an agent's 15); a completion as someone types is 1 call
("an autocomplete in our IDE, on every keystroke": a call a keystroke, no agent run; not
"Design Autocomplete for Search Engines", a real prompt the bare word first moved); one answer
said for each item is 1 call ("Write one reply per ticket", words19)."""

from __future__ import annotations

import re

from council.workload_words.values import Read

LOOKUP_CALLS = 2
_LOOKUP = re.compile(
    r"\b(?:look(?:s|ing)? up|lookups? (?:of|for)|find(?:s|ing)?|search(?:es|ing)?|"
    r"retriev(?:e|es|ing)|fetch(?:es|ing)?|pull(?:s|ing)?)\b[^.;:!?\n]{0,80}?"
    r"\b(?:in|from|on|through) (?:our|the|its|their|a|an) (?:[\w-]+ ){0,2}?"
    r"(?:knowledge[- ]?base|kb|docs|documentation|faqs?|wiki|database|db|crm|"
    r"help[- ]?cent(?:er|re)|manual|handbook|catalog(?:ue)?|order system|records|"
    r"policy documents?)\b")
# a cheap gate before _LOOKUP: one of the places it looks things up in
_LOOKED_IN = ("knowledge", "kb", "docs", "documentation", "faq", "wiki", "database", "db",
              "crm", "help", "manual", "handbook", "catalog", "order system", "records",
              "policy")
_KEYSTROKE = re.compile(
    r"\b(?:on|at|with|after) (?:every|each) keystroke\b|\bper keystroke\b|"
    r"\btype-?ahead\b|\binline (?:code )?(?:completions?|suggestions?)\b|"
    r"\bas (?:they|the (?:user|developer|customer|agent)|you|users?|developers?) types?\b")

# "Write one reply per ticket": one answer made for each item, one call (words19: decision QA
# 18 case 21's family, a support task priced at the category's 4 calls a task)
_ONE_EACH = re.compile(
    r"\b(?:one|a single|just one|only one|exactly one) (?:short |brief |draft )?"
    r"(?:reply|response|answer|summary|label|tag|classification|category|translation)"
    r" (?:per|for each|to each|for every|to every) (?:incoming )?"
    r"(?:ticket|email|e-mail|message|request|review|question|enquiry|inquiry|call|document|"
    r"row|item|chat)\b")


def shaped_calls(text: str) -> Read | None:
    """Calls a task from its shape (lower-cased text); the caller has found no loop or steps."""
    if "key" in text or "type" in text or "inline" in text:
        m = _KEYSTROKE.search(text)
        if m is not None:
            return Read("calls_per_task", 1, m.group(0), m.start(), m.end(),
                        "a completion as someone types: one call each time, no loop")
    m = _ONE_EACH.search(text) if " per " in text or " each " in text or " every " in text \
        else None
    if m is not None:
        return Read("calls_per_task", 1, m.group(0), m.start(), m.end(),
                    "one answer for each item: one call, no conversation and no loop")
    m = _LOOKUP.search(text) if any(w in text for w in _LOOKED_IN) else None
    if m is not None:
        return Read("calls_per_task", LOOKUP_CALLS, m.group(0), m.start(), m.end(),
                    f"a lookup then its answer: {LOOKUP_CALLS} calls (one searches, one answers),"
                    " no loop and no conversation")
    return None
