"""`council serve`: the web app, with the local classifier loading from the server's start."""

from __future__ import annotations

import sys

import click

from council.config import PROJECT_ROOT


def register(cli: click.Group) -> None:
    """Add `council serve` to the CLI."""
    cli.add_command(serve)


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("streamlit_args", nargs=-1, type=click.UNPROCESSED)
def serve(streamlit_args: tuple[str, ...]) -> None:
    """Start the web app: `streamlit run app.py`, in this process.

    The classifier and its encoder start loading at once, in the background, instead of when
    the first visitor opens a page, so the first answer does not wait ~8 s for them.
    Arguments after the command go to streamlit.

    Example: council serve --server.port 8600 --server.headless true
    """
    from streamlit.web import cli as streamlit_cli

    from council.ui import state

    _report_voter_problems()
    state.warm_up()  # the app's own warm-up, so its pages find it already started
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "app.py"), *streamlit_args]
    streamlit_cli.main()


def _report_voter_problems() -> None:
    """A broken voters file, a missing key or a voter whose model is shut down is the
    operator's: said loudly at start (the app then runs without those voters, and the page
    says so)."""
    from council.config import paths
    from council.doctor import database_and_catalog, voter_checks
    from council.keys import secrets_file
    from council.redact import install_log_redaction

    install_log_redaction()
    where = paths()
    # the catalog the app serves (the database's, with the curators' edits); a broken
    # database or catalog is reported by the app
    _, catalog = database_and_catalog(where)
    checks = voter_checks(where, secrets=secrets_file(), catalog=catalog)
    for check in checks:
        if not check.ok:
            click.echo(f"council: {check.name}: {check.detail}. Fix: {check.fix}", err=True)
