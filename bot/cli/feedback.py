"""``reportbot feedback``: list or export what the Discord bot recorded (``bot.feedback``).

The feedback package is imported when the command runs, so the other commands never load it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.common import friendly_errors, silence_stdout

if TYPE_CHECKING:
    from bot.feedback.store import FeedbackReader

#: The bot's setting for its feedback database, also read by ``reportbot feedback``.
FEEDBACK_DB_PATH_ENV = "FEEDBACK_DB_PATH"


@click.command()
@click.option("--declined", is_flag=True, help="Only the questions the bot declined to answer.")
@click.option(
    "--export",
    "export_to",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the feedback to FILE instead of listing it: CSV for .csv, JSON Lines for .jsonl.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help=f"The feedback database (default: ${FEEDBACK_DB_PATH_ENV}, else feedback.sqlite3 in your "
    "user data folder, e.g. ~/.local/share/reportbot/ on Linux).",
)
@friendly_errors
def feedback(declined: bool, export_to: Path | None, db: Path | None) -> None:
    """List the feedback the Discord bot recorded, newest first.

    Each line: time (UTC), kind, report, fact ids, question. Kinds are helpful (👍),
    unhelpful (👎) and declined (a question the bot did not answer). No user ids are stored.
    Exports are written whole or not at all (a temporary file, then renamed).

    \b
    Examples:
      reportbot feedback
      reportbot feedback --declined
      reportbot feedback --export feedback.csv
      reportbot feedback --declined --export declined.jsonl
      reportbot feedback --db ~/reportbot/feedback.sqlite3
    """
    from bot.feedback.errors import FeedbackNotFound
    from bot.feedback.export import export_feedback, export_format
    from bot.feedback.store import FeedbackReader

    chosen_format = None if export_to is None else export_format(export_to)
    if export_to is not None and chosen_format is None:
        raise click.BadParameter(
            f"{export_to.name!r}: name the file .csv (CSV) or .jsonl (JSON Lines).", param_hint="--export"
        )
    path = db if db is not None else _configured_path()
    try:
        reader = FeedbackReader(path)
    except FeedbackNotFound as exc:
        click.echo(str(exc) if path.exists() else _missing(path))
        return
    with reader:
        if export_to is not None:
            written = export_feedback(reader.events(declined_only=declined), export_to)
            what = "declined question" if declined else "feedback event"
            plural = "" if written == 1 else "s"
            click.echo(f"Wrote {written} {what}{plural} to {export_to} ({chosen_format}).")
            return
        _list_feedback(reader, path, declined=declined)


def _configured_path() -> Path:
    """The database the bot's settings name (read only without --db: pydantic is slow to load)."""
    from bot.feedback.sink import database_path
    from bot.settings import load_feedback_location

    return database_path(load_feedback_location())


def _missing(path: Path) -> str:
    return (
        f"{path} does not exist, so no feedback was recorded there: `reportbot run` creates it with the "
        "first 👍, 👎 or declined question; if the bot writes elsewhere, give that file (its "
        f"{FEEDBACK_DB_PATH_ENV}) with --db."
    )


def _list_feedback(reader: FeedbackReader, path: Path, *, declined: bool) -> None:
    counts = reader.counts()
    shown = counts["declined"] if declined else sum(counts.values())
    if not shown:
        click.echo(f"no {'declined questions' if declined else 'feedback'} recorded yet at {path}")
        return
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    try:
        click.echo(f"{path}: {summary}. Newest first, times in UTC:")
        for item in reader.events(declined_only=declined):
            e = item.event
            click.echo(
                f"{e.at:%Y-%m-%d %H:%M:%S}  {e.kind:<9}  {e.report or '-'}  "
                f"{','.join(e.fact_ids) or '-'}  {_printable(e.question)}"
            )
    except BrokenPipeError:  # `reportbot feedback | head`
        silence_stdout()


def _printable(text: str) -> str:
    """Text safe to print on a terminal: control and bidi/format characters shown escaped."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\u{ord(ch):04x}"))
        else:
            out.append(ch)
    return "".join(out)
