"""`council init`: create or migrate the database, load the catalog, build the classifier."""

from __future__ import annotations

import time
from pathlib import Path

import click

from council.config import paths


def register(cli: click.Group) -> None:
    """Add `council init` to the CLI."""
    cli.add_command(init)


@click.command()
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help="SQLite file (default: $COUNCIL_DB or var/council.db).")
@click.option("--skip-classifier", is_flag=True, help="Do not build the classifier artifact.")
def init(db_path: Path | None, skip_classifier: bool) -> None:
    """Set up everything the app needs; safe to run again.

    Example: council init --db var/council.db
    """
    from council.assembly import open_database
    from council.catalog import store as catalog_store

    where = paths()
    db_path = db_path or where.db
    started = time.perf_counter()
    db = open_database(db_path)
    catalog = catalog_store.init_catalog(db, where.catalog_dir)
    click.echo(f"database   {db_path}")
    click.echo(f"catalog    {len(catalog.models)} models, version {catalog.version}")
    if not skip_classifier:
        from council.classifier_loader import ensure_classifier

        ensure_classifier()
        click.echo(f"classifier {where.classifier_artifact}")
    click.echo(f"ready in {time.perf_counter() - started:.1f} s")
