"""Discord's text limits, and user text made safe to show: what every message of the bot obeys."""

from __future__ import annotations

import discord

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
BUTTON_LABEL_MAX = 80
CHOICE_NAME_MAX = 100
CONTENT_MAX = 2000

ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending with "…" when it was cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """User or report text made inert: no markdown, no mentions, on one line."""
    flat = " ".join(text.split())
    return discord.utils.escape_mentions(discord.utils.escape_markdown(flat))
