"""The README and .env.example say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.engine import Engine
from bot.discord_app.client import REQUIRED_PERMISSIONS, invite_url
from bot.discord_app.embeds import answer_embed, decline_embed
from bot.settings import Settings


def section(root: Path) -> str:
    readme = (root / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Run it in Discord")
    assert readme.index("## Using it locally") < start < readme.index("## How it answers")
    return readme[start : readme.index("\n## ", start + 1)]


def test_invite_url_in_the_readme(root: Path) -> None:
    text = section(root)
    [url] = re.findall(r"https://discord\.com/oauth2/authorize\S+", text)
    assert url == invite_url(999).replace("999", "APP_ID")
    assert f"permissions={REQUIRED_PERMISSIONS.value}" in url and REQUIRED_PERMISSIONS.value == 83968
    for name in ("Send Messages", "Embed Links", "Read Message History"):
        assert name in text


def test_every_setting_is_documented(root: Path) -> None:
    example = (root / ".env.example").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert re.search(rf"^#? ?{name.upper()}=", example, re.MULTILINE), name


def test_the_example_answers_are_what_the_builder_makes(root: Path, engine: Engine) -> None:
    text = section(root)
    title = engine.fact_base().info.title
    answer = engine.ask("Who leads the task force?")
    embed = answer_embed(answer, "Who leads the task force?", report_title=title)
    assert embed.title in text and embed.fields[0].name in text and title in text
    quote = " ".join(re.findall(r"┃ ▌ (.*)", text))
    assert quote == embed.fields[0].value.removeprefix("> ")
    declined = engine.ask("What is the currency of Cambodia?")
    assert decline_embed(declined, "x", report_title=title).title in text
    for suggestion in declined.suggestions:
        assert f"[{suggestion}]" in text
