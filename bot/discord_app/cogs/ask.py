"""Asking: ``/ask`` with autocomplete, ``@bot <question>``, and ``!ask`` (with the Message Content intent)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.engine import MAX_QUESTION_CHARS
from bot.discord_app.embeds import CHOICE_NAME_MAX, truncate
from bot.discord_app.errors import handle_error
from bot.discord_app.reply import ContextReplier, InteractionReplier, MessageReplier

if TYPE_CHECKING:
    from bot.discord_app.client import ReportBot

log = logging.getLogger(__name__)

#: Discord shows at most 25 autocomplete choices.
MAX_CHOICES = 25
EMPTY_MENTION = "Ask me a question after the mention, for example: who leads the task force?"


class Ask(commands.Cog):
    """Answers questions, quoting the sentence of the report each answer comes from."""

    def __init__(self, bot: ReportBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="ask", description="Ask a question about the report; the answer quotes its source"
    )
    @app_commands.describe(
        question="Your question, e.g. Who leads the task force?",
        report="Which report to ask (default: all of them)",
    )
    @app_commands.allowed_contexts(guilds=True, dms=True)
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        report: str | None = None,
    ) -> None:
        """Ask a question about the report; the answer quotes the sentence it comes from."""
        await self.bot.answer_question(
            InteractionReplier(interaction),
            question,
            report=report,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id,
        )

    @ask.autocomplete("question")
    async def ask_question_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        report = getattr(interaction.namespace, "report", None)
        if report not in self.bot.engine.report_ids:
            report = None
        found = self.bot.engine.complete(current[:MAX_QUESTION_CHARS], report, limit=MAX_CHOICES)
        return choices(found)

    @ask.autocomplete("report")
    async def ask_report_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return report_choices(self.bot, current)

    @commands.command(name="ask", usage="<question>")
    @commands.bot_has_permissions(send_messages=True, embed_links=True)
    async def ask_text(self, ctx: commands.Context[Any], *, question: str) -> None:
        """Ask a question about the report (prefix form, e.g. !ask who leads the task force?)."""
        if not self.bot.answers_in(ctx.channel):
            return
        await self.bot.answer_question(
            ContextReplier(ctx), question, report=None, user_id=ctx.author.id, channel_id=ctx.channel.id
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """``@bot who leads the task force?`` in a channel, or any question in a DM."""
        if message.author.bot or message.webhook_id is not None:
            return  # other bots, webhooks, and this bot itself
        question = self.bot.question_in(message)
        if question is None or not self.bot.answers_in(message.channel):
            return
        words = question.split(maxsplit=1)
        if (
            words
            and self.bot.get_command(words[0].lower()) is not None
            and _invokes_command(self.bot, message)
        ):
            return  # "@bot help", "@bot ask ...": the command framework handles it
        if self.bot.settings.message_content_intent and message.content.startswith(
            self.bot.settings.command_prefix
        ):
            return  # "!ask ...": a prefix command
        replier = MessageReplier(message)
        where = f"mention (guild {message.guild.id if message.guild else None}, channel {message.channel.id})"
        try:
            if message.guild is not None:
                allowed = message.channel.permissions_for(message.guild.me)
                if not allowed.send_messages:
                    log.warning("%s: cannot send messages in this channel; not answering", where)
                    return
                if not allowed.embed_links:
                    raise commands.BotMissingPermissions(["embed_links"])
            if not question:
                await replier.send(EMPTY_MENTION, ephemeral=True)
                return
            if question.casefold().strip(" ?!.") == "help":  # "help" in a DM (no prefix there)
                await replier.send(embed=self.bot.help_embed())
                return
            await self.bot.answer_question(
                replier, question, report=None, user_id=message.author.id, channel_id=message.channel.id
            )
        except Exception as exc:
            await handle_error(replier, exc, where=where)


def _invokes_command(bot: ReportBot, message: discord.Message) -> bool:
    """True when the message starts with a mention of the bot, which is the command prefix."""
    me = bot.user
    content = (message.content or "").lstrip()
    return me is not None and (content.startswith(f"<@{me.id}>") or content.startswith(f"<@!{me.id}>"))


def choices(questions: list[str]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices: at most 25, each name and value at most 100 characters."""
    seen: set[str] = set()
    result = []
    for q in questions:
        value = q[:CHOICE_NAME_MAX]
        if value in seen or not value.strip():
            continue
        seen.add(value)
        result.append(app_commands.Choice(name=truncate(q, CHOICE_NAME_MAX), value=value))
        if len(result) >= MAX_CHOICES:
            break
    return result


def report_choices(bot: ReportBot, current: str) -> list[app_commands.Choice[str]]:
    """The loaded reports whose id or title contains what was typed."""
    typed = current.casefold().strip()
    result = []
    for rid in bot.engine.report_ids:
        title = bot.report_title(rid)
        if typed in rid.casefold() or typed in title.casefold():
            result.append(
                app_commands.Choice(name=truncate(f"{title} ({rid})", CHOICE_NAME_MAX), value=rid[:100])
            )
    return result[:MAX_CHOICES]


async def setup(bot: ReportBot) -> None:
    await bot.add_cog(Ask(bot))
