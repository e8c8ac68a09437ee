"""One small classifier trained per session on the fixture corpus (loads MiniLM once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from council.assess.classifier import LocalClassifier, load_classifier

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "tasks"


@pytest.fixture(scope="session")
def encoder():
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths

    return CachedEncoder(default_encoder(), paths().embedding_cache)


@pytest.fixture(scope="session")
def fixture_artifact(tmp_path_factory: pytest.TempPathFactory, encoder) -> Path:
    from council.classifier_training.classifier import build_classifier

    out = tmp_path_factory.mktemp("classifier") / "artifact"
    build_classifier(FIXTURE_DATA, out, seed=0, encoder=encoder)
    return out


@pytest.fixture(scope="session")
def classifier(fixture_artifact: Path) -> LocalClassifier:
    return load_classifier(fixture_artifact)
