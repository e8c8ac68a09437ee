"""Bulk picks (`council route pick`): least expected cost per prompt, or a budget for the file."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from council.cli.main import cli
from council.errors import BudgetTooLow, InvalidInput
from council.format import money
from council.outcomes import picking
from tests.routerbench_files import routerbench_files


def _problem(seed: int, n: int = 40, m: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    price = np.sort(rng.uniform(0.0001, 0.01, m))
    p = np.clip(rng.uniform(0.2, 0.9, (n, m)) + np.linspace(0, 0.1, m), 0, 1)
    return p, price


@pytest.mark.parametrize("seed", range(5))
def test_least_expected_is_the_brute_force_minimum(seed: int) -> None:
    p, price = _problem(seed)
    for f in (0.0, 0.003, 0.05, 10.0):
        picks = picking.pick_least_expected(p, price[None, :], f)
        total = price[None, :] + (1 - p) * f
        assert np.allclose(total[np.arange(len(p)), picks.choice], total.min(1))
        assert np.allclose(picks.expected_cost(), total.min(1))
    cheapest = picking.pick_least_expected(p, price[None, :], 0.0)
    assert (cheapest.choice == price.argmin()).all()


@pytest.mark.parametrize("seed", range(5))
def test_budget_spends_at_most_it_and_beats_every_single_failure_cost(seed: int) -> None:
    p, price = _problem(seed)
    lo, hi = price.min() * len(p), price.max() * len(p)
    for budget in np.linspace(lo * 1.01, hi * 0.99, 5):
        picks = picking.pick_within_budget(p, price[None, :], float(budget))
        assert picks.spend <= budget * (1 + 1e-9)
        for f in np.geomspace(1e-4, 10, 40):  # any point of the sweep within the budget
            other = picking.pick_least_expected(p, price[None, :], float(f))
            if other.spend <= budget:
                assert picks.expected_successes >= other.expected_successes - 1e-9


def test_budget_is_near_the_exact_optimum_on_a_small_file() -> None:
    p, price = _problem(7, n=5, m=3)
    budget = float(price.mean() * 5)
    best = max(sum(p[i, c[i]] for i in range(5))
               for c in itertools.product(range(3), repeat=5)
               if sum(price[j] for j in c) <= budget)
    got = picking.pick_within_budget(p, price[None, :], budget).expected_successes
    assert got >= best - float(np.ptp(p))  # within one prompt's gain of the exact knapsack


def test_bad_budgets_and_failure_costs_are_named() -> None:
    p, price = _problem(0)
    floor = float(price.min() * len(p))
    with pytest.raises(BudgetTooLow, match="below the cheapest model's cost for the file") as e:
        picking.pick_within_budget(p, price[None, :], floor / 2)
    assert e.value.given == floor / 2 and e.value.least >= floor
    assert picking.pick_within_budget(p, price[None, :], e.value.least).spend <= e.value.least
    for bad in ("-1", "1e9", "nan", "abc", ""):
        with pytest.raises(InvalidInput, match="--failure-cost"):
            picking.parse_failure_costs(bad)
    assert picking.parse_failure_costs("0, 0.5,50") == [0.0, 0.5, 50.0]
    with pytest.raises(InvalidInput, match="--budget-usd"):
        picking.pick_within_budget(p, price[None, :], -3.0)


def test_prices_file_must_price_every_router_model(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"models": [{"id": "a", "mean_cost_usd_per_call": 0.001}]}))
    assert picking.load_prices(path, ["a"]).tolist() == [0.001]
    with pytest.raises(InvalidInput, match=r"prices\.json has no price for b"):
        picking.load_prices(path, ["a", "b"])
    path.write_text(json.dumps({"models": [{"id": "a", "mean_cost_usd_per_call": -1}]}))
    with pytest.raises(InvalidInput, match="model 'a': mean_cost_usd_per_call"):
        picking.load_prices(path, ["a"])
    path.write_text("[1, 2]")
    with pytest.raises(InvalidInput, match="expected"):
        picking.load_prices(path, ["a"])


def test_catalog_prices_grow_with_the_prompt() -> None:
    from tests.recommend.conftest import real_catalog

    catalog = real_catalog()
    out = picking.catalog_prices(catalog, ["claude-haiku-4-5", "claude-opus-4-7"],
                                 ["short", "a much longer prompt " * 200], 300)
    assert (out > 0).all() and (out[1] > out[0]).all() and (out[:, 1] > out[:, 0]).all()
    with pytest.raises(InvalidInput, match="the catalog has no price for gpt-4-1106-preview"):
        picking.catalog_prices(catalog, ["gpt-4-1106-preview"], ["x"], 300)


def test_prompt_file_problems_are_named(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "prompt": "x"}\n{"id": "a", "prompt": "y"}\n')
    with pytest.raises(InvalidInput, match=r"in\.jsonl:2: id a appears twice"):
        picking.read_prompts(path)
    path.write_text('{"id": "a", "prompt": " "}\n')
    with pytest.raises(InvalidInput, match="'prompt' must be a non-empty string"):
        picking.read_prompts(path)


def test_pick_needs_exactly_one_of_failure_cost_and_budget(tmp_path: Path) -> None:
    prompts = tmp_path / "p.jsonl"
    prompts.write_text('{"id": "a", "prompt": "x"}\n')
    result = CliRunner().invoke(cli, ["route", "pick", "--model", str(tmp_path), "--input",
                                      str(prompts), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "either --failure-cost" in result.output


@pytest.fixture(scope="module")
def routerbench_router(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `council route train --anchor fixed` on every 40th RouterBench row (56), shared by
    the two pick tests below (they trained the same router each: ~8 s of CPU apiece)."""
    lines = (shared_dir / "routing" / "routerbench" / "outcomes.jsonl").read_text().splitlines()
    where = tmp_path_factory.mktemp("routerbench-router")
    train, router = where / "train.jsonl", where / "router"
    train.write_text("\n".join(lines[::40]) + "\n")
    trained = CliRunner().invoke(cli, ["route", "train", "--outcomes", str(train), "--out",
                                       str(router), "--anchor", "fixed"])
    assert trained.exit_code == 0, trained.output
    return router


