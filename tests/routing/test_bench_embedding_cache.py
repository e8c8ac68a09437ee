"""The routing bench's embeddings are cached on disk, keyed by text hash and encoder: a second
run embeds nothing again, and another encoder does not read the first one's vectors."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from council.outcomes.rows import OutcomeSummary, OutcomeTable
from tests.bench_modules import load_bench
from tests.trigram_encoder import TrigramEncoder as CountingEncoder


def _bench() -> ModuleType:
    return load_bench("routing")


def _table(prompts: list[str]) -> OutcomeTable:
    n = len(prompts)
    return OutcomeTable(ids=[str(i) for i in range(n)], sources=["s"] * n, prompts=prompts,
                        models=["a", "b"], y=np.ones((n, 2), dtype=np.int8), cost=None,
                        summary=OutcomeSummary())


def test_second_run_embeds_nothing_and_encoders_do_not_share(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    bench = _bench()
    prompts = [f"Question {i}: what is {i} plus {i * 3}?" for i in range(30)]
    first = CountingEncoder("trigrams-v1")
    x1 = bench.embed(_table(prompts), first)
    assert len(first.texts) == 30 and x1.shape == (30, 16)
    cached = list((tmp_path / "embedding-cache" / "trigrams-v1").rglob("*.npy"))
    assert len(cached) == 30

    again = CountingEncoder("trigrams-v1")
    x2 = bench.embed(_table([*prompts, "A new prompt, never seen."]), again)
    assert again.texts == ["A new prompt, never seen."]  # only the new text is embedded
    np.testing.assert_array_equal(x2[:30], x1)

    other = CountingEncoder("trigrams-v2")  # another encoder: its own keys
    bench.embed(_table(prompts[:5]), other)
    assert len(other.texts) == 5
    assert (tmp_path / "embedding-cache" / "trigrams-v2").is_dir()


def test_changed_text_is_a_new_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    bench = _bench()
    enc = CountingEncoder("trigrams-v1")
    bench.embed(_table(["Is 7 prime?"]), enc)
    bench.embed(_table(["Is 7 prime?", "Is 9 prime?"]), enc)
    assert enc.texts == ["Is 7 prime?", "Is 9 prime?"]


def test_a_truncated_cache_file_is_embedded_again(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed mid-write once left an empty .npy that crashed the next run."""
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    bench = _bench()
    enc = CountingEncoder("trigrams-v1")
    x1 = bench.embed(_table(["Is 7 prime?", "Is 9 prime?"]), enc)
    files = sorted((tmp_path / "embedding-cache" / "trigrams-v1").rglob("*.npy"))
    files[0].write_bytes(b"")  # truncated
    files[1].write_bytes(files[1].read_bytes()[:60])  # header cut short
    again = CountingEncoder("trigrams-v1")
    x2 = bench.embed(_table(["Is 7 prime?", "Is 9 prime?"]), again)
    assert sorted(again.texts) == ["Is 7 prime?", "Is 9 prime?"]
    np.testing.assert_array_equal(x2, x1)
    third = CountingEncoder("trigrams-v1")
    bench.embed(_table(["Is 7 prime?", "Is 9 prime?"]), third)
    assert third.texts == []  # rewritten whole
    assert not list((tmp_path / "embedding-cache").rglob("*.tmp"))
