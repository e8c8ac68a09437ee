"""A reference document questions are asked of: "every call sends our 1,200-page runbook as
context", "answer questions over a 500-page technical manual", "a RAG chatbot over our wiki".

One vocabulary for two readings. ``sizes`` reads the document's size as the corpus
retrieval draws on, not each call's input, when retrieval is said outright or no model could
read it whole; otherwise the size is each call's input, the document sent whole, and
``consulted`` marks it so the advice may price retrieval (``council.advice``): the question
needs a few of its pages, not all of them. A document the task processes ("summarise a
300-page contract", "translate our 80-page manual") is not consulted: nothing in its text asks
questions of it.
"""

from __future__ import annotations

import re

from council.workload_words.values import Read

# Right after the size: the kind of document people look things up in ("runbook", "employee
# handbook", "policy manual", "internal wiki", "product documentation", "SOPs", "archive")
REFERENCE = re.compile(r"[-\s]*(?:[\w-]+\s+){0,3}?(?:runbooks?|playbooks?|manuals?|handbooks?|"
                       r"guides?|guidelines|wikis?|knowledge ?base|kb|docs|documentation|"
                       r"polic(?:y|ies)|procedures|sops?|faqs?|regulations?|rulebooks?|"
                       r"standards?|specs?|specifications?|reference|library|intranet|"
                       r"confluence|help ?cent(?:er|re)|corpus|archive)\b")
# Words that ask questions of it
ASKED_ABOUT = re.compile(r"\bquestions?\b|\bask(?:s|ed|ing)?\b|\banswer\w*\b|\bchat "
                         r"with\b|\bsearch\w*\b|\blook(?:s|ing)? up\b")


def consulted(text: str, size: Read | None) -> bool:
    """Whether the input size read names a reference document that the text asks questions
    of (``text`` lowered, as the reader runs on it)."""
    return (size is not None and REFERENCE.match(text, size.end) is not None
            and ASKED_ABOUT.search(text) is not None)
