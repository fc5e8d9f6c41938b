"""The ``reportbot`` command line: a thin shell over ``bot.core``.

Commands parse their arguments, call the Engine and print. ``ask``, ``chat``, ``facts`` and
``check`` never import discord; ``run`` imports the Discord layer only when called.
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
