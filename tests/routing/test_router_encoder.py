"""The success model records its encoder by name, and `route score` / `route pick` embed with
the artifact's encoder, not the process default (so MiniLM and e5 artifacts both work)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from council.assess.encoder import (
    CachedEncoder,
    E5SmallQ4Encoder,
    JoinedEncoder,
    MiniLMEncoder,
    encoder_named,
)
from council.cli.main import cli
from council.errors import ArtifactError

E5 = E5SmallQ4Encoder.name


class Trigrams:
    """A small real encoder (character-trigram hashing, unit length) that counts its texts."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str], batch_size: int = 64,
               progress: bool = False) -> np.ndarray:
        self.texts.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for k in range(len(text) - 2):
                out[i, hashlib.sha256(text[k:k + 3].encode()).digest()[0] % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_joined_encoder_is_unit_length_and_caches_each_part_apart(tmp_path: Path) -> None:
    a, b = Trigrams("tri-a", 8), Trigrams("tri-b", 16)
    joined = JoinedEncoder([CachedEncoder(a, tmp_path), CachedEncoder(b, tmp_path)])
    assert joined.name == "tri-a+tri-b" and joined.dim == 24
    texts = ["Is 7 prime?", "Sort a list of 3 numbers"]
    x = joined.encode(texts)
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(x[:, :8] * np.sqrt(2), a.encode(texts), rtol=1e-6)
    assert {p.name for p in tmp_path.iterdir()} == {"tri-a", "tri-b"}  # no "tri-a+tri-b"
    again = JoinedEncoder([CachedEncoder(a, tmp_path), CachedEncoder(b, tmp_path)])
    seen = len(a.texts)
    np.testing.assert_array_equal(again.encode(texts), x)
    assert len(a.texts) == seen  # read from each part's cache


def test_encoders_are_named_and_unknown_names_are_refused() -> None:
    assert isinstance(encoder_named(E5), E5SmallQ4Encoder)
    joined = encoder_named(f"{MiniLMEncoder.name}+{E5}")
    assert joined.dim == 768 and joined.name == f"{MiniLMEncoder.name}+{E5}"
    with pytest.raises(ArtifactError, match="unknown encoder 'nope'"):
        encoder_named(f"{E5}+nope")


def test_route_train_names_an_unknown_encoder(tmp_path: Path) -> None:
    rows = tmp_path / "o.jsonl"
    rows.write_text('{"id": "a", "prompt": "p", "outcomes": {"m": 1}}\n')
    result = CliRunner().invoke(cli, ["route", "train", "--outcomes", str(rows), "--out",
                                      str(tmp_path / "r"), "--encoder", "bert-huge"])
    assert result.exit_code == 2 and "unknown encoder 'bert-huge'" in result.output


@pytest.mark.slow
def test_e5_artifact_trains_scores_and_picks_with_e5(shared_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A real fit on RouterBench rows read by e5; score and pick embed with e5 (its cache
    fills, MiniLM's stays empty, and MiniLM is never asked)."""
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path / "home"))
    bench = shared_dir / "routing" / "routerbench"
    lines = (bench / "outcomes.jsonl").read_text().splitlines()
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(lines[::40]) + "\n")  # 56 rows
    prompts = tmp_path / "prompts.jsonl"
    asked = [json.loads(line) for line in lines[3::400]]
    prompts.write_text("".join(json.dumps({"id": r["id"], "prompt": r["prompt"]}) + "\n"
                               for r in asked))

    def no_minilm(*a: object, **k: object) -> None:
        raise AssertionError("MiniLM was asked to embed")

    monkeypatch.setattr(MiniLMEncoder, "encode", no_minilm)
    runner, router = CliRunner(), tmp_path / "router"
    trained = runner.invoke(cli, ["route", "train", "--outcomes", str(train), "--out",
                                  str(router), "--anchor", "fixed", "--encoder", E5])
    assert trained.exit_code == 0, trained.output
    meta = json.loads((router / "meta.json").read_text())
    assert meta["encoder"] == E5 and meta["dim"] == 384
    cache = tmp_path / "home" / "embedding-cache"
    assert len(list((cache / E5).rglob("*.npy"))) == 56

    scores = tmp_path / "scores.jsonl"
    scored = runner.invoke(cli, ["route", "score", "--model", str(router), "--input",
                                 str(prompts), "--output", str(scores)])
    assert scored.exit_code == 0, scored.output
    p = [json.loads(line)["p_success"] for line in scores.read_text().splitlines()]
    assert len(p) == len(asked) and len({round(r["gpt-4-1106-preview"], 6) for r in p}) > 1

    out = tmp_path / "picks.jsonl"
    picked = runner.invoke(cli, ["route", "pick", "--model", str(router), "--input",
                                 str(prompts), "--output", str(out), "--prices",
                                 str(bench / "models.json"), "--failure-cost", "0.01"])
    assert picked.exit_code == 0, picked.output
    assert len(out.read_text().splitlines()) == len(asked)
    assert len(list((cache / E5).rglob("*.npy"))) == 56 + len(asked)  # pick cached e5 vectors
    assert not list(cache.glob(f"{MiniLMEncoder.name}/**/*.npy"))
