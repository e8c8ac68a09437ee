"""`council train` (rebuild the local classifier) and `council assess` (classify a description
or a JSONL file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from council.config import paths

if TYPE_CHECKING:
    from council.assess.classifier import LocalClassifier


def register(cli: click.Group) -> None:
    """Add this module's commands to the CLI."""
    cli.add_command(train)
    cli.add_command(assess)


@click.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Labelled corpus (default: training/data/tasks).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Artifact directory (default: $COUNCIL_ARTIFACTS/classifier).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the cross-validation folds.")
@click.option("--report-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where classifier.md/json go (default: training/reports).")
@click.option("--feedback-db", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None,
              help="Fold the app's feedback into the outcome model (default: the configured "
                   "database, when it has feedback).")
@click.option("--outcomes", "outcome_paths", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Outcome file(s) to train the outcome model on as well (repeatable); the "
                   "classifier's difficulty also learns from their failure rates.")
@click.option("--outcome-out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Outcome model artifact (default: $COUNCIL_ARTIFACTS/outcomes).")
@click.option("--outcomes-only", is_flag=True,
              help="Only (re)train the outcome model; leave the classifier as it is.")
def train(data_dir: Path | None, out_dir: Path | None, seed: int, report_dir: Path | None,
          feedback_db: Path | None, outcome_paths: tuple[Path, ...], outcome_out: Path | None,
          outcomes_only: bool) -> None:
    """Rebuild the local classifier, and the outcome model from feedback and outcome files.

    The outcome model (P(model does this task well), used as adequacy for the models it
    covers) is trained when there is feedback in the database or an --outcomes file.
    Models with too few verdicts are left to the catalog, each named in the output.

    Example: council train --data training/data/tasks --seed 0
    """
    where = paths()
    if not outcomes_only:
        from council.classifier_loader import forget_loaded
        from council.classifier_training.classifier import build_classifier
        from council.classifier_training.corpus import default_data_dir

        data_dir = data_dir or default_data_dir()
        out_dir = out_dir or where.classifier_artifact
        report_dir = report_dir or where.training_dir / "reports"
        result = build_classifier(data_dir, out_dir, seed=seed, report_dir=report_dir,
                                  progress=True, outcome_paths=outcome_paths)
        forget_loaded()
        click.echo(f"artifact   {out_dir}")
        click.echo(f"report     {report_dir / 'classifier.md'}")
        for key, value in result.metadata["headline"].items():
            click.echo(f"{key:<28}{value:.3f}")
    _train_outcomes(feedback_db, outcome_paths, outcome_out or where.outcome_artifact)


def _train_outcomes(feedback_db: Path | None, outcome_paths: tuple[Path, ...],
                    target: Path) -> None:
    """Fold feedback (and outcome files) into the outcome model; print what was trained."""
    from council.outcomes.adequacy_source import load_feedback
    from council.outcomes.feedback_export import export_feedback

    where = paths()
    explicit = feedback_db is not None
    db = feedback_db if explicit else (where.db if where.db.exists() else None)
    feedback = load_feedback(db) if db is not None else []
    if not feedback and not outcome_paths:
        if explicit:
            click.echo(f"outcome model: no feedback in {db} and no --outcomes file; "
                       "nothing to train")
        return
    if db is not None:
        click.echo(f"feedback   {len(feedback)} rated task(s) from {db}")
    if feedback:
        export_path = target.parent / "feedback_outcomes.jsonl"
        export = export_feedback(db, export_path)
        click.echo(f"           exported {export} outcome rows -> {export_path}")
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.outcomes.feedback import PRIOR_STRENGTH, train_outcome_model

    encoder = CachedEncoder(default_encoder(), where.embedding_cache)
    sources = [str(p) for p in outcome_paths] + ([str(db)] if feedback else [])
    from council.classifier_loader import ensure_classifier

    result = train_outcome_model(outcome_paths, feedback, target, encoder, sources=sources,
                                 load_classifier=ensure_classifier)
    for left in result.left_out:
        click.echo(f"left out  {left.message()}")
    if not result.trained:
        click.echo(f"outcome model: {result.note}; {target} left as it was")
        return
    click.echo(f"outcome model {target}")
    click.echo(result.table())
    if result.selection is not None:
        click.echo(result.selection.summary())
    if result.agreement is not None:
        click.echo(result.agreement.summary())
    click.echo(f"weight = n / (n + {PRIOR_STRENGTH}): the share of P(success) taken from the "
               "outcomes; the rest is the catalog's adequacy for the same task.")


