"""What the bot knows and how it works: ``/facts``, ``/source``, ``/about``, ``/help``."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.addressing import help_for
from bot.discord_app.autocomplete import Choices, report_choices, sentence_choices
from bot.discord_app.embeds import about_embed, sentence_embed
from bot.discord_app.reply import ContextReplier, InteractionReplier
from bot.discord_app.service import answers_of
from bot.discord_app.views import ALL_REPORTS, facts_view

log = logging.getLogger(__name__)


class Info(commands.Cog):
    """Everything about the report itself rather than one question."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.answers = answers_of(bot)

    def _check_report(self, report: str | None) -> None:
        if report is not None:
            self.answers.engine.fact_base(report)  # UnknownReport names the known ones

    @app_commands.command(name="facts", description="What I know about the report, by topic")
    @app_commands.describe(report="Which report (default: all of them)")
    @app_commands.allowed_contexts(guilds=True, dms=True)
    async def facts(self, interaction: discord.Interaction, report: str | None = None) -> None:
        """What I know about the report, by topic, with a question to ask for each fact."""
        self._check_report(report)
        pages = self.answers.facts_pages(report)
        view = facts_view(report or ALL_REPORTS, 0, len(pages))
        await InteractionReplier(interaction).send(embed=pages[0], view=view, ephemeral=True)

    @app_commands.command(name="source", description="One sentence of the report, shown in its paragraph")
    @app_commands.describe(
        sentence="The sentence id, e.g. p3.s1 (paragraph 3, sentence 1)", report="Which report"
    )
    @app_commands.allowed_contexts(guilds=True, dms=True)
    async def source(
        self,
        interaction: discord.Interaction,
        sentence: app_commands.Range[str, 1, 20],
        report: str | None = None,
    ) -> None:
        """One sentence of the report by its id (p3.s1), shown in its paragraph."""
        rid = report or self.answers.engine.report_ids[0]
        found = self.answers.engine.sentence(sentence, rid)  # UnknownSentence / UnknownReport
        base = self.answers.engine.fact_base(rid)
        embed = sentence_embed(found, base.report.paragraph(found.paragraph), report_title=base.info.title)
        await InteractionReplier(interaction).send(embed=embed)

    @source.autocomplete("sentence")
    async def source_sentence_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return sentence_choices(self.answers.engine, current, getattr(interaction.namespace, "report", None))

    @facts.autocomplete("report")
    @source.autocomplete("report")
    async def report_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return report_choices(self.answers.engine, current)

    @app_commands.command(name="about", description="Which report, how answers are cited, what is stored")
    @app_commands.allowed_contexts(guilds=True, dms=True)
    async def about(self, interaction: discord.Interaction) -> None:
        """Which report I answer about, where it comes from, how answers cite it, and what is stored."""
        await InteractionReplier(interaction).send(embed=self._about(), ephemeral=True)

    def _about(self) -> discord.Embed:
        settings = self.answers.settings
        return about_embed(
            [self.answers.engine.fact_base(r) for r in self.answers.engine.report_ids],
            feedback_enabled=settings.feedback_enabled,
            retention_days=settings.feedback_retention_days,
            prefix_enabled=settings.message_content_intent,
            in_memory=self.answers.feedback_in_memory,
        )

    @app_commands.command(name="help", description="How to ask me questions")
    @app_commands.allowed_contexts(guilds=True, dms=True)
    async def help(self, interaction: discord.Interaction) -> None:
        """How to ask me questions, with examples."""
        await InteractionReplier(interaction).send(embed=self._help(), ephemeral=True)

    def _help(self) -> discord.Embed:
        return help_for(self.answers.settings, self.bot.user)

    @commands.command(name="help")
    async def help_text(self, ctx: commands.Context[Any]) -> None:
        """How to ask me questions (``@bot help``)."""
        await ContextReplier(ctx).send(embed=self._help())

    @commands.command(name="about")
    async def about_text(self, ctx: commands.Context[Any]) -> None:
        """Which report I answer about (``@bot about``)."""
        await ContextReplier(ctx).send(embed=self._about())


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Info(bot))
