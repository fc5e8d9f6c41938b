"""``reportbot playground``: the real bot in a local Discord in your browser.

The only module outside ``bot/discord_app/local/`` that imports the local Discord, and only when
the command runs, so the other commands never load discord.py.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import data_options, friendly_errors, load_engine
from bot.core.engine import Engine
from bot.core.errors import ReportbotError


@click.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port on 127.0.0.1 (default 8765; 0 picks a free one).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in your web browser.")
@click.option(
    "--no-bot",
    is_flag=True,
    help="Run only the local Discord and its page; print how to point `reportbot run` at it.",
)
@click.option("--watch", is_flag=True, help="Reload the knowledge when its files change.")
@data_options
@friendly_errors
def playground(
    port: int | None,
    open_browser: bool,
    no_bot: bool,
    watch: bool,
    data_dir: Path | None,
    report: str | None,
) -> None:
    """Try the bot in a local Discord in your browser: no token, nothing leaves this computer.

    Starts a small Discord on 127.0.0.1 that the real bot logs into with the real discord.py
    client, and a page that looks like a Discord channel: ask with /ask (with autocomplete),
    @mention or !ask, see the embeds with their citations, click the buttons, switch between
    simulated users. It emulates the parts of Discord this bot uses, not all of Discord.

    The bot uses a token of the playground's own (DISCORD_TOKEN and .env are not read), and
    keeps 👍/👎 and declined questions in memory only: your feedback database is not touched.
    Ctrl-C stops it.

    \b
    Examples:
      reportbot playground
      reportbot playground --open
      reportbot playground --port 0
      reportbot playground --watch      # edits of knowledge/ are served at once
      reportbot playground --no-bot     # then start `reportbot run` against it
    """
    from bot.discord_app.local import DEFAULT_PORT, reportbot_factory, run_playground

    chosen = DEFAULT_PORT if port is None else port
    make_bot = None
    if not no_bot:
        engine = load_engine(data_dir, report)
        if report is not None:
            engine = Engine([engine.fact_base(report)])  # serve that report only
        reports = [report] if report is not None else None
        make_bot = reportbot_factory(engine, data_dir=data_dir, reports=reports, watch=watch)
    try:
        run_playground(make_bot, port=chosen, open_browser=open_browser)
    except OSError as exc:
        raise ReportbotError(
            f"cannot serve the playground on 127.0.0.1:{chosen} ({exc.strerror or exc}); "
            "try another port, or --port 0 for a free one"
        ) from exc
