"""The app with a trained outcome model: adequacy sources on Recommend, movement on History.

The outcome model is trained by the real `council train --outcomes-only` from feedback in
a real SQLite store, with the real encoder; the classifier artifact stays shared.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from council import present, store
from council.cli.main import cli
from council.config import PROJECT_ROOT
from council.db import open_db
from council.task import parse_task
from tests.app.conftest import no_exception, page_app, seen, share_id_of, submit_task
from tests.recs import priced_rec

COVERED = ("claude-haiku-4-5", "gpt-5-mini")
TASKS = ["Classify support tickets into 12 queues", "Summarise a long legal contract",
         "Write a SQL query joining three tables", "Translate a product page to German",
         "Extract invoice totals from scanned PDFs", "Prove a lemma about prime numbers"]
TASK = "Classify incoming support emails into 12 queues and return JSON"


@pytest.fixture()
def artifacts(council_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """COUNCIL_ARTIFACTS in the tmp home, the shared classifier linked in."""
    models = council_home / "models"
    models.mkdir()
    (models / "classifier").symlink_to(PROJECT_ROOT / "var" / "models" / "classifier")
    monkeypatch.setenv("COUNCIL_ARTIFACTS", str(models))
    return models


def _seed_feedback(db_path: Path) -> list[str]:
    """Real recommendations for six tasks; both covered models rated on each."""
    from council.api import recommend
    from council.catalog.store import init_catalog
    from council.classifier_loader import ensure_classifier

    db = open_db(db_path)
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    classifier = ensure_classifier(PROJECT_ROOT / "var" / "models" / "classifier")
    shares = []
    for i, task in enumerate(TASKS):
        spec = parse_task(description=task)
        share = store.save_recommendation(db, recommend(spec, catalog=catalog,
                                                        classifier=classifier))
        store.add_feedback(db, share, COVERED[0], i % 2 == 0, "")
        store.add_feedback(db, share, COVERED[1], i % 3 != 0, "")
        shares.append(share)
    return shares


def _train() -> None:
    result = CliRunner().invoke(cli, ["train", "--outcomes-only"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_recommend_shows_sources_and_share_link_reproduces_them(
        council_home: Path, artifacts: Path) -> None:
    _seed_feedback(council_home / "council.db")
    _train()
    assert (artifacts / "outcomes" / "meta.json").exists()
    at = submit_task(page_app("recommend", timeout=300).run(), TASK)
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    share = share_id_of(at)
    rec = store.load_recommendation(open_db(council_home / "council.db"), share).rec
    sources = present.adequacy_sources(rec)
    assert {sources[m] for m in COVERED if m in sources} == {"outcomes"}
    assert set(sources.values()) - {"catalog-estimate"} == {"outcomes", "catalog"}
    captions = [c.value for c in at.caption]
    summary = present.source_summary(rec)
    assert summary.startswith("P(adequate) from the outcome model for ") and summary in captions
    assert present.source_caption(rec.recommended.adequacy_source) in captions
    if present.alternative_rows(rec):
        alternatives = next(t.value for t in at.table if "why" in t.value.columns)
        assert "adequacy from" in alternatives.columns

    # the share link renders the stored dict: the same numbers and the same sources
    again = page_app("recommend", query={"r": share}, timeout=300).run()
    no_exception(again)
    assert [m.value for m in again.metric] == [m.value for m in at.metric]
    assert summary in [c.value for c in again.caption]


@pytest.mark.slow
def test_history_shows_how_predictions_moved(council_home: Path, artifacts: Path) -> None:
    shares = _seed_feedback(council_home / "council.db")
    _train()
    at = page_app("history", timeout=300).run()
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert "How predictions moved after retraining" in [s.value for s in at.subheader]
    table = at.dataframe[1].value
    assert len(table) == 2 * len(TASKS)
    assert set(table["model"]) == set(COVERED)
    assert set(table["source then"]) == {"catalog"}
    assert set(table["source now"]) == {"outcomes"}
    assert table["P then"].str.endswith("%").all() and table["P now"].str.endswith("%").all()
    assert set(table["open"]) == {f"/?r={s}" for s in shares}
    assert any("outcome model trained" in c.value for c in at.caption)


def test_history_movement_without_an_outcome_model_uses_the_catalog(
        council_home: Path, artifacts: Path) -> None:
    db = open_db(council_home / "council.db")
    rec = priced_rec("Tag tickets", "gpt-5-mini", 3.0)
    rec = dataclasses.replace(rec, recommended=dataclasses.replace(
        rec.recommended, p_adequate=0.8, adequacy_source="catalog"))
    # An alternative then, gone from today's catalog (feedback is only for models named).
    rec = dataclasses.replace(rec, alternatives=[
        *rec.alternatives, dataclasses.replace(rec.alternatives[0], model_id="no-such-model")])
    share = store.save_recommendation(db, rec)
    store.add_feedback(db, share, "gpt-5-mini", False, "")
    store.add_feedback(db, share, "no-such-model", True, "")
    at = page_app("history").run()
    no_exception(at)
    table = at.dataframe[1].value
    assert list(table["model"]) == ["no-such-model", "gpt-5-mini"]
    assert list(table["P then"]) == ["n/a", "80%"]
    assert list(table["source now"]) == ["not in today's catalog", "catalog"]
    assert any("No outcome model is trained yet" in c.value for c in at.caption)


def test_corrupt_outcome_artifact_is_a_message(council_home: Path, artifacts: Path) -> None:
    broken = artifacts / "outcomes"
    broken.mkdir()
    (broken / "meta.json").write_text("{not json")
    (broken / "weights.npz").write_bytes(b"garbage")
    at = submit_task(page_app("recommend", timeout=300).run(), TASK)
    no_exception(at)
    assert any("Model artifact problem" in w.value and "meta.json is corrupt" in seen(w.value)
               for w in at.warning), [w.value for w in at.warning]
    # the answer is still given, every adequacy from the catalog
    share = at.query_params["r"]
    share = share[0] if isinstance(share, list) else share
    rec = store.load_recommendation(open_db(council_home / "council.db"), share).rec
    assert set(present.adequacy_sources(rec).values()) <= {"catalog", "catalog-estimate"}

    history = page_app("history").run()
    no_exception(history)
    assert any("Model artifact problem" in w.value for w in history.warning)
