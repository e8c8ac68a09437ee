"""User text is text: the one escape for anything a person typed (or a provider said) that a
page shows through Markdown (st.markdown, st.caption, st.error, st.status, ...).

Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of
them), so no link, image, autolink (``://``, ``www.``, ``@`` are broken up), HTML, code span,
emphasis, heading, list, table, maths (``$``) or Streamlit directive (``:red[...]``,
``:material/...:``) can start. Control characters are dropped; newlines become spaces unless
kept, so a note cannot start a block of its own.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def md_escape(value: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """``value`` as Markdown that renders as exactly its text (clipped to ``limit`` chars)."""
    text = _CONTROL.sub("", "" if value is None else str(value))
    text = text.replace("\r\n", "\n").replace("\t", " ")
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    if keep_newlines:
        return escaped.replace("\n", "  \n")  # a hard line break, never a new block
    return " ".join(escaped.split("\n"))


def text_rows(rows: list[dict[str, object]]) -> list[dict[str, str]]:
    """Rows for ``st.table``, which renders every cell as Markdown: each cell escaped, so a
    model id, a "why" with two dollar amounts or a voter's reason reads as its text."""
    return [{key: md_escape(value) for key, value in row.items()} for row in rows]
