"""A pytest plugin that prints each test's CPU seconds beside its wall seconds.

On a shared, loaded machine wall time swings 2-3x between runs; the process's CPU time
(its own and its waited-for children's) moves far less, so a before/after of one test is
read in CPU seconds. With COUNCIL_PRELOAD_ENCODER=1 it loads MiniLM before the first test,
as an xdist worker that has already run an encoder test has.

    PYTHONPATH=$PWD:bench python -m pytest FILES -p pytest_cputime [-k NAME]
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

_rows: list[tuple[float, float, str]] = []


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("COUNCIL_PRELOAD_ENCODER") == "1":
        from council.assess.encoder import default_encoder

        default_encoder().encode(["warm"])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Any) -> Iterator[None]:
    cpu, wall = _cpu(), time.perf_counter()
    yield
    _rows.append((_cpu() - cpu, time.perf_counter() - wall, item.nodeid))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    write = terminalreporter.write_line
    write("---- CPU seconds per test (setup + call + teardown): cpu, wall, test ----")
    for cpu, wall, nodeid in sorted(_rows, reverse=True)[:25]:
        write(f"{cpu:8.2f} {wall:8.2f} {nodeid}")
    write(f"total cpu {sum(r[0] for r in _rows):.1f} s, wall {sum(r[1] for r in _rows):.1f} s")
