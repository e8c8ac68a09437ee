"""The classifier trained on the team's corpus clears floors on its held-out test split.

Floors (see training/reports/classifier.md for the measured figures, ~0.79 test macro-F1,
~0.50 MAE, ECE ~0.04 on 1,355/333 rows): chance macro-F1 over 15 categories is ~0.07 and
the majority class scores 0.015, always-the-median difficulty has MAE ~1.0. The floors sit
well above those, and about 0.1 under the measured figures so the growing corpus does not
make them flaky; a broken feature, label mix-up or calibration bug falls through them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from council.assess.classifier import read_metadata, read_report
from council.classifier_loader import stale_reason
from council.classifier_training.classifier import build_classifier
from council.classifier_training.corpus import corpus_hash, default_data_dir
from council.config import paths
from council.errors import ArtifactError

# One worker trains the session fixtures once (`pytest -n 2 --dist loadgroup`).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("classifier")]

MACRO_F1_FLOOR = 0.65
MAE_CEILING = 0.75
WITHIN_ONE_FLOOR = 0.9
ECE_CEILING = 0.10


def shipped_report(data: Path) -> dict[str, Any] | None:
    """The held-out report of the artifact the app loads, when `council init` (which `make test`
    runs first) built it from this corpus with this code and configuration; else None."""
    artifact = paths().classifier_artifact
    try:
        meta = read_metadata(artifact)
    except ArtifactError:
        return None
    if meta.get("seed") != 0 or stale_reason(meta, data) is not None:
        return None
    return read_report(artifact, corpus_hash(data))


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory: pytest.TempPathFactory, encoder) -> dict[str, Any]:
    """The shipped artifact's report, built again here only when that one is missing or stale
    (the build takes two minutes; doing it twice in `make test` bought nothing)."""
    data = default_data_dir()
    assert data.is_dir(), f"the labelled corpus is part of the repository; missing at {data}"
    report = shipped_report(data)
    if report is not None:
        return report
    out: Path = tmp_path_factory.mktemp("corpus") / "artifact"
    return build_classifier(data, out, seed=0, encoder=encoder).report


def test_category_macro_f1_on_test_split(corpus_report: dict[str, Any]) -> None:
    assert corpus_report["data"]["test"] >= 100
    assert corpus_report["test"]["category_macro_f1"] >= MACRO_F1_FLOOR


def test_difficulty_on_test_split(corpus_report: dict[str, Any]) -> None:
    difficulty = corpus_report["test"]["difficulty"]
    assert difficulty["mae"] <= MAE_CEILING
    assert difficulty["mae"] < corpus_report["test"]["baselines"]["median_difficulty_mae"]
    assert difficulty["within_one"] >= WITHIN_ONE_FLOOR


def test_second_reading_lifts_the_category(corpus_report: dict[str, Any]) -> None:
    """On the held-out test split: re-reading the rows the (fine-tuned) first reading is least
    sure of with e5 gives more right categories than the first reading alone. (Out of fold on
    the train split it no longer can: the fine-tune saw those rows, so its first reading there
    is too good to be a fair comparison: 0.885 against 0.846 with e5.)"""
    second = corpus_report["cv"]["second_reading"]
    assert 0.3 <= second["share_read_again"] <= 0.5
    test = corpus_report["test"]
    assert test["category_accuracy"] > test["category_accuracy_first_only"]
    assert 0.2 <= test["read_again_share"] <= 0.6


def test_calibrated_on_test_split(corpus_report: dict[str, Any]) -> None:
    assert corpus_report["test"]["category_ece"] <= ECE_CEILING


def test_junk_probes_are_flagged(corpus_report: dict[str, Any]) -> None:
    flagged = {p["probe"]: p["low_confidence"] for p in corpus_report["probes"]}
    assert flagged["emoji"] and flagged["binary junk"]
