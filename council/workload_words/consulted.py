"""A reference document sent whole with every question: "every call sends our 1,200-page
runbook as context", "answer questions over a 500-page technical manual".

Its size is each call's input (a document a model can read whole is read as the input, see
``sizes``), but the question needs a few of its pages, not all of them: the advice may price
retrieval (``council.advice``). A document the task processes ("summarise a 300-page
contract", "translate our 80-page manual") is not consulted: nothing in its text asks
questions of it.
"""

from __future__ import annotations

import re

from council.workload_words.sizes import ASKED_ABOUT
from council.workload_words.values import Read

# Right after the size: the kind of document people look things up in ("runbook", "employee
# handbook", "policy manual", "internal wiki", "product documentation", "SOPs")
_REFERENCE = re.compile(r"[-\s]*(?:[\w-]+\s+){0,3}?(?:runbooks?|playbooks?|manuals?|handbooks?|"
                        r"guides?|guidelines|wikis?|knowledge ?base|kb|docs|documentation|"
                        r"polic(?:y|ies)|procedures|sops?|faqs?|regulations?|rulebooks?|"
                        r"standards?|specs?|specifications?|reference)\b")


def consulted(text: str, size: Read | None) -> bool:
    """Whether the input size read names a reference document that the text asks questions
    of (``text`` lowered, as the reader runs on it)."""
    return (size is not None and _REFERENCE.match(text, size.end) is not None
            and ASKED_ABOUT.search(text) is not None)
