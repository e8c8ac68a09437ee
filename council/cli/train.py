"""`council train` (rebuild the local classifier) and `council assess` (classify a JSONL file)."""

from __future__ import annotations

from pathlib import Path

import click

from council.config import paths


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
              help="Also export the app's feedback as outcome rows for the outcome model.")
def train(data_dir: Path | None, out_dir: Path | None, seed: int, report_dir: Path | None,
          feedback_db: Path | None) -> None:
    """Rebuild the local classifier artifact and its evaluation report, reproducibly.

    Example: council train --data training/data/tasks --seed 0
    """
    from council.assess.classifier import forget_loaded
    from council.training.classifier import build_classifier
    from council.training.corpus import default_data_dir

    where = paths()
    data_dir = data_dir or default_data_dir()
    out_dir = out_dir or where.classifier_artifact
    report_dir = report_dir or where.training_dir / "reports"
    result = build_classifier(data_dir, out_dir, seed=seed, report_dir=report_dir,
                              progress=True)
    forget_loaded()
    click.echo(f"artifact   {out_dir}")
    click.echo(f"report     {report_dir / 'classifier.md'}")
    for key, value in result.metadata["headline"].items():
        click.echo(f"{key:<28}{value:.3f}")
    if feedback_db is not None:
        from council.training.feedback import export_feedback

        target = out_dir / "feedback_outcomes.jsonl"
        count = export_feedback(feedback_db, target)
        click.echo(f"feedback   {count} outcome rows -> {target}")


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path, dir_okay=False,
                                                       exists=True), required=True,
              help='JSONL rows {"id", "prompt"}.')
@click.option("--output", "output_path", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="JSONL assessments to write.")
@click.option("--batch-size", type=click.IntRange(1, 4096), default=256, show_default=True,
              help="Rows encoded together (memory stays bounded by this).")
@click.option("--skip-invalid", is_flag=True,
              help="Skip bad rows and list them on stderr instead of stopping at the first.")
@click.option("--artifact", "artifact_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Classifier artifact (default: built/loaded as the app does).")
def assess(input_path: Path, output_path: Path, batch_size: int, skip_invalid: bool,
           artifact_dir: Path | None) -> None:
    """Classify every task description in a JSONL file with the local classifier.

    Writes {"id", "category", "category_p", "difficulty", "difficulty_sd", "low_confidence"}
    per row. A bad row (invalid JSON, missing or empty prompt) stops the run with its line
    number, unless --skip-invalid is given.

    Example: council assess --input tasks.jsonl --output assessments.jsonl
    """
    from council.assess.classifier import ensure_classifier
    from council.assess.classifier_batch import assess_file

    classifier = ensure_classifier(artifact_dir)
    summary = assess_file(classifier, input_path, output_path, batch_size=batch_size,
                          skip_invalid=skip_invalid, progress=True)
    for problem in summary.skipped:
        click.echo(f"skipped {problem}", err=True)
    click.echo(f"assessed {summary.written} rows -> {output_path}"
               + (f" ({len(summary.skipped)} skipped)" if summary.skipped else ""), err=True)
