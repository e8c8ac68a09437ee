"""bench/category_mixes.py: the combinations of the two category readings, on hand-made
readings (the arithmetic; the figures are the bench's to print)."""

from __future__ import annotations

import numpy as np

from tests.bench_modules import load_bench

bench = load_bench("category_mixes")
CLASSES = ["a", "b", "c"]


def _scores(first, second, labels, cut=0.6, weight=0.7):
    return {s.name: s for s in bench.score_all(np.array(first), np.array(second), cut, weight,
                                               labels, CLASSES)}


def test_the_shipped_mix_reads_again_only_under_the_cut() -> None:
    # row 0: the first reading is sure (0.8 >= cut) and right; row 1: unsure, e5 is right
    s = _scores([[0.8, 0.1, 0.1], [0.5, 0.4, 0.1]], [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
                [{"a"}, {"c"}])
    shipped = s["shipped: arithmetic mix, e5 weight 0.7"]
    assert (shipped.accuracy, shipped.re_read) == (1.0, 0.5)
    # read twice everywhere, row 0 becomes 0.3 x a + 0.7 x b: wrong
    assert s["same, every row read twice"].accuracy == 0.5


def test_the_other_readers_top_becomes_the_second_label() -> None:
    # unsure row: the mix ranks a (0.395), b (0.325), c (0.28); e5's own top is c
    first, second = [[0.5, 0.5, 0.0]], [[0.35, 0.25, 0.4]]
    s = _scores(first, second, [{"c"}], cut=0.9)
    assert s["shipped: arithmetic mix, e5 weight 0.7"].top2 == 0.0
    assert s["second label: the other reader's top (re-read rows)"].top2 == 1.0
