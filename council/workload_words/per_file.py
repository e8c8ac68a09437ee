"""Files done one by one: "a one-off migration of 2,500 files", "convert these 300 files to
Markdown": each file is a task that reads one file, not one call that reads them all (2,500
files are ~3.5M tokens, more than any model reads). Not "review these 12 files" (a change
reviewed as one) nor files read together ("find duplicates across 400 files")."""

from __future__ import annotations

import re

from council.workload_words.text import sentence_bounds

# What is done to each file on its own: moved to another language, format or version.
_PER_FILE_VERB = re.compile(r"\b(?:migrat\w*|convert\w*|port(?:s|ed|ing)?|transpil\w*|"
                            r"upgrad\w*|reformat\w*|translat\w*|transcod\w*)\b")
# Files read together for one answer.
_TOGETHER = re.compile(r"\b(?:across|among|between|all of|in total|together|duplicat\w*|"
                       r"compar\w*|cluster\w*|dedup\w*|each other)\b")


def file_by_file(text: str, start: int) -> bool:
    """Whether the files counted at ``start`` (a plural "2,500 files", not "a 12-file repo")
    are each a task of their own, by the verb of their sentence."""
    lo, hi = sentence_bounds(text, start)
    return (_PER_FILE_VERB.search(text, lo, hi) is not None
            and _TOGETHER.search(text, lo, hi) is None)
