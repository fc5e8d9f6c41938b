"""``reportbot ask``: answers with their cited sentences."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import click

from bot.cli.common import as_text, data_options, friendly_errors, load_engine, silence_stdout, terminal_width
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
    """Print one answer: a JSON line, or the text and a blank line (with ``explain``, how).

    The JSON is ASCII (``ensure_ascii``): every other character, U+2028, U+2029 and U+0085
    (which some readers take for line ends) included, is a ``\\u`` escape, so any output encoding
    carries it and ``json.loads`` reads back the same object. Bytes of an argument that were
    not valid text become U+FFFD, never a lone surrogate.
    """
    if as_json:
        data = as_text(answer.to_json())
        if explain:
            data["explain"] = as_text(answer.explain)
        line = json.dumps(data, ensure_ascii=True)
    else:
        line = answer.to_text(width=terminal_width(), show_report=show_report) + "\n"
        if explain:
            line += "How it was decided:\n" + json.dumps(answer.explain, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


#: What ends a line of ``ask -``: LF, CR LF, or a CR alone (old Mac files, some terminals).
_LINE_END = re.compile(rb"\r\n|\r|\n")
#: How much ``read_lines`` asks the stream for at once (it never waits for more than is there).
_CHUNK = 64 * 1024


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[str | None, str]]:
    """Yield ``(question, error)`` per input line: the decoded text, or None and why not.

    A line ends at ``\\n``, ``\\r\\n`` or ``\\r``. A line of ``limit`` bytes or more is kept no
    further than that (the rest is skipped), so one huge line costs no memory and still gets
    exactly one answer. Each line is yielded as soon as it has ended (interactive use works).
    """
    read = getattr(stream, "read1", None) or stream.read
    line = bytearray()
    skipped = 0  # > 0 while skipping the rest of a line that is too long
    after_cr = False  # the last chunk ended with CR: a LF first in the next one is its CR LF
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            if skipped or line:
                yield _line(line, skipped)
            return
        pos = 1 if after_cr and chunk[:1] == b"\n" else 0
        after_cr = False
        for end in _LINE_END.finditer(chunk, pos):
            line, skipped = _add(line, skipped, chunk[pos : end.start()], limit)
            yield _line(line, skipped + (len(end.group()) if skipped else 0))
            line, skipped = bytearray(), 0
            pos = end.end()
            after_cr = end.group() == b"\r" and pos == len(chunk)
        line, skipped = _add(line, skipped, chunk[pos:], limit)


def _add(line: bytearray, skipped: int, part: bytes, limit: int) -> tuple[bytearray, int]:
    """``part`` added to the line read so far, or counted as skipped once it is too long."""
    if skipped:
        return line, skipped + len(part)
    if len(line) + len(part) >= limit:
        return bytearray(), len(line) + len(part)
    line += part
    return line, 0


def _line(raw: bytearray, skipped: int) -> tuple[str | None, str]:
    if skipped:
        return (
            None,
            f"question too long: over {skipped // 1024} KiB (the limit is {MAX_QUESTION_CHARS} characters)",
        )
    try:
        return bytes(raw).decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return None, f"the line is not valid UTF-8 text (byte {exc.start + 1}); send questions as UTF-8"


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

