"""Run a bot against the local Discord: for the playground, the end-to-end tests and scripts.

The bot comes from a factory (``make_bot``: no arguments, returns a ready-to-start
``discord.Client`` or ``commands.Bot``), so any bot can be plugged in; ``reportbot_factory``
makes the real one. It logs in with the local Discord's own token: a configured
``DISCORD_TOKEN`` is never read or sent here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import webbrowser
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

import discord

from bot.discord_app.endpoints import use_local_discord
from bot.discord_app.local.server import LocalDiscord

log = logging.getLogger(__name__)

ClientT = TypeVar("ClientT", bound=discord.Client)

#: The playground's port when none is given (``--port 0`` picks a free one).
DEFAULT_PORT = 8765
#: How long discord.py waits for more guilds after the last GUILD_CREATE before "ready".
#: The default, 2 s, is for real Discord; the local one sends its only guild at once.
LOCAL_GUILD_READY_TIMEOUT = 0.1
#: The longest a bot may take from login to ready before starting counts as failed.
START_TIMEOUT = 20.0


class BotRunner:
    """One bot instance connected to a local Discord: ``await start()``, then ``await stop()``.

    ``start`` logs in first (which runs the bot's ``setup_hook``), then runs ``connect()`` as
    a task and waits for ready; it syncs the command tree to the local Discord when the bot
    did not sync any itself while starting. ``failure`` holds the exception that ended the
    gateway task, if any.
    """

    def __init__(
        self,
        local: LocalDiscord,
        make_bot: Callable[[], ClientT],
        *,
        sync_commands: bool = True,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self.local = local
        self.make_bot = make_bot
        self.sync_commands = sync_commands
        self.start_timeout = start_timeout
        self.client: discord.Client | None = None
        self.task: asyncio.Task[None] | None = None
        self._urls: contextlib.ExitStack | None = None

    @property
    def failure(self) -> BaseException | None:
        task = self.task
        if task is None or not task.done() or task.cancelled():
            return None
        return task.exception()

    async def start(self) -> discord.Client:
        self._urls = contextlib.ExitStack()
        self._urls.enter_context(use_local_discord(self.local.url))
        try:
            client = self.client = self.make_bot()
            state = client._connection  # no public setter: see LOCAL_GUILD_READY_TIMEOUT
            state.guild_ready_timeout = min(state.guild_ready_timeout, LOCAL_GUILD_READY_TIMEOUT)
            syncs_before = len(self.local.command_syncs)
            async with asyncio.timeout(self.start_timeout):
                await client.login(self.local.token)
                self.task = asyncio.create_task(client.connect(reconnect=True), name="local-discord-gateway")
                ready = asyncio.create_task(client.wait_until_ready())
                await asyncio.wait({ready, self.task}, return_when=asyncio.FIRST_COMPLETED)
                if not ready.done():
                    ready.cancel()
                    raise RuntimeError(
                        "the bot's gateway connection ended before it was ready"
                    ) from self.failure
                if self.sync_commands and len(self.local.command_syncs) == syncs_before:
                    await sync_command_tree(client, self.local)
        except BaseException:
            await self.stop()
            raise
        return client

    async def stop(self) -> None:
        """Close the bot and its gateway task; restore discord.py's URLs."""
        try:
            if self.client is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(self.client.close(), 10.0)
            if self.task is not None and not self.task.done():
                with contextlib.suppress(BaseException):
                    await asyncio.wait_for(self.task, 5.0)
        finally:
            if self._urls is not None:
                self._urls.close()
                self._urls = None


async def sync_command_tree(client: discord.Client, local: LocalDiscord) -> None:
    """Sync the bot's app commands to the local Discord if the bot has not (it starts empty)."""
    tree = getattr(client, "tree", None)
    if not isinstance(tree, discord.app_commands.CommandTree):
        return
    if None not in local.commands and tree.get_commands():
        await tree.sync()
    guild = discord.Object(local.guild_id)
    if local.guild_id not in local.commands and tree.get_commands(guild=guild):
        await tree.sync(guild=guild)


@asynccontextmanager
async def running_bot(
    local: LocalDiscord, make_bot: Callable[[], ClientT], *, sync_commands: bool = True
) -> AsyncIterator[ClientT]:
    """``async with running_bot(local, make_bot) as bot:`` a bot logged in and ready.

    On exit the bot is closed and discord.py's URLs restored; an exception that ended the
    bot's gateway task (a gateway payload discord.py could not parse, say) is raised then.
    """
    runner = BotRunner(local, make_bot, sync_commands=sync_commands)
    client = await runner.start()
    try:
        yield client  # type: ignore[misc]
    finally:
        failure = runner.failure
        await runner.stop()
        if failure is not None:
            raise RuntimeError(f"the bot's gateway connection failed: {failure!r}") from failure


async def serve_playground(
    make_bot: Callable[[], discord.Client] | None,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    announce: Callable[[str], None] | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Start the local Discord and the bot in this process; serve until ``stop`` is set,
    the task is cancelled (Ctrl-C), or the bot's connection fails. Without ``make_bot`` only
    the local Discord and its page run, waiting for a bot started elsewhere (``reportbot run``)."""
    say = announce or _print
    async with LocalDiscord(host=host, port=port) as local:
        if make_bot is None:
            url = local.url + "/"
            say(f"reportbot playground (no bot): {url}  (a local Discord; Ctrl-C stops it)")
            say("Start the bot against it from another terminal:")
            say(
                f"  DISCORD_TOKEN={local.token} DISCORD_API_BASE={local.api_url} "
                f"DISCORD_GATEWAY_URL={local.gateway_url} MESSAGE_CONTENT_INTENT=true "
                "reportbot run --sync-global"
            )
            if open_browser:
                webbrowser.open(url)
            await (stop.wait() if stop is not None else asyncio.Event().wait())
            return
        runner = BotRunner(local, make_bot)
        await runner.start()
        try:
            url = local.url + "/"
            say(f"reportbot playground: {url}  (a local Discord; Ctrl-C stops it)")
            if open_browser:
                webbrowser.open(url)
            waits: set[asyncio.Future[object]] = {runner.task}  # type: ignore[arg-type]
            if stop is not None:
                waits.add(asyncio.ensure_future(stop.wait()))
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            for w in waits:
                if w is not runner.task:
                    w.cancel()
            if runner.failure is not None:
                raise RuntimeError(
                    f"the bot's gateway connection failed: {runner.failure!r}"
                ) from runner.failure
        finally:
            await runner.stop()


def _print(line: str) -> None:
    print(line, flush=True)


def run_playground(
    make_bot: Callable[[], discord.Client] | None,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
) -> None:
    """Run the playground until Ctrl-C: the local Discord, the bot from ``make_bot``, the page."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_playground(make_bot, host=host, port=port, open_browser=open_browser))
