"""A file's bytes are its characters only when the file is text: "a 3 MB CSV" or "a 2 MB log"
is about that many characters, but "a 15 MB PDF" is mostly images, fonts and compressed
streams (a text PDF page is ~3,000 characters; its bytes run from 30 KB to a megabyte a page,
so no rate holds). The input is then not read from the megabytes: the reading says why and
asks for pages or tokens (words17 left: "Each upload is a 15 MB PDF" read as 15,000,000
characters, 3,750,000 tokens a call)."""

from __future__ import annotations

import re

from council.workload_words.values import Read

# binary or compressed formats: office files, PDFs, images, audio, video, archives
_BINARY_AFTER = re.compile(
    r"\s*-?\s*(?:[a-z]+\s+){0,2}?(?P<kind>pdfs?|docx?|xlsx?|pptx?|odt|zip|tar|gz|"
    r"png|jpe?g|tiff?|heic|images?|photos?|scans?|scanned|mp3|mp4|wav|m4a|mov|"
    r"videos?|recordings?|audio|epub|word (?:files?|documents?)|excel (?:files?|sheets?)|"
    r"powerpoints?|slide decks?|decks?)\b")


def binary_bytes(text: str, start: int, end: int) -> Read | None:
    """An unread input for the byte size at text[start:end] when the file it measures is not
    text ("a 15 MB PDF"), else None."""
    kind = _BINARY_AFTER.match(text, end)
    if kind is None:
        return None
    return Read("unread", "input_tokens", text[start:kind.end()], start, kind.end(),
                "a file's bytes are not its text (images, fonts, compression), so the input "
                "per call is not read from them; give its pages or tokens")
