"""What the category reads: the task without the sentences that say nothing of it
(council.assess.asides; docs/classifier.md, "Asides that say nothing of the task")."""

from __future__ import annotations

import pytest

from council.assess.asides import without_asides

TASK = "Summarise this customer interview in five bullet points."


@pytest.mark.parametrize("aside", [
    "Much appreciated!",
    "Hello team, hope all is well.",
    "I work as a paralegal in a mid-size firm.",
    "It's for my university seminar.",
    "No more than 200 words, please.",
    "The summary will be shared with the whole department.",
])
def test_an_aside_is_left_out(aside: str) -> None:
    assert without_asides(f"{TASK} {aside}") == TASK
    assert without_asides(f"{aside} {TASK}") == TASK


@pytest.mark.parametrize(("task", "aside"), [
    ("Übersetze diesen Absatz ins Französische.", "Es ist dringend."),
    ("Résume cet article sur la retraite.", "Merci d'avance !"),
    ("Escribe un correo para cancelar una reunión.", "Gracias por adelantado."),
])
def test_an_aside_in_another_language_is_left_out(task: str, aside: str) -> None:
    assert without_asides(f"{task} {aside}") == task


@pytest.mark.parametrize("text", [
    # one sentence: never cut, whatever it holds
    "Thanks!",
    "Write a thank-you note to our volunteers.",
    # the aside and the task in one sentence keep the task
    "For my school project, explain how volcanoes form. Use simple words, please.",
    "Thanks to the new refund policy, classify each return request as eligible or not.",
    # nothing kept would say what to do
    "I'm a nurse. Thanks in advance.",
    # a word problem's sentences are its content
    "Each class in a school has 20 students. Two classes merge. How many students are there?",
    # a quotation is its content
    "Translate to German: 'Thanks for your order! It ships by Friday.'",
    # past the first paragraph: a pasted document
    "Summarise this email.\n\nHi Tom, thanks for your note. We need it by Friday.",
    # a question is a task
    "I'm a teacher. Can you have ten quiz questions on fractions ready by Monday?",
])
def test_the_task_is_never_cut(text: str) -> None:
    assert without_asides(text) == text


@pytest.mark.xdist_group("classifier")  # the worker that has already built the fixture
def test_an_aside_does_not_change_the_category(classifier) -> None:
    """Probe 13's neutral sentences changed the top category of 34 of its 88 texts; read
    without the aside, the category is the task's own."""
    task = "Review this pull request that adds caching to the profile endpoint."
    alone, both = classifier.predict([task, f"{task} I need this done by Friday afternoon."])
    assert both.category_p == pytest.approx(alone.category_p, abs=1e-6)
