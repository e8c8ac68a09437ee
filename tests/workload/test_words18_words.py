"""Round 18's reader fixes (words18, from tests/data/workload_phrases_words18.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import WorkloadWords, read_workload


def words(text: str) -> WorkloadWords:
    return read_workload.__wrapped__(text)


def read(text: str) -> dict[str, object]:
    return words(text).summary()


def runs(text: str) -> float | None:
    return read(text)["runs_per_month"]  # type: ignore[return-value]


# "dozens of", "millions of", "tens of thousands of": five of them, an estimate whose range
# the reading says (read nothing, nothing, and 5,000: "thousands of" alone)
@pytest.mark.parametrize(("text", "want", "said"), [
    ("We get dozens of support tickets a day.", 1_800, "'dozens of' is 24 to 108, taken as 60"),
    ("We process millions of search queries a month and tag each with an intent.", 5_000_000,
     "'millions of' is 2,000,000 to 9,000,000"),
    ("Tens of thousands of product reviews come in each month.", 50_000,
     "'Tens of thousands of' is 20,000 to 90,000, taken as 50,000: an estimate"),
    ("Hundreds of invoices arrive every week.", 500 * 52 / 12, "'Hundreds of' is 200 to 900"),
])
def test_loose_plurals(text: str, want: float, said: str) -> None:
    r = words(text).runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)
    assert said in r.how


# controls: facts about the world, not work (two real prompts read 416,667 a month and one 10
# in the first try), and a stated count beside a crowd
@pytest.mark.parametrize(("text", "want"), [
    ("Air pollution is responsible for millions of premature deaths each year.", 1 / 12),
    ("The conference has opposed proposals at dozens of colleges to delay recruiting by a "
     "semester.", None),
    ("Millions of people use our app; we answer about 300 questions a day.", 9_000),
    ("Our app has millions of users.", None),
])
def test_loose_plurals_not_work(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)


# A file's bytes are its characters only when it is text: "a 15 MB PDF" read as 15,000,000
# characters of input (words17 left); the input is now unread and the reading says why
@pytest.mark.parametrize(("text", "unread"), [
    ("Each upload is a 15 MB PDF; extract the invoice totals. About 400 uploads a week.",
     "15 MB PDF"),
    ("Each attachment is a 4 MB Word document; pull out the key dates.", "4 MB Word document"),
    ("A 500 KB scanned invoice arrives 300 times a day.", "500 KB scanned"),
])
def test_binary_file_bytes_are_not_text(text: str, unread: str) -> None:
    w = words(text)
    assert w.input_size is None
    assert [(u.value, u.words) for u in w.unread] == [("input_tokens", unread)]
    assert "not its text" in w.unread[0].how


# controls: text files' bytes are characters; gigabytes are a corpus; a memory limit is no input
@pytest.mark.parametrize(("text", "size", "corpus"), [
    ("Each morning a 3 MB CSV export arrives; summarise what changed.", [3e6, "char"], False),
    ("We get a 2 MB log file every hour.", [2e6, "char"], False),
    ("Every night we get a 2 GB CSV of transactions and flag the odd ones.", None, True),
    ("Every night we get a 2 GB PDF archive and index it.", None, True),
    ("The memory limit is 256 MB per test.", None, False),
])
def test_text_file_bytes_are_characters(text: str, size: list[object] | None,
                                        corpus: bool) -> None:
    w = words(text)
    assert w.summary()["input"] == size and getattr(w, "unread", ()) == ()  # main has none
    assert (w.corpus_size is not None) == corpus


def test_unread_bytes_are_said_with_the_default() -> None:
    """The workload's input default says which words it did not read, and why."""
    from council.task import TaskSpec
    from council.workload import build_workload

    w = build_workload(TaskSpec(description="Each upload is a 15 MB PDF; extract the totals."),
                       "extraction", 2.0)
    note = next(a for a in w.assumptions if a.name == "input_tokens")
    assert note.source == "category default"
    assert "'15 MB PDF' in your words: a file's bytes are not its text" in note.why
