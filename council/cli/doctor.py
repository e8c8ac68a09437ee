"""`council doctor`: check keys, voters file, database, catalog and classifier; say what to fix."""

from __future__ import annotations

import json
import sys

import click


def register(cli: click.Group) -> None:
    """Add `council doctor` to the CLI."""
    cli.add_command(doctor)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
def doctor(as_json: bool) -> None:
    """Check this installation and print what to fix; exit 1 when something is wrong.

    Keys are reported as set or not set, never shown.

    Example: council doctor --json
    """
    from council.doctor import run_checks
    from council.keys import secrets_file

    checks = run_checks(secrets=secrets_file())
    problems = [c for c in checks if not c.ok]
    if as_json:
        click.echo(json.dumps({"ok": not problems, "checks": [c.to_dict() for c in checks]},
                              indent=2))
    else:
        for c in checks:
            click.echo(f"{'ok     ' if c.ok else 'PROBLEM'} {c.name}: {c.detail}")
            if c.fix:
                click.echo(f"        fix: {c.fix}")
        click.echo(f"{len(problems)} problem(s)" if problems else "all good")
    if problems:
        sys.exit(1)
