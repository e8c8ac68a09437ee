"""Read the objects inside a JSON document one by one, each with the line it starts on.

``json.loads`` gives all or nothing and no positions. Usage exports are often one big JSON
document (an API page, an array of spend-log rows), and when one is truncated the complete
records before the cut should still import, and a bad record should be named by its line.
``objects_at(text, path)`` walks down the keys in ``path`` (arrays are transparent) and yields
each object found there with its line number and the scalar fields of its parent objects
(a usage bucket's ``start_time`` for each of its results). A value that does not parse ends
the walk with a ``LineError`` naming its line; everything before it has been yielded.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from typing import Any

from council.usage.records import LineError

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Stop(Exception):
    def __init__(self, error: LineError) -> None:
        self.error = error


class _Walker:
    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return self.first_line + bisect.bisect_left(self.newlines, pos)

    def ws(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()  # type: ignore[union-attr]

    def fail(self, pos: int, what: str, *, cut: bool = False) -> _Stop:
        if cut or pos >= len(self.text):
            return _Stop(LineError(self.line(pos), f"the file ends inside {what} (truncated?); "
                                                   "the complete records before it were kept"))
        return _Stop(LineError(self.line(pos), f"malformed JSON in {what}; nothing after "
                                               "this point was read"))

    def decode(self, pos: int, what: str) -> tuple[Any, int]:
        try:
            return _DECODER.raw_decode(self.text, pos)
        except json.JSONDecodeError as exc:  # an error at the very end means the file was cut
            cut = exc.pos >= len(self.text.rstrip()) or exc.msg.startswith("Unterminated")
            raise self.fail(pos, what, cut=cut) from None

    def expect(self, pos: int, chars: str, what: str) -> tuple[str, int]:
        pos = self.ws(pos)
        if pos >= len(self.text) or self.text[pos] not in chars:
            raise self.fail(pos, what)
        return self.text[pos], pos + 1

    def walk(self, pos: int, path: tuple[str, ...], ctx: dict[str, Any],
             out: list[tuple[int, dict[str, Any], dict[str, Any]]]) -> int:
        """Walk the value at ``pos``; append (line, object, context) found at ``path``."""
        pos = self.ws(pos)
        if pos >= len(self.text):
            raise self.fail(pos, "a value")
        ch = self.text[pos]
        if ch == "[":
            pos = self.ws(pos + 1)
            if self.text.startswith("]", pos):
                return pos + 1
            while True:
                pos = self.walk(pos, path, ctx, out)
                sep, pos = self.expect(pos, ",]", "an array")
                if sep == "]":
                    return pos
        if not path:
            value, end = self.decode(pos, "a record")
            if isinstance(value, dict):
                out.append((self.line(pos), value, ctx))
            else:
                out.append((self.line(pos), {"__not_an_object__": value}, ctx))
            return end
        if ch != "{":
            return self.decode(pos, "a value")[1]
        own: dict[str, Any] = dict(ctx)
        found: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
        pos = self.ws(pos + 1)
        if self.text.startswith("}", pos):
            return pos + 1
        try:
            while True:
                pos = self.ws(pos)
                key, pos = self.decode(pos, "an object key")
                _, pos = self.expect(pos, ":", "an object")
                if key == path[0]:
                    pos = self.walk(pos, path[1:], own, found)
                else:
                    value, pos = self.decode(self.ws(pos), f"the value of {key!r}")
                    if not isinstance(value, dict | list):
                        own[str(key)] = value
                sep, pos = self.expect(pos, ",}", "an object")
                if sep == "}":
                    return pos
        finally:  # on a cut too: keep what was complete (``own`` holds the context read so far)
            out.extend(found)


def objects_at(text: str, path: tuple[str, ...], *, first_line: int = 1
               ) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]] | LineError]:
    """Each object at ``path`` as (line, object, parents' scalar fields), then any LineError."""
    walker = _Walker(text, first_line)
    out: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
    try:
        end = walker.walk(0, path, {}, out)
        trailing = walker.ws(end)
        error = None
        if trailing < len(text):
            error = LineError(walker.line(trailing), "unexpected text after the JSON document "
                                                     "was ignored")
    except _Stop as stop:
        error = stop.error
    except RecursionError:
        error = LineError(first_line, "JSON nested too deeply to read")
    yield from out
    if error is not None:
        yield error
