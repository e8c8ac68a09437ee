"""The second category reading (multilingual-e5-small) on the real fixture artifact: used
exactly where MiniLM's top probability is under the artifact's cut, and an artifact that
reads with another encoder is rebuilt."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from council.assess.classifier import LocalClassifier
from council.assess.encoder import MiniLMEncoder
from council.assess.second_reading import SECOND_ENCODER
from council.assessment import Vote
from council.classifier_loader import ensure_classifier, forget_loaded
from council.present import reading_words

from .conftest import FIXTURE_DATA

# the first reading: MiniLM with its top layers fine-tuned (council.assess.tuned_encoder)
TUNED = f"{MiniLMEncoder.name}+tuned2-"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]

TEXT = "Help me plan the tone of a reply to an angry customer email about a late refund"


def _with_cut(classifier: LocalClassifier, cut: float | None) -> LocalClassifier:
    """The same artifact with another cut (None: no second reading at all)."""
    params = dataclasses.replace(
        classifier.params, second_cut=cut or 0.0,
        second_encoder=SECOND_ENCODER if cut is not None else "")
    return LocalClassifier(params, classifier.metadata, classifier.encoder,
                           classifier.second.encoder)


def test_artifact_has_a_second_reading(classifier: LocalClassifier) -> None:
    assert classifier.params.second_encoder == SECOND_ENCODER
    assert 0.0 < classifier.params.second_cut < 1.0
    assert classifier.params.second_reference.shape == classifier.params.reference.shape


def test_second_reading_is_used_below_the_cut_only(classifier: LocalClassifier) -> None:
    first = _with_cut(classifier, None).predict([TEXT])[0]
    top = max(first.category_p.values())
    assert first.category_encoder.startswith(TUNED)

    above = _with_cut(classifier, top - 1e-6).predict([TEXT])[0]  # top p is not under the cut
    assert above.category_encoder.startswith(TUNED)
    assert above.category_p == first.category_p
    assert "read again" not in above.reason

    assert first.reading.cut is None and not first.reading.read_again
    assert above.reading.first_top_p == pytest.approx(top, abs=1e-4)
    assert not above.reading.read_again
    assert reading_words(first.reading).startswith(
        "read by MiniLM (fine-tuned) only (this classifier")
    assert reading_words(above.reading).startswith("read by MiniLM (fine-tuned) only: sure enough")

    below = _with_cut(classifier, top + 1e-6).predict([TEXT])[0]
    assert below.category_encoder == SECOND_ENCODER
    assert below.reading.read_again and below.reading.first_top_p == above.reading.first_top_p
    assert reading_words(below.reading).startswith("read twice: MiniLM (fine-tuned) was unsure")
    vote = _with_cut(classifier, top + 1e-6).vote(TEXT)  # the council's vote carries it
    assert vote.category_reading == below.reading
    assert Vote.from_dict(json.loads(json.dumps(vote.to_dict()))) == vote
    assert "read again with " + SECOND_ENCODER in below.reason
    p_first = np.array(list(first.category_p.values()))
    p_second = np.array(list(below.category_p.values()))
    assert np.isclose(p_second.sum(), 1.0) and not np.allclose(p_first, p_second, atol=1e-3)
    assert below.difficulty == first.difficulty  # difficulty stays MiniLM's


def test_batch_rereads_only_the_unsure_rows(classifier: LocalClassifier) -> None:
    texts = ["Translate this menu into German", TEXT, "Write a SQL query for monthly revenue"]
    first = _with_cut(classifier, None).predict(texts)
    tops = [max(p.category_p.values()) for p in first]
    cut = float(np.median(tops))
    mixed = _with_cut(classifier, cut).predict(texts)
    assert [p.category_encoder == SECOND_ENCODER for p in mixed] == [t < cut for t in tops]


@pytest.mark.parametrize("which", ["first", "second"])
def test_artifact_with_another_encoder_is_rebuilt(fixture_artifact: Path, tmp_path: Path,
                                                  which: str) -> None:
    target = tmp_path / "artifact"
    shutil.copytree(fixture_artifact, target)
    meta = json.loads((target / "metadata.json").read_text())
    if which == "first":
        meta["encoder"] = "some-other-encoder"
    else:
        meta["params"]["second_encoder"] = "some-other-encoder"
    (target / "metadata.json").write_text(json.dumps(meta))
    forget_loaded()
    try:
        rebuilt = ensure_classifier(target, data_dir=FIXTURE_DATA)
    finally:
        forget_loaded()
    assert rebuilt.params.second_encoder == SECOND_ENCODER
    assert rebuilt.metadata["encoder"].startswith(TUNED)


class _Recording:
    """The real e5 encoder, keeping the texts it is given."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim, self.seen = inner, inner.name, inner.dim, []

    def encode(self, texts, batch_size: int = 64, progress: bool = False):
        self.seen.extend(texts)
        return self.inner.encode(texts, batch_size, progress)


def test_second_reading_reads_its_own_window(classifier: LocalClassifier) -> None:
    from council.assess.classifier import prepare_text
    from council.assess.second_reading import SECOND_WINDOW

    recording = _Recording(classifier.second.encoder)
    params = dataclasses.replace(classifier.params, second_cut=1.01)  # every text read again
    reader = LocalClassifier(params, classifier.metadata, classifier.encoder, recording)
    long_text = "Answer the question about the report below. " + "The bus network grew. " * 200
    prediction = reader.predict([long_text])[0]
    assert prediction.category_encoder == SECOND_ENCODER
    assert recording.seen == [prepare_text(long_text, SECOND_WINDOW)]
    assert len(recording.seen[0]) <= SECOND_WINDOW.limit < len(long_text)


def test_the_mix_reads_the_second_readings_weight(classifier: LocalClassifier) -> None:
    """SecondReading.weight (SECOND_WEIGHT as shipped; benches swap it) is the mix's weight."""
    from council.assess.second_reading import SECOND_WEIGHT

    first = np.array(list(_with_cut(classifier, None).predict([TEXT])[0].category_p.values()))
    reader = _with_cut(classifier, 1.01)  # every text read again
    assert reader.second.weight == SECOND_WEIGHT
    mixed = {}
    for w in (1.0, 0.8):
        reader.second.weight = w
        mixed[w] = np.array(list(reader.predict([TEXT])[0].category_p.values()))
    assert np.allclose(mixed[0.8], 0.2 * first + 0.8 * mixed[1.0], atol=1e-6)
    assert not np.allclose(mixed[0.8], mixed[1.0], atol=1e-3)
