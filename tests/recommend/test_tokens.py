from __future__ import annotations

from pathlib import Path

import pytest

from council.errors import InvalidInput
from council.tokens import _chunks, count_file, count_tokens, for_model


def test_counts_match_the_reference_encoding() -> None:
    import bpe_openai

    text = "The quick brown fox jumps over the lazy dog. " * 20
    assert count_tokens(text) == len(bpe_openai.get_encoding("o200k_base").encode_ordinary(text))
    assert count_tokens("") == 0


def test_chunking_covers_the_text_and_keeps_the_count_close() -> None:
    text = "word " * 30_000 + "naïve café 東京 " * 5_000
    pieces = _chunks(text, size=10_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 10_000 for p in pieces)
    import bpe_openai

    exact = len(bpe_openai.get_encoding("o200k_base").encode_ordinary(text))
    assert abs(count_tokens(text) - exact) <= len(pieces)


def test_texts_beyond_the_encoders_per_call_limit_are_counted() -> None:
    # ~300k tokens: more than bpe-openai accepts in one call
    text = "a " * 300_000
    assert count_tokens(text) >= 299_000


def test_model_ratio_rounds_up() -> None:
    assert for_model(1000, 1.5) == 1500
    assert for_model(1000, 1.15) == 1150
    assert for_model(3, 1.15) == 4
    assert for_model(0, 1.5) == 0


def test_markdown_and_code_files(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("# Title\n\nSome *markdown* text.\n", encoding="utf-8")
    assert count_file(md) == count_tokens(md.read_text(encoding="utf-8"))
    code = tmp_path / "b.py"
    code.write_text("def f(x):\n    return x * 2\n", encoding="utf-8")
    assert count_file(code) > 5


def test_pdf_text_is_counted(tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure()
    fig.text(0.1, 0.5, "invoice total forty two dollars")
    pdf = tmp_path / "sample.pdf"
    fig.savefig(pdf)
    plt.close(fig)
    n = count_file(pdf)
    assert n >= count_tokens("invoice total forty two dollars") - 1


def test_missing_binary_and_corrupt_files_are_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not found"):
        count_file(tmp_path / "nope.txt")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InvalidInput, match="binary"):
        count_file(binary)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really a pdf")
    with pytest.raises(InvalidInput, match="PDF"):
        count_file(bad)
