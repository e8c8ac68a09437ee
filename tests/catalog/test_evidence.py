"""Evidence files, the fitted link, estimates flagged, and the coverage figure."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest
import yaml

from council.adequacy import CATALOG, CATALOG_ESTIMATE, ESTIMATE_SD, CatalogAdequacy, p_adequate
from council.assessment import Assessment
from council.catalog.evidence import (
    PERCENT_BENCHMARKS,
    RATING_BENCHMARKS,
    Evidence,
    EvidenceFile,
    Link,
    coverage,
    derive_levels,
    load_evidence,
)
from council.catalog.loader import load_catalog_dir
from council.config import PROJECT_ROOT
from council.errors import CatalogError

from .conftest import CATALOG_DIR

GOOD_ROW = {"model": "gpt-4.1", "benchmark": "lmarena-text:coding", "score": 1389.0,
            "date": "2026-08-19"}
HEADER = {"source": "test-source", "title": "A test leaderboard", "independent": True,
          "repository": "someone/leaderboard", "path": "data/x.json",
          "commit": "0123456789abcdef0123456789abcdef01234567", "retrieved": "2026-11-30"}


def write_evidence(catalog_dir: Path, name: str, body: dict) -> None:
    (catalog_dir / "evidence" / name).write_text(yaml.safe_dump(body), encoding="utf-8")


@pytest.mark.parametrize("row, field, words", [
    ({**GOOD_ROW, "benchmark": "mmlu-vibes"}, "row 0 (model gpt-4.1), field (file)",
     "unknown benchmark 'mmlu-vibes'"),
    ({**GOOD_ROW, "benchmark": "aa:gpqa", "score": 120.0}, "row 0 (model gpt-4.1)",
     "percentage"),
    ({**GOOD_ROW, "score": "high"}, "row 0 (model gpt-4.1), field score", "number"),
    ({**GOOD_ROW, "colour": "red"}, "row 0 (model gpt-4.1), field colour", "Extra inputs"),
    ({k: v for k, v in GOOD_ROW.items() if k != "date"}, "row 0 (model gpt-4.1), field date",
     "Field required"),
])
def test_bad_rows_are_rejected_naming_file_row_and_field(catalog_dir: Path, row: dict,
                                                         field: str, words: str) -> None:
    write_evidence(catalog_dir, "bad.yaml", {**HEADER, "rows": [row]})
    with pytest.raises(CatalogError) as err:
        load_catalog_dir(catalog_dir)
    message = str(err.value)
    assert message.startswith("evidence/bad.yaml: ")
    assert field in message and words in message


def test_a_source_must_be_cited(catalog_dir: Path) -> None:
    header = {k: v for k, v in HEADER.items() if k != "commit"}
    write_evidence(catalog_dir, "uncited.yaml", {**header, "rows": [GOOD_ROW]})
    with pytest.raises(CatalogError, match=r"evidence/uncited.yaml: field \(file\): .*"
                                           "repository, path and commit go together"):
        load_catalog_dir(catalog_dir)


def test_malformed_yaml_and_duplicate_rows(catalog_dir: Path) -> None:
    (catalog_dir / "evidence" / "broken.yaml").write_text("rows: [", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"evidence/broken\.yaml: not valid YAML"):
        load_catalog_dir(catalog_dir)
    (catalog_dir / "evidence" / "broken.yaml").unlink()
    write_evidence(catalog_dir, "dup.yaml", {**HEADER, "rows": [GOOD_ROW, GOOD_ROW]})
    with pytest.raises(CatalogError, match=r"gpt-4\.1 has two lmarena-text:coding rows"):
        load_catalog_dir(catalog_dir)


def test_the_link_is_monotone_in_the_evidence() -> None:
    evidence = load_evidence(CATALOG_DIR)
    assert evidence is not None and evidence.link is not None
    link = evidence.link
    assert link.slope > 0
    levels = [link.level(r) for r in range(500, 2000, 10)]
    assert levels == sorted(levels) and levels[0] == 1.0 and levels[-1] == 5.0
    for bench, walk in link.crosswalks.items():
        assert bench in PERCENT_BENCHMARKS and walk.slope > 0
        mapped = [link.level(walk.rating(s)) for s in range(1, 100)]
        assert mapped == sorted(mapped), bench
    # on the bundled rows: a higher Arena rating in a category never gives a lower level
    for bench in RATING_BENCHMARKS:
        pairs = sorted((r.score, link.level(r.score)) for f in evidence.files for r in f.rows
                       if r.benchmark == bench)
        assert [lv for _, lv in pairs] == sorted(lv for _, lv in pairs)


def test_a_measured_skill_cites_its_source_and_an_unmeasured_one_is_an_estimate(
        catalog_dir: Path) -> None:
    for path in (catalog_dir / "evidence").glob("*.yaml"):
        if path.name != "link.yaml":
            path.unlink()
    write_evidence(catalog_dir, "one.yaml", {**HEADER, "rows": [GOOD_ROW]})
    catalog = load_catalog_dir(catalog_dir)
    link = load_evidence(catalog_dir).link
    q = catalog.get("gpt-4.1").quality
    assert not q["coding"].estimated
    assert q["coding"].skill == pytest.approx(link.level(1389.0), abs=0.005)
    assert "someone/leaderboard/data/x.json@0123456789ab" in q["coding"].source
    assert "[independent]" in q["coding"].source
    assert all(q[s].estimated for s in q if s != "coding")
    # gpt-4.1 reasoning was a vendor GPQA figure in the file; with no evidence row it is flagged
    assert "no public measurement" in q["reasoning"].source


def test_without_an_evidence_directory_the_files_are_untouched(catalog_dir: Path) -> None:
    import shutil

    shutil.rmtree(catalog_dir / "evidence")
    catalog = load_catalog_dir(catalog_dir)
    assert catalog.get("gpt-5.2").quality["coding"].benchmark == "SWE-bench Verified"


def test_independent_before_vendor_reported() -> None:
    link = Link(fitted="2026-11-30", by="test", intercept=4.0, slope=0.4, crosswalks={
        "aa:gpqa": {"target": "lmarena-text:hard_prompts", "intercept": 1300.0,
                    "slope": 50.0, "n": 10, "r": 0.8},
        "gpqa-diamond": {"target": "lmarena-text:hard_prompts", "intercept": 1300.0,
                         "slope": 50.0, "n": 10, "r": 0.8}})
    row = {"model": "m", "date": "2026-01-01"}
    vendor = EvidenceFile(source="v", title="v", independent=False, url="https://x.test/",
                          retrieved="2026-11-30",
                          rows=[{**row, "benchmark": "gpqa-diamond", "score": 95.0}])
    indep = EvidenceFile(**{**HEADER, "rows": [{**row, "benchmark": "aa:gpqa", "score": 60.0}]})
    both = [(r, f) for f in (vendor, indep) for r in f.rows]
    got = derive_levels(both, link, skills=("reasoning",))["reasoning"]
    assert got.file is indep and got.row.score == 60.0


def test_estimated_levels_widen_uncertainty(catalog) -> None:
    assert ESTIMATE_SD > 0
    for skill, diff in ((4.5, 3.0), (2.0, 3.5)):
        sure, unsure = p_adequate(skill, diff, 0.5), p_adequate(skill, diff, 0.5,
                                                                skill_sd=ESTIMATE_SD)
        assert abs(unsure - 0.5) < abs(sure - 0.5)
    model = next(m for m in catalog.models if not m.quality["coding"].estimated)
    flagged = model.model_copy(update={"quality": {
        **model.quality, "coding": model.quality["coding"].model_copy(update={"estimated": True})}})
    a = Assessment(category="code_generation", category_p={"code_generation": 1.0},
                   difficulty=2.0, difficulty_sd=0.5)
    adequacy = CatalogAdequacy(a, {})
    assert adequacy.source_for(model) == CATALOG
    assert adequacy.source_for(flagged) == CATALOG_ESTIMATE
    assert abs(adequacy.p_for(flagged) - 0.5) < abs(adequacy.p_for(model) - 0.5)


def test_coverage_of_active_models(catalog) -> None:
    cov = coverage(catalog.models)
    active = [m for m in catalog.models if m.status == "active"]
    assert cov.total == 9 * len(active)
    assert cov.measured == sum(not q.estimated for m in active for q in m.quality.values())
    assert set(cov.estimated_by_model) == {m.id for m in active
                                           if any(q.estimated for q in m.quality.values())}
    # Models released after the newest snapshot have no rows yet (docs/catalog.md); among
    # the active models the evidence files know, nine levels in ten must be measured.
    evidence = load_evidence(CATALOG_DIR)
    # Some of this season's models have only Artificial Analysis' October runs
    # (artificial-analysis-2026-10.yaml): long context (and GPQA where run) are measured; their
    # Terminal-Bench v4.0 rows have no usable crosswalk, so the rest stay estimates.
    partial = [m for m in catalog.models
               if {f.source for _, f in evidence.rows_for(m.id)} == {"artificial-analysis-2026-10"}]
    partial_ids = {m.id for m in partial}
    known = [m for m in catalog.models if evidence.rows_for(m.id) and m.id not in partial_ids]
    assert coverage(known).share >= 0.90, coverage(known).estimated_by_model
    assert partial
    for m in partial:
        rated = {r.benchmark for r, _ in evidence.rows_for(m.id)}
        assert not m.quality["long_context"].estimated, m.id
        assert m.quality["reasoning"].estimated == ("aa:gpqa" not in rated), m.id
        assert m.quality["coding"].estimated, m.id


def test_the_page_says_estimated_where_no_measurement_exists(catalog) -> None:
    from council.api import recommend_for
    from council.present import candidate_points, source_caption
    from council.task import parse_task

    estimated = coverage(catalog.models).estimated_by_model
    assert "coding" in estimated["mistral-small-4"]
    spec = parse_task(description="write a REST endpoint", runs_per_month=1000)
    a = Assessment(category="code_generation", category_p={"code_generation": 1.0},
                   difficulty=3.0, difficulty_sd=0.5)
    rows = {r["model"]: r for r in candidate_points(recommend_for(spec, a, catalog=catalog))}
    assert rows["mistral-small-4"]["adequacy from"] == "estimated: no public measurement"
    assert rows["gpt-5.5"]["adequacy from"] == "catalog skill (measured)"
    assert source_caption(CATALOG_ESTIMATE).startswith("Estimated: no public measurement")


def _evidence_link_script():
    return _load_training("evidence_link")


def _load_training(name: str):
    """training/NAME.py as a module (training/ is no package)."""
    spec = importlib.util.spec_from_file_location(
        f"{name}_script", PROJECT_ROOT / "training" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _two_benchmarks(points: list[tuple[float, float]], bench: str) -> Evidence:
    rows = []
    for i, (rating, score) in enumerate(points):
        rows += [{"model": f"m{i}", "benchmark": "lmarena-text:coding", "score": rating,
                  "date": "2026-10-08"},
                 {"model": f"m{i}", "benchmark": bench, "score": score, "date": "2026-10-08"}]
    return Evidence(files=(EvidenceFile(**{**HEADER, "rows": rows}),), link=None)


def test_a_new_crosswalk_is_used_only_when_it_fits_as_well_as_the_old_ones() -> None:
    script = _evidence_link_script()
    bench = "aa:terminalbench_v4_0"
    assert bench in script.GATED_CROSSWALKS
    tight = [(1400.0 + 12 * i, 5.0 + 7 * i) for i in range(12)]  # r ~ 0.97 over 12 models
    fits = script.fit_crosswalks(_two_benchmarks(tight, bench), set())
    assert bench in fits.used and fits.used[bench].n == 12 and fits.used[bench].r >= 0.9
    too_few = script.fit_crosswalks(_two_benchmarks(tight[:9], bench), set())
    assert bench not in too_few.used and too_few.rejected[bench].n == 9
    shuffled = [s for _, s in tight]
    random.Random(3).shuffle(shuffled)
    loose = [(r, s) for (r, _), s in zip(tight, shuffled, strict=True)]
    weak = script.fit_crosswalks(_two_benchmarks(loose, bench), set())
    assert bench not in weak.used and weak.rejected[bench].r < script.GATE_MIN_R
    # the crosswalks in use before the gate keep their rule (n >= 8, positive slope)
    old = script.fit_crosswalks(_two_benchmarks(loose, "aa:tau2"), set())
    assert not old.rejected
    assert ("aa:tau2" in old.used) == (weak.rejected[bench].slope > 0)


def test_agentic_levels_of_this_season_rest_on_crosswalks_that_pass_the_bar(catalog) -> None:
    evidence = load_evidence(CATALOG_DIR)
    link = evidence.link
    for bench in ("aa:terminalbench_v2_1", "aa:tau_banking"):
        assert link.crosswalks[bench].r >= 0.75 and link.crosswalks[bench].n >= 10, bench
    assert "aa:terminalbench_v4_0" not in link.crosswalks  # r 0.67 over 6 models: below the bar
    walk = link.crosswalks["aa:terminalbench_v2_1"]
    for model_id in ("claude-opus-5", "claude-sonnet-5", "gemini-3.5-flash-lite",
                     "gemini-3.6-flash", "gemini-3.8-flash", "grok-4.6", "kimi-k3",
                     "gpt-6-astra", "muse-spark-1.3"):
        q = catalog.get(model_id).quality["agentic"]
        row = next(r for r, _ in evidence.rows_for(model_id)
                   if r.benchmark == "aa:terminalbench_v2_1")
        assert not q.estimated and q.benchmark.startswith("aa:terminalbench_v2_1"), model_id
        assert q.skill == pytest.approx(link.level(walk.rating(row.score)), abs=0.005)
        assert "Scarlett9826/arena-ai-leaderboards" in q.source and "[independent]" in q.source
    # Terminal-Bench v4.0 is the only agentic run AA has for these: the level stays an estimate
    for model_id in ("claude-opus-5-5", "claude-sonnet-5-5", "gemini-4-argon", "gpt-6.1-sol",
                     "deepseek-flash"):
        rated = {r.benchmark for r, _ in evidence.rows_for(model_id)}
        assert "aa:terminalbench_v4_0" in rated and "aa:terminalbench_v2_1" not in rated
        assert catalog.get(model_id).quality["agentic"].estimated, model_id


@pytest.mark.parametrize("bench", ["aa:terminalbench_v2_1", "aa:tau_banking"])
def test_a_new_agentic_crosswalk_agrees_with_terminal_bench_hard_where_both_exist(
        bench: str) -> None:
    evidence = load_evidence(CATALOG_DIR)
    link = evidence.link
    hard = link.crosswalks["aa:terminalbench_hard"]
    gaps = []
    for model in sorted({r.model for f in evidence.files for r in f.rows}):
        rows = {r.benchmark: r for r, _ in evidence.rows_for(model)}
        if bench in rows and "aa:terminalbench_hard" in rows:
            gaps.append(link.level(link.crosswalks[bench].rating(rows[bench].score))
                        - link.level(hard.rating(rows["aa:terminalbench_hard"].score)))
    # 42 and 39 models on 2026-12-01: mean gap -0.01 and +0.00, mean absolute 0.09 and 0.11
    assert len(gaps) >= 30
    assert abs(sum(gaps) / len(gaps)) < 0.05
    assert sum(abs(g) for g in gaps) / len(gaps) < 0.15


def test_the_october_arena_file_is_its_transcript_run_through_the_importer() -> None:
    """lmarena-text-2026-10.yaml is what evidence_import.py --arena-new-json writes from the
    committed transcript: no hand-edited row, and every new model's row names its variant."""
    importer = _load_training("evidence_import")
    transcript = json.loads((PROJECT_ROOT / "training" / "data"
                             / "lmarena-text-2026-10-08-rows.json").read_text(encoding="utf-8"))
    shipped = yaml.safe_load((CATALOG_DIR / "evidence" / "lmarena-text-2026-10.yaml")
                             .read_text(encoding="utf-8"))
    assert importer.arena_rows(transcript, importer.ARENA_NEW_NAMES) == shipped["rows"]
    assert transcript["meta"]["commit"] == shipped["commit"] == importer.ARENA_NEW_COMMIT
    rated = {(r["model"], r["benchmark"]) for r in shipped["rows"]}
    for model in ("gpt-6.1-sol", "gpt-6-astra"):  # every category but math, since 2026-12-01
        for cat in importer.ARENA_CATEGORIES:
            assert (model, f"lmarena-text:{cat}") in rated or cat == "math", (model, cat)
