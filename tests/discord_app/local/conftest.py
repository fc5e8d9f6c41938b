"""Fixtures for end-to-end tests: a local Discord, the real bot (ReportBot) connected to it.

``make_bot`` builds the bot exactly as ``reportbot playground`` does (``reportbot_factory``),
with the test's MemorySink (``sink``) and a clock the test moves by hand. Every test fails when
the bot hit a route the local Discord does not know, sent a payload Discord would refuse, or
logged an error it did not expect.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import discord
import discord.gateway
import discord.http
import pytest

from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord, reportbot_factory, running_bot
from bot.feedback.events import MemorySink

from ...conftest import REPORT_ID

#: Short, so a test of an unanswered interaction does not wait Discord's 3 s.
TEST_INTERACTION_DEADLINE = 1.5


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_bot_errors: the test makes the bot log errors on purpose")


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_bot(engine: Engine, sink: MemorySink, clock: FakeClock) -> Callable[[], ReportBot]:
    """The bot under test, as a factory (a new ReportBot per start, as after a restart)."""
    return reportbot_factory(engine, feedback=sink, clock=clock)


@pytest.fixture
def seed_text(root: Path) -> str:
    return (root / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def discord_urls_restored() -> object:
    """The URL override is process-wide: every test must leave discord.py as it found it."""
    before = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


@pytest.fixture
async def local(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[LocalDiscord]:
    caplog.set_level(logging.WARNING)
    async with LocalDiscord(interaction_deadline=TEST_INTERACTION_DEADLINE) as server:
        yield server
    assert not server.unknown_routes, (
        f"the bot used routes the local Discord does not know: {server.unknown_routes}"
    )
    assert not server.rejected, f"the local Discord refused payloads (Discord would too): {server.rejected}"
    if request.node.get_closest_marker("expect_bot_errors") is None:
        errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
        assert not errors, "the bot logged errors: " + "; ".join(r.getMessage() for r in errors)


@pytest.fixture
async def bot(local: LocalDiscord, make_bot: Callable[[], ReportBot]) -> AsyncIterator[ReportBot]:
    async with running_bot(local, make_bot) as client:
        yield client
