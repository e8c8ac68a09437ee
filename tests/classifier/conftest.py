"""One small classifier trained per session on the fixture corpus (loads MiniLM once)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from council.assess.classifier import LocalClassifier, load_classifier
from council.classifier_loader import forget_loaded

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "tasks"


@pytest.fixture(scope="session")
def encoder():
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths

    return CachedEncoder(default_encoder(), paths().embedding_cache)


@pytest.fixture(scope="session")
def second_encoder():
    """The second reading's encoder (multilingual-e5-small) through the disk cache."""
    from council.assess.encoder import CachedEncoder, encoder_named
    from council.assess.second_reading import SECOND_ENCODER
    from council.config import paths

    return CachedEncoder(encoder_named(SECOND_ENCODER), paths().embedding_cache)


@pytest.fixture(scope="session")
def fixture_artifact(tmp_path_factory: pytest.TempPathFactory, encoder) -> Path:
    from council.classifier_training.classifier import build_classifier

    out = tmp_path_factory.mktemp("classifier") / "artifact"
    build_classifier(FIXTURE_DATA, out, seed=0, encoder=encoder)
    return out


@pytest.fixture(scope="session")
def classifier(fixture_artifact: Path, second_encoder) -> LocalClassifier:
    return load_classifier(fixture_artifact, second_encoder=second_encoder)


@pytest.fixture()
def copy(fixture_artifact: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the fixture artifact to tamper with; no loaded classifier outlives it."""
    target = tmp_path / "artifact"
    shutil.copytree(fixture_artifact, target)
    forget_loaded()
    yield target
    forget_loaded()
