"""training/finetune_experiments.py measures the shipped fine-tune code: its cached lower
states give MiniLM's own vectors until trained, and a setting fits what council's fine_tune
fits with that recipe."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from council.classifier_training.corpus import Example

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "finetune_experiments.py"

TEXTS = ["Write a haiku about autumn leaves",
         "Fix this Python bug: def f(x): return x +",
         "Summarise the meeting transcript below. " * 60]  # past the 256-token window


def _load():
    spec = importlib.util.spec_from_file_location("finetune_experiments", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_cached_states_reproduce_minilm_and_a_setting_is_the_shipped_fit(tmp_path):
    from council.assess.classifier import prepare_text
    from council.assess.encoder import default_encoder
    from council.assess.tuned_encoder import TunedLayers, lower_states, top_copies
    from council.classifier_training.finetune import fine_tune

    fe = _load()
    states = fe.LowerStates(tmp_path)
    frozen = default_encoder().encode(TEXTS)
    untrained = TunedLayers.from_state(top_copies().state_dict())
    # fp16 on disk: within 1e-3 of MiniLM's vectors
    np.testing.assert_allclose(fe.TunedEncoder(untrained, states).encode(TEXTS), frozen,
                               atol=1e-3)
    rows = [Example(f"r{i}", text, category, None, "train") for i, (text, category) in
            enumerate([("Write a poem about the sea", "creative_writing"),
                       ("Debug this stack trace from my Flask app", "debugging"),
                       ("Translate this sentence into German", "translation")] * 2)]
    setting = fe.Setting("tiny", top=2, epochs=1, max_tokens=16)
    layers = fe.fine_tune(states, rows, setting, seed=0)
    again = fine_tune([s.half().float() for s in lower_states(
        [prepare_text(e.text) for e in rows])], rows, setting.recipe(0))
    assert np.array_equal(layers.flat, again.flat)
    assert fe.TunedEncoder(layers, states).name == again.encoder_name
