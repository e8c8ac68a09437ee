"""Load a script of bench/ or training/ as a module, so tests can check its machinery (neither
is a package)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from council.config import PROJECT_ROOT


def load_bench(name: str, folder: str = "bench") -> ModuleType:
    """FOLDER/NAME.py (bench/ or training/, neither a package), imported once under the
    name FOLDER_NAME."""
    key = f"{folder}_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, PROJECT_ROOT / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
