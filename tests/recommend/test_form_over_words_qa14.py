"""Decision QA 14: a workload figure the form gives over the words' is used, and said."""

from council.api import _workload_set_aside
from council.task import parse_task
from council.workload_words import read_workload


def notes(text, **form):
    return _workload_set_aside(parse_task(description=text, **form), read_workload(text))


def test_the_forms_runs_over_the_words_are_said():
    said = notes("Classify support tickets into 8 queues, about 5,000 a month.",
                 runs_per_month=20000)
    assert len(said) == 1 and "20,000 tasks a month is used" in said[0] and "5,000" in said[0]


def test_the_batch_api_chosen_beside_someone_waiting_is_said():
    said = notes("Answer customers in our live chat; each customer waits on the reply.",
                 batch=True)
    assert len(said) == 1 and "someone waits" in said[0]


def test_the_same_figure_or_no_words_say_nothing():
    assert notes("Classify tickets, about 5,000 a month.", runs_per_month=5000) == []
    assert notes("Classify tickets.", runs_per_month=5000, batch=True) == []
