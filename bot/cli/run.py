"""``reportbot run``: the Discord bot.

The Discord layer is imported only inside the command, so ``reportbot ask`` never loads discord.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli.common import configure_streams


@click.command()
@click.option(
    "--sync-global",
    is_flag=True,
    help="Also publish the slash commands to every server (once, after adding or changing commands).",
)
@click.option(
    "--env-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(".env"),
    show_default=True,
    help="Read settings from this file too (the environment wins over it).",
)
def run(sync_global: bool, env_file: Path) -> None:
    """Run the Discord bot (settings from the environment and .env; see .env.example).

    Checks the token and loads the fact base before connecting: if either is broken it says
    what to fix in one sentence and exits 1 without connecting. Ctrl-C stops it cleanly.

    \b
    Examples:
      DISCORD_TOKEN=... reportbot run
      reportbot run --env-file /etc/reportbot.env
      reportbot run --sync-global
    """
    configure_streams()  # the log and every message survive any locale
    from bot.discord_app.runner import run as run_bot

    sys.exit(run_bot(env_file=env_file, sync_global=sync_global))
