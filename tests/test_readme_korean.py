"""The README's Korean transcript is what the CLI prints."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_korean_transcript_is_what_the_cli_prints() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Questions in Korean") :]
    session = section[section.index("```text\n") + len("```text\n") :]
    session = session[: session.index("```")]
    asked = re.findall(r'^\$ reportbot ask "([^"]+)"\n(.*?)(?=^\$ |\Z)', session, re.M | re.S)
    assert len(asked) == 2
    for question, printed in asked:
        result = CliRunner().invoke(main, ["ask", question], terminal_width=88)
        assert result.exit_code == 0
        assert result.stdout.strip() == printed.strip(), question
