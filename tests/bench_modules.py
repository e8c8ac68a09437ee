"""Load a script of bench/ as a module, so tests can check its machinery (bench/ is no package)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from council.config import PROJECT_ROOT


def load_bench(name: str) -> ModuleType:
    """bench/NAME.py, imported once under the name bench_NAME."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, PROJECT_ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
