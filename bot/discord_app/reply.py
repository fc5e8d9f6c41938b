"""One way to reply, whatever was asked through: a slash command, a button, a mention or ``!ask``.

Every reply blocks all mentions. An interaction can answer privately (ephemeral); a message
cannot, so a private notice there is a reply that deletes itself after a while.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

log = logging.getLogger(__name__)

#: No reply of the bot pings anyone, whatever the question contained.
NO_MENTIONS = discord.AllowedMentions.none()
#: A notice that would be ephemeral in an interaction disappears after this many seconds.
NOTICE_SECONDS = 20.0


class Replier:
    """Sends the reply to one request."""

    #: True when ``ephemeral`` really hides the reply from others.
    private = False

    async def send(
        self,
        content: str | None = None,
        *,
        embed: discord.Embed | None = None,
        view: discord.ui.View | None = None,
        ephemeral: bool = False,
    ) -> None:
        raise NotImplementedError


def _kwargs(content: str | None, embed: discord.Embed | None, view: discord.ui.View | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if content is not None:
        kwargs["content"] = content
    if embed is not None:
        kwargs["embed"] = embed
    if view is not None:
        kwargs["view"] = view
    return kwargs


class InteractionReplier(Replier):
    """Replies to an interaction: the response if not sent yet, else a follow-up."""

    private = True

    def __init__(self, interaction: discord.Interaction) -> None:
        self.interaction = interaction

    async def send(
        self,
        content: str | None = None,
        *,
        embed: discord.Embed | None = None,
        view: discord.ui.View | None = None,
        ephemeral: bool = False,
    ) -> None:
        kwargs = _kwargs(content, embed, view)
        if self.interaction.response.is_done():
            await self.interaction.followup.send(ephemeral=ephemeral, **kwargs)
        else:
            await self.interaction.response.send_message(ephemeral=ephemeral, **kwargs)


class MessageReplier(Replier):
    """Replies to a message (the mention form) or a prefix command (``!ask``), without pinging
    its author; an "ephemeral" reply deletes itself after NOTICE_SECONDS."""

    def __init__(self, target: discord.Message | commands.Context[Any]) -> None:
        self.target = target

    async def send(
        self,
        content: str | None = None,
        *,
        embed: discord.Embed | None = None,
        view: discord.ui.View | None = None,
        ephemeral: bool = False,
    ) -> None:
        kwargs = _kwargs(content, embed, view)
        if ephemeral:
            kwargs["delete_after"] = NOTICE_SECONDS
        await self.target.reply(mention_author=False, **kwargs)


#: A prefix command is replied to as a message is.
ContextReplier = MessageReplier
