"""training/finetune_experiments.py's split of MiniLM: the cached lower-layer states and a copy
of the top layers give MiniLM's own vectors until trained, and training moves only the copy."""

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
def test_untrained_top_layers_reproduce_minilm_and_training_moves_only_the_copy(tmp_path):
    import torch

    from council.assess.encoder import default_encoder

    fe = _load()
    states = fe.LowerStates(fe.CUT, tmp_path)
    frozen = default_encoder().encode(TEXTS)
    for top in (1, 2):
        model = fe._top_model(states.bert, top, 3).eval()
        tuned = fe.TunedEncoder(model, states, "untrained").encode(TEXTS)
        np.testing.assert_allclose(tuned, frozen, atol=1e-4)

    before = {k: v.clone() for k, v in states.bert.state_dict().items()}
    rows = [Example(f"r{i}", text, category, None, "train") for i, (text, category) in
            enumerate([("Write a poem about the sea", "creative_writing"),
                       ("Compose a short story about a lighthouse", "creative_writing"),
                       ("Debug this stack trace from my Flask app", "debugging"),
                       ("Why does this loop never end? while i < 10: print(i)", "debugging"),
                       ("Translate this sentence into German", "translation"),
                       ("Render the paragraph below in Spanish", "translation")] * 3)]
    setting = fe.Setting("tiny", top=1, epochs=2, lr=1e-3, batch=6)
    classes = sorted({e.category for e in rows})
    model = fe.fine_tune(states, rows, classes, setting, seed=0)
    tuned = fe.TunedEncoder(model, states, "tiny").encode(TEXTS)
    assert np.abs(tuned - frozen).max() > 1e-3  # the trained layer changed the vectors
    # the frozen layer 5 copy and MiniLM itself are untouched
    for name, value in model.layers[0].state_dict().items():
        assert torch.equal(value, before[f"encoder.layer.{fe.CUT}.{name}"])
    assert all(torch.equal(v, before[k]) for k, v in states.bert.state_dict().items())
    np.testing.assert_allclose(default_encoder().encode(TEXTS), frozen, atol=1e-6)
