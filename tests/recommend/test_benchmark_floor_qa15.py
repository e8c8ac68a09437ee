"""Decision QA 15: a floor said as a benchmark's score or a leaderboard's rank is said as
read and not used, never silent, and never taken as P on the task."""

import pytest

from council.api import recommend_for
from council.benchmark_floor_words import read_benchmark_floor
from council.floor_words import read_floor
from council.task import parse_task

from .conftest import assessment


@pytest.mark.parametrize("text, rank", [
    ("Fix failing unit tests; the model should score at least 80% on SWE-bench Verified.",
     False),
    ("Solve maths homework step by step; it needs at least 90% on GSM8K.", False),
    ("The model must have an MMLU score above 85%.", False),
    ("Answer insurance questions; we only want a top-5 model on the LMArena leaderboard.",
     True),
])
def test_a_benchmark_floor_is_read(text, rank):
    read = read_benchmark_floor(text)
    assert read is not None and read.rank == rank


@pytest.mark.parametrize("text", [
    "Explain what SWE-bench measures and why 80% on SWE-bench is hard.",  # a topic
    "Write a blog post about the top 10 models on the LMArena leaderboard.",
    "Our team ranks top 3 on the leaderboard; summarise our wins.",  # nobody asks it
    "Classify tickets with at least 95% accuracy.",  # a floor, no benchmark
])
def test_no_benchmark_floor(text):
    assert read_benchmark_floor(text) is None


def test_a_benchmark_percent_is_no_floor_on_the_task():
    assert read_floor("Solve maths homework; it needs at least 90% on GSM8K.") is None
    assert read_floor("Classify tickets with at least 90% accuracy.").p == 0.9


def test_the_answer_says_it(catalog):
    spec = parse_task(description="Fix failing unit tests in our repo; the model should score "
                                  "at least 80% on SWE-bench Verified.")
    rec = recommend_for(spec, assessment("debugging", 3.0), catalog=catalog)
    said = [n for n in rec.notes if "SWE-bench" in n]
    assert len(said) == 1 and "not used as the floor" in said[0]
