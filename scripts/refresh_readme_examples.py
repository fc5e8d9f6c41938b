#!/usr/bin/env python3
"""Refresh the README's examples from the real bot: the terminal transcript under "What an
answer looks like" and the example decline in "Run it in Discord".

Both follow the fact base and the matcher, so after changing either run:
    python scripts/refresh_readme_examples.py
(tests/test_readme.py and tests/discord_app/test_docs.py fail when the README and the bot disagree.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.engine import Engine  # noqa: E402

DECLINED = "What is the currency of Cambodia?"
MARKER = "Questions I can answer (press one to ask it):\n"
#: The questions of the terminal transcript, and the width the CLI wraps at off a terminal.
TRANSCRIPT = ("Who leads the task force?", "How many kidnappings were there in Vietnam?")
WIDTH = 88


def transcript(engine: Engine) -> str:
    """What `reportbot ask` prints for each TRANSCRIPT question, as a shell session."""
    return "\n".join(
        f'$ reportbot ask "{q}"\n' + engine.ask(q).to_text(width=WIDTH) + "\n" for q in TRANSCRIPT
    ).rstrip("\n")


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    engine = Engine.load(ROOT)
    first = text.index(f'```text\n$ reportbot ask "{TRANSCRIPT[0]}"') + len("```text\n")
    text = text[:first] + transcript(engine) + "\n" + text[text.index("```", first) :]
    suggestions = engine.ask(DECLINED).suggestions
    start = text.index(MARKER) + len(MARKER)
    end = start
    while re.match(r"\[[^\]\n]*\]\n", text[end:]):
        end = text.index("\n", end) + 1
    text = text[:start] + "".join(f"[{s}]\n" for s in suggestions) + text[end:]
    readme.write_text(text, encoding="utf-8")
    print("README example suggestions:", *suggestions, sep="\n  ")


if __name__ == "__main__":
    main()
