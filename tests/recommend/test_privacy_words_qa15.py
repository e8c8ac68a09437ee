"""Decision QA 15: a condition on where the data goes (the EU, no training, self-hosted) is
read and said as not checked, never answered as if unsaid."""

import pytest

from council.api import recommend_for
from council.privacy_words import read_privacy
from council.task import parse_task

from .conftest import assessment


@pytest.mark.parametrize("text, kind", [
    ("Summarise patient intake forms, about 1,500 a month; the data must stay in the EU.",
     "residency"),
    ("Verträge prüfen, etwa 200 im Monat. Die Daten dürfen die EU nicht verlassen.",
     "residency"),
    ("Resumir historiales clínicos; los datos no pueden salir de la UE.", "residency"),
    ("Traduire des contrats ; les données doivent rester en Europe.", "residency"),
    ("Classify internal HR complaints; the provider must not train on our data.",
     "no_training"),
    ("Review our source code; nothing may leave our own servers.", "self_hosted"),
    ("Tag documents; it has to be self-hosted.", "self_hosted"),
])
def test_a_data_condition_is_read(text, kind):
    assert [r.kind for r in read_privacy(text)] == [kind]


@pytest.mark.parametrize("text", [
    "We stay in Europe for the summer; plan the trip.",  # no data
    "Which is cheaper for a small team, self-hosted Postgres on a VPS or RDS?",  # a question
    "Should we shard per tenant? ~300 tenants, strict EU data residency.",  # asked of nobody
    "Write a blog post about why self-hosted models must stay in the EU.",  # a topic
    "Train a classifier on our data.",
])
def test_no_data_condition(text):
    assert read_privacy(text) == ()


def test_the_answer_says_the_condition_was_not_checked(catalog):
    spec = parse_task(description="Summarise patient intake forms; the data must stay in "
                                  "the EU.")
    rec = recommend_for(spec, assessment("summarisation", 2.0), catalog=catalog)
    said = [n for n in rec.notes if "stay in the EU" in n]
    assert len(said) == 1 and "does not record where a provider" in said[0]
