"""The ``reportbot`` command line: a thin shell over ``bot.core``.

Commands parse their arguments, call the Engine and print. ``ask``, ``chat``, ``facts`` and
``check`` never import discord; ``run`` and ``playground`` import the Discord layer only when called.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from bot import __version__
from bot.core.answer import Answer
from bot.core.datadir import DATA_DIR_ENV, find_data_dir
from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.core.errors import KnowledgeError, Problem, ReportbotError

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

#: The longest stdin line read whole by ``ask -``; the rest of a longer line is skipped.
MAX_LINE_BYTES = 64 * 1024


def data_options(func: F) -> F:
    """``--data-dir`` and ``--report``, shared by every command that reads the fact base."""
    func = click.option(
        "--report",
        "-r",
        metavar="ID",
        help="Answer from this report only (its file name in seeds/ without .txt). Default: every report.",
    )(func)
    func = click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        metavar="PATH",
        help=f"Folder holding seeds/ and knowledge/ (default: ${DATA_DIR_ENV}, else the "
        "repository reportbot was installed from).",
    )(func)
    return func


def friendly_errors(func: F) -> F:
    """Print expected errors as one message and exit 1, instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportbotError as exc:
            click.secho(f"reportbot: {exc}", err=True, fg="red")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def load_engine(data_dir: Path | None, report: str | None) -> Engine:
    engine = Engine.load(data_dir)
    if report is not None:
        engine.fact_base(report)  # raises UnknownReport with the known ids
    return engine


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportbot")
@click.option("-v", "--verbose", count=True, help="Log more to stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Answer questions about a news report, quoting the exact sentence each answer comes from.

    \b
    Examples:
      reportbot ask "Who leads the task force?"
      reportbot ask --json "How many kidnappings in 2024?"
      printf 'who leads the team?\\nwhen does it leave?\\n' | reportbot ask --json -
      reportbot chat
      reportbot facts
      reportbot check
      reportbot playground
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per question.")
@data_options
@friendly_errors
def ask(question: tuple[str, ...], as_json: bool, data_dir: Path | None, report: str | None) -> None:
    """Answer QUESTION with the sentence(s) of the report it comes from.

    Give "-" to read questions from standard input, one per line: each gets exactly one answer,
    in order (one JSON object per line with --json).

    \b
    Examples:
      reportbot ask "Who leads the task force?"
      reportbot ask who leads the task force
      reportbot ask --json "How many kidnappings in 2024?"
      reportbot ask --json - < questions.txt
      reportbot ask --report korea-cambodia-task-force "When does the team leave?"

    \b
    JSON fields: question, answered, answer, citations [{report, sentence_id, paragraph,
    text}], confidence, suggestions, and error when the input itself was refused.
    """
    engine = load_engine(data_dir, report)
    show_report = len(engine.report_ids) > 1
    if question == ("-",):
        stream = sys.stdin.buffer
        _answer_stream(engine, stream, report, as_json, show_report)
        return
    answer = engine.ask(" ".join(question), report)
    _emit(answer, as_json, show_report)


def _emit(answer: Answer, as_json: bool, show_report: bool) -> None:
    if as_json:
        line = json.dumps(answer.to_json(), ensure_ascii=False)
    else:
        line = answer.to_text(width=_width(), show_report=show_report) + "\n"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _width() -> int:
    try:
        return min(os.get_terminal_size().columns, 100)
    except OSError:
        return 88


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[str | None, str]]:
    """Yield ``(question, error)`` per input line: the decoded text, or None and why not.

    A line longer than ``limit`` bytes is read no further than that (the rest is skipped), so
    one huge line costs no memory and still gets exactly one answer.
    """
    while True:
        raw = stream.readline(limit)
        if not raw:
            return
        too_long = not raw.endswith(b"\n") and len(raw) >= limit
        if too_long:
            skipped = len(raw)
            while True:
                rest = stream.readline(limit)
                skipped += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield (
                None,
                f"question too long: over {skipped // 1024} KiB (the limit is {MAX_QUESTION_CHARS} characters)",
            )
            continue
        raw = raw.rstrip(b"\r\n")
        try:
            yield raw.decode("utf-8"), ""
        except UnicodeDecodeError as exc:
            yield None, f"the line is not valid UTF-8 text (byte {exc.start + 1}); send questions as UTF-8"


def _answer_stream(
    engine: Engine, stream: BinaryIO, report: str | None, as_json: bool, show_report: bool
) -> None:
    try:
        for text, error in read_lines(stream):
            answer = engine.refuse(error) if text is None else engine.ask(text, report)
            _emit(answer, as_json, show_report)
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop quietly, and keep Python from complaining
        # when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)


@main.command()
@data_options
@friendly_errors
def chat(data_dir: Path | None, report: str | None) -> None:
    """Ask questions one after another, as in a chat channel (Ctrl-D or "quit" to leave).

    \b
    Example:
      reportbot chat
      you> who leads the task force?
    """
    engine = load_engine(data_dir, report)
    base = engine.fact_base(report)
    show_report = len(engine.report_ids) > 1
    click.echo(f"reportbot {__version__}: ask about {base.info.title!r}.")
    click.echo('Type a question, "facts" for what I know, or "quit" to leave.\n')
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        text = line.strip()
        if not text:
            continue
        if text.lower() in {"quit", "exit", ":q", "bye"}:
            return
        if text.lower() in {"facts", "help", "?"}:
            _print_facts(engine, report, sentences=False)
            continue
        answer = engine.ask(text, report)
        click.echo(
            "bot> " + answer.to_text(width=_width(), show_report=show_report).replace("\n", "\n     ") + "\n"
        )


