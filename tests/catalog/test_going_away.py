"""Models that shut down within 30 days: listed, priced, and not the basis of a monthly plan
while a model that stays available clears the same bar (docs/catalog.md, "Going away").

Real catalog; where a case needs a model to be leaving, its shutdown date is moved on a copy
of the real entry (everything else as shipped). ``today`` is fixed in every test.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from shutil import copytree

import pytest
import yaml

from council.api import Recommendation, recommend_for
from council.catalog.availability import leaving_soon, shutdown_warning
from council.catalog.loader import load_catalog_dir
from council.catalog.model import Catalog
from council.config import PROJECT_ROOT
from council.errors import CatalogError
from council.task import parse_task
from tests.recs import assessment, real_catalog

TODAY = date(2026, 12, 1)
TICKETS = dict(description="Classify support tickets into 12 queues, returning JSON",
               runs_per_month=300_000, batch=True, input_tokens=900, output_tokens=40,
               failure_cost_usd=0.05)
OLYMPIAD = dict(description="Prove a hard olympiad inequality", quality="production",
                input_tokens=300, output_tokens=4_000, reasoning_tokens=20_000,
                runs_per_month=100, failure_cost_usd=5.0)


def _with(catalog: Catalog, **changes: dict[str, object]) -> Catalog:
    """The catalog with some entries' fields changed (model id -> field -> value)."""
    models = tuple(m.model_copy(update=changes[m.id]) if m.id in changes else m
                   for m in catalog.models)
    return Catalog(models=models, meta=catalog.meta)


def _answer(catalog: Catalog, spec: dict[str, object], category: str, difficulty: float,
            sd: float, today: date = TODAY) -> Recommendation:
    return recommend_for(parse_task(**spec), assessment(category, difficulty, sd),
                         catalog=catalog, today=today)


def test_a_cheaper_model_that_shuts_down_in_ten_days_is_listed_but_not_picked() -> None:
    before = _answer(real_catalog(), TICKETS, "classification", 1.6, 0.4)
    assert before.recommended is not None
    leaving_id = before.recommended.model_id  # deepseek-flash on the shipped catalog
    shut = TODAY + timedelta(days=10)
    after = _answer(_with(real_catalog(), **{leaving_id: {"shutdown_date": shut}}),
                    TICKETS, "classification", 1.6, 0.4)
    assert after.recommended is not None and after.recommended.model_id != leaving_id
    assert after.recommended.meets_bar
    listed = {c.model_id: c for c in after.candidates}
    assert leaving_id in listed and not listed[leaving_id].pareto
    assert any(f"shuts down on {shut.isoformat()} (10 days from now" in n
               for n in listed[leaving_id].notes)
    why = [n for n in after.recommended.notes if n.startswith(f"{leaving_id} would be the pick")]
    assert why and f"shuts down on {shut.isoformat()} (10 days; the catalog names no " \
                   "successor): not picked" in why[0], after.recommended.notes
    assert all(a.model_id != leaving_id for a in after.alternatives)
    assert after.cascade is None or after.cascade.cheap != leaving_id
    # 31 days away it is an ordinary candidate again, and picked as before
    later = _answer(_with(real_catalog(), **{leaving_id: {"shutdown_date": TODAY + timedelta(
        days=31)}}), TICKETS, "classification", 1.6, 0.4)
    assert later.recommended is not None and later.recommended.model_id == leaving_id


def test_the_only_model_over_the_bar_is_picked_with_its_date_and_successor() -> None:
    shipped = _answer(real_catalog(), OLYMPIAD, "math_reasoning", 3.5, 0.3)
    assert shipped.recommended is not None and shipped.decision is not None
    assert shipped.decision.floor_met
    over = [c for c in shipped.candidates if c.meets_bar]
    shut = TODAY + timedelta(days=10)
    # every model over the bar but the pick goes away now (retired), the pick in ten days
    pick = shipped.recommended.model_id
    changes: dict[str, dict[str, object]] = {
        c.model_id: {"shutdown_date": TODAY} for c in over if c.model_id != pick}
    changes[pick] = {"shutdown_date": shut, "successor": "claude-opus-5-5"}
    answer = _answer(_with(real_catalog(), **changes), OLYMPIAD, "math_reasoning", 3.5, 0.3)
    assert answer.recommended is not None and answer.recommended.model_id == pick
    assert answer.decision is not None and answer.decision.floor_met
    notes = " | ".join(answer.recommended.notes)
    assert f"picked although it shuts down on {shut.isoformat()} (10 days; the provider " \
           "names claude-opus-5-5 as its replacement): no model that stays available " \
           "clears the 90% bar" in notes, notes


def test_without_a_floor_a_leaving_model_is_never_the_pick() -> None:
    spec = dict(description="A support chat assistant answering customers", quality="none",
                input_tokens=2_500, output_tokens=300, runs_per_month=90_000)
    shipped = _answer(real_catalog(), spec, "customer_support", 1.4, 0.6)
    assert shipped.recommended is not None
    pick = shipped.recommended.model_id
    answer = _answer(_with(real_catalog(), **{pick: {"shutdown_date": TODAY + timedelta(
        days=1)}}), spec, "customer_support", 1.4, 0.6)
    assert answer.recommended is not None and answer.recommended.model_id != pick


def test_a_leaving_default_is_named_beside_the_saving() -> None:
    default = real_catalog().frontier_default.id
    shut = TODAY + timedelta(days=20)
    answer = _answer(_with(real_catalog(), **{default: {"shutdown_date": shut}}), TICKETS,
                     "classification", 1.6, 0.4)
    assert answer.recommended is not None and answer.recommended.model_id != default
    assert f"the default it is compared against, {default}, shuts down on " \
           f"{shut.isoformat()} (the catalog names no successor)" in answer.recommended.notes


