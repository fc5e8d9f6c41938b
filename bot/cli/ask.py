"""``reportbot ask``: answers with their cited sentences."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import click

from bot.cli.common import data_options, friendly_errors, load_engine, silence_stdout, terminal_width
from bot.core.answer import Answer
from bot.core.engine import MAX_QUESTION_CHARS, Engine

#: The longest stdin line read whole by ``ask -``; the rest of a longer line is skipped.
MAX_LINE_BYTES = 64 * 1024


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per question.")
@click.option(
    "--explain", is_flag=True, help="Also show how it was decided: the signals per fact and the check that decided."
)
@data_options
@friendly_errors
def ask(
    question: tuple[str, ...], as_json: bool, explain: bool, data_dir: Path | None, report: str | None
) -> None:
    """Answer QUESTION with the sentence(s) of the report it comes from.

    Give "-" to read questions from standard input, one per line: each gets exactly one answer,
    in order (one JSON object per line with --json).

    \b
    Examples:
      reportbot ask "Who leads the task force?"
      reportbot ask who leads the task force
      reportbot ask --json "How many people were arrested in 2024?"
      reportbot ask --json - < questions.txt
      reportbot ask --report my-report "When does the team leave?"
      reportbot ask --explain "Who leads the task force?"

    \b
    JSON fields: question, answered, answer, citations [{report, sentence_id, paragraph,
    text}], confidence, suggestions, facts (the fact ids used), error when the input itself
    was refused, and explain with --explain.
    """
    engine = load_engine(data_dir, report)
    show_report = len(engine.report_ids) > 1
    if question == ("-",):
        answer_stream(engine, sys.stdin.buffer, report, as_json, show_report, explain)
        return
    answer = engine.ask(" ".join(question), report)
    emit(answer, as_json, show_report, explain)


def emit(answer: Answer, as_json: bool, show_report: bool, explain: bool = False) -> None:
    """Print one answer: a JSON line, or the text and a blank line (with ``explain``, how)."""
    if as_json:
        data = answer.to_json()
        if explain:
            data["explain"] = answer.explain
        line = json.dumps(data, ensure_ascii=False)
    else:
        line = answer.to_text(width=terminal_width(), show_report=show_report) + "\n"
        if explain:
            line += "How it was decided:\n" + json.dumps(answer.explain, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


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


def answer_stream(
    engine: Engine, stream: BinaryIO, report: str | None, as_json: bool, show_report: bool, explain: bool = False
) -> None:
    """One answer per line of ``stream``, in order; stops quietly when the reader goes away."""
    try:
        for text, error in read_lines(stream):
            answer = engine.refuse(error) if text is None else engine.ask(text, report)
            emit(answer, as_json, show_report, explain)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)

