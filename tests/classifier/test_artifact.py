"""Artifacts: reproducible bytes, verified on load, rebuilt or reported when broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from council.assess.classifier import ArtifactError, load_classifier
from council.classifier_loader import ensure_classifier, forget_loaded
from council.classifier_training.classifier import build_classifier

from .conftest import FIXTURE_DATA

# One worker trains the session fixtures once (`pytest -n 2 --dist loadgroup`).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_corrupt_array_is_detected(copy: Path) -> None:
    path = copy / "category_coef.npy"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match="corrupt"):
        load_classifier(copy)


def test_garbage_metadata_is_detected(copy: Path) -> None:
    (copy / "metadata.json").write_text("{not json")
    with pytest.raises(ArtifactError, match="corrupt"):
        load_classifier(copy)


def test_other_code_version_is_detected(copy: Path) -> None:
    meta = json.loads((copy / "metadata.json").read_text())
    meta["code_version"] = "0"
    (copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ArtifactError, match="another version"):
        load_classifier(copy)


def test_corrupt_artifact_without_data_is_reported(copy: Path, tmp_path: Path) -> None:
    (copy / "reference.npy").write_bytes(b"junk")
    empty = tmp_path / "no-data"
    empty.mkdir()
    with pytest.raises(ArtifactError, match="council train"):
        ensure_classifier(copy, data_dir=empty)


def test_corrupt_artifact_with_data_is_rebuilt(copy: Path, fixture_artifact: Path) -> None:
    (copy / "reference.npy").write_bytes(b"junk")
    rebuilt = ensure_classifier(copy, data_dir=FIXTURE_DATA)
    assert _files(copy) == _files(fixture_artifact)
    assert ensure_classifier(copy, data_dir=FIXTURE_DATA) is rebuilt  # once per process


def test_missing_artifact_is_built(tmp_path: Path, fixture_artifact: Path) -> None:
    """Built again from the same data and seed: the fixture's bytes, every file (the
    reproducibility check: a build of its own cost ~10 s, and this one and the rebuild above
    already are such builds)."""
    forget_loaded()
    built = ensure_classifier(tmp_path / "fresh", data_dir=FIXTURE_DATA)
    assert _files(tmp_path / "fresh") == _files(fixture_artifact)
    assert built.predict(["Translate this menu into German"])[0].category == "translation"
    forget_loaded()


def test_changed_data_triggers_rebuild(copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    with (data / "translation.jsonl").open("a") as handle:
        handle.write(json.dumps({"id": "extra-1", "text": "Translate this FAQ into Dutch",
                                 "category": "translation", "difficulty": 1,
                                 "split": "train"}) + "\n")
    old = np.load(copy / "reference.npy")
    ensure_classifier(copy, data_dir=data)
    assert np.load(copy / "reference.npy").shape[0] == old.shape[0] + 1


def test_stale_artifact_with_broken_corpus_is_reported(copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    with (data / "translation.jsonl").open("a") as handle:
        handle.write("{half a row\n")
    with pytest.raises(ArtifactError, match=r"translation.jsonl:\d+: invalid JSON"):
        ensure_classifier(copy, data_dir=data)


def test_concurrent_callers_share_one_load(copy: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        loaded = list(pool.map(lambda _: ensure_classifier(copy, data_dir=FIXTURE_DATA),
                               range(8)))
    assert all(c is loaded[0] for c in loaded)


def test_outcomes_train_the_difficulty_and_survive_a_rebuild(tmp_path: Path, encoder) -> None:
    """`council train --outcomes FILE`: the difficulty head learns from failure shares, the
    artifact records the file, and a rebuild (changed corpus) uses it again."""
    outcomes = tmp_path / "outcomes.jsonl"
    easy = ["What is 2 + 2?", "Name the capital of France.", "Spell 'cat' backwards."]
    hard = ["Prove the Riemann hypothesis.", "Find a polynomial-time algorithm for SAT.",
            "Write a formally verified optimising C compiler."]
    rows = [{"id": f"e{i}", "source": "toy", "prompt": t, "outcomes": {"a": 1, "b": 1}}
            for i, t in enumerate(easy)]
    rows += [{"id": f"h{i}", "source": "toy", "prompt": t, "outcomes": {"a": 0, "b": 0}}
             for i, t in enumerate(hard)]
    outcomes.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    out = tmp_path / "artifact"
    # seed 7, not the default: the seed is recorded (this build checks it, not one of its own)
    build_classifier(data, out, seed=7, encoder=encoder, outcome_paths=[outcomes])
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["difficulty_outcomes"] == {"files": [str(outcomes.resolve())], "prompts": 6}
    assert meta["seed"] == 7 and meta["data_hash"]
    with (data / "translation.jsonl").open("a") as handle:
        handle.write(json.dumps({"id": "extra-2", "text": "Translate this FAQ into Dutch",
                                 "category": "translation", "difficulty": 1,
                                 "split": "train"}) + "\n")
    forget_loaded()
    ensure_classifier(out, data_dir=data)  # stale: rebuilt, with the same outcome file
    forget_loaded()
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["difficulty_outcomes"]["prompts"] == 6


def test_an_artifact_copied_to_another_checkout_checks_that_checkouts_corpus(
        tmp_path: Path, encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's own corpus is recorded as None, not as a path: a var/ copied from
    checkout A to checkout B kept checking A's corpus, so B's new rows were never built in."""
    from council.assess.classifier import read_metadata
    from council.classifier_training import classifier as training
    from council.classifier_training import corpus

    first, second = tmp_path / "a" / "tasks", tmp_path / "b" / "tasks"
    shutil.copytree(FIXTURE_DATA, first)
    shutil.copytree(FIXTURE_DATA, second)
    with (second / "translation.jsonl").open("a") as handle:
        handle.write(json.dumps({"id": "extra-1", "text": "Translate this FAQ into Dutch",
                                 "category": "translation", "difficulty": 1,
                                 "split": "train"}) + "\n")
    monkeypatch.setattr(training, "default_data_dir", lambda: first)
    out = tmp_path / "artifact"
    build_classifier(first, out, seed=0, encoder=encoder)
    assert read_metadata(out)["data_dir"] is None
    rows = np.load(out / "reference.npy").shape[0]
    monkeypatch.setattr(corpus, "default_data_dir", lambda: second)  # now in checkout B
    forget_loaded()
    ensure_classifier(out)
    assert np.load(out / "reference.npy").shape[0] == rows + 1
    forget_loaded()


def test_the_build_keeps_its_held_out_report_for_its_own_data_only(fixture_artifact: Path) -> None:
    from council.assess.classifier import read_report
    from council.classifier_training.corpus import corpus_hash

    report = read_report(fixture_artifact, corpus_hash(FIXTURE_DATA))
    assert report is not None and "cv" in report and "probes" in report
    assert not any(key.endswith("seconds") for key in report)
    assert read_report(fixture_artifact, "another corpus") is None
    assert read_report(fixture_artifact, None) is None
