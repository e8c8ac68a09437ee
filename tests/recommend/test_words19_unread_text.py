"""words19, leftover 3: the CLI answer (``present.to_text``) says what the reader left to a
default beside that default's number; the volume caption says a one-off over uncounted rows
runs once (the page's caption, tested in AppTest by tests/app/test_words19_unread.py)."""

from __future__ import annotations

from council import present
from tests.recs import make_rec


def test_a_pdfs_bytes_are_said_beside_the_input_default() -> None:
    rec = make_rec("Each upload is a 15 MB PDF; extract the invoice totals. About 400 uploads "
                   "a week.", category="extraction")
    line = next(ln for ln in present.to_text(rec).splitlines()
                if ln.strip().startswith("input_tokens = "))
    assert "category default" in line and "'15 MB PDF' in your words: a file's bytes" in line


def test_uncounted_rows_are_said_in_the_volume_caption() -> None:
    rec = make_rec("Classify each row of this spreadsheet.", category="classification")
    caption = present.volume_caption(rec) or ""
    assert caption.startswith("At 50,000 tasks done once: a typical volume"), caption
    assert "'each row of this spreadsheet' in your words" in caption
    monthly = make_rec("Tag support tickets by urgency", category="classification")
    assert (present.volume_caption(monthly) or "").startswith("At 50,000 tasks a month: a "
                                                              "typical volume")
