"""The ``reportbot`` command line: a thin shell over ``bot.core``.

Commands parse their arguments, call the Engine and print. ``ask``, ``chat``, ``facts`` and
``check`` never import discord; ``run`` and ``playground`` import the Discord layer only when called.

One module per command group; a new command is a click command in its module, added to
``COMMANDS`` below.
"""

from __future__ import annotations

import logging
import sys

import click

from bot import __version__
from bot.cli import add, ask, chat, facts, feedback, playground, review, run

log = logging.getLogger(__name__)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportbot")
@click.option("-v", "--verbose", count=True, help="Log more to stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Answer questions about a news report, quoting the exact sentence each answer comes from.

    \b
    Examples:
      reportbot ask "Who leads the task force?"
      reportbot add article.txt --data-dir ./my-reports
      reportbot ask --json "How many people were arrested in 2024?"
      printf 'who leads the team?\\nwhen does it leave?\\n' | reportbot ask --json -
      reportbot chat
      reportbot facts
      reportbot check
      reportbot playground
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


#: Every command of ``reportbot``, by module (``reportbot --help`` lists them alphabetically).
COMMANDS: tuple[click.Command, ...] = (
    add.add,
    add.reports,
    ask.ask,
    chat.chat,
    facts.facts,
    facts.check,
    feedback.feedback,
    playground.playground,
    review.review,
    run.run,
)

for _command in COMMANDS:
    main.add_command(_command)

__all__ = ["COMMANDS", "main"]
