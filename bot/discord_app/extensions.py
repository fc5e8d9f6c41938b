"""The bot's extensions, one per feature: loaded at start-up, reloaded by the owner's ``reload``."""

from __future__ import annotations

EXTENSIONS = (
    "bot.discord_app.cogs.errors",
    "bot.discord_app.cogs.ask",
    "bot.discord_app.cogs.info",
    "bot.discord_app.cogs.admin",
)


def short_name(extension: str) -> str:
    """``bot.discord_app.cogs.ask`` -> ``ask``, as the owner types it."""
    return extension.rsplit(".", 1)[1]
