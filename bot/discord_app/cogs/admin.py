"""Owner tools: sync the slash commands, reload the cogs or the knowledge. Hidden from everyone else.

These are text commands addressed by mention (``@reportbot sync global``), so they work without
the Message Content intent and never show up in the slash-command list of a server.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from discord.ext import commands

from bot.discord_app.extensions import EXTENSIONS, short_name
from bot.discord_app.markup import CONTENT_MAX, escape, truncate
from bot.discord_app.reply import ContextReplier

log = logging.getLogger(__name__)

#: ``@reportbot reload knowledge``: not a cog's name, the fact base's.
KNOWLEDGE = "knowledge"


class Admin(commands.Cog, command_attrs={"hidden": True}):
    """For the bot's owner only."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context[Any]) -> bool:  # type: ignore[override]
        if not await self.bot.is_owner(ctx.author):
            raise commands.NotOwner("owner only")
        return True

    @commands.command(name="sync")
    async def sync(
        self, ctx: commands.Context[Any], scope: Literal["here", "global", "clear"] = "here"
    ) -> None:
        """Sync slash commands: to this server (here), everywhere (global), or remove this server's copies (clear)."""
        tree = self.bot.tree
        if scope == "global":
            synced = await tree.sync()
            text = (
                f"Synced {len(synced)} command(s) globally; they can take a few minutes to show everywhere."
            )
        elif ctx.guild is None:
            text = "`here` and `clear` work in a server; in a DM use `sync global`."
        elif scope == "clear":
            tree.clear_commands(guild=ctx.guild)
            await tree.sync(guild=ctx.guild)
            text = "Removed this server's copies of the commands (the global ones stay)."
        else:
            tree.copy_global_to(guild=ctx.guild)
            synced = await tree.sync(guild=ctx.guild)
            text = f"Synced {len(synced)} command(s) to this server."
        log.info("owner sync %s: %s", scope, text)
        await ContextReplier(ctx).send(text)

    @commands.command(name="reload")
    async def reload(self, ctx: commands.Context[Any], name: str | None = None) -> None:
        """Reload one cog (ask, info, admin, errors) or all of them, e.g. after editing the code;
        ``reload knowledge`` reloads the fact base and the reports from their files instead."""
        if name == KNOWLEDGE:
            await self._reload_knowledge(ctx)
            return
        targets = [e for e in EXTENSIONS if name is None or short_name(e) == name]
        if not targets:
            known = ", ".join(short_name(e) for e in EXTENSIONS)
            await ContextReplier(ctx).send(f"No cog named {escape(name or '')}; the cogs: {known}.")
            return
        for extension in targets:
            await self.bot.reload_extension(extension)
        log.info("owner reloaded %s", ", ".join(targets))
        await ContextReplier(ctx).send("Reloaded: " + ", ".join(short_name(e) for e in targets) + ".")

    async def _reload_knowledge(self, ctx: commands.Context[Any]) -> None:
        reloader = getattr(self.bot, "reloader", None)
        if reloader is None:
            await ContextReplier(ctx).send("This bot cannot reload its knowledge.")
            return
        log.info("owner asked to reload the knowledge")
        outcome = await reloader.files_changed(notify=False)  # the owner reads the reply
        await ContextReplier(ctx).send(
            truncate(escape(outcome.report(max_chars=CONTENT_MAX - 300)), CONTENT_MAX)
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Admin(bot))
