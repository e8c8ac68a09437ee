"""Entry point: `council COMMAND`. Errors of the CouncilError family become a message and exit 2."""

from __future__ import annotations

import sys

import click

from council.errors import CouncilError


class CouncilGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CouncilError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=CouncilGroup)
@click.version_option(package_name="llm-council")
def cli() -> None:
    """LLM Council: which LLM to use for a task, and what it will cost.

    Example: council recommend "classify 10k support tickets nightly" --batch --json
    """


def _register() -> None:
    from council.cli import catalog, doctor, init, recommend, route, serve, train, usage

    for module in (init, recommend, catalog, train, route, serve, doctor, usage):
        module.register(cli)


_register()


def main() -> None:
    cli()
