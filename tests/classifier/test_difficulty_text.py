"""What the difficulty head reads: the text without its workload-only sentences
(council.assess.difficulty_text; docs/classifier.md, "Difficulty and workload sentences")."""

from __future__ import annotations

import numpy as np
import pytest

from council.assess.difficulty_text import TASK_SENTENCES, difficulty_text

TASK = "Extract the tracking number from shipping confirmation emails."


@pytest.mark.parametrize("sentence", [
    "We handle roughly 300 of these a day, about one page each.",
    "There are about 5,000 of them every month, each a few paragraphs long.",
    "Mistakes here cost us roughly 15 euros each in rework.",
    "If one is missed, a colleague has to redo it by hand, around half an hour.",
])
def test_a_sentence_that_only_states_the_workload_is_left_out(sentence: str) -> None:
    assert difficulty_text(f"{TASK} {sentence}") == TASK


@pytest.mark.parametrize("sentence", [
    "Use British spelling throughout.",
    "Our team lead will review the results on Friday.",  # the reader takes "on Friday"
    "Each error triggers a complaint that our support desk must handle.",  # no figure
])
def test_other_sentences_stay(sentence: str) -> None:
    text = f"{TASK} {sentence}"
    assert difficulty_text(text) == text


def test_a_workload_clause_leaves_the_task_sentence_and_its_full_stop() -> None:
    assert difficulty_text("Classify support tickets by urgency, about 3,000 of them each "
                           "night.") == "Classify support tickets by urgency."
    assert difficulty_text("Nightly: label 50k app reviews as bug or praise") == \
        "label 50k app reviews as bug or praise"


@pytest.mark.parametrize("text", [
    # the task's own sentence, with its number inside, alone or beside another
    "Summarise each of our 2,000 nightly tickets.",
    "Summarise each of our 2,000 nightly tickets. Use British spelling.",
    # never the whole text
    "We get about 300 of these a day.",
    # a word problem's numbers are its content
    "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes "
    "muffins for her friends every day with four. She sells the remainder at the farmers' "
    "market daily for $2 per fresh duck egg. How much in dollars does she make every day?",
    # a story's "The next day," (the reader's latency words) and a list's item
    "The man said, \"Let me think it over.\" The next day, the man sold the bar to his brother.",
    "Detect anomalies in 2 years of per-minute server metrics (CPU, latency, error rate) for "
    "300 hosts and explain which anomalies matter.",
    # "2.8." ends no sentence of its own
    "Our nightly ETL job started producing duplicate rows after we moved to Airflow 2.8. "
    "Find out why.",
])
def test_the_task_is_never_cut(text: str) -> None:
    assert difficulty_text(text) == text


def test_a_pasted_documents_body_is_never_cut() -> None:
    body = ("The supplier ships 300 units a day, about one page each. " * 200).strip()
    text = f"Review this contract for risky clauses:\n{body}"
    assert len(text) > 8_000
    assert difficulty_text(text) == text


@pytest.mark.slow
@pytest.mark.xdist_group("classifier")
def test_the_head_reads_the_task_without_its_workload_sentence(classifier) -> None:
    """With `difficulty_reads` set, "task + volume sentence" reads as the task alone, its
    difficulty and (candidate (C)) its category; without it, both read the whole text."""
    import dataclasses

    from council.assess.classifier import LocalClassifier

    volume = f"{TASK} We handle roughly 300 of these a day, about one page each."
    assert classifier.params.difficulty_reads == TASK_SENTENCES  # what training writes

    def reading(reads: str) -> LocalClassifier:
        params = dataclasses.replace(classifier.params, difficulty_reads=reads)
        return LocalClassifier(params, classifier.metadata, classifier.encoder)

    alone, both = reading(TASK_SENTENCES).predict([TASK, volume], read_again=False)
    whole = reading("").predict([TASK, volume], read_again=False)
    assert both.difficulty == pytest.approx(alone.difficulty, abs=1e-6)
    assert whole[1].difficulty != pytest.approx(whole[0].difficulty, abs=1e-6)
    assert both.category_p == pytest.approx(alone.category_p, abs=1e-6)
    assert whole[1].category_p != pytest.approx(alone.category_p, abs=1e-6)
    assert np.isclose(sum(both.category_p.values()), 1.0)


def test_a_multiple_choice_questions_options_are_never_cut() -> None:
    text = ("Wound drainage should be assessed for volume and consistency:\nA. each time "
            "post-operative observations are undertaken.\nB. daily.\nC. every hour.\nD. only "
            "when the wound dressing is changed.\nAnswer:")
    assert difficulty_text(text) == text


def test_a_volume_clause_does_not_change_the_category(classifier) -> None:
    """Decision QA 13's case 32: ", about 5,000 a month" read a summary as an agent loop
    (agentic 0.53 against summarisation 0.97 for the task alone); now the same reading."""
    task = "Summarise support tickets for the weekly report."
    alone, both = classifier.predict([task, f"{task[:-1]}, about 5,000 a month."])
    assert both.category == alone.category
    assert both.category_p == pytest.approx(alone.category_p, abs=1e-6)
