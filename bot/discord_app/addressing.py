"""How people address the bot: a mention (of the bot or its role), a DM, the prefix; where it
answers (ANSWER_CHANNEL_IDS); and the help that names the ways this bot accepts."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.discord_app.embeds import help_embed
from bot.settings import Settings


def question_in(message: discord.Message, me: discord.abc.User | None) -> str | None:
    """The question a message asks the bot ``me`` (the mention removed), or None if not addressed.

    A message is addressed to the bot when it mentions the bot (or the bot's role) or is a
    direct message. Discord delivers the text of such messages without the privileged intent.
    """
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


def starts_with_mention(message: discord.Message, me: discord.abc.User | None) -> bool:
    """True when the message starts with a mention of the bot, which is the command prefix."""
    content = (message.content or "").lstrip()
    return me is not None and (content.startswith(f"<@{me.id}>") or content.startswith(f"<@!{me.id}>"))


def answers_in(settings: Settings, channel: Any) -> bool:
    """True when mentions and ``!ask`` are answered in ``channel`` (ANSWER_CHANNEL_IDS)."""
    allowed = settings.answer_channel_ids
    if not allowed or isinstance(channel, discord.abc.PrivateChannel):
        return True
    ids = {getattr(channel, "id", None), getattr(channel, "parent_id", None)}
    return any(i in allowed for i in ids if i is not None)


def help_for(settings: Settings, me: discord.abc.User | None) -> discord.Embed:
    """How to ask, naming the ways this bot is configured to accept."""
    return help_embed(
        prefix=settings.command_prefix if settings.message_content_intent else None,
        mention=me.mention if me is not None else "@reportbot",
    )
