"""Refusals and errors of /ask and /source, through the local Discord: what the person sees,
and that the bot keeps answering."""

from __future__ import annotations

import logging
from collections.abc import Callable
from unittest.mock import AsyncMock

import pytest

from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.errors import UNEXPECTED
from bot.discord_app.local import LocalDiscord, Message, reportbot_factory, running_bot
from bot.feedback.events import MemorySink

from ...conftest import REPORT_ID
from .conftest import FakeClock

WHO_LEADS = "who leads the task force"


async def ask(local: LocalDiscord, user: str, question: str = WHO_LEADS, **options: str) -> Message:
    return await (await local.slash(user, "ask", question=question, **options)).reply()


async def test_a_too_long_question_is_refused_privately(local: LocalDiscord, bot: ReportBot) -> None:
    refused = await ask(local, "alice", "why " * 200)
    assert refused.ephemeral and refused.embed is None
    assert "too long (800 characters)" in refused.content and str(MAX_QUESTION_CHARS) in refused.content
    assert refused.allowed_mentions == {"parse": []}


async def test_an_unknown_report_is_explained(local: LocalDiscord, bot: ReportBot) -> None:
    refused = await ask(local, "alice", report="nope")
    assert refused.ephemeral
    assert "Unknown report 'nope'" in refused.content and REPORT_ID in refused.content


async def test_an_unknown_sentence_is_explained(local: LocalDiscord, bot: ReportBot) -> None:
    refused = await (await local.slash("alice", "source", sentence="p99.s9")).reply()
    assert refused.ephemeral and "no sentence 'p99.s9'" in refused.content


async def test_a_channel_is_slowed_down_across_people(
    local: LocalDiscord, engine: Engine, sink: MemorySink, clock: FakeClock
) -> None:
    local.add_channel("random")
    local.add_user("dave")
    make_bot = reportbot_factory(engine, feedback=sink, clock=clock, channel_rate=3, channel_rate_seconds=60)
    async with running_bot(local, make_bot):
        for user in ("alice", "bob", "carol"):
            assert (await ask(local, user)).embed is not None
        slowed = await ask(local, "dave")
        assert slowed.ephemeral and slowed.content == "Slow down a little: try again in 20 s."
        elsewhere = await (await local.slash("dave", "ask", channel="random", question=WHO_LEADS)).reply()
        assert elsewhere.embed is not None, "another channel is not slowed down"


@pytest.mark.expect_bot_errors
async def test_an_error_while_answering_is_reported_once_and_the_next_question_works(
    local: LocalDiscord,
    make_bot: Callable[[], ReportBot],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_bot(local, make_bot) as bot:
        real_ask = bot.answers.ask
        monkeypatch.setattr(bot.answers, "ask", AsyncMock(side_effect=RuntimeError("engine exploded")))
        failed = await ask(local, "alice")
        assert failed.ephemeral and failed.content == UNEXPECTED
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1 and errors[0].getMessage().startswith("unexpected error in /ask")
        assert "engine exploded" in caplog.text
        monkeypatch.setattr(bot.answers, "ask", real_ask)
        works = await ask(local, "bob")
        assert works.embed is not None and works.embed["title"].startswith("Kim Ji-na")
