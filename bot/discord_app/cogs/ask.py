"""Asking: ``/ask`` with autocomplete, ``@bot <question>``, and ``!ask`` (with the Message Content intent)."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.engine import MAX_QUESTION_CHARS
from bot.discord_app.addressing import answers_in, help_for, question_in, starts_with_mention
from bot.discord_app.autocomplete import Choices, question_choices, report_choices
from bot.discord_app.errors import handle_error
from bot.discord_app.reply import ContextReplier, InteractionReplier, MessageReplier
from bot.discord_app.service import answers_of

log = logging.getLogger(__name__)

EMPTY_MENTION = "Ask me a question after the mention, for example: who leads the task force?"


class Ask(commands.Cog):
    """Answers questions, quoting the sentence of the report each answer comes from."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.answers = answers_of(bot)

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
        await self.answers.answer_question(
            InteractionReplier(interaction),
            question,
            report=report,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id,
        )

    @ask.autocomplete("question")
    async def ask_question_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return question_choices(self.answers.engine, current, getattr(interaction.namespace, "report", None))

    @ask.autocomplete("report")
    async def ask_report_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return report_choices(self.answers.engine, current)

    @commands.command(name="ask", usage="<question>")
    @commands.bot_has_permissions(send_messages=True, embed_links=True)
    async def ask_text(self, ctx: commands.Context[Any], *, question: str) -> None:
        """Ask a question about the report (prefix form, e.g. !ask who leads the task force?)."""
        if not answers_in(self.answers.settings, ctx.channel):
            return
        await self.answers.answer_question(
            ContextReplier(ctx), question, report=None, user_id=ctx.author.id, channel_id=ctx.channel.id
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """``@bot who leads the task force?`` in a channel, or any question in a DM."""
        if message.author.bot or message.webhook_id is not None:
            return  # other bots, webhooks, and this bot itself
        settings = self.answers.settings
        question = question_in(message, self.bot.user)
        if question is None or not answers_in(settings, message.channel):
            return
        words = question.split(maxsplit=1)
        if (
            words
            and self.bot.get_command(words[0].lower()) is not None
            and starts_with_mention(message, self.bot.user)
        ):
            return  # "@bot help", "@bot ask ...": the command framework handles it
        if settings.message_content_intent and message.content.startswith(settings.command_prefix):
            return  # "!ask ...": a prefix command
        replier = MessageReplier(message)
        where = f"mention (guild {message.guild.id if message.guild else None}, channel {message.channel.id})"
        try:
            allowed = None
            if message.guild is not None:
                allowed = message.channel.permissions_for(message.guild.me)
                if not allowed.send_messages:
                    log.warning("%s: cannot send messages in this channel; not answering", where)
                    return
            self.answers.admit(message.author.id, message.channel.id)  # before any reply
            if allowed is not None and not allowed.embed_links:
                raise commands.BotMissingPermissions(["embed_links"])
            if not question:
                await replier.send(EMPTY_MENTION, ephemeral=True)
                return
            if question.casefold().strip(" ?!.") == "help":  # "help" in a DM (no prefix there)
                await replier.send(embed=help_for(settings, self.bot.user))
                return
            await self.answers.answer_question(
                replier, question, report=None, user_id=message.author.id, channel_id=message.channel.id
            )
        except Exception as exc:
            await handle_error(replier, exc, where=where)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Ask(bot))
