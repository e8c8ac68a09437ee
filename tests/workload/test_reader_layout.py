"""The workload reader's package: imports run one way (no cycle between its modules), no
module reaches back to the package root, and none knows of Streamlit."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import council.workload_words as ww

PACKAGE = Path(ww.__file__).parent


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    prefix = "council.workload_words."
    return {p.stem: {m.removeprefix(prefix) for m in _imports(p) if m.startswith(prefix)}
            for p in PACKAGE.glob("*.py") if p.stem != "__init__"}


def test_modules_import_one_way() -> None:
    graph = _graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        raise AssertionError(f"import cycle in council.workload_words: {e.args[1]}") from e
    assert order[-1] == "reader"  # everything else is a part the reader runs
    assert graph["values"] == set() and graph["text"] == set() and graph["numbers"] == set()


def test_no_module_imports_the_package_root_or_streamlit() -> None:
    for p in PACKAGE.glob("*.py"):
        found = _imports(p)
        assert "council.workload_words" not in found, p.name
        assert not any(m.split(".")[0] == "streamlit" for m in found), p.name


def test_the_package_exports_what_its_users_import() -> None:
    for name in ("read_workload", "Read", "WorkloadWords", "parse_number", "european_numbers",
                 "PER_MONTH", "CODING_AGENT_CALLS", "CODING_AGENT_SOURCE", "AGENT_LOOP_CALLS",
                 "AGENT_LOOP_SOURCE"):
        assert name in ww.__all__ and hasattr(ww, name), name
    assert ww.read_workload("Tag 10k support tickets nightly").runs_per_month.value == 300_000
