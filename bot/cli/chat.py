"""``reportbot chat``: one question after another, as in a channel.

In a terminal the line can be edited (arrows, Home/End, Ctrl-L clears the screen) and Up brings
back earlier questions, also from earlier chats: they are kept in ``chat-history`` in the
user's data folder. Piped input is read line by line, as ``ask -`` reads it.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from bot import __version__
from bot.cli.ask import read_lines
from bot.cli.common import data_options, friendly_errors, load_engine, terminal_width
from bot.cli.facts import print_facts
from bot.core.answer import Answer

#: What ends ``reportbot chat``, and what lists the facts there.
QUIT_WORDS = frozenset({"quit", "exit", ":q", "bye"})
FACTS_WORDS = frozenset({"facts", "help", "?"})
PROMPT = "you> "
BOT = "bot> "
INDENT = " " * len(BOT)
#: The questions asked in earlier chats, one file in the user's data folder.
HISTORY_FILE = "chat-history"
#: A quoted line ("  > ...") or a listed one ("  - ...") and what its wrapped lines continue with.
_LEAD = re.compile(r"^(\s*)(> |- )?")


@click.command()
@data_options
@friendly_errors
def chat(data_dir: Path | None, report: str | None) -> None:
    """Ask questions one after another, as in a chat channel (Ctrl-D or "quit" to leave).

    In a terminal, edit the line with the arrow keys, bring back earlier questions with Up
    (they are kept in chat-history in your user data folder, e.g. ~/.local/share/reportbot/
    on Linux) and clear the screen with Ctrl-L. Questions can also be piped in, one per line.

    \b
    Examples:
      reportbot chat
      you> who leads the task force?
      printf 'who leads the team?\\nwhen does it leave?\\n' | reportbot chat
    """
    engine = load_engine(data_dir, report)
    base = engine.fact_base(report)
    show_report = len(engine.report_ids) > 1
    click.echo(f"reportbot {__version__}: ask about {base.info.title!r}.")
    click.echo('Type a question, "facts" for what I know, or "quit" to leave.\n')
    lines = edited_lines(line_editor()) if sys.stdin.isatty() and sys.stdout.isatty() else piped_lines()
    try:
        for line, error in lines:
            text = (line or "").strip()
            if line is not None and not text:
                continue
            if text.lower() in QUIT_WORDS:
                return
            if text.lower() in FACTS_WORDS:
                print_facts(engine, report, sentences=False)
                continue
            answer = engine.refuse(error) if line is None else engine.ask(text, report)
            click.echo(render(answer, terminal_width(), show_report) + "\n")
    except KeyboardInterrupt:
        click.echo()


def render(answer: Answer, width: int, show_report: bool = False) -> str:
    """The answer as the chat shows it, under ``bot> ``: indented first, then wrapped to ``width``,
    so that no line is longer (unless one word is) and no word is broken."""
    room = max(width - len(INDENT), 20)
    lines: list[str] = []
    for line in answer.to_text(width=0, show_report=show_report).splitlines():  # unwrapped
        lines.extend(wrap(line, room))
    shown = [INDENT + line if line else "" for line in lines]
    return BOT + shown[0][len(INDENT) :] + "".join("\n" + line for line in shown[1:])


def wrap(line: str, width: int) -> list[str]:
    """One line of an answer wrapped to ``width``: a quote's lines keep its ``> ``, a list
    item's continue under its text; words (and hyphenated names) are never broken."""
    if len(line) <= width:
        return [line]
    lead = _LEAD.match(line)
    assert lead is not None  # the pattern matches every string
    first = lead.group(0)
    following = first if lead.group(2) == "> " else " " * len(first)
    return textwrap.wrap(
        line[len(first) :],
        width=width,
        initial_indent=first,
        subsequent_indent=following,
        break_long_words=False,
        break_on_hyphens=False,
    )


def piped_lines() -> Iterator[tuple[str | None, str]]:
    """Lines from a pipe or a file, each after a prompt, as ``ask -`` reads them."""
    click.echo(PROMPT, nl=False)
    for item in read_lines(sys.stdin.buffer):
        yield item
        click.echo(PROMPT, nl=False)
    click.echo()


def edited_lines(prompt: Callable[[str], str]) -> Iterator[tuple[str | None, str]]:
    """Lines typed at the terminal, until Ctrl-D."""
    while True:
        try:
            yield prompt(PROMPT), ""
        except EOFError:
            click.echo()
            return


def history_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("reportbot", appauthor=False)) / HISTORY_FILE


def line_editor() -> Callable[[str], str]:
    """A prompt with line editing and the history file (in memory when the file cannot be used)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, History, InMemoryHistory

    path = history_path()
    history: History
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))  # only you can read it
        history = FileHistory(str(path))
    except OSError as exc:
        click.echo(
            f"reportbot: cannot keep the chat history in {path} ({exc.strerror or exc}); "
            "Up brings back this chat's questions only.",
            err=True,
        )
        history = InMemoryHistory()
    session: PromptSession[str] = PromptSession(history=history)
    return session.prompt
