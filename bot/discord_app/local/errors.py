"""What the local Discord's Python API raises."""

from __future__ import annotations


class LocalDiscordError(Exception):
    """A misuse of the local Discord's Python API (an unknown user, a missing button, ...)."""


class LocalDiscordTimeout(TimeoutError):
    """A wait ran out; the message says what was awaited and what the bot did meanwhile."""


class BotOffline(LocalDiscordError):
    """No bot is connected to the gateway, so there is nobody to send the event to."""
