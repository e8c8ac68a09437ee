"""The request read apart from its pasted material (REQUEST_WEIGHT, round 21's S, shipped in
round 22): it orders the categories below the top and never moves the top; texts that paste
nothing read as before."""

from __future__ import annotations

import numpy as np
import pytest

from council.assess.classifier import REQUEST_WEIGHT, LocalClassifier, keep_top

MAIL = ("Hi Tom, as I already said three times in the last meeting, the report was due on "
        "Monday and I still have not seen it. Let me know when I can expect it.")
SPLIT = [f"Make this less passive aggressive:\n{MAIL}",
         "Write Jest tests for this function\n\n```ts\nexport const add = (a: number, b: number)"
         " => a + b;\n```",
         "Returns are accepted within 30 days of delivery for unused items in their original "
         "packaging. Mattresses may be returned within 100 nights.\n\nCan I still send back "
         "the mattress I opened?"]
WHOLE = ["Summarise this email thread into three bullet points",
         "Write a SQL query for monthly revenue by region"]


def test_keep_top_takes_the_mix_only_where_the_top_stays() -> None:
    whole = np.array([[0.5, 0.3, 0.2], [0.5, 0.3, 0.2]])
    mixed = np.array([[0.4, 0.2, 0.4 - 1e-3], [0.3, 0.4, 0.3]])
    out = keep_top(whole, mixed)
    assert np.array_equal(out[0], mixed[0])  # the top stays: the order below it is the mix's
    assert np.array_equal(out[1], whole[1])  # the mix would move the top: the whole's reading


def test_shipped_reads_the_request_apart_at_half() -> None:
    assert REQUEST_WEIGHT == 0.5  # round 22 (docs/classifier.md, "Twenty-second round")


@pytest.mark.slow
@pytest.mark.xdist_group("classifier")
def test_the_request_moves_the_order_below_the_top_only(classifier: LocalClassifier) -> None:
    assert classifier.request_weight == REQUEST_WEIGHT
    read = classifier.predict(SPLIT + WHOLE)
    classifier.request_weight = 0.0
    try:
        whole = classifier.predict(SPLIT + WHOLE)
        difficulty_only = classifier.predict(SPLIT, read_again=False)
    finally:
        classifier.request_weight = REQUEST_WEIGHT
    assert [r.category for r in read] == [w.category for w in whole]
    assert [r.category_p for r in read[len(SPLIT):]] == [w.category_p for w in whole[len(SPLIT):]]
    moved = [r.category_p != w.category_p for r, w in zip(read, whole, strict=True)]
    assert any(moved[:len(SPLIT)])  # the requests were read
    for r in read:
        assert sum(r.category_p.values()) == pytest.approx(1.0)
    # a caller that needs only the difficulty pays no request reading
    assert [d.category_p for d in difficulty_only] == \
        [p.category_p for p in classifier.predict(SPLIT, read_again=False)]
