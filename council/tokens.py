"""Offline token counting: o200k_base (the catalog's reference encoding) times each model's ratio.

Counts come from ``bpe-openai``'s bundled encodings, never downloaded at run time. The
encoder refuses more than 200k tokens per call, so long texts are counted in chunks cut at
whitespace (a chunk boundary inside a word could change the count by a token or two).
A model's own count is ``ceil(reference_count * model.token_ratio)``.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from council.errors import InvalidInput

REFERENCE_ENCODING = "o200k_base"
# Characters per chunk: far below 200k tokens even for scripts that use several tokens per char.
CHUNK_CHARS = 50_000
MAX_FILE_BYTES = 200_000_000
TEXT_SUFFIXES = frozenset({
    ".txt", ".md", ".markdown", ".rst", ".csv", ".tsv", ".json", ".jsonl", ".yaml", ".yml",
    ".toml", ".xml", ".html", ".htm", ".log", ".py", ".js", ".ts", ".tsx", ".jsx", ".java",
    ".go", ".rs", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".rb", ".php", ".swift", ".kt",
    ".scala", ".sql", ".sh", ".r", ".m", ".lua", ".ini", ".cfg", ".tex",
})


@lru_cache(maxsize=2)
def _encoding(name: str = REFERENCE_ENCODING) -> Any:
    import bpe_openai

    return bpe_openai.get_encoding(name)


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``size`` characters, cut just after whitespace where there is some."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def count_tokens(text: str) -> int:
    """Tokens of ``text`` in the reference encoding (o200k_base); special tokens as plain text."""
    enc = _encoding()
    return sum(len(enc.encode_ordinary(piece)) for piece in _chunks(text))


def for_model(reference_tokens: int, token_ratio: float) -> int:
    """A reference-encoding count converted to a model's own tokens (rounded up)."""
    if reference_tokens <= 0:
        return 0
    return math.ceil(reference_tokens * token_ratio - 1e-9)


def read_text(path: Path | str) -> str:
    """The text of a text, Markdown, code or PDF file (InvalidInput if unreadable)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"sample file not found: {path}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InvalidInput(f"sample file {path.name} is {size:,} bytes; the limit is "
                           f"{MAX_FILE_BYTES:,}")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192] and suffix not in TEXT_SUFFIXES:
        raise InvalidInput(f"{path.name} looks binary; give a text, Markdown, code or PDF file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InvalidInput(f"cannot read PDF {path.name}: {exc}") from exc


def count_file(path: Path | str) -> int:
    """Reference-encoding tokens of a text/Markdown/code/PDF file."""
    return count_tokens(read_text(path))
