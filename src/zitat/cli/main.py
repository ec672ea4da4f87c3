"""Entry point of the ``zitat`` command."""

from __future__ import annotations

import click

from zitat.__about__ import __version__
from zitat.cli._common import ZitatGroup
from zitat.cli.annotate import annotate
from zitat.cli.bench import bench
from zitat.cli.convert import convert
from zitat.cli.extract import extract_command
from zitat.cli.gold import gold
from zitat.cli.plugins import plugins_command
from zitat.cli.quotes import quotes
from zitat.cli.scaffold import plugin_group
from zitat.cli.show import show
from zitat.cli.stances import stances
from zitat.cli.targets import targets
from zitat.cli.train import train


@click.group(cls=ZitatGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zitat")
def cli() -> None:
    """zitat: who said what in German news — quotes, speakers and stances.

    Run `zitat bench run` to score every installed extractor on the bundled gold.
    """


cli.add_command(annotate)
cli.add_command(bench)
cli.add_command(gold)
cli.add_command(convert)
cli.add_command(extract_command)
cli.add_command(plugins_command)
cli.add_command(plugin_group)
cli.add_command(show)
cli.add_command(train)
cli.add_command(targets)
cli.add_command(stances)
cli.add_command(quotes)


def main() -> None:
    """Run the command line."""
    cli()