def test_a_cascade_stage_that_shuts_down_soon_is_replaced() -> None:
    """The golden translation case: its cheap first stage, made to shut down in 25 days."""
    spec = dict(description="Translate product pages into German and Japanese",
                providers=("openai", "anthropic"), input_tokens=1_500, output_tokens=1_800,
                runs_per_month=5_000)
    now = _answer(real_catalog(), spec, "translation", 2.0, 0.4)
    assert now.cascade is not None
    cheap = now.cascade.cheap
    shut = TODAY + timedelta(days=25)
    later = _answer(_with(real_catalog(), **{cheap: {"shutdown_date": shut}}), spec,
                    "translation", 2.0, 0.4)
    # Not a stage any more; since the AA Intelligence Index estimates (2026-12-01, catalog10)
    # no other cheap stage pays off for this case, so the cascade may go with it.
    assert later.cascade is None or later.cascade.cheap != cheap
    assert later.recommended is not None and now.recommended is not None
    assert later.recommended.model_id == now.recommended.model_id
    assert cheap in {c.model_id for c in later.candidates}


def test_gpt_4_1_models_enter_the_window_on_2026_12_15() -> None:
    for model_id in ("gpt-4.1", "gpt-4.1-mini"):
        model = real_catalog().get(model_id)
        assert model.status == "active" and model.shutdown_date == date(2027, 1, 14)
        assert not leaving_soon(model, date(2026, 12, 14))
        assert leaving_soon(model, date(2026, 12, 15))
        assert not leaving_soon(model, date(2027, 1, 14))  # then it is retired, not leaving


def test_a_deprecated_model_is_excluded_with_its_shutdown_date() -> None:
    answer = _answer(real_catalog(), TICKETS, "classification", 1.6, 0.4)
    gpt5 = next(e for e in answer.excluded if e.model_id == "gpt-5")
    assert gpt5.reasons[0] == ("deprecated: not recommended for new work (shutdown date "
                               "2026-12-11; the provider names gpt-6.1-sol as its replacement)")


def test_the_2026_12_11_group_names_the_replacements_openai_lists() -> None:
    """OpenAI's deprecations page (read 2026-12-01; models_catalog/SOURCES.md)."""
    named = {m: real_catalog().get(m).successor for m in ("gpt-5", "gpt-5-mini", "gpt-5-nano",
                                                          "o3", "gpt-4.1", "gpt-4.1-mini")}
    assert named == {"gpt-5": "gpt-6.1-sol", "gpt-5-mini": "gpt-6.1-terra",
                     "gpt-5-nano": "gpt-6-luna", "o3": "gpt-6.1-sol", "gpt-4.1": "gpt-6-luna",
                     "gpt-4.1-mini": "gpt-6-luna"}


def test_the_warning_names_the_successor_when_the_catalog_gives_one() -> None:
    gpt5 = real_catalog().get("gpt-5").model_copy(update={"successor": "gpt-5.5"})
    warning = shutdown_warning(gpt5, TODAY)
    assert warning == ("gpt-5 shuts down on 2026-12-11 (10 days from now; the provider names "
                       "gpt-5.5 as its replacement): plan a replacement before relying on it")


@pytest.mark.parametrize(("successor", "why"), [("gpt-9", "is not a catalog model id"),
                                                ("gpt-5", "is the model itself")])
def test_a_successor_must_be_another_catalog_model(tmp_path: Path, successor: str,
                                                   why: str) -> None:
    folder = tmp_path / "models_catalog"
    copytree(PROJECT_ROOT / "models_catalog", folder)
    path = folder / "openai.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(m for m in data["models"] if m["id"] == "gpt-5")
    entry["successor"] = successor
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog_dir(folder)
    assert str(err.value) == f"openai.yaml: model gpt-5, field successor: {successor!r} {why}"


def test_an_empty_successor_leaves_the_catalog_version_unchanged() -> None:
    from council.catalog.model import canonical_json, content_hash

    shipped = load_catalog_dir(PROJECT_ROOT / "models_catalog")
    assert shipped.version == real_catalog().version
    # Emptying every successor gives the hash of the same entries written without the field.
    cleared = [m.model_copy(update={"successor": None}) for m in shipped.models]
    assert '"successor"' not in canonical_json(cleared, shipped.meta)
    assert content_hash(canonical_json(cleared, shipped.meta)) != shipped.version


def test_an_editor_names_a_successor_and_the_warning_shows_it(tmp_path: Path) -> None:
    from council.catalog.editors import Editor
    from council.catalog.store import CatalogStore, init_catalog
    from council.db import open_db
    from council.errors import InvalidInput

    db = open_db(tmp_path / "council.db")
    init_catalog(db, PROJECT_ROOT / "models_catalog")
    store = CatalogStore(db)
    alice = Editor("alice")
    for bad in ("gpt-9", "gpt-5"):
        with pytest.raises(InvalidInput, match=r"successor: .* is not another catalog model's id"):
            store.update_field("gpt-5", "successor", bad, editor=alice, reason="test",
                               expected_revision=store.revision("gpt-5"))
    store.update_field("gpt-5", "successor", "gpt-5.5", editor=alice, reason="provider notice",
                       evidence_url="https://example.org/notice",
                       expected_revision=store.revision("gpt-5"))
    model = store.current().get("gpt-5")
    assert model.successor == "gpt-5.5"
    assert "the provider names gpt-5.5 as its replacement" in (shutdown_warning(model, TODAY)
                                                                or "")
