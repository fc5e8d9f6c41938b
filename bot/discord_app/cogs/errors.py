"""Wires discord.py's error hooks to the one error handler (``bot.discord_app.errors``)."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.errors import handle_error
from bot.discord_app.reply import ContextReplier, InteractionReplier

log = logging.getLogger(__name__)


class Errors(commands.Cog):
    """Slash-command errors (the tree's ``on_error``) and prefix-command errors, in one place."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous: Any = None

    async def cog_load(self) -> None:
        tree = self.bot.tree
        self._previous = tree.on_error
        tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        where = f"/{name} (guild {interaction.guild_id}, channel {interaction.channel_id})"
        await handle_error(InteractionReplier(interaction), error, where=where)

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context[Any], error: commands.CommandError) -> None:
        guild = ctx.guild.id if ctx.guild else None
        channel = ctx.channel.id if ctx.channel else None
        where = (
            f"command {ctx.command.qualified_name if ctx.command else '?'} (guild {guild}, channel {channel})"
        )
        await handle_error(ContextReplier(ctx), error, where=where)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Errors(bot))
