"""The bot: a ``commands.Bot`` given its engine, settings, feedback sink and clock.

Everything it needs is injected, so tests build it without a token or a network. What happens to
a question is the application service's (``answers``, an ``answering.Answerer``); the bot connects
it to Discord. ``setup_hook`` (run once, at login) loads the cogs, registers the persistent
buttons and syncs the slash commands to the test server when one is set; a global sync happens
only on request (``reportbot run --sync-global`` or the owner's ``sync global`` command). It then
loads what Korean questions need, in a thread, before the bot connects.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core import korean
from bot.core.engine import Engine
from bot.discord_app.answering import Answerer
from bot.discord_app.extensions import EXTENSIONS
from bot.discord_app.reload import KnowledgeReloader, owner_dm, start_watching, stop_watching
from bot.discord_app.reply import NO_MENTIONS
from bot.discord_app.views import PERSISTENT_ITEMS
from bot.feedback.events import FeedbackSink
from bot.settings import Settings

log = logging.getLogger(__name__)

#: What the bot needs in a channel: post, show answers as embeds, reply to a message.
REQUIRED_PERMISSIONS = discord.Permissions(send_messages=True, embed_links=True, read_message_history=True)
#: The OAuth2 scopes of the invite link.
SCOPES = ("bot", "applications.commands")


class RateLimitedTree(app_commands.CommandTree["ReportBot"]):
    """The slash-command tree, rate-limited before anything else runs: a limited command gets
    RateLimited (an ephemeral "slow down" from the error handler), a limited autocomplete an
    empty list of choices."""

    async def interaction_check(self, interaction: discord.Interaction[ReportBot], /) -> bool:
        answers = self.client.answers
        if interaction.type is discord.InteractionType.autocomplete:
            if answers.limited(interaction.user.id, interaction.channel_id):
                try:
                    await interaction.response.autocomplete([])
                except discord.HTTPException as exc:  # the person typed on; nothing to answer
                    log.debug("a rate-limited autocomplete could not be answered: %s", exc)
                return False
            return True
        answers.admit(interaction.user.id, interaction.channel_id)
        return True


class ReportBot(commands.Bot):
    """Answers questions about the loaded reports in Discord."""

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        feedback: FeedbackSink,
        clock: Callable[[], float] = time.monotonic,
        sync_global: bool = False,
        data_dir: Path | None = None,
        reports: Iterable[str] | None = None,
        watch: bool = False,
    ) -> None:
        # The bot never joins voice: skip discord.py's warnings about voice libraries.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.default()
        intents.message_content = settings.message_content_intent
        prefix: Any = (
            commands.when_mentioned_or(settings.command_prefix)
            if settings.message_content_intent
            else commands.when_mentioned
        )
        super().__init__(
            command_prefix=prefix,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            case_insensitive=True,
            strip_after_prefix=True,
            tree_cls=RateLimitedTree,
        )
        self.settings = settings
        self.sync_global = sync_global
        #: The application service that cogs and buttons use (``service.AnswerService``).
        self.answers = Answerer(engine, settings, feedback, clock=clock)
        self.add_check(self._admit)  # every prefix command (``@bot help``, ``!ask``) first
        #: Reloads the knowledge from its files (``--watch``, ``@reportbot reload knowledge``).
        self.reloader = KnowledgeReloader(
            self.answers,
            data_dir if data_dir is not None else settings.reportbot_data_dir,
            reports if reports is not None else (settings.reportbot_reports or None),
            notify_owner=lambda text: owner_dm(self, text),
        )
        self.watch = watch
        self._watcher: Any = None

    @property
    def engine(self) -> Engine:
        """The engine being served (a reload swaps it)."""
        return self.answers.engine

    async def _admit(self, ctx: commands.Context[Any]) -> bool:
        self.answers.admit(ctx.author.id, ctx.channel.id if ctx.channel else None)
        return True

    # -- start-up ---------------------------------------------------------------------------
    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        self.add_dynamic_items(*PERSISTENT_ITEMS)
        if self.settings.discord_guild_id is not None:
            guild = discord.Object(id=self.settings.discord_guild_id)
            self.tree.copy_global_to(guild=guild)
            try:
                synced = await self.tree.sync(guild=guild)
            except discord.HTTPException as exc:
                # Not fatal: mentions and any globally synced commands still work.
                log.warning(
                    "could not sync the slash commands to the test server %s (%s); is the bot in that "
                    "server, invited with the applications.commands scope? Check DISCORD_GUILD_ID.",
                    guild.id,
                    exc,
                )
            else:
                log.info("synced %d slash command(s) to the test server %s", len(synced), guild.id)
        if self.sync_global:
            synced = await self.tree.sync()
            log.info("synced %d slash command(s) globally", len(synced))
        if self.watch and self._watcher is None:
            self._watcher = await start_watching(self.reloader)
            log.info("watching knowledge/ and seeds/ for changes (--watch)")
        # Korean questions need a lexicon and tables: loaded now, in a thread (the event loop
        # goes on), so that no Korean user waits for them (English questions never do).
        started = time.perf_counter()
        try:
            await asyncio.to_thread(korean.load)
        except Exception:  # the first Korean question loads them instead, and says why
            log.exception("could not load what Korean questions need")
        else:
            log.info("Korean questions ready (%.0f ms)", (time.perf_counter() - started) * 1000)

    async def on_ready(self) -> None:
        log.info(
            "connected as %s to %d server(s); serving %s",
            self.user,
            len(self.guilds),
            ", ".join(self.engine.report_ids),
        )
        if self.application_id is not None:
            log.info("invite link: %s", invite_url(self.application_id))

    async def close(self) -> None:
        await stop_watching(self._watcher)
        await super().close()
        self.answers.close()  # pending feedback writes finish before the runner closes the store


def invite_url(application_id: int) -> str:
    """The link that adds the bot to a server with the scopes and permissions it needs."""
    return discord.utils.oauth_url(application_id, permissions=REQUIRED_PERMISSIONS, scopes=SCOPES)
