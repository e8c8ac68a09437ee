"""The held-out probe for difficulty and workload sentences (bench/difficulty_context_heldout.py;
docs/classifier.md, "Difficulty and workload sentences")."""

from __future__ import annotations

import numpy as np
import pytest

from tests.bench_modules import load_bench

probe = load_bench("difficulty_context_heldout")


def test_probe_has_its_tasks_and_four_new_sentences_of_each_kind() -> None:
    tasks, by_kind = probe.load_probe()
    assert len(tasks) >= 20 and len(set(tasks)) == len(tasks)
    assert {k: len(v) for k, v in by_kind.items()} == {k: 4 for k in probe.KINDS}
    dev = load_bench("difficulty_context")
    seen = set(dev.TASKS) | set(dev.ADDED.values())
    assert not seen & (set(tasks) | {s for v in by_kind.values() for s in v})


@pytest.mark.slow
@pytest.mark.xdist_group("classifier")
def test_shifts_are_each_pair_against_its_own_task(classifier) -> None:
    tasks = ["Tag news articles by topic.", "Summarise a long legal contract."]
    sentences = ["Use British spelling.", "We get 500 of these a day."]
    got = probe.shifts(classifier, tasks, sentences)
    alone = [p.difficulty for p in classifier.predict(tasks, read_again=False)]
    pairs = [f"{t} {s}" for s in sentences for t in tasks]
    want = [p.difficulty for p in classifier.predict(pairs, read_again=False)]
    assert got.shape == (4,)
    np.testing.assert_allclose(got, np.array(want) - np.tile(alone, 2), atol=1e-9)
    assert np.abs(got).max() > 0  # an appended sentence does move the fixture model


def test_round13_probe_is_new_and_its_templates_put_the_workload_in_the_task_sentence() -> None:
    tasks, by_kind = probe.load_probe(probe.ROOT / "tests" / "data"
                                      / "difficulty_context_heldout13.jsonl")
    assert len(tasks) >= 20 and len(set(tasks)) == len(tasks)
    assert all(len(v) >= 3 for v in by_kind.values())
    old_tasks, old_kinds = probe.load_probe()
    dev = load_bench("difficulty_context")
    seen = set(dev.TASKS) | set(dev.ADDED.values()) | set(old_tasks) | {
        s for v in old_kinds.values() for s in v}
    assert not seen & (set(tasks) | {s for v in by_kind.values() for s in v})
    inside = [s for s in by_kind["volume/size/cadence"] if "{task" in s]
    assert len(inside) >= 2
    task = "Draft a thank-you note for each new donor."
    assert probe.with_sentence(task, "{task}, about 3,000 of them each night.") == \
        "Draft a thank-you note for each new donor, about 3,000 of them each night."
    assert probe.with_sentence(task, "Weekly: {task_lc}.") == \
        "Weekly: draft a thank-you note for each new donor."
    assert probe.with_sentence(task, "Use British spelling.") == f"{task} Use British spelling."
