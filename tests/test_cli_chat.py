"""``reportbot chat``: answers indented, then wrapped; in a terminal (a pseudo-terminal here)
line editing, Ctrl-L and a history kept in the user's data folder; piped input as before."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.cli.chat import BOT, INDENT, render, wrap
from bot.core.engine import Engine

from .conftest import ROOT

#: What the terminal test waits at most for each reply before failing with what it saw.
PATIENCE_SECONDS = 60
#: What the line editor sends when a prompt starts reading keys (bracketed paste on).
PROMPT_READY = "\x1b[?2004h"
_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\r")


def quoted(rendered: str) -> list[str]:
    """The quote lines of a rendered answer, without the indent and the ``> ``."""
    return [line.strip()[2:] for line in rendered.splitlines() if line.strip().startswith("> ")]


@pytest.mark.parametrize("width", [80, 60, 40])
def test_every_answer_is_indented_then_wrapped_to_the_width(engine: Engine, width: int) -> None:
    for fact in engine.fact_base().facts:
        answer = engine.ask(fact.suggestion)
        shown = render(answer, width)
        lines = shown.splitlines()
        assert lines[0].startswith(BOT)
        assert all(line.startswith(INDENT) or not line for line in lines[1:])
        assert all(len(line) <= width for line in lines), shown
        for c in answer.citations:  # quotes keep every word whole, in order
            assert c.text in " ".join(quoted(shown)), shown
        assert " ".join(line.strip() for line in lines[: lines.index("")] if line)[len(BOT) :] == (
            answer.answer
        )


def test_a_long_quote_at_80_columns_breaks_between_words(engine: Engine) -> None:
    answer = engine.ask("What did the opposition criticize?")
    shown = render(answer, 80)
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert quoted(shown) == [
        "Lawmakers with South Korea’s opposition People Power Party on Tuesday",
        "criticized the government’s response to the rising number of crimes in",
        "Cambodia.",
    ]
    # before: wrapped to 80 and then indented, so the terminal broke each line at column 80
    old = answer.to_text(width=80).replace("\n", "\n" + INDENT)
    assert max(len(line) for line in old.splitlines()) > 80


def test_wrap_keeps_quote_marks_and_list_indents_and_hyphenated_names() -> None:
    assert wrap("  > one two three four", 12) == ["  > one two", "  > three", "  > four"]
    assert wrap("  - Who is Choi Bo-yoon exactly?", 16) == ["  - Who is Choi", "    Bo-yoon", "    exactly?"]
    assert wrap("Kim Ji-na leads", 9) == ["Kim Ji-na", "leads"]
    assert wrap("short", 80) == ["short"]


def test_piped_questions_are_answered_as_before(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["chat"], input=b"who leads the team?\n\xff\n\nfacts\nquit\nnever asked\n"
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "you> bot> Kim Ji-na, the Second Vice Foreign Minister" in out
    assert "bot> I could not read that question: the line is not valid UTF-8 text" in out
    assert "Who leads the task force?" in out  # the facts listing
    assert "never asked" not in out


# -- in a terminal ---------------------------------------------------------------------------
class Terminal:
    """``reportbot chat`` in a pseudo-terminal of 80 x 24, typed at as a person would."""

    def __init__(self, data_home: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("COLUMNS", "LINES"))}
        env |= {"TERM": "xterm", "XDG_DATA_HOME": str(data_home), "PROMPT_TOOLKIT_NO_CPR": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", "--data-dir", str(ROOT)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.raw = ""

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for(self, text: str, count: int = 1, *, raw: bool = False) -> str:
        """Read until ``text`` was shown ``count`` times (in the screen without escape sequences,
        or in the ``raw`` output)."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while (self.raw if raw else self.screen()).count(text) < count:
            left = deadline - time.monotonic()
            assert left > 0, f"never saw {text!r} x{count}:\n{self.screen()}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the process ended
                    chunk = b""
                assert chunk, f"the chat ended before {text!r}:\n{self.screen()}"
                self.raw += chunk.decode("utf-8", "replace")
        return self.screen()

    def prompt(self, number: int) -> None:
        """Wait for the ``number``-th prompt to take keys (it turns bracketed paste on)."""
        self.wait_for(PROMPT_READY, number, raw=True)

    def screen(self) -> str:
        return _ESCAPE.sub("", self.raw)

    def close(self) -> int:
        try:
            return self.process.wait(timeout=PATIENCE_SECONDS)
        finally:
            os.close(self.master)


def test_in_a_terminal_the_line_is_edited_and_the_history_kept(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    try:
        term.prompt(1)
        term.type("who leads the task force?\r")
        term.wait_for("bot> Kim Ji-na")
        term.prompt(2)
        term.type("\x1b[A\r")  # Up brings the question back; Enter asks it again
        term.wait_for("bot> Kim Ji-na", count=2)
        term.prompt(3)
        term.type("en does the team leave?" + "\x1b[D" * 23 + "wh\r")  # Left to the start, then "wh"
        screen = term.wait_for("bot> On Wednesday")
        assert "you> when does the team leave?" in screen and "^[" not in screen
        term.prompt(4)
        term.type("\x0c")  # Ctrl-L clears the screen
        term.wait_for("\x1b[2J", raw=True)
        term.type("\x04")  # Ctrl-D leaves
        assert term.close() == 0
    finally:
        if term.process.poll() is None:
            term.process.kill()
    history = (tmp_path / "reportbot" / "chat-history").read_text(encoding="utf-8")
    assert re.findall(r"^\+(.*)$", history, re.MULTILINE) == [  # a question asked again is kept once
        "who leads the task force?",
        "when does the team leave?",
    ]
    assert (tmp_path / "reportbot" / "chat-history").stat().st_mode & 0o077 == 0  # yours only

    again = Terminal(tmp_path)  # a new chat: Up brings back the last question of the last one
    try:
        again.prompt(1)
        again.type("\x1b[A\r")
        again.wait_for("bot> On Wednesday")
        again.prompt(2)
        again.type("quit\r")
        assert again.close() == 0
    finally:
        if again.process.poll() is None:
            again.process.kill()


def test_in_a_terminal_answers_fit_80_columns(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    try:
        term.prompt(1)
        term.type("What did the opposition criticize?\r")
        screen = term.wait_for("Cambodia.")
        term.prompt(2)
        term.type("quit\r")
        assert term.close() == 0
    finally:
        if term.process.poll() is None:
            term.process.kill()
    reply = screen[screen.index("bot> ") :]
    assert max(len(line) for line in reply.splitlines()) <= 80
    assert "       > Lawmakers with South Korea’s opposition People Power Party on Tuesday\n" in reply
