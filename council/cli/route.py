"""`council route train` and `council route score`: the success model learned from outcomes."""

from __future__ import annotations

import json
from pathlib import Path

import click

# The encoder `council route train` reads prompts with unless told (docs/routing.md,
# "Encoder"); an artifact records its own, so older MiniLM artifacts keep working.
ROUTER_ENCODER = "all-MiniLM-L6-v2"


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(route)


@click.group()
def route() -> None:
    """Learn P(model succeeds on a prompt) from outcomes, and score prompts with it.

    Example: council route train --outcomes outcomes.jsonl --out var/models/router
    """


@route.command("train")
@click.option("--outcomes", "outcome_paths", multiple=True, required=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help='JSONL rows {"id","source","prompt","outcomes":{MODEL:0|1}} (repeatable).')
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Artifact directory to write (weights.npz, meta.json, report.json).")
@click.option("--feedback-db", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="Fold in the app's feedback (adequate / not) as outcome rows.")
@click.option("--l2-correction", type=float, default=None,
              help="Shrinkage of per-model corrections toward the shared model.")
@click.option("--encoder", "encoder_name", default=ROUTER_ENCODER, show_default=True,
              help="The encoder spec the success model reads prompts with, recorded in the "
                   "artifact (`route score` and `route pick` embed with it): an encoder "
                   "(all-MiniLM-L6-v2, multilingual-e5-small-q4-query), optionally @question "
                   "for the prompt's last block instead of its head + tail, several joined "
                   "with '+' (docs/routing.md, \"Encoder\").")
@click.option("--anchor", type=click.Choice(["classifier", "fixed"]), default="classifier",
              show_default=True,
              help="Where difficulty's zero point comes from: the local classifier's mean "
                   "reading of the training prompts (one scale with `council assess`), or a "
                   "fixed mean of 3.")
def train_cmd(outcome_paths: tuple[Path, ...], out_dir: Path, feedback_db: Path | None,
              l2_correction: float | None, encoder_name: str, anchor: str) -> None:
    """Train the success model for every model named in the outcome files.

    Example: council route train --outcomes ../shared/routing/outcomes.jsonl --out var/models/router
    """
    from itertools import chain

    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths
    from council.outcomes.adequacy_source import load_feedback
    from council.outcomes.embedding import PromptEmbedder
    from council.outcomes.fitting import embed_table, train_artifact
    from council.outcomes.rows import OutcomeSummary, iter_rows, table_from_rows
    from council.outcomes.success_model import FitConfig

    encoder = PromptEmbedder(encoder_name, paths().embedding_cache)  # unknown: exit 2 first
    summary = OutcomeSummary()
    streams = [iter_rows(p) for p in outcome_paths]
    if feedback_db is not None:
        feedback = load_feedback(feedback_db)
        click.echo(f"feedback: {len(feedback)} outcome rows from {feedback_db}")
        streams.append(iter(feedback))

    def counted() -> object:
        for row in chain.from_iterable(streams):
            summary.add(row)
            yield row

    table = table_from_rows(counted(), summary)  # type: ignore[arg-type]
    summary.check_trainable()
    click.echo(summary.report())
    x = embed_table(table, encoder)
    config = FitConfig() if l2_correction is None else FitConfig(l2_correction=l2_correction)
    sources = [str(p) for p in outcome_paths] + ([str(feedback_db)] if feedback_db else [])
    classifier = None
    if anchor == "classifier":
        from council.classifier_loader import ensure_classifier

        classifier = ensure_classifier()
    # the classifier reads its own (MiniLM) embeddings, whatever the router's encoder
    model = train_artifact(table, x, out_dir, encoder.name, config, sources,
                           classifier=classifier,
                           encoder=CachedEncoder(default_encoder(), paths().embedding_cache))
    click.echo(f"artifact {out_dir}")
    from council.outcomes.anchoring import Agreement
    from council.outcomes.selection import Selection

    if (selection := Selection.from_meta(model.meta)) is not None:
        click.echo(selection.summary())

    if (agreement := Agreement.from_meta(model.meta)) is not None:
        click.echo(agreement.summary())
    for name, skill in zip(model.models, model.skill, strict=True):
        click.echo(f"  {name}: skill {skill:.2f} (base rate {model.base_rate[name]:.3f})")


