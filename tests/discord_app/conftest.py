"""Fixtures for the Discord layer: a bot built offline, and spec'd fakes of what Discord sends.

The bot gets the session's Engine, a MemorySink and a clock the test moves by hand. Interactions,
messages and contexts are ``MagicMock(spec=...)`` of the real discord.py classes, so a call the
real class does not have fails the test; ``response``/``followup`` are spec'd explicitly so that
their coroutine methods are awaitable.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import MagicMock

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.feedback.events import MemorySink
from bot.settings import Settings

from ..conftest import REPORT_ID

BOT_ID = 4242424242424242
OWNER_ID = 1111111111111111
FAKE_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.fake-token-for-tests-0123456789abcdefgh"


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting leaks in from the developer's environment."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture(scope="session")
def seed_text(root: Path) -> str:
    return (root / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")


def make_settings(**overrides: Any) -> Settings:
    return Settings(_env_file=None, discord_token=FAKE_TOKEN, **overrides)  # type: ignore[call-arg]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sink() -> MemorySink:
    return MemorySink()


BotFactory = Callable[..., Awaitable[ReportBot]]


@pytest.fixture
async def make_bot(engine: Engine, sink: MemorySink, clock: FakeClock) -> AsyncIterator[BotFactory]:
    """Builds started bots (``setup_hook`` run, as at login) and closes them afterwards."""
    bots: list[ReportBot] = []

    async def make(*, engine_: Engine | None = None, sink_: Any = None, **overrides: Any) -> ReportBot:
        bot = ReportBot(
            engine=engine_ or engine,
            settings=make_settings(**overrides),
            feedback=sink if sink_ is None else sink_,
            clock=clock,
        )
        user = MagicMock(spec=discord.ClientUser)
        user.id = BOT_ID
        user.bot = True
        user.mention = f"<@{BOT_ID}>"
        bot._connection.user = user
        bot.owner_id = OWNER_ID
        await bot.setup_hook()
        bots.append(bot)
        return bot

    yield make
    for bot in bots:
        await bot.close()


@pytest.fixture
async def bot(make_bot: BotFactory) -> ReportBot:
    return await make_bot()


def make_interaction(
    bot: ReportBot,
    *,
    user_id: int = 501,
    channel_id: int = 601,
    guild_id: int | None = 701,
    message: Any = None,
    namespace: dict[str, Any] | None = None,
) -> MagicMock:
    i = MagicMock(spec=discord.Interaction)
    i.response = MagicMock(spec=discord.InteractionResponse)
    i.followup = MagicMock(spec=discord.Webhook)
    r = i.response
    r.is_done.side_effect = lambda: bool(
        r.send_message.await_count or r.edit_message.await_count or r.defer.await_count
    )
    i.client = bot
    i.user = MagicMock(spec=discord.Member)
    i.user.id = user_id
    i.user.bot = False
    i.channel_id = channel_id
    i.guild_id = guild_id
    i.message = message
    i.namespace = SimpleNamespace(**(namespace or {}))
    return i


def sends(i: MagicMock) -> list[dict[str, Any]]:
    """Everything sent in reply to an interaction (response, then follow-ups), as kwargs."""
    calls = list(i.response.send_message.await_args_list) + list(i.followup.send.await_args_list)
    return [dict(c.kwargs, content=c.kwargs.get("content", c.args[0] if c.args else None)) for c in calls]


def only_send(i: MagicMock) -> dict[str, Any]:
    sent = sends(i)
    assert len(sent) == 1, sent
    return sent[0]


def make_message(
    bot: ReportBot,
    content: str,
    *,
    author_id: int = 501,
    channel_id: int = 601,
    dm: bool = False,
    author_bot: bool = False,
) -> MagicMock:
    m = MagicMock(spec=discord.Message)
    m.content = content
    m.id = 9000 + author_id
    m.author = MagicMock(spec=discord.User if dm else discord.Member)
    m.author.id = author_id
    m.author.bot = author_bot
    m.webhook_id = None
    m.mentions = [bot.user] if f"<@{BOT_ID}>" in content or f"<@!{BOT_ID}>" in content else []
    m.role_mentions = []
    if dm:
        m.guild = None
        m.channel = MagicMock(spec=discord.DMChannel)
    else:
        m.guild = MagicMock(spec=discord.Guild)
        m.guild.id = 701
        m.guild.self_role = None
        m.channel = MagicMock(spec=discord.TextChannel)
    m.channel.id = channel_id
    return m


def make_ctx(bot: ReportBot, *, author_id: int = 501, channel_id: int = 601) -> MagicMock:
    ctx = MagicMock(spec=commands.Context)
    ctx.bot = bot
    ctx.author = MagicMock(spec=discord.Member)
    ctx.author.id = author_id
    ctx.channel = MagicMock(spec=discord.TextChannel)
    ctx.channel.id = channel_id
    ctx.guild = MagicMock(spec=discord.Guild)
    ctx.guild.id = 701
    ctx.command = None
    return ctx


def replies(mock_method: Any) -> list[dict[str, Any]]:
    """The kwargs of every awaited call of ``message.reply`` or ``ctx.reply``."""
    return [
        dict(c.kwargs, content=c.kwargs.get("content", c.args[0] if c.args else None))
        for c in mock_method.await_args_list
    ]


async def run_slash(bot: ReportBot, interaction: MagicMock, name: str, **options: Any) -> None:
    """Dispatch a slash command the way discord.py does on INTERACTION_CREATE (checks,
    argument handling and the tree's error handler included), for the flood test's thousand
    mocked requests; everything else about slash commands is tested through the local Discord
    (tests/discord_app/local/)."""
    interaction.type = discord.InteractionType.application_command
    interaction.data = {
        "id": "1",
        "name": name,
        "type": 1,
        "options": [{"name": k, "type": 3, "value": v} for k, v in options.items() if v is not None],
    }
    interaction.command_failed = False
    interaction.command = bot.tree.get_command(name)  # what the real property reads from `data`
    try:  # as CommandTree._from_interaction: a failed check goes to the tree's error handler
        await bot.tree._call(interaction)
    except app_commands.AppCommandError as exc:
        await bot.tree._dispatch_error(interaction, exc)


async def drain() -> None:
    """Let tasks discord.py scheduled (button dispatch) run to completion."""
    me = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not me and t.get_name().startswith("discord-ui")]
    if pending:
        await asyncio.gather(*pending)
