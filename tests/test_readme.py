"""The README's front door says what the code does: its commands and its transcript."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_first_commands_are_install_and_ask_then_install_and_test() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks[0].strip() == 'pip install -e . && reportbot ask "Who leads the task force?"'
    assert blocks[1].strip() == 'pip install -e ".[test]" && pytest'


def test_the_transcript_is_what_the_cli_prints() -> None:
    text = README.read_text(encoding="utf-8")
    session = text[text.index('```text\n$ reportbot ask "') + len("```text\n") :]
    session = session[: session.index("```")]
    for question, printed in re.findall(
        r'^\$ reportbot ask "([^"]+)"\n(.*?)(?=^\$ |\Z)', session, re.M | re.S
    ):
        result = CliRunner().invoke(main, ["ask", question], terminal_width=88)
        assert result.exit_code == 0
        assert result.stdout.strip() == printed.strip(), question
    assert session.count("$ reportbot ask") == 2