# The two inputs `route score` and `route pick` share.
ROUTER_ARTIFACT = click.option("--model", "model_dir", required=True,
                               type=click.Path(path_type=Path, file_okay=False),
                               help="Artifact directory written by `council route train`.")
PROMPTS_FILE = click.option("--input", "input_path", required=True,
                            type=click.Path(path_type=Path, dir_okay=False, exists=True),
                            help='JSONL rows {"id","prompt"}.')


@route.command("score")
@ROUTER_ARTIFACT
@PROMPTS_FILE
@click.option("--output", "output_path", required=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help='JSONL rows {"id","p_success":{MODEL:p},"difficulty"} to write.')
@click.option("--batch", type=int, default=256, show_default=True, help="Rows per batch.")
def score_cmd(model_dir: Path, input_path: Path, output_path: Path, batch: int) -> None:
    """Score prompts: P(success) of every model the artifact covers, streamed in batches.

    Each row also carries the prompt's difficulty on the artifact's scale (anchored to the
    local classifier unless trained with --anchor fixed; see docs/routing.md).

    Example: council route score --model var/models/router --input prompts.jsonl --output s.jsonl
    """
    from tqdm import tqdm

    from council.outcomes.picking import iter_prompts
    from council.outcomes.success_model import SuccessModel

    model = SuccessModel.load(model_dir)
    written = 0

    def flush(ids: list[str], prompts: list[str], out: object) -> None:
        x = model.embed(prompts)
        scored = zip(ids, model.p_from_embeddings(x, None, prompts),
                     model.difficulty(x, prompts), strict=True)
        for row_id, p, d in scored:
            out.write(json.dumps({"id": row_id, "p_success": p,  # type: ignore[attr-defined]
                                  "difficulty": round(float(d), 4)}) + "\n")

    with output_path.open("w") as out, tqdm(desc="scoring", unit="row") as bar:
        ids: list[str] = []
        prompts: list[str] = []
        for _, row in iter_prompts(input_path):
            ids.append(row.id)
            prompts.append(row.prompt)
            if len(ids) >= batch:
                flush(ids, prompts, out)
                bar.update(len(ids))
                written += len(ids)
                ids, prompts = [], []
        if ids:
            flush(ids, prompts, out)
            bar.update(len(ids))
            written += len(ids)
    click.echo(f"scored {written} rows -> {output_path}")


@route.command("pick")
@ROUTER_ARTIFACT
@PROMPTS_FILE
@click.option("--output", "output_path", required=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help='JSONL rows {"id","failure_cost_usd","model","p_success",'
                   '"expected_cost_usd"} to write.')
@click.option("--prices", "prices_path", default=None,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help='Per-call prices, {"models": [{"id", "mean_cost_usd_per_call"}]} (the shape '
                   "of RouterBench's models.json). Default: the catalog's prices, for models it "
                   "knows.")
@click.option("--failure-cost", "failure_costs", default=None,
              help="What a failed answer costs, in dollars; several, comma-separated, pick "
                   "once for each.")
@click.option("--budget-usd", "budget_text", default=None,
              help="Instead of --failure-cost: the most expected successes over the whole file "
                   "for at most this total spend.")
@click.option("--output-tokens", type=int, default=300, show_default=True,
              help="Output tokens per answer, for catalog prices (not used with --prices).")
@click.option("--price-per-call", is_flag=True, default=False,
              help="With --prices: charge every prompt the file's price, even when the "
                   "artifact has a cost model (call_cost.npz) that prices each prompt.")
@click.option("--detectable-categories", "detectable", default=None,
              help="Also offer cascades (cheap model first, a check, the next model when the "
                   "check flags the answer) on prompts the local classifier reads as one of "
                   "these categories (comma-separated keys, or 'tested': code_generation, "
                   "debugging, agentic). A cascade's model is written 'cheap>strong'.")
@click.option("--check-cost", "check_cost", type=float, default=None,
              help="With --detectable-categories: what one check costs, in dollars (a test "
                   "run); required.")
@click.option("--chain-length", type=click.IntRange(2, 3), default=2, show_default=True,
              help="With --detectable-categories: the most models a cascade calls.")
