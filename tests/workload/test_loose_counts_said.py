"""A loose count ("several hundred") is read as a round number, and the read says it is an
estimate; an exact count says nothing of the kind."""

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize(("text", "loose"), [
    ("Several hundred job applications arrive every week; screen each one", "Several hundred"),
    ("A few thousand emails a day to tag", "A few thousand"),
    ("about 300-ish tickets a week", "300-ish"),
    ("We get hundreds of emails every day", "hundreds of"),
    ("a couple of hundred support tickets per week", "a couple of hundred"),
])
def test_a_loose_count_is_said_to_be_an_estimate(text: str, loose: str) -> None:
    runs = read_workload(text).runs_per_month
    assert runs is not None
    assert f"'{loose}' taken as a round figure: an estimate" in runs.how


@pytest.mark.parametrize("text", ["10k tickets nightly", "300 tickets a week",
                                  "We get 1,200 emails every day"])
def test_an_exact_count_is_not_called_an_estimate(text: str) -> None:
    runs = read_workload(text).runs_per_month
    assert runs is not None and "estimate" not in runs.how
