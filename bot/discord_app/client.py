"""The bot: a ``commands.Bot`` given its engine, settings, feedback sink and clock.

Everything it needs is injected, so tests build it without a token or a network. ``setup_hook``
(run once, at login) loads the cogs, registers the persistent buttons and syncs the slash
commands to the test server when one is set; a global sync happens only on request
(``reportbot run --sync-global`` or the owner's ``sync global`` command).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import discord
from discord.ext import commands

from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.discord_app.answering import Answerer
from bot.discord_app.embeds import answer_embed, decline_embed, facts_pages, help_embed
from bot.discord_app.errors import QuestionTooLong, RateLimited
from bot.discord_app.limits import LRU, QuestionLimits
from bot.discord_app.reply import NO_MENTIONS, Replier
from bot.discord_app.views import ALL_REPORTS, PERSISTENT_ITEMS, answer_view
from bot.feedback.events import FeedbackEvent, FeedbackSink
from bot.settings import Settings

log = logging.getLogger(__name__)

#: One extension per feature; the owner's ``reload`` reloads them.
EXTENSIONS = (
    "bot.discord_app.cogs.errors",
    "bot.discord_app.cogs.ask",
    "bot.discord_app.cogs.info",
    "bot.discord_app.cogs.admin",
)
#: What the bot needs in a channel: post, show answers as embeds, reply to a message.
REQUIRED_PERMISSIONS = discord.Permissions(send_messages=True, embed_links=True, read_message_history=True)
#: The OAuth2 scopes of the invite link.
SCOPES = ("bot", "applications.commands")
#: How many (message, user) votes are remembered to refuse a second vote.
VOTES_REMEMBERED = 10_000


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
        )
        self.engine = engine
        self.settings = settings
        self.feedback = feedback
        #: Feedback kept in memory only (the playground): /about says so instead of a retention.
        self.feedback_in_memory = False
        self.clock = clock
        self.sync_global = sync_global
        self.answers = Answerer(engine)
        self.limits = QuestionLimits(
            user_rate=settings.user_rate,
            user_per=settings.user_rate_seconds,
            channel_rate=settings.channel_rate,
            channel_per=settings.channel_rate_seconds,
            max_keys=settings.rate_limit_max_keys,
            clock=clock,
        )
        self.votes: LRU[tuple[Any, ...], bool] = LRU(VOTES_REMEMBERED)
        # Feedback writes are blocking I/O: one worker thread keeps them off the event loop and in
        # order (SQLite serialises writers anyway).
        self._feedback_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="feedback")
        self._pages: dict[str, list[discord.Embed]] = {}

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
        await super().close()
        # Pending feedback writes finish before the runner closes the store.
        self._feedback_thread.shutdown(wait=True)

    # -- what the cogs and buttons share ----------------------------------------------------
    def report_title(self, report: str | None) -> str:
        return self.engine.fact_base(report).info.title

    def facts_pages(self, report: str | None) -> list[discord.Embed]:
        """The pages of /facts for one report or all (built once: the fact base never changes)."""
        key = report or ALL_REPORTS
        if key not in self._pages:
            ids = [report] if report else self.engine.report_ids
            self._pages[key] = facts_pages([self.engine.fact_base(r) for r in ids])
        return [e.copy() for e in self._pages[key]]

    def help_embed(self) -> discord.Embed:
        """How to ask, naming the ways this bot is configured to accept."""
        settings = self.settings
        return help_embed(
            prefix=settings.command_prefix if settings.message_content_intent else None,
            mention=self.user.mention if self.user is not None else "@reportbot",
        )

    def answers_in(self, channel: Any) -> bool:
        """True when mentions and ``!ask`` are answered in ``channel`` (ANSWER_CHANNEL_IDS)."""
        allowed = self.settings.answer_channel_ids
        if not allowed or isinstance(channel, discord.abc.PrivateChannel):
            return True
        ids = {getattr(channel, "id", None), getattr(channel, "parent_id", None)}
        return any(i in allowed for i in ids if i is not None)

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot (the mention removed), or None if not addressed.

        A message is addressed to the bot when it mentions the bot (or the bot's role) or is a
        direct message. Discord delivers the text of such messages without the privileged intent.
        """
        me = self.user
        if me is None:
            return None
        text = message.content or ""
        patterns = [rf"<@!?{me.id}>"]
        addressed = me in message.mentions or re.search(patterns[0], text) is not None
        guild = message.guild
        role = guild.self_role if guild is not None else None
        if role is not None:
            patterns.append(rf"<@&{role.id}>")
            addressed = addressed or role in message.role_mentions
        if not addressed and guild is not None:
            return None
        for pattern in patterns:
            text = re.sub(pattern, " ", text)
        return " ".join(text.split())

    async def answer_question(
        self,
        replier: Replier,
        question: str,
        *,
        report: str | None,
        user_id: int,
        channel_id: int | None,
    ) -> str:
        """Answer one question, whichever way it was asked; returns "answered" or "declined".

        Raises QuestionTooLong, RateLimited or UnknownReport for the error handler.
        """
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionTooLong(len(question))
        if report is not None:
            self.engine.fact_base(report)  # UnknownReport names the known ones
        verdict = self.limits.check(user_id, channel_id)
        if not verdict.allowed:
            raise RateLimited(verdict)
        answer = await self.answers.ask(question, report)
        feedback = self.settings.feedback_enabled
        view = answer_view(
            answer, feedback=feedback, suggestion_of=lambda s: self.answers.fact_for_suggestion(s, report)
        )
        if answer.answered:
            rid = answer.citations[0].report
            embed = answer_embed(
                answer,
                question,
                report_title=self.report_title(rid),
                show_report=len(self.engine.report_ids) > 1,
            )
        else:
            title = self.report_title(report) if report or len(self.engine.report_ids) == 1 else "reportbot"
            embed = decline_embed(answer, question, report_title=title)
        await replier.send(embed=embed, view=view)
        if not answer.answered and answer.error is None and any(ch.isalnum() for ch in question):
            await self.record_feedback(
                FeedbackEvent(kind="declined", question=question, report=report, confidence=answer.confidence)
            )
        return "answered" if answer.answered else "declined"

    async def record_feedback(self, event: FeedbackEvent) -> bool:
        """Store ``event`` off the event loop; False (and a warning) when the store failed."""
        if not self.settings.feedback_enabled:
            return False
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._feedback_thread, self.feedback.record, event)
        except Exception as exc:
            log.warning("could not store %s feedback: %s", event.kind, exc)
            return False
        return True


def invite_url(application_id: int) -> str:
    """The link that adds the bot to a server with the scopes and permissions it needs."""
    return discord.utils.oauth_url(application_id, permissions=REQUIRED_PERMISSIONS, scopes=SCOPES)
