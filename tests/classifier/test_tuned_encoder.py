"""MiniLM with fine-tuned top layers (council.assess.tuned_encoder and
council.classifier_training.finetune): the split network is MiniLM until trained, the fit is
deterministic, the weights name the encoder, and the artifact keeps them checked."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from council.assess.classifier import ArtifactError, load_classifier
from council.assess.encoder import default_encoder
from council.assess.tuned_encoder import (
    TunedLayers,
    TunedMiniLMEncoder,
    lower_states,
    top_copies,
)
from council.classifier_training.corpus import Example
from council.classifier_training.finetune import FINETUNE, fine_tune

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]

TEXTS = ["Write a haiku about autumn leaves",
         "Fix this Python bug: def f(x): return x +",
         "Summarise the meeting transcript below. " * 60]  # past the 256-token window

ROWS = [Example(f"r{i}", text, category, None, "train") for i, (text, category) in enumerate([
    ("Write a poem about the sea", "creative_writing"),
    ("Compose a short story about a lighthouse keeper", "creative_writing"),
    ("Debug this stack trace from my Flask app", "debugging"),
    ("Why does this loop never end? while i < 10: print(i)", "debugging"),
    ("Translate this sentence into German", "translation"),
    ("Render this paragraph in Japanese, keeping the tone", "translation")])]
TINY = replace(FINETUNE, epochs=1, max_tokens=16)


@pytest.fixture(scope="module")
def states():
    return lower_states([e.text for e in ROWS])


def test_untrained_copies_are_minilm_in_both_paths() -> None:
    untrained = TunedMiniLMEncoder(TunedLayers.from_state(top_copies().state_dict()))
    frozen = default_encoder().encode(TEXTS)
    np.testing.assert_allclose(untrained.from_states(lower_states(TEXTS)), frozen, atol=1e-5)
    np.testing.assert_allclose(untrained.encode(TEXTS), frozen, atol=1e-5)
    np.testing.assert_allclose(untrained.encode(TEXTS[:1]), frozen[:1], atol=1e-5)


def test_fit_is_deterministic_and_the_name_follows_the_weights(states) -> None:
    first = fine_tune(states, ROWS, TINY)
    second = fine_tune(states, ROWS, TINY)
    assert np.array_equal(first.flat, second.flat)
    assert first.encoder_name == second.encoder_name
    other = fine_tune(states, ROWS, replace(TINY, seed=1))
    untrained = TunedLayers.from_state(top_copies().state_dict())
    assert not np.array_equal(first.flat, other.flat)
    assert len({first.encoder_name, other.encoder_name, untrained.encoder_name}) == 3
    assert first.encoder_name.startswith("all-MiniLM-L6-v2+tuned2-")


def test_tuned_vectors_move_and_both_paths_agree(states) -> None:
    tuned = TunedMiniLMEncoder(fine_tune(states, ROWS, TINY))
    texts = [e.text for e in ROWS]
    via_states = tuned.from_states(states)
    np.testing.assert_allclose(tuned.encode(texts), via_states, atol=1e-5)
    frozen = default_encoder().encode(texts)
    assert np.abs(via_states - frozen).max() > 1e-3  # training moved the copies
    assert not np.array_equal(default_encoder().encode(texts), via_states)  # MiniLM untouched


def test_artifact_keeps_the_tuned_layers(fixture_artifact: Path) -> None:
    meta = json.loads((fixture_artifact / "metadata.json").read_text())
    classifier = load_classifier(fixture_artifact)
    layers = classifier.params.tuned()
    assert layers is not None and meta["finetune"] == json.loads(json.dumps(
        FINETUNE.__dict__))
    assert classifier.encoder.name == meta["encoder"] == layers.encoder_name
    prediction = classifier.predict(["Translate this contract into French"],
                                    read_again=False)[0]
    assert prediction.reading is not None
    assert prediction.reading.first_encoder == meta["encoder"]


def test_tampered_weights_are_refused(copy: Path) -> None:
    path = copy / "tuned_layers.npy"
    weights = np.load(path)
    weights[123] += 0.5
    np.save(path, weights)
    with pytest.raises(ArtifactError, match=r"tuned_layers\.npy is corrupt"):
        load_classifier(copy)
    # the checksum rewritten to match: the weights no longer hash to the encoder's name
    import hashlib

    meta = json.loads((copy / "metadata.json").read_text())
    meta["files"]["tuned_layers.npy"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ArtifactError, match="tuned layers hash to"):
        load_classifier(copy)


def test_shipped_artifact_reads_a_row_frozen_minilm_misread() -> None:
    """extraction-020 (test split): the frozen shipped classifier (code 8) read it as
    long_document at p=0.841, over its cut, so e5 never re-read it (training/reports/
    classifier.json, worst_misclassified). The fine-tuned first reading gets it right alone."""
    from council.classifier_loader import ensure_classifier

    shipped = ensure_classifier()
    text = ("Extract a complete, machine-checkable specification of every message format from "
            "a 1,200-page legacy telecom protocol standard, including conditional fields and "
            "versions.")
    first = shipped.predict([text], read_again=False)[0]
    assert shipped.encoder.name.startswith("all-MiniLM-L6-v2+tuned2-")
    assert first.category == "extraction" and first.category_p["long_document"] < 0.5
