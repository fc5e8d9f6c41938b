#!/usr/bin/env python3
"""Refresh the example decline in the README's "Run it in Discord" section from the real bot.

The example lists the suggestion buttons a decline shows; they follow the fact base and the
matcher, so after changing either run:  python scripts/refresh_readme_examples.py
(tests/discord_app/test_docs.py fails when the README and the bot disagree.)
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


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    suggestions = Engine.load(ROOT).ask(DECLINED).suggestions
    start = text.index(MARKER) + len(MARKER)
    end = start
    while re.match(r"\[[^\]\n]*\]\n", text[end:]):
        end = text.index("\n", end) + 1
    text = text[:start] + "".join(f"[{s}]\n" for s in suggestions) + text[end:]
    readme.write_text(text, encoding="utf-8")
    print("README example suggestions:", *suggestions, sep="\n  ")


if __name__ == "__main__":
    main()
