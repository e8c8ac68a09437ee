"""The success model records its encoder by name, and `route score` / `route pick` embed with
the artifact's encoder, not the process default (so MiniLM and e5 artifacts both work)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from council.assess.encoder import E5SmallQ4Encoder, MiniLMEncoder
from council.cli.main import cli
from council.errors import ArtifactError
from council.outcomes.embedding import PromptEmbedder, parse_spec
from council.outcomes.reading import question_text, reading_text
from tests.routerbench_files import routerbench_files
from tests.trigram_encoder import TrigramEncoder as Trigrams

E5 = E5SmallQ4Encoder.name


FEW_SHOT = ("Answer the question.\n\n" + "Q: an example that is long. A: yes\n\n" * 40
            + "Q: Is 7 prime?")


def test_a_joined_spec_reads_each_part_its_way_and_caches_each_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = Trigrams("tri-a", 8), Trigrams("tri-b", 16)
    monkeypatch.setattr("council.assess.encoder._ENCODERS", {"tri-a": lambda: a,
                                                             "tri-b": lambda: b})
    monkeypatch.setattr("council.assess.encoder._named", {})
    embedder = PromptEmbedder("tri-a+tri-b@question", tmp_path)
    assert embedder.name == "tri-a+tri-b@question" and embedder.dim == 24
    texts = [FEW_SHOT, "Sort a list of 3 numbers"]
    x = embedder.embed(texts)
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-6)
    assert a.texts == [reading_text(t) for t in texts]  # the head + tail window
    assert b.texts == [question_text(t) for t in texts] and b.texts[0] == "Q: Is 7 prime?"
    np.testing.assert_allclose(x[:, :8] * np.sqrt(2), Trigrams("x", 8).encode(a.texts),
                               rtol=1e-6)
    np.testing.assert_allclose(x[:, 8:] * np.sqrt(2), Trigrams("y", 16).encode(b.texts),
                               rtol=1e-6)
    assert {p.name for p in tmp_path.iterdir()} == {"tri-a", "tri-b"}
    seen = (len(a.texts), len(b.texts))
    again = PromptEmbedder("tri-a+tri-b@question", tmp_path).embed(texts)
    np.testing.assert_allclose(again, x, rtol=1e-6)
    assert (len(a.texts), len(b.texts)) == seen  # both read from their caches


def test_specs_name_unknown_encoders_and_readings() -> None:
    assert [p.spec for p in parse_spec(f"{MiniLMEncoder.name}+{E5}@question")] == [
        MiniLMEncoder.name, f"{E5}@question"]
    with pytest.raises(ArtifactError, match="unknown encoder 'nope'"):
        parse_spec(f"{E5}+nope")
    with pytest.raises(ArtifactError, match="unknown reading 'tail'"):
        parse_spec(f"{E5}@tail")


def test_route_train_names_an_unknown_encoder(tmp_path: Path) -> None:
    rows = tmp_path / "o.jsonl"
    rows.write_text('{"id": "a", "prompt": "p", "outcomes": {"m": 1}}\n')
    result = CliRunner().invoke(cli, ["route", "train", "--outcomes", str(rows), "--out",
                                      str(tmp_path / "r"), "--encoder", "bert-huge"])
    assert result.exit_code == 2 and "unknown encoder 'bert-huge'" in result.output


@pytest.mark.slow
def test_e5_artifact_trains_scores_and_picks_with_e5(shared_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A real fit on RouterBench rows read by e5; score and pick embed with the artifact's
    encoder and reading (e5's cache fills, MiniLM's stays empty, MiniLM is never asked)."""
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path / "home"))
    bench = shared_dir / "routing" / "routerbench"
    train, prompts, asked = routerbench_files(shared_dir, tmp_path, slice(3, None, 400))

    def no_minilm(*a: object, **k: object) -> None:
        raise AssertionError("MiniLM was asked to embed")

    monkeypatch.setattr(MiniLMEncoder, "encode", no_minilm)
    runner, router = CliRunner(), tmp_path / "router"
    trained = runner.invoke(cli, ["route", "train", "--outcomes", str(train), "--out",
                                  str(router), "--anchor", "fixed", "--encoder",
                                  f"{E5}@question"])  # the question: short, so e5 is quick
    assert trained.exit_code == 0, trained.output
    meta = json.loads((router / "meta.json").read_text())
    assert meta["encoder"] == f"{E5}@question" and meta["dim"] == 384
    cache = tmp_path / "home" / "embedding-cache"
    assert len(list((cache / E5).rglob("*.npy"))) == 56

    scores = tmp_path / "scores.jsonl"
    scored = runner.invoke(cli, ["route", "score", "--model", str(router), "--input",
                                 str(prompts), "--output", str(scores)])
    assert scored.exit_code == 0, scored.output
    p = [json.loads(line)["p_success"] for line in scores.read_text().splitlines()]
    # on 56 rows the fit chosen on inner folds may be each model's base rate (the same P for
    # every prompt, docs/routing.md "Small samples, session 18"); with components, P varies
    distinct = len({round(r["gpt-4-1106-preview"], 6) for r in p})
    components = meta["selection"]["components"]
    assert len(p) == len(asked) and (distinct > 1 if components else distinct == 1)

    out = tmp_path / "picks.jsonl"
    picked = runner.invoke(cli, ["route", "pick", "--model", str(router), "--input",
                                 str(prompts), "--output", str(out), "--prices",
                                 str(bench / "models.json"), "--failure-cost", "0.01"])
    assert picked.exit_code == 0, picked.output
    assert len(out.read_text().splitlines()) == len(asked)
    assert len(list((cache / E5).rglob("*.npy"))) == 56 + len(asked)  # pick cached e5 vectors
    assert not list(cache.glob(f"{MiniLMEncoder.name}/**/*.npy"))