@click.command()
@click.argument("text", required=False)
@click.option("--input", "input_path", type=click.Path(path_type=Path, dir_okay=False,
                                                       exists=True), default=None,
              help='JSONL rows {"id", "prompt"} (instead of TEXT).')
@click.option("--output", "output_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="JSONL assessments to write (with --input).")
@click.option("--batch-size", type=click.IntRange(1, 4096), default=256, show_default=True,
              help="Rows encoded together (memory stays bounded by this).")
@click.option("--skip-invalid", is_flag=True,
              help="Skip bad rows and list them on stderr instead of stopping at the first.")
@click.option("--artifact", "artifact_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Classifier artifact (default: built/loaded as the app does).")
@click.option("--json", "as_json", is_flag=True, help="TEXT's assessment as one JSON object.")
def assess(text: str | None, input_path: Path | None, output_path: Path | None,
           batch_size: int, skip_invalid: bool, artifact_dir: Path | None,
           as_json: bool) -> None:
    """Classify one task description, or every one in a JSONL file, with the local classifier.

    Prints the category, its probability, the difficulty, and how the category was read
    (by MiniLM only, or read again with e5 because MiniLM was unsure). With --input, writes
    {"id", "category", "category_p", "difficulty", "difficulty_sd", "low_confidence",
    "reason", "category_reading"} per row. A bad row (invalid JSON, missing or empty
    prompt) stops the run with its line number, unless --skip-invalid is given.

    Example: council assess "summarise the notes of our weekly meeting" --json

    Or a file: council assess --input tasks.jsonl --output assessments.jsonl
    """
    if (text is None) == (input_path is None):
        raise click.UsageError("give one task description as TEXT, or --input FILE.jsonl "
                               "(not both)")
    if input_path is not None and output_path is None:
        raise click.UsageError("--input needs --output FILE.jsonl for the assessments")
    if text is not None and output_path is not None:
        raise click.UsageError("--output goes with --input; TEXT's assessment is printed")
    from council.classifier_loader import ensure_classifier

    classifier = ensure_classifier(artifact_dir)
    if text is not None:
        _assess_one(classifier, text, as_json)
        return
    from council.assess.classifier_batch import assess_file

    assert output_path is not None
    summary = assess_file(classifier, input_path, output_path, batch_size=batch_size,
                          skip_invalid=skip_invalid, progress=True)
    for problem in summary.skipped:
        click.echo(f"skipped {problem}", err=True)
    click.echo(f"assessed {summary.written} rows -> {output_path}"
               + (f" ({len(summary.skipped)} skipped)" if summary.skipped else "")
               + (f"; {summary.read_again} read again with e5 (MiniLM unsure)"
                  if summary.read_again else ""), err=True)


def _assess_one(classifier: LocalClassifier, text: str, as_json: bool) -> None:
    import json

    from council.assess.classifier_batch import record
    from council.present import reading_words

    if not text.strip():
        raise click.BadParameter("the task description is empty", param_hint="TEXT")
    pred = classifier.predict([text])[0]
    if as_json:
        click.echo(json.dumps(record(None, pred), ensure_ascii=False, indent=2))
        return
    click.echo(f"category {pred.category} (p={pred.category_p[pred.category]:.2f}), "
               f"difficulty {pred.difficulty:.1f} ± {pred.difficulty_sd:.1f} on the 1-5 scale"
               + (" · low confidence" if pred.low_confidence else ""))
    if pred.reading is not None:
        click.echo(f"category reading: {reading_words(pred.reading)}")
    click.echo(f"why: {pred.reason}")
