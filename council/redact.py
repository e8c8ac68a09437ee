"""Secrets never leave the process: one place masks API keys in text, data and log records.

Two kinds of secret are masked:

- the exact key string of every voter built in this process (whatever its shape: a
  self-hosted server's key need not look like anyone's), registered by the voter layer;
- known key shapes (``sk-...``, ``sk-ant-...``, ``AIza...``, ``xai-...``, ``gsk_...``,
  ``hf_...``), a ``Bearer`` token, and the word after "API key ...:" in a provider's error
  ("Incorrect API key provided: abc123"), so text from elsewhere (a note, an old row) is
  masked too.

The voter layer applies it to a Vote's error and reason before the Vote leaves it, the store
before it writes, and ``install_log_redaction`` to every log record of the process.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from typing import Any

REDACTED = "[redacted]"
# A registered key shorter than this is not masked by itself: masking "abc" everywhere
# would garble text, and such a key is guessable anyway.
MIN_SECRET_CHARS = 8

KEY_SHAPES = re.compile(
    r"sk-ant-[A-Za-z0-9_-]{8,}|sk-[A-Za-z0-9_-]{16,}|xai-[A-Za-z0-9_-]{16,}"
    r"|AIza[0-9A-Za-z_-]{30,}|gsk_[A-Za-z0-9]{16,}|hf_[A-Za-z0-9]{16,}"
    # "Bearer <token>" and "api key provided: <token>", whatever the token looks like
    r"|(?<=Bearer )[^\s\"',;]{8,}"
    r"|(?i:(?<=api key provided: )|(?<=api key: )|(?<=api_key: )|(?<=x-api-key: ))"
    r"[^\s\"',;]{8,}"
)

_lock = threading.Lock()
_secrets: set[str] = set()
_secret_pattern: re.Pattern[str] | None = None


def register_secret(value: str | None) -> None:
    """Mask this exact string from now on, in this process (keys of the voters built)."""
    global _secret_pattern
    if not value or len(value) < MIN_SECRET_CHARS:
        return
    with _lock:
        if value in _secrets:
            return
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)  # longest first: no partial leftovers
        _secret_pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str, extra: Iterable[str | None] = ()) -> str:
    """``text`` with every registered secret, every string in ``extra`` and every known key
    shape replaced by ``[redacted]``."""
    if not text:
        return text
    for secret in extra:
        if secret and len(secret) >= MIN_SECRET_CHARS:
            text = text.replace(secret, REDACTED)
    pattern = _secret_pattern
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    return KEY_SHAPES.sub(REDACTED, text)


def redact_data(value: Any, extra: Iterable[str | None] = ()) -> Any:
    """A copy of a JSON-like value (dicts, lists, strings) with ``redact`` applied to every
    string in it, keys of dicts included."""
    extra = tuple(extra)
    if isinstance(value, str):
        return redact(value, extra)
    if isinstance(value, dict):
        return {(redact(k, extra) if isinstance(k, str) else k): redact_data(v, extra)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v, extra) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's message, arguments and traceback text; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_council_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the logging module to report
            return True
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._council_redacted = True
        return True


_installed = False


def install_log_redaction() -> None:
    """Pass every log record created in this process through RedactingFilter (idempotent).

    A filter on a logger misses records its children propagate, and a handler added later
    (Streamlit adds its own) would miss it too, so the filter runs in the record factory.
    """
    global _installed
    with _lock:
        if _installed:
            return
        previous = logging.getLogRecordFactory()
        redactor = RedactingFilter()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            redactor.filter(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed = True
