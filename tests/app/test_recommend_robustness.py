"""Recommend page: every bad input gets a readable message on the page, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from council import store
from tests.app.conftest import no_exception, page_app, seen
from tests.app.conftest import submit_task as _submit


def _errors(at) -> str:
    return " ".join(seen(e.value) for e in at.error)


@pytest.mark.parametrize(("description", "numbers", "expected"), [
    ("", {}, "describe the task in at least a few words"),
    ("   \n\t  ", {}, "describe the task"),
    ("x" * 1_000_000, {}, "more than the 20,000 a description may have"),
    ("Summarise meeting notes", {"runs_per_month": -5.0},
     "'Tasks / month' should be greater than 0"),
    ("Summarise meeting notes", {"input_tokens": -100}, "'Input tokens / call' should be"),
    ("Summarise meeting notes", {"calls_per_task": 0}, "'Calls / task' should be"),
    ("Summarise meeting notes", {"runs_per_month": 1e15}, "'Tasks / month'"),
    # a negative dollar figure: a message on Recommend (a min_value on the widget left the
    # button doing nothing but a red mark in the box, QA round 7)
    ("Summarise meeting notes", {"failure_cost_usd": -50.0},
     "'What does a bad answer cost you?': failure cost -$50.00 is negative"),
    ("Summarise meeting notes", {"budget_usd_per_month": -10.0},
     "'Monthly budget': -$10.00"),
])
def test_bad_input_is_a_readable_message(council_home: Path, description: str,
                                         numbers: dict, expected: str) -> None:
    at = _submit(page_app("recommend").run(), description, **numbers)
    no_exception(at)
    assert expected in _errors(at)
    assert "Please check the input" in _errors(at)
    assert "_" not in _errors(at)  # the form's words, never a field's code name


@pytest.mark.parametrize("share_id", ["nope", "x" * 500, "<script>alert(1)</script>",
                                      "ÄÖÜ😀漢字 ‮", "aaaaaaaaab"])
def test_malformed_or_tampered_share_id(council_home: Path, share_id: str) -> None:
    at = page_app("recommend", query={"r": share_id}).run()
    no_exception(at)
    assert "Please check the input" in _errors(at)
    assert ". Check the link" in _errors(at)  # two sentences, not run together


def test_unknown_share_id(council_home: Path) -> None:
    at = page_app("recommend", query={"r": store.new_share_id()}).run()
    no_exception(at)
    assert "no recommendation with share id" in _errors(at)


def test_sample_tokens_are_counted_into_the_form(council_home: Path) -> None:
    at = page_app("recommend").run()
    at.button(key="count_tokens").click()
    at.run()
    no_exception(at)
    assert "paste a sample" in _errors(at)
    at.text_area(key="sample_text").input("Hello world, this is a typical ticket. " * 50)
    at.button(key="count_tokens").click()
    at.run()
    no_exception(at)
    count = at.number_input(key="input_tokens").value
    assert count and 300 <= count <= 600
    assert any(f"{count:,} tokens" in s.value for s in at.success)


@pytest.mark.parametrize("description", [
    "😀🤖 résumé ‮ right-to-left ​ zero-width 漢字 कार्य",
    "\x00\x01 control chars and a real task: summarise the attached call notes",
])
def test_odd_unicode_gets_an_answer_or_a_message(council_home: Path, description: str) -> None:
    at = _submit(page_app("recommend", timeout=300).run(), description)
    no_exception(at)
    assert at.error or any(c.value.startswith("Model id: ") for c in at.caption) or at.warning


def test_the_loaded_model_is_frozen_out_of_the_collector(council_home: Path) -> None:
    """A full collection walked the ~486k objects of the loaded model inside a request
    (220 ms); the app freezes them once they are loaded (council.heap)."""
    import gc

    at = _submit(page_app("recommend", timeout=300).run(), "Tag support tickets by urgency")
    no_exception(at)
    assert gc.get_freeze_count() > 100_000


def test_an_unreadable_upload_is_named_by_its_own_name(council_home: Path) -> None:
    """A broken PDF said 'cannot read PDF sample.pdf' (the temporary copy's name), not the
    file the visitor chose. Streamlit's own UploadedFile, a real PDF reader."""
    from streamlit.proto.Common_pb2 import FileURLs
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    from council.errors import InvalidInput
    from council.ui.pages.recommend import _count

    upload = UploadedFile(UploadedFileRec("f1", "Q3 contract (final).pdf", "application/pdf",
                                          b"%PDF-1.7\n not really a pdf"), FileURLs())
    with pytest.raises(InvalidInput) as err:
        _count("", upload)
    assert "Q3 contract (final).pdf" in str(err.value) and "sample.pdf" not in str(err.value)
    text = UploadedFile(UploadedFileRec("f2", "../../etc/ticket.txt", "text/plain",
                                        b"Hello world, a typical ticket. " * 20), FileURLs())
    assert 100 <= _count("", text) <= 200  # a path in the name never leaves the temp folder
    dots = UploadedFile(UploadedFileRec("f3", "..", "text/plain", b"a typical ticket " * 20),
                        FileURLs())
    assert _count("", dots) > 0