@click.option("--db", "db_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="SQLite file holding the catalog (default: $COUNCIL_DB or var/council.db).")
def pick_cmd(model_dir: Path, input_path: Path, output_path: Path, prices_path: Path | None,
             failure_costs: str | None, budget_text: str | None, output_tokens: int,
             price_per_call: bool, detectable: str | None, check_cost: float | None,
             chain_length: int, db_path: Path | None) -> None:
    """Pick a model per prompt: the least price + P(failure) x failure cost, or the most
    expected successes within a budget for the whole file.

    Embeddings go through the disk cache, so a second run over the same prompts does not
    embed them again. With --prices and an artifact trained on outcomes that carry cost_usd,
    each model's price per call is scaled per prompt by the cost the artifact predicts for
    it (its tokens, whether it asks for code...): see docs/routing.md.

    Example: council route pick --model var/models/router --input prompts.jsonl
    --output picks.jsonl --prices models.json --failure-cost 0.001,0.01
    """
    import numpy as np

    from council.config import paths
    from council.errors import InvalidInput
    from council.format import money
    from council.outcomes import cascading, picking
    from council.outcomes.call_cost import CallCostModel
    from council.outcomes.embedding import PromptEmbedder
    from council.outcomes.success_model import SuccessModel

    if (failure_costs is None) == (budget_text is None):
        raise InvalidInput("give either --failure-cost USD[,USD...] or --budget-usd TOTAL")
    budget_usd = None if budget_text is None else picking.dollars("--budget-usd", budget_text)
    costs = picking.parse_failure_costs(failure_costs) if failure_costs is not None else []
    tested = None
    if detectable is not None:
        tested = cascading.parse_categories(detectable)
        if check_cost is None:
            raise InvalidInput("--detectable-categories needs --check-cost USD, what one check "
                               "on a cheap answer costs (a test run; 0 if free)")
        detector = cascading.Detector(cost_usd=check_cost)
    elif check_cost is not None:
        raise InvalidInput("--check-cost prices the check of a cascade: give "
                           "--detectable-categories too")
    if output_tokens < 1:
        raise InvalidInput(f"--output-tokens must be at least 1, got {output_tokens}")
    model = SuccessModel.load(model_dir)
    rows = picking.read_prompts(input_path)
    prompts = [r.prompt for r in rows]
    if prices_path is not None:
        price = picking.load_prices(prices_path, model.models)[None, :]
        cost_model = None if price_per_call else CallCostModel.load(model_dir)
        if cost_model is not None:
            price = price * cost_model.shape(prompts, model.models)
            click.echo(f"prices per prompt: {prices_path.name}'s price per call x each "
                       f"prompt's predicted cost over the average ({model_dir.name}/"
                       "call_cost.npz)")
    else:
        from council.assembly import open_catalog

        price = picking.catalog_prices(open_catalog(db_path), model.models, prompts,
                                       output_tokens)
    x = PromptEmbedder(model.encoder_name, paths().embedding_cache).embed(prompts)  # its own
    p = model.p_matrix(x, prompts)
    ids = [r.id for r in rows]
    names = list(model.models)
    if tested is not None:
        from council.classifier_loader import ensure_classifier

        read = [pr.category for pr in ensure_classifier().predict(prompts)]
        allowed = np.isin(read, tested)
        chains = cascading.Chains.up_to(len(names), chain_length)
        price, p = cascading.chain_columns(p, price, chains, detector, allowed)
        names = chains.names(model.models)
        click.echo(f"cascades offered on {int(allowed.sum())} of {len(ids)} prompts (read as "
                   f"{', '.join(tested)}), with a {money(check_cost or 0.0)} check on each "
                   "cheap answer; assumed: the check catches every failure, and the models' "
                   "outcomes are independent")
    runs = ([picking.pick_within_budget(p, price, budget_usd)] if budget_usd is not None
            else [picking.pick_least_expected(p, price, f) for f in costs])
    with output_path.open("w", encoding="utf-8") as out:
        for picks in runs:
            for row in picks.rows(ids, names):
                out.write(json.dumps(row) + "\n")
    for picks in runs:
        counts = {m: int((picks.choice == j).sum()) for j, m in enumerate(names)}
        used = ", ".join(f"{m} {n}" for m, n in sorted(counts.items(), key=lambda kv: -kv[1])
                         if n)
        click.echo(f"failure cost ${picks.failure_cost_usd:,.6g}"
                   + (" (implied by the budget)" if budget_usd is not None else "")
                   + f": spend ${picks.spend:,.6f}, expected successes "
                   f"{picks.expected_successes:,.1f} of {len(ids)}; {used}")
    click.echo(f"wrote {len(ids) * len(runs)} rows -> {output_path}")