@main.command()
@click.option("--sentences", is_flag=True, help="List every sentence of the report with its id instead.")
@data_options
@friendly_errors
def facts(sentences: bool, data_dir: Path | None, report: str | None) -> None:
    """Show what the bot knows, by topic, with a question to ask for each fact.

    \b
    Examples:
      reportbot facts
      reportbot facts --sentences
    """
    engine = load_engine(data_dir, report)
    _print_facts(engine, report, sentences=sentences)


def _print_facts(engine: Engine, report: str | None, *, sentences: bool) -> None:
    ids = [report] if report else engine.report_ids
    for rid in ids:
        base = engine.fact_base(rid)
        click.secho(f"{base.info.title} [{rid}]", bold=True)
        if sentences:
            for p in base.report.paragraphs:
                for s in p.sentences:
                    click.echo(f"  {s.id:7} {s.text}")
                if p.credit:
                    click.echo(f"  {'':7} (photo credit, not citable: {p.credit})")
            continue
        for topic, topic_facts in base.topics().items():
            click.echo(f"\n  {topic}")
            for fact in topic_facts:
                where = ", ".join(s.id for s in fact.sources)
                click.echo(f"    - {fact.suggestion}  [{where}]")
        click.echo()


@main.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="PATH",
    help=f"Folder holding seeds/ and knowledge/ (default: ${DATA_DIR_ENV}, else the installed repository).",
)
def check(data_dir: Path | None) -> None:
    """Validate every knowledge file and every citation verbatim against seeds/.

    Lists every problem at once (file, line, what to fix) and exits 1 when there is any:
    malformed YAML, unknown or duplicate ids, empty fields, quotes that no longer match the
    report, sentences that no fact cites and no `uncovered` entry explains, and suggestions
    the bot would not answer with their own fact.

    \b
    Example:
      reportbot check
    """
    try:
        root = find_data_dir(data_dir)
        engine = Engine.load(root)
    except KnowledgeError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    except ReportbotError as exc:
        click.secho(f"reportbot: {exc}", err=True, fg="red")
        sys.exit(1)
    problems = engine.audit()
    if problems:
        _print_problems(problems)
        sys.exit(1)
    for rid in engine.report_ids:
        base = engine.fact_base(rid)
        total = len(base.report.sentences)
        click.echo(
            f"ok: {rid}: {len(base.facts)} facts; {total} sentences, "
            f"{total - len(base.uncovered)} cited, {len(base.uncovered)} uncovered with a reason"
        )


def _print_problems(problems: list[Problem]) -> None:
    click.secho(f"{len(problems)} problem(s) in the fact base:", err=True, fg="red")
    for p in problems:
        click.echo(f"  {p}", err=True)


# --- reportbot feedback ---------------------------------------------------------------------
# Lists or exports what the Discord bot recorded (bot/feedback_store.py). Imported when called,
# so the other commands never load the store.

#: The bot's setting for its feedback database, also read by ``reportbot feedback``.
FEEDBACK_DB_PATH_ENV = "FEEDBACK_DB_PATH"
#: Export formats by file extension.
EXPORT_FORMATS = {".csv": "CSV", ".jsonl": "JSON Lines"}
#: CSV cells starting with these are formulas to a spreadsheet; such a question is exported
#: with a leading apostrophe so that opening the file never runs what a user typed.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@main.command()
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
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def _printable(text: str) -> str:
    """Text safe to print on a terminal: control and bidi/format characters shown escaped."""
    import unicodedata

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


# --- end of reportbot feedback ----------------------------------------------------------------


# --- playground: the local Discord (issue 6) ------------------------------------------------
# Imports the Discord layer lazily, so the other commands never load discord.py.


@main.command()
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
@data_options
@friendly_errors
def playground(
    port: int | None, open_browser: bool, no_bot: bool, data_dir: Path | None, report: str | None
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
      reportbot playground --no-bot     # then start `reportbot run` against it
    """
    from bot.discord_app.local import DEFAULT_PORT, reportbot_factory, run_playground

    chosen = DEFAULT_PORT if port is None else port
    make_bot = None
    if not no_bot:
        engine = load_engine(data_dir, report)
        if report is not None:
            engine = Engine([engine.fact_base(report)])  # serve that report only
        make_bot = reportbot_factory(engine)
    try:
        run_playground(make_bot, port=chosen, open_browser=open_browser)
    except OSError as exc:
        raise ReportbotError(
            f"cannot serve the playground on 127.0.0.1:{chosen} ({exc.strerror or exc}); "
            "try another port, or --port 0 for a free one"
        ) from exc


# --- end playground ---------------------------------------------------------------------------


# ---- run: the Discord bot --------------------------------------------------------------------
# The Discord layer is imported only inside the command, so `reportbot ask` never loads discord.


@main.command()
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
    from bot.discord_app.runner import run as run_bot

    sys.exit(run_bot(env_file=env_file, sync_global=sync_global))


# ---- end of run -------------------------------------------------------------------------------
