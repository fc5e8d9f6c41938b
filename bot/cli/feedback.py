"""``reportbot feedback``: list or export what the Discord bot recorded (bot/feedback_store.py).

The store is imported when the command runs, so the other commands never load it.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import friendly_errors, silence_stdout

if TYPE_CHECKING:
    from bot.feedback_store import FeedbackReader

#: The bot's setting for its feedback database, also read by ``reportbot feedback``.
FEEDBACK_DB_PATH_ENV = "FEEDBACK_DB_PATH"
#: Export formats by file extension.
EXPORT_FORMATS = {".csv": "CSV", ".jsonl": "JSON Lines"}
#: CSV cells starting with these are formulas to a spreadsheet; such a question is exported
#: with a leading apostrophe so that opening the file never runs what a user typed.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    from bot.feedback_store import FeedbackNotFound, FeedbackReader, default_feedback_path

    export_format = None if export_to is None else EXPORT_FORMATS.get(export_to.suffix.lower())
    if export_to is not None and export_format is None:
        raise click.BadParameter(
            f"{export_to.name!r}: name the file .csv (CSV) or .jsonl (JSON Lines).", param_hint="--export"
        )
    env_path = os.environ.get(FEEDBACK_DB_PATH_ENV, "").strip()
    path = db or (Path(env_path).expanduser() if env_path else default_feedback_path())
    try:
        reader = FeedbackReader(path)
    except FeedbackNotFound as exc:
        click.echo(str(exc))
        return
    with reader:
        if export_to is not None:
            written = _export_feedback(reader.events(declined_only=declined), export_to)
            what = "declined question" if declined else "feedback event"
            plural = "" if written == 1 else "s"
            click.echo(f"Wrote {written} {what}{plural} to {export_to} ({export_format}).")
            return
        _list_feedback(reader, path, declined=declined)


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


def _export_feedback(items: Iterator[Any], target: Path) -> int:
    """Write ``items`` (StoredFeedback) to ``target`` as CSV or JSON Lines, atomically; returns
    how many were written."""
    import contextlib
    import csv
    import tempfile

    from bot.feedback_store import FeedbackStoreError

    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FeedbackStoreError(
            f"Cannot write the export {target}: {exc.strerror or exc}. Choose a file in a writable folder."
        ) from exc
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            if target.suffix.lower() == ".csv":
                writer = csv.writer(out)
                writer.writerow(["id", "at", "kind", "report", "fact_ids", "confidence", "question"])
                for item in items:
                    e = item.event
                    question = "'" + e.question if e.question.startswith(_FORMULA_STARTS) else e.question
                    confidence = "" if e.confidence is None else e.confidence
                    at = item.to_json()["at"]
                    writer.writerow(
                        [item.id, at, e.kind, e.report or "", " ".join(e.fact_ids), confidence, question]
                    )
                    written += 1
            else:
                for item in items:
                    out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
                    written += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError) and not isinstance(exc, FeedbackStoreError):
            raise FeedbackStoreError(f"Cannot write the export {target}: {exc.strerror or exc}.") from exc
        raise
    return written
