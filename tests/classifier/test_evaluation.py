"""The classifier report's F1 figures: first-label F1, and the F1 that credits what the
accuracy credits (any accepted label), which differ only on rows with several labels."""

from __future__ import annotations

import pytest

from council.classifier_training.evaluation import f1_by_label, macro_f1, truth_as_accepted


def test_a_second_accepted_label_counts_right_only_in_the_accepted_f1() -> None:
    # two meeting rows that accept summarisation and long document, read as long document
    first = ["summarisation", "summarisation", "long_document", "agentic"]
    accepted = [("summarisation", "long_document"), ("summarisation", "long_document"),
                ("long_document",), ("agentic",)]
    predicted = ["long_document", "long_document", "long_document", "agentic"]
    by_first = f1_by_label(first, predicted, ["summarisation", "long_document", "agentic"])
    assert by_first == {"summarisation": 0.0, "long_document": pytest.approx(0.5),
                        "agentic": 1.0}
    truth = truth_as_accepted(predicted, accepted, first)
    assert truth == predicted
    assert macro_f1(truth, predicted, ["summarisation", "long_document", "agentic"]) == 1.0


def test_a_prediction_outside_the_accepted_labels_keeps_the_first_label() -> None:
    truth = truth_as_accepted(["debugging"], [("summarisation", "long_document")],
                              ["summarisation"])
    assert truth == ["summarisation"]
