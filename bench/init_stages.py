"""`council init` with a timestamp line on stderr at each training stage's start and end.

Each line: wall seconds since start, the process's CPU seconds, the thread, the stage, and at
the end the stage's own thread-CPU seconds. On a loaded machine the wall column says little;
the CPU columns show how the work splits between MiniLM's chain (main thread) and the second
reading (background). Run it on a fresh home, as CI's init runs (docs/ARCHITECTURE.md,
"Test time, session 17"):

    COUNCIL_HOME=$(mktemp -d) /usr/bin/time -v python bench/init_stages.py
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from typing import Any

START = time.perf_counter()
STAGES = ("fine_tune", "embed_texts", "difficulty_features", "_category_head", "_choose_head",
          "_second_reading", "_evaluate_test", "_probe", "save_artifact",
          "fit_category", "fit_difficulty")


def log(message: str) -> None:
    print(f"[{time.perf_counter() - START:7.1f}s wall {time.process_time():7.1f}s cpu] "
          f"{threading.current_thread().name}: {message}", file=sys.stderr, flush=True)


def timed(owner: Any, name: str) -> None:
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def stage(*args: Any, **kwargs: Any) -> Any:
        cpu = time.thread_time()
        log(f"> {name}")
        try:
            return inner(*args, **kwargs)
        finally:
            log(f"< {name} thread-cpu {time.thread_time() - cpu:.1f}s")

    setattr(owner, name, stage)


def main() -> None:
    import council.assess.tuned_encoder as tuned
    import council.classifier_training.classifier as training
    from council.cli.main import main as council

    timed(tuned, "lower_states")
    timed(tuned.TunedMiniLMEncoder, "from_states")
    for name in STAGES:
        timed(training, name)
    sys.argv = ["council", "init"]
    try:
        council()
    finally:
        log("end")


if __name__ == "__main__":  # spawned processes import this module again: no second init
    main()
