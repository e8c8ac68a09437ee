"""bench/recommend.py's stage table: every stage is timed on real answers, and the functions
it wraps are put back afterwards (the timed pass must run the code unwrapped)."""

from __future__ import annotations

import importlib

from tests.bench_modules import load_bench
from tests.recs import real_catalog

bench = load_bench("recommend")
golden = load_bench("recommend_golden")


def _originals() -> dict[tuple[str, str], object]:
    return {(module, name): getattr(importlib.import_module(module), name)
            for _, module, names in bench.STAGES for name in names}


def test_every_stage_is_timed_and_the_functions_are_put_back():
    before = _originals()
    work = [golden.inputs(c) for c in golden.CASES[:3]]
    rows = bench.stage_table([s for s, _ in work], [a for _, a in work], real_catalog(),
                             rounds=2)
    assert _originals() == before
    ms = {label: float(value.removesuffix(" ms")) for label, value, _ in rows}
    assert [label for label, _, _ in rows][:len(bench.STAGES)] == [s[0] for s in bench.STAGES]
    for label in ("selection (select)", "  price every candidate", "  constraints",
                  "adequacy", "explanation", "all after the council (mean)"):
        assert ms[label] > 0, label
    tops = [v for k, v in ms.items() if not k.startswith(" ") and k != "all after the "
            "council (mean)"]
    # the rest closes the sum, up to each shown figure's rounding (0.005 ms a row)
    assert abs(sum(tops) - ms["all after the council (mean)"]) <= 0.005 * (len(tops) + 1) + 1e-9
    assert ms["  price every candidate"] < ms["selection (select)"]