@pytest.mark.slow
@pytest.mark.xdist_group("routerbench-rows")  # one worker: one router, the 56 vectors reused
def test_route_pick_end_to_end_without_embedding_twice(shared_dir: Path, tmp_path: Path,
                                                       routerbench_router: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bench = shared_dir / "routing" / "routerbench"
    _, prompts, asked = routerbench_files(shared_dir, tmp_path, slice(1, None, 200))
    router, out = routerbench_router, tmp_path / "picks.jsonl"
    runner = CliRunner()
    args = ["route", "pick", "--model", str(router), "--input", str(prompts), "--output",
            str(out), "--prices", str(bench / "models.json")]
    first = runner.invoke(cli, [*args, "--failure-cost", "0,0.01,100"])
    assert first.exit_code == 0, first.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 3 * len(asked)
    assert set(rows[0]) == {"id", "failure_cost_usd", "model", "p_success", "expected_cost_usd"}
    prices = {m["id"]: m["mean_cost_usd_per_call"]
              for m in json.loads((bench / "models.json").read_text())["models"]}
    assert "prices per prompt" in first.output  # the artifact learned a cost model
    free = [r for r in rows if r["failure_cost_usd"] == 0]
    cheapest = min(prices, key=prices.get)
    assert sum(r["model"] == cheapest for r in free) >= len(free) - 1
    # at F = 0 the expected cost is the pick's price: per prompt now, around the per-call one
    own = [r["expected_cost_usd"] for r in free if r["model"] == cheapest]
    assert len(set(own)) > 1 and 0.5 < np.mean(own) / prices[cheapest] < 2
    dear = [r for r in rows if r["failure_cost_usd"] == 100]
    assert np.mean([prices[r["model"]] for r in dear]) > np.mean([prices[r["model"]]
                                                                  for r in free])
    flat = runner.invoke(cli, [*args, "--failure-cost", "0", "--price-per-call"])
    assert flat.exit_code == 0 and "prices per prompt" not in flat.output
    flat_rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["expected_cost_usd"] for r in flat_rows} == {prices[cheapest]}

    def no_encoding(*a: object, **k: object) -> None:
        raise AssertionError("the prompts were embedded again")

    monkeypatch.setattr("council.assess.encoder.MiniLMEncoder.encode", no_encoding)
    total = min(prices.values()) * len(asked) * 3
    again = runner.invoke(cli, [*args, "--budget-usd", str(total), "--price-per-call"])
    assert again.exit_code == 0, again.output
    budget_rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(budget_rows) == len(asked)
    assert sum(prices[r["model"]] for r in budget_rows) <= total * (1 + 1e-9)
    assert "implied by the budget" in again.output
    # below the cheapest model's cost: the flag, the amount given and the least that works
    floor = min(prices.values()) * len(asked)
    poor = runner.invoke(cli, [*args, "--budget-usd", str(floor / 2), "--price-per-call"])
    assert poor.exit_code == 2
    least = re.search(r"the least that works is \$([0-9.,]+)", poor.output)
    assert f"--budget-usd {money(floor / 2)} is below the cheapest model's cost" in poor.output
    assert least is not None and float(least.group(1).replace(",", "")) >= floor
    enough = runner.invoke(cli, [*args, "--budget-usd", least.group(1).replace(",", ""),
                                 "--price-per-call"])
    assert enough.exit_code == 0, enough.output
    short = tmp_path / "short.json"
    short.write_text(json.dumps({"models": [{"id": "claude-v1",
                                             "mean_cost_usd_per_call": 0.003}]}))
    missing = runner.invoke(cli, [*args[:-1], str(short), "--failure-cost", "1"])
    assert missing.exit_code == 2 and "short.json has no price for" in missing.output


