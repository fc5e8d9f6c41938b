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
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Read settings from FILE too (default: .env in this folder, when there is one); the environment "
    "wins over it.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Reload the knowledge when files under knowledge/ or seeds/ change (a broken edit is "
    "refused and the previous knowledge kept).",
)
def run(sync_global: bool, env_file: Path | None, watch: bool) -> None:
    """Run the Discord bot (settings from the environment and .env; see .env.example).

    Checks the token and loads the fact base before connecting: if either is broken it says
    what to fix in one sentence and exits 1 without connecting. Ctrl-C stops it cleanly.

    \b
    Examples:
      DISCORD_TOKEN=... reportbot run
      reportbot run --env-file /etc/reportbot.env
      reportbot run --sync-global
      reportbot run --watch           # edits of knowledge/ are served without a restart
    """
    configure_streams()  # the log and every message survive any locale
    if env_file is not None and not env_file.is_file():
        what = "is a folder, not a file" if env_file.is_dir() else "does not exist"
        click.echo(
            f"reportbot: the settings file {env_file} {what}: give --env-file the path of your settings "
            "file (see .env.example), or leave --env-file out to read .env from this folder.",
            err=True,
        )
        sys.exit(1)
    from bot.discord_app.runner import run as run_bot

    sys.exit(run_bot(env_file=env_file or Path(".env"), sync_global=sync_global, watch=watch))
