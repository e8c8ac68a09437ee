"""The catalog in a real SQLite file: versions, last-good on corrupt files, curation, audit."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from council.catalog.editors import Editor, authenticate, hash_password, viewer
from council.catalog.store import CatalogStore, init_catalog
from council.db import open_db
from council.errors import CatalogError, ConflictError, InvalidInput, NotFound, PermissionDenied

ALICE = Editor("alice")
BOB = Editor("bob")


def test_init_loads_files_and_is_idempotent(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    first = init_catalog(db, catalog_dir)
    assert len(first.models) >= 40
    again = init_catalog(db, catalog_dir)
    assert again.version == first.version
    store = CatalogStore(db)
    assert store.current().version == first.version
    assert len(store.versions()) == 1
    assert store.last_error is None


def test_corrupt_file_keeps_last_good_catalog_and_exposes_the_error(
    db_path: Path, catalog_dir: Path
) -> None:
    db = open_db(db_path)
    good = init_catalog(db, catalog_dir)
    data = yaml.safe_load((catalog_dir / "google.yaml").read_text())
    data["models"][0]["context_window"] = "a lot"
    (catalog_dir / "google.yaml").write_text(yaml.safe_dump(data))
    served = init_catalog(db, catalog_dir)
    assert served.version == good.version
    error = CatalogStore(db).last_error
    assert error is not None
    assert "google.yaml" in error and data["models"][0]["id"] in error
    assert "context_window" in error


def test_corrupt_file_with_no_good_catalog_raises(db_path: Path, catalog_dir: Path) -> None:
    (catalog_dir / "openai.yaml").write_text("provider: openai\nmodels: {")
    with pytest.raises(CatalogError, match="openai"):
        init_catalog(open_db(db_path), catalog_dir)


def test_edit_is_audited_versioned_and_reproducible(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    before = init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    revision = store.revision("gpt-5")
    entry = store.update_field("gpt-5", "max_output", 64_000, editor=ALICE,
                               reason="provider docs changed",
                               evidence_url="https://platform.openai.com/docs/models/gpt-5",
                               expected_revision=revision)
    after = store.current()
    assert after.version != before.version
    assert after.get("gpt-5").max_output == 64_000
    assert store.at_version(before.version).get("gpt-5").max_output == 128_000
    assert (entry.editor, entry.field, entry.old, entry.new) == ("alice", "max_output",
                                                                 128_000, 64_000)
    assert entry.evidence_url and entry.version == after.version
    assert store.revision("gpt-5") == revision + 1
    log = store.audit_log("gpt-5")
    assert log[0].id == entry.id


def test_nested_fields_and_validation(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    rev = store.revision("claude-haiku-4-5")
    store.update_field("claude-haiku-4-5", "quality.coding.skill", 3.9, editor=ALICE,
                       reason="measured on our suite", expected_revision=rev)
    assert store.current().get("claude-haiku-4-5").skill("coding") == 3.9
    with pytest.raises(InvalidInput, match="cache_read"):
        store.update_field("claude-haiku-4-5", "prices.0.cache_read", 50.0, editor=ALICE,
                           reason="typo test", expected_revision=rev + 1)
    with pytest.raises(InvalidInput, match="no field"):
        store.update_field("claude-haiku-4-5", "colour", "red", editor=ALICE,
                           reason="x", expected_revision=rev + 1)
    with pytest.raises(InvalidInput, match="reason"):
        store.update_field("claude-haiku-4-5", "max_output", 1000, editor=ALICE,
                           reason=" ", expected_revision=rev + 1)


def test_stale_revision_names_who_saved_first(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    rev = store.revision("o3")
    store.update_field("o3", "max_output", 90_000, editor=ALICE, reason="a", expected_revision=rev)
    with pytest.raises(ConflictError, match="saved by alice"):
        store.update_field("o3", "context_window", 190_000, editor=BOB, reason="b",
                           expected_revision=rev)


def test_two_editors_at_once_lose_no_update(db_path: Path, catalog_dir: Path) -> None:
    init_catalog(open_db(db_path), catalog_dir)
    rev = CatalogStore(open_db(db_path)).revision("gpt-5-mini")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(editor: Editor, value: int) -> None:
        store = CatalogStore(open_db(db_path))  # its own connection to the same file
        barrier.wait()
        try:
            store.update_field("gpt-5-mini", "max_output", value, editor=editor,
                               reason="race", expected_revision=rev)
            outcomes[editor.name] = "saved"
        except ConflictError as exc:
            outcomes[editor.name] = f"conflict: {exc}"

    threads = [threading.Thread(target=save, args=(ALICE, 100_000)),
               threading.Thread(target=save, args=(BOB, 110_000))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(v.split(":")[0] for v in outcomes.values()) == ["conflict", "saved"]
    winner = next(name for name, v in outcomes.items() if v == "saved")
    store = CatalogStore(open_db(db_path))
    assert store.current().get("gpt-5-mini").max_output == {"alice": 100_000,
                                                             "bob": 110_000}[winner]
    assert store.revision("gpt-5-mini") == rev + 1
    assert [a.editor for a in store.audit_log("gpt-5-mini") if a.field != "*"] == [winner]


def test_revert_restores_the_old_value(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    original = init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    edit = store.update_field("gemini-2.5-flash", "prices.0.output", 3.0, editor=ALICE,
                              reason="wrong", expected_revision=store.revision("gemini-2.5-flash"))
    undo = store.revert(edit.id, editor=BOB, reason="it was right")
    assert undo.reverts == edit.id and undo.new == edit.old
    assert store.current().version == original.version  # content hash is back where it was
    history = store.price_history("gemini-2.5-flash")
    assert [c["id"] for c in history["changes"]][:2] == [undo.id, edit.id]


def test_viewers_cannot_edit(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    with pytest.raises(PermissionDenied):
        store.update_field("gpt-5", "max_output", 1000, editor=viewer("carol"), reason="x",
                           expected_revision=store.revision("gpt-5"))


def test_authentication_against_secrets() -> None:
    secrets = {"catalog": {"editors": {"alice": hash_password("s3cret", iterations=1000)}}}
    assert authenticate("alice", "s3cret", secrets).role == "editor"
    with pytest.raises(PermissionDenied):
        authenticate("alice", "wrong", secrets)
    with pytest.raises(PermissionDenied):
        authenticate("mallory", "s3cret", secrets)
    with pytest.raises(PermissionDenied, match="no catalog editors"):
        authenticate("alice", "s3cret", {})


def test_file_change_keeps_app_edits_to_other_models(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    store.update_field("o3", "max_output", 99_000, editor=ALICE, reason="edit in app",
                       expected_revision=store.revision("o3"))
    data = yaml.safe_load((catalog_dir / "xai.yaml").read_text())
    data["models"][0]["max_output"] = 20_000
    (catalog_dir / "xai.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    catalog = init_catalog(db, catalog_dir)
    assert catalog.get(data["models"][0]["id"]).max_output == 20_000
    assert catalog.get("o3").max_output == 99_000


def test_staleness_and_unknown_version(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    catalog = init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    verified = min(m.price_on().verified for m in catalog.models)
    assert store.stale(verified) == []
    assert len(store.stale(date.fromordinal(verified.toordinal() + 400))) == len(catalog.models)
    with pytest.raises(NotFound):
        store.at_version("0000000000000000")


def test_removed_model_and_new_frontier_default_follow_the_files(
    db_path: Path, catalog_dir: Path
) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    data = yaml.safe_load((catalog_dir / "together.yaml").read_text())
    gone = data["models"].pop()["id"]
    (catalog_dir / "together.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    meta = catalog_dir / "catalog.yaml"
    meta.write_text(meta.read_text().replace("claude-opus-5-5", "gpt-5.5"))
    catalog = init_catalog(db, catalog_dir)
    assert gone not in catalog and catalog.frontier_default.id == "gpt-5.5"
    removal = CatalogStore(db).audit_log(gone)[0]
    assert removal.new is None and removal.old["id"] == gone


def test_price_edit_starts_today_and_keeps_history(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    before = store.current().get("claude-haiku-4-5").price_on()
    entry = store.update_field("claude-haiku-4-5", "price.output", 4.0, editor=ALICE,
                               reason="price cut", evidence_url="https://example.org/pricing",
                               expected_revision=store.revision("claude-haiku-4-5"))
    assert (entry.old, entry.new) == (before.output, 4.0)
    model = store.current().get("claude-haiku-4-5")
    today = date.today()
    assert model.price_on().effective_from >= today - timedelta(days=1)
    assert model.price_on().source == "https://example.org/pricing"
    assert model.price_on(before.effective_from).output == before.output
    history = store.price_history("claude-haiku-4-5")
    assert len(history["prices"]) == len(model.prices)
    assert history["changes"][0]["id"] == entry.id
    with pytest.raises(InvalidInput, match="no field"):
        store.update_field("claude-haiku-4-5", "price.tiers", [], editor=ALICE, reason="x",
                           expected_revision=store.revision("claude-haiku-4-5"))


def test_files_replacing_an_app_edit_say_so_in_the_audit(db_path: Path, catalog_dir: Path) -> None:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    store.update_field("kimi-k2.6", "max_output", 100_000, editor=ALICE, reason="app edit",
                       expected_revision=store.revision("kimi-k2.6"))
    path = catalog_dir / "moonshotai.yaml"
    data = yaml.safe_load(path.read_text())
    kimi = next(m for m in data["models"] if m["id"] == "kimi-k2.6")
    kimi["max_output"] = 120_000
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert init_catalog(db, catalog_dir).get("kimi-k2.6").max_output == 120_000
    latest = store.audit_log("kimi-k2.6")[0]
    assert latest.field == "*" and "replace edits made in the app" in latest.reason


def test_price_edit_keeps_an_announced_row_and_takes_a_date(db_path: Path,
                                                            catalog_dir: Path) -> None:
    """QA round 15: a cut typed today on a model with an announced price (gemini-3.8-flash:
    $0.75 now, $1.50 from 2027-01-01) was refused ("already is 1.5"): the new row copied the
    announced one and was compared with it. Now it starts on its date from the row in force
    then, and the announced row keeps its price."""
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    store = CatalogStore(db)
    mid = "gemini-3.8-flash"
    before = store.current().get(mid)
    announced = max(before.prices, key=lambda p: p.effective_from)
    today = date.today()
    assert announced.effective_from > today, "needs a model with an announced price"
    in_force = before.price_on(today)
    entry = store.update_field(mid, "price.input", 0.70, editor=ALICE, reason="price cut",
                               evidence_url="https://example.org/pricing",
                               expected_revision=store.revision(mid))
    assert (entry.old, entry.new) == (in_force.input, 0.70)
    model = store.current().get(mid)
    assert model.price_on(today).input == 0.70
    assert model.price_on(today).output == in_force.output  # not the announced output
    assert model.price_on(announced.effective_from).input == announced.input
    later = today + timedelta(days=10)
    store.update_field(mid, "price.output", 3.0, editor=ALICE, reason="announced cut",
                       expected_revision=store.revision(mid), effective_from=later)
    model = store.current().get(mid)
    assert model.price_on(later).output == 3.0 and model.price_on(today).output != 3.0
    assert model.price_on(later).input == 0.70