@pytest.mark.parametrize(("extra", "message"), [
    (["--detectable-categories", "tested"], "needs --check-cost"),
    (["--check-cost", "0.001"], "give --detectable-categories too"),
    (["--detectable-categories", "coding", "--check-cost", "0"], "'coding' is not a category"),
    (["--detectable-categories", "tested", "--check-cost", "-1"], "detection cost"),
])
def test_cascade_options_are_checked_before_anything_loads(tmp_path: Path, extra: list[str],
                                                            message: str) -> None:
    prompts = tmp_path / "p.jsonl"
    prompts.write_text('{"id": "a", "prompt": "x"}\n')
    result = CliRunner().invoke(cli, ["route", "pick", "--model", str(tmp_path / "none"),
                                      "--input", str(prompts), "--output",
                                      str(tmp_path / "o.jsonl"), "--failure-cost", "1", *extra])
    assert result.exit_code == 2 and message in result.output, result.output


@pytest.mark.slow
@pytest.mark.xdist_group("routerbench-rows")  # one worker: one router, the 56 vectors reused
def test_route_pick_offers_cascades_on_code_prompts_only(shared_dir: Path, tmp_path: Path,
                                                         routerbench_router: Path) -> None:
    bench = shared_dir / "routing" / "routerbench"
    lines = (bench / "outcomes.jsonl").read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    mbpp = [r for r in rows if r["source"].endswith("mbpp")][:3]
    arc = [r for r in rows if r["source"].endswith("arc-challenge")][:2]
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("".join(json.dumps({"id": r["id"], "prompt": r["prompt"]}) + "\n"
                               for r in mbpp + arc))
    router, out = routerbench_router, tmp_path / "picks.jsonl"
    runner = CliRunner()
    result = runner.invoke(cli, ["route", "pick", "--model", str(router), "--input",
                                 str(prompts), "--output", str(out), "--prices",
                                 str(bench / "models.json"), "--price-per-call",
                                 "--failure-cost", "0,10", "--detectable-categories",
                                 "tested", "--check-cost", "0"])
    assert result.exit_code == 0, result.output
    offered = re.search(r"cascades offered on (\d+) of 5 prompts", result.output)
    assert offered is not None and 1 <= int(offered.group(1)) <= 3  # the MBPP ones, at most
    picks = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(set(r) == {"id", "failure_cost_usd", "model", "p_success",
                          "expected_cost_usd"} for r in picks)
    chained = {r["id"] for r in picks if ">" in r["model"]}
    # a free check and $10 a failure: a chain costs less than the one model it ends with
    # (the cheap answer is often kept) and fails only when both do
    assert chained and chained <= {r["id"] for r in mbpp}
    assert len(chained) == int(offered.group(1))
    assert not any(">" in r["model"] for r in picks if r["failure_cost_usd"] == 0)
