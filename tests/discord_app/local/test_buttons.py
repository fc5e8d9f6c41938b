"""Every kind of button the bot sends keeps working on a message sent before a restart, clicked
through the local Discord (as a person would, and as discord.py routes it)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord, running_bot
from bot.feedback.events import MemorySink

NOT_IN_REPORT = "How many kidnappings were there in Vietnam?"


async def test_suggestions_and_fact_pages_work_after_a_restart(
    local: LocalDiscord, make_bot: Callable[[], ReportBot], engine: Engine, sink: MemorySink
) -> None:
    async with running_bot(local, make_bot):
        decline = await (await local.slash("bob", "ask", question=NOT_IN_REPORT)).reply()
        facts = await (await local.slash("bob", "facts")).reply()
    async with running_bot(local, make_bot):  # a new client instance, nothing in memory
        first = decline.buttons()[0]
        answer = await (await local.click("carol", decline, first["custom_id"])).reply()
        assert answer.embed is not None and answer.embed["title"] == engine.ask(first["label"]).answer
        turned = await (await local.click("bob", facts, label="Next")).reply()
        assert turned.id == facts.id, "the page is turned in place"
        assert turned.embed is not None and turned.embed["footer"]["text"].startswith("Page 2 of ")
    assert [e.question for e in sink.of_kind("declined")] == [NOT_IN_REPORT]
