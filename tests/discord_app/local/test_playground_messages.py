"""What the playground page says for a command the bot does not have: the commands it has."""

from __future__ import annotations

import aiohttp

from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord
from bot.discord_app.local.playground import unknown_command

KNOWS = "the commands it knows are /about, /ask, /facts, /help and /source."


async def test_an_unknown_command_lists_the_commands_the_bot_knows(
    local: LocalDiscord, bot: ReportBot
) -> None:
    async with aiohttp.ClientSession(base_url=local.url) as http:
        for text, said in (("/nope", "/nope is not a command of this bot"), ("/", "Type a command after /")):
            async with http.post("/playground/send", json={"text": text}) as r:
                body = await r.json()
            assert r.status == 400 and body["error"] == f"{said}; {KNOWS}"
            assert "registered" not in body["error"] and "command tree" not in body["error"]
        async with http.post("/playground/autocomplete", json={"text": "/nope who"}) as r:
            assert (await r.json())["error"] == f"/nope is not a command of this bot; {KNOWS}"


def test_before_the_bot_registers_its_commands_the_page_says_to_wait() -> None:
    assert unknown_command("ask", []) == (
        "The bot has not registered its commands yet (it may still be starting); try again in a moment."
    )
    assert unknown_command("x", ["ask"]) == "/x is not a command of this bot; the commands it knows are /ask."
